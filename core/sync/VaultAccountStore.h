#pragma once

#include "sync/SyncTypes.h"
#include "util/Result.h"

#include <QList>
#include <QString>

namespace holdfast::cache {
class Database;
}

namespace holdfast::sync {

// A vault the user syncs from, with its credentials and sync settings.
struct VaultAccount
{
    QString name;             // the user's label, unique: "Team A recordings"
    QString url;              // file:///... or azure://container[/prefix]
    QString connectionString; // secret; empty for folder vaults or to use AZURE_STORAGE_CONNECTION_STRING
    QString extraCaFile;      // one more trusted CA (PEM), or empty
    MediaPolicy media = MediaPolicy::All;
    SyncScope scope;
    int autoSyncInterval_min = 0; // the desktop syncs by itself this often; 0: never
};

// The intervals automatic sync offers, in minutes: never, every 15 minutes,
// every hour, every 4 hours, daily.
inline constexpr int kAutoSyncIntervals_min[] = {0, 15, 60, 240, 1440};
bool isAutoSyncInterval(int minutes);

// The vault_accounts table (migrations 0003 and 0005). Writers need the caller's open
// transaction; callers serialise access to the database.
class VaultAccountStore
{
public:
    explicit VaultAccountStore(cache::Database& database)
        : m_database(database)
    {}

    // Inserts or replaces the account with this name; an interval that
    // isAutoSyncInterval() refuses is an error.
    Status save(const VaultAccount& account);
    Status remove(const QString& name);
    Result<QList<VaultAccount>> all(); // sorted by name

private:
    cache::Database& m_database;
};

} // namespace holdfast::sync

#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace holdfast::cache {

class Database;

// Numbered schema migrations, one SQL file each (core/cache/migrations/
// NNNN_name.sql, embedded as Qt resources). The schema version is
// PRAGMA user_version; each migration runs in its own transaction together
// with the version bump, so a crash leaves the previous version intact.
class Migrator
{
public:
    struct Migration
    {
        int version = 0;
        QString name; // file name, e.g. "0001_initial.sql"
        QByteArray sql;
    };

    // Sorted by version; versions run 1..N without gaps (checked: a broken
    // build fails every open rather than skipping a step).
    static const QList<Migration>& migrations();
    static int latestVersion();

    // Applies the pending migrations. Idempotent. Refuses a newer database.
    static Status migrate(Database& database);
};

} // namespace holdfast::cache

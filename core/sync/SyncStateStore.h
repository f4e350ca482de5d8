#pragma once

#include "util/Result.h"
#include "vault/Vault.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <optional>

namespace holdfast::cache {
class Database;
}

namespace holdfast::sync {

// A recording a vault delivered, with what the sync engine needs to decide
// what to do with it next time.
struct SyncedRecording
{
    QString recordingId;
    QString packagePath; // "recordings/2024/05/01/<id>"
    QString captureNode;
    bool verified = false;
    QString quarantineReason;
    QString holdState;
};

// A track whose media is not in the cache yet.
struct MissingMedia
{
    QString recordingId;
    QString path;      // package-relative ("media/a1.webm")
    QByteArray sha256; // hex, from the signed manifest
    qint64 bytes = 0;
};

struct PendingDownload
{
    QString etag;
    QString blobId;
};

// The sync tables (migrations 0001 sync_state, 0002 sync_recordings and
// sync_downloads). Writers need the caller's open transaction, like
// RecordingStore; callers serialise access to the database.
class SyncStateStore
{
public:
    explicit SyncStateStore(cache::Database& database)
        : m_database(database)
    {}

    // vault blob name -> ETag the cache reflects.
    Result<QHash<QString, QString>> etags(const QString& vaultUrl);
    Result<QHash<QString, SyncedRecording>> recordings(const QString& vaultUrl);
    // The vault (URL) a recording was synced from; empty when none.
    Result<QString> vaultOf(const QString& recordingId);
    Result<std::optional<SyncedRecording>> recording(const QString& vaultUrl, const QString& recordingId);
    Result<QList<MissingMedia>> missingMedia(const QString& vaultUrl);
    // False when the recording is quarantined (or gone) by now.
    Result<bool> isVerified(const QString& recordingId);

    // Replaces what is known of a package: its blobs' ETags and its recording
    // (downloads in progress are kept).
    Status recordPackage(const QString& vaultUrl, const QString& recordingId, const QString& packagePath,
                         const QList<vault::BlobEntry>& blobs);
    Status setEtag(const QString& vaultUrl, const vault::BlobEntry& blob);
    // Marks a recording as delivered by the vault (again, after it was re-inserted).
    Status linkRecording(const QString& vaultUrl, const QString& recordingId, const QString& packagePath);
    // Drops everything of a package, downloads in progress included (eviction).
    Status forgetPackage(const QString& vaultUrl, const QString& recordingId, const QString& packagePath);
    // Replaces the ETags recorded for keys/.
    Status recordKeys(const QString& vaultUrl, const QList<vault::BlobEntry>& keys);

    Result<std::optional<PendingDownload>> pendingDownload(const QString& vaultUrl, const QString& path);
    Status beginDownload(const QString& vaultUrl, const QString& path, const PendingDownload& download);
    Status endDownload(const QString& vaultUrl, const QString& path);
    // Partial blobs that suspended downloads will continue (all vaults).
    Result<QSet<QString>> pendingDownloadBlobIds();

private:
    Status requireTransaction(const QString& purpose) const;
    // Drops the ETags of every blob below directory ("recordings/…/<id>", "keys").
    Status forgetEtagsUnder(const QString& vaultUrl, const QString& directory, const QString& purpose);
    cache::Database& m_database;
};

} // namespace holdfast::sync

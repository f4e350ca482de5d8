#include "sync/SyncStateStore.h"

#include "cache/Database.h"
#include "cache/Statement.h"
#include "cache/StatementMacros.h"

#include <QDateTime>

namespace holdfast::sync {

namespace {

// Bounds of the names below a directory: [dir + "/", dir + "0"), as '0'
// follows '/' in ASCII.
QString lowerBound(const QString& directory)
{
    return directory + QLatin1Char('/');
}
QString upperBound(const QString& directory)
{
    return directory + QLatin1Char('0');
}

// Columns: recording_id, package_path, capture_node, verification_state,
// quarantine_reason, hold_state.
SyncedRecording syncedRecordingFromRow(const cache::Statement& stmt)
{
    return SyncedRecording{stmt.columnText(0), stmt.columnText(1),
                           stmt.columnText(2), stmt.columnText(3) == QLatin1String("verified"),
                           stmt.columnText(4), stmt.columnText(5)};
}

} // namespace

Status SyncStateStore::requireTransaction(const QString& purpose) const
{
    if (!m_database.inTransaction())
        return makeError(QStringLiteral("%1: must run inside a transaction").arg(purpose));
    return {};
}

Result<QHash<QString, QString>> SyncStateStore::etags(const QString& vaultUrl)
{
    HOLDFAST_CACHED(stmt, "SELECT path, etag FROM sync_state WHERE vault_url = ?1",
                    QStringLiteral("read the sync state"));
    HOLDFAST_TRY(stmt.bindText(1, vaultUrl));
    QHash<QString, QString> etags;
    for (;;) {
        Result<bool> row = stmt.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        etags.insert(stmt.columnText(0), stmt.columnText(1));
    }
    return etags;
}

Result<QHash<QString, SyncedRecording>> SyncStateStore::recordings(const QString& vaultUrl)
{
    HOLDFAST_CACHED(stmt,
                    "SELECT s.recording_id, s.package_path, r.capture_node, r.verification_state, "
                    "COALESCE(r.quarantine_reason, ''), r.hold_state FROM sync_recordings s "
                    "JOIN recordings r ON r.id = s.recording_id WHERE s.vault_url = ?1",
                    QStringLiteral("read the synced recordings"));
    HOLDFAST_TRY(stmt.bindText(1, vaultUrl));
    QHash<QString, SyncedRecording> recordings;
    for (;;) {
        Result<bool> row = stmt.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        SyncedRecording r = syncedRecordingFromRow(stmt);
        recordings.insert(r.recordingId, r);
    }
    return recordings;
}

Result<QString> SyncStateStore::vaultOf(const QString& recordingId)
{
    HOLDFAST_CACHED(stmt, "SELECT vault_url FROM sync_recordings WHERE recording_id = ?1 LIMIT 1",
                    QStringLiteral("find the vault of recording %1").arg(recordingId));
    HOLDFAST_TRY(stmt.bindText(1, recordingId));
    Result<bool> row = stmt.step();
    if (!row)
        return row.error();
    const QString url = *row ? stmt.columnText(0) : QString();
    stmt.reset();
    return url;
}

Result<std::optional<SyncedRecording>> SyncStateStore::recording(const QString& vaultUrl,
                                                                 const QString& recordingId)
{
    HOLDFAST_CACHED(
        stmt,
        "SELECT s.recording_id, s.package_path, r.capture_node, r.verification_state, "
        "COALESCE(r.quarantine_reason, ''), r.hold_state FROM sync_recordings s "
        "JOIN recordings r ON r.id = s.recording_id WHERE s.vault_url = ?1 AND s.recording_id = ?2",
        QStringLiteral("read synced recording %1").arg(recordingId));
    HOLDFAST_TRY(stmt.bindText(1, vaultUrl));
    HOLDFAST_TRY(stmt.bindText(2, recordingId));
    Result<bool> row = stmt.step();
    if (!row)
        return row.error();
    std::optional<SyncedRecording> found;
    if (*row)
        found = syncedRecordingFromRow(stmt);
    stmt.reset();
    return found;
}

Result<QList<MissingMedia>> SyncStateStore::missingMedia(const QString& vaultUrl)
{
    HOLDFAST_CACHED(stmt,
                    "SELECT f.recording_id, f.path, f.sha256, f.bytes FROM sync_recordings s "
                    "JOIN recordings r ON r.id = s.recording_id "
                    "JOIN tracks t ON t.recording_id = s.recording_id "
                    "JOIN files f ON f.recording_id = t.recording_id AND f.path = t.path "
                    "WHERE s.vault_url = ?1 AND r.verification_state = 'verified' AND f.blob_id IS NULL "
                    "ORDER BY r.started_at, f.path",
                    QStringLiteral("find media not yet downloaded"));
    HOLDFAST_TRY(stmt.bindText(1, vaultUrl));
    QList<MissingMedia> missing;
    for (;;) {
        Result<bool> row = stmt.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        missing.append(
            {stmt.columnText(0), stmt.columnText(1), stmt.columnText(2).toLatin1(), stmt.columnInt64(3)});
    }
    return missing;
}

Result<bool> SyncStateStore::isVerified(const QString& recordingId)
{
    HOLDFAST_CACHED(stmt, "SELECT verification_state = 'verified' FROM recordings WHERE id = ?1",
                    QStringLiteral("check recording %1").arg(recordingId));
    HOLDFAST_TRY(stmt.bindText(1, recordingId));
    Result<bool> row = stmt.step();
    if (!row)
        return row.error();
    const bool verified = *row && stmt.columnInt64(0) != 0;
    stmt.reset();
    return verified;
}

Status SyncStateStore::forgetEtagsUnder(const QString& vaultUrl, const QString& directory,
                                        const QString& purpose)
{
    HOLDFAST_CACHED(stmt, "DELETE FROM sync_state WHERE vault_url = ?1 AND path >= ?2 AND path < ?3",
                    purpose);
    HOLDFAST_TRY(stmt.bindText(1, vaultUrl));
    HOLDFAST_TRY(stmt.bindText(2, lowerBound(directory)));
    HOLDFAST_TRY(stmt.bindText(3, upperBound(directory)));
    return stmt.exec();
}

Status SyncStateStore::recordPackage(const QString& vaultUrl, const QString& recordingId,
                                     const QString& packagePath, const QList<vault::BlobEntry>& blobs)
{
    const QString purpose = QStringLiteral("record the sync state of %1").arg(packagePath);
    HOLDFAST_TRY(requireTransaction(purpose));
    // Downloads in progress stay: a resumed one checks the ETag it began with.
    HOLDFAST_TRY(forgetEtagsUnder(vaultUrl, packagePath, purpose));
    for (const vault::BlobEntry& blob : blobs)
        HOLDFAST_TRY(setEtag(vaultUrl, blob));
    return linkRecording(vaultUrl, recordingId, packagePath);
}

Status SyncStateStore::linkRecording(const QString& vaultUrl, const QString& recordingId,
                                     const QString& packagePath)
{
    const QString purpose = QStringLiteral("link recording %1 to its vault").arg(recordingId);
    HOLDFAST_TRY(requireTransaction(purpose));
    HOLDFAST_CACHED(stmt,
                    "INSERT OR REPLACE INTO sync_recordings (vault_url, recording_id, package_path) "
                    "VALUES (?1, ?2, ?3)",
                    purpose);
    HOLDFAST_TRY(stmt.bindText(1, vaultUrl));
    HOLDFAST_TRY(stmt.bindText(2, recordingId));
    HOLDFAST_TRY(stmt.bindText(3, packagePath));
    return stmt.exec();
}

Status SyncStateStore::setEtag(const QString& vaultUrl, const vault::BlobEntry& blob)
{
    const QString purpose = QStringLiteral("record the ETag of %1").arg(blob.name);
    HOLDFAST_TRY(requireTransaction(purpose));
    HOLDFAST_CACHED(stmt,
                    "INSERT OR REPLACE INTO sync_state (vault_url, path, etag, bytes, updated_at) "
                    "VALUES (?1, ?2, ?3, ?4, ?5)",
                    purpose);
    HOLDFAST_TRY(stmt.bindText(1, vaultUrl));
    HOLDFAST_TRY(stmt.bindText(2, blob.name));
    HOLDFAST_TRY(stmt.bindText(3, blob.etag));
    HOLDFAST_TRY(stmt.bindInt64(4, blob.bytes));
    HOLDFAST_TRY(stmt.bindInt64(5, QDateTime::currentMSecsSinceEpoch()));
    return stmt.exec();
}

Status SyncStateStore::forgetPackage(const QString& vaultUrl, const QString& recordingId,
                                     const QString& packagePath)
{
    const QString purpose = QStringLiteral("forget the sync state of %1").arg(packagePath);
    HOLDFAST_TRY(requireTransaction(purpose));
    HOLDFAST_TRY(forgetEtagsUnder(vaultUrl, packagePath, purpose));
    {
        HOLDFAST_CACHED(stmt, "DELETE FROM sync_downloads WHERE vault_url = ?1 AND path >= ?2 AND path < ?3",
                        purpose);
        HOLDFAST_TRY(stmt.bindText(1, vaultUrl));
        HOLDFAST_TRY(stmt.bindText(2, lowerBound(packagePath)));
        HOLDFAST_TRY(stmt.bindText(3, upperBound(packagePath)));
        HOLDFAST_TRY(stmt.exec());
    }
    HOLDFAST_CACHED(stmt, "DELETE FROM sync_recordings WHERE vault_url = ?1 AND recording_id = ?2", purpose);
    HOLDFAST_TRY(stmt.bindText(1, vaultUrl));
    HOLDFAST_TRY(stmt.bindText(2, recordingId));
    return stmt.exec();
}

Status SyncStateStore::recordKeys(const QString& vaultUrl, const QList<vault::BlobEntry>& keys)
{
    const QString purpose = QStringLiteral("record the ETags of the vault's keys");
    HOLDFAST_TRY(requireTransaction(purpose));
    HOLDFAST_TRY(forgetEtagsUnder(vaultUrl, QStringLiteral("keys"), purpose));
    for (const vault::BlobEntry& key : keys)
        HOLDFAST_TRY(setEtag(vaultUrl, key));
    return {};
}

Result<std::optional<PendingDownload>> SyncStateStore::pendingDownload(const QString& vaultUrl,
                                                                       const QString& path)
{
    HOLDFAST_CACHED(stmt, "SELECT etag, blob_id FROM sync_downloads WHERE vault_url = ?1 AND path = ?2",
                    QStringLiteral("find the download of %1").arg(path));
    HOLDFAST_TRY(stmt.bindText(1, vaultUrl));
    HOLDFAST_TRY(stmt.bindText(2, path));
    Result<bool> row = stmt.step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<PendingDownload>();
    PendingDownload pending{stmt.columnText(0), stmt.columnText(1)};
    stmt.reset(); // do not hold a read snapshot open
    return std::optional<PendingDownload>(pending);
}

Status SyncStateStore::beginDownload(const QString& vaultUrl, const QString& path,
                                     const PendingDownload& download)
{
    const QString purpose = QStringLiteral("record the download of %1").arg(path);
    HOLDFAST_TRY(requireTransaction(purpose));
    HOLDFAST_CACHED(stmt,
                    "INSERT OR REPLACE INTO sync_downloads (vault_url, path, etag, blob_id) "
                    "VALUES (?1, ?2, ?3, ?4)",
                    purpose);
    HOLDFAST_TRY(stmt.bindText(1, vaultUrl));
    HOLDFAST_TRY(stmt.bindText(2, path));
    HOLDFAST_TRY(stmt.bindText(3, download.etag));
    HOLDFAST_TRY(stmt.bindText(4, download.blobId));
    return stmt.exec();
}

Status SyncStateStore::endDownload(const QString& vaultUrl, const QString& path)
{
    const QString purpose = QStringLiteral("finish the download of %1").arg(path);
    HOLDFAST_TRY(requireTransaction(purpose));
    HOLDFAST_CACHED(stmt, "DELETE FROM sync_downloads WHERE vault_url = ?1 AND path = ?2", purpose);
    HOLDFAST_TRY(stmt.bindText(1, vaultUrl));
    HOLDFAST_TRY(stmt.bindText(2, path));
    return stmt.exec();
}

Result<QSet<QString>> SyncStateStore::pendingDownloadBlobIds()
{
    HOLDFAST_CACHED(stmt, "SELECT blob_id FROM sync_downloads", QStringLiteral("list suspended downloads"));
    QSet<QString> ids;
    for (;;) {
        Result<bool> row = stmt.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        ids.insert(stmt.columnText(0));
    }
    return ids;
}

} // namespace holdfast::sync

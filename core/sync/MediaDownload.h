#pragma once

#include "sync/SyncEngine.h"
#include "sync/SyncTypes.h"
#include "vault/Vault.h"

#include <QByteArray>
#include <QString>
#include <atomic>
#include <memory>
#include <optional>

namespace holdfast::cache {
class BlobWriter;
}

namespace holdfast::sync {

class BandwidthLimiter;
class RateMeter;

// One track's media file to bring into the cache.
struct MediaTask
{
    QString recordingId;
    QString packagePath;
    QString path; // package-relative
    QByteArray sha256Hex;
    qint64 bytes = 0;
    vault::BlobEntry remote;
    // The cache holds a verified copy; the vault's blob changed: download it
    // to check that the vault still has the signed bytes.
    bool recheck = false;
    QString name() const { return packagePath + QLatin1Char('/') + path; }
};

// Where a download reports its bytes (shared by the transfers of a sync).
struct TransferMeter
{
    BandwidthLimiter& limiter;
    RateMeter& rate;
    std::atomic<qint64>& bytesDone;
};

struct MediaDownloadResult
{
    std::optional<SyncedItem> item; // none when cancelled
    qint64 fetchedBytes = 0;        // downloaded now (a resumed download counts only the rest)
};

// Downloads one media file into an encrypted blob, continuing a suspended
// download of the same vault blob (same ETag) from its last whole chunk,
// hashing as it streams; commits it only when it matches the signed
// manifest, otherwise quarantines the recording (or, for a recheck, reports
// the vault's copy and keeps the cache's). On a network failure or cancel
// the partial blob is kept for next time; on a local failure it is dropped.
class MediaDownload
{
public:
    MediaDownload(const SyncContext& context, vault::Vault& vault, QString vaultUrl, TransferMeter meter,
                  const std::atomic_bool* cancel);

    MediaDownloadResult run(const MediaTask& task);

private:
    std::unique_ptr<cache::BlobWriter> openWriter(const MediaTask& task, QString* error);
    Status quarantineRecording(const MediaTask& task, const QString& reason, QStringList* droppedBlobIds);

    const SyncContext& m_ctx;
    vault::Vault& m_vault;
    QString m_vaultUrl;
    TransferMeter m_meter;
    const std::atomic_bool* m_cancel;
};

} // namespace holdfast::sync

#include "sync/MediaDownload.h"

#include "cache/BlobStore.h"
#include "cache/RecordingStore.h"
#include "capture/VerificationText.h"
#include "model/Transcript.h"
#include "sync/AuditDetails.h"
#include "sync/BandwidthLimiter.h"
#include "sync/RateMeter.h"
#include "sync/RemotePackageCheck.h"
#include "sync/SyncStateStore.h"
#include "sync/SyncText.h"

#include <QIODevice>
#include <QMutexLocker>

namespace holdfast::sync {

namespace {

using Outcome = SyncedItem::Outcome;

// Streams a download into an encrypted blob writer, counting and throttling
// as it goes. Plaintext never leaves memory.
class BlobSink : public QIODevice
{
public:
    BlobSink(cache::BlobWriter& writer, TransferMeter meter, const std::atomic_bool* cancel)
        : m_writer(writer)
        , m_meter(meter)
        , m_cancel(cancel)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }

    const QString& failure() const { return m_failure; }
    qint64 received() const { return m_received; }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 bytes) override
    {
        if (const Status written = m_writer.write(data, bytes); !written) {
            m_failure = written.errorMessage();
            return -1;
        }
        m_received += bytes;
        m_meter.rate.sample(m_meter.bytesDone.fetch_add(bytes) + bytes);
        m_meter.limiter.consume(bytes, m_cancel);
        return bytes;
    }

private:
    cache::BlobWriter& m_writer;
    TransferMeter m_meter;
    const std::atomic_bool* m_cancel;
    QString m_failure;
    qint64 m_received = 0;
};

} // namespace

MediaDownload::MediaDownload(const SyncContext& context, vault::Vault& vault, QString vaultUrl,
                             TransferMeter meter, const std::atomic_bool* cancel)
    : m_ctx(context)
    , m_vault(vault)
    , m_vaultUrl(std::move(vaultUrl))
    , m_meter(meter)
    , m_cancel(cancel)
{}

std::unique_ptr<cache::BlobWriter> MediaDownload::openWriter(const MediaTask& task, QString* error)
{
    const QString name = task.name();
    std::unique_ptr<cache::BlobWriter> writer;
    const QMutexLocker lock(&m_ctx.mutex);
    auto pending = SyncStateStore(m_ctx.database).pendingDownload(m_vaultUrl, name);
    if (pending && *pending) {
        if ((*pending)->etag == task.remote.etag) {
            if (auto resumed = m_ctx.blobs.resumeWriter((*pending)->blobId))
                writer = std::move(resumed).value();
        }
        if (!writer || writer->plaintextBytesWritten() > task.bytes) {
            writer.reset();
            m_ctx.blobs.removePartial((*pending)->blobId);
        }
    }
    if (writer)
        return writer;
    auto created = m_ctx.blobs.createWriter();
    if (!created) {
        *error = created.errorMessage();
        return nullptr;
    }
    writer = std::move(created).value();
    const QString blobId = writer->blobId();
    if (const Status begun = m_ctx.commitBookkeeping([&] {
            return SyncStateStore(m_ctx.database)
                .beginDownload(m_vaultUrl, name, PendingDownload{task.remote.etag, blobId});
        });
        !begun) {
        *error = begun.errorMessage();
        return nullptr; // the writer removes its partial file
    }
    return writer;
}

Status MediaDownload::quarantineRecording(const MediaTask& task, const QString& reason,
                                          QStringList* droppedBlobIds)
{
    cache::RecordingStore store(m_ctx.database);
    auto detail = store.detail(task.recordingId);
    if (!detail)
        return detail.error();
    *droppedBlobIds = detail->blobIdsByPath.values();
    if (const Status removed = store.deleteRecording(task.recordingId); !removed)
        return removed;
    // Re-inserted without its transcript: a quarantined recording is not searchable.
    if (const Status inserted = store.insertRecording(
            detail->manifest, detail->manifestJson, detail->signature, model::Transcript(),
            cache::VerificationState::Quarantined, reason, detail->importedAt_ms);
        !inserted)
        return inserted;
    return SyncStateStore(m_ctx.database).linkRecording(m_vaultUrl, task.recordingId, task.packagePath);
}

MediaDownloadResult MediaDownload::run(const MediaTask& task)
{
    const QString name = task.name();
    MediaDownloadResult result;
    const auto item = [&](Outcome outcome, const QString& reason) {
        result.item = SyncedItem{task.recordingId, name, outcome, reason};
        return result;
    };
    const auto failed = [&](const QString& reason) {
        return item(
            Outcome::Failed,
            holdfast::capture::VerificationText::tr("recording %1: %2").arg(task.recordingId, reason));
    };

    QString error;
    std::unique_ptr<cache::BlobWriter> writer = openWriter(task, &error);
    if (!writer)
        return failed(error);
    const qint64 offset = writer->plaintextBytesWritten();
    m_meter.bytesDone += offset;
    BlobSink sink(*writer, m_meter, m_cancel);
    if (offset < task.remote.bytes) {
        auto read = m_vault.readTo(name, &sink, offset, -1, {}, m_cancel);
        result.fetchedBytes = sink.received();
        if (!read) {
            if (!sink.failure().isEmpty())
                return failed(sink.failure()); // the local disk: start over next time
            (void)writer->suspend();           // the network: continue next time
            if (read.error().kind == vault::ErrorKind::Cancelled)
                return result;
            return failed(read.errorMessage());
        }
    }
    auto info = writer->finish();
    if (!info)
        return failed(info.errorMessage());
    const QByteArray actual = info->plaintextSha256.toHex();
    QString mismatch;
    if (info->plaintextBytes != task.bytes)
        mismatch = SyncText::tr("%1: size mismatch (expected %2 bytes, got %3)")
                       .arg(task.path)
                       .arg(task.bytes)
                       .arg(info->plaintextBytes);
    else if (actual != task.sha256Hex)
        mismatch = QStringLiteral("%1: %2").arg(task.path, sha256MismatchMessage(task.sha256Hex, actual));

    const QMutexLocker lock(&m_ctx.mutex);
    SyncStateStore state(m_ctx.database);
    const QString reason =
        holdfast::capture::VerificationText::tr("recording %1: %2").arg(task.recordingId, mismatch);
    if (task.recheck) {
        (void)m_ctx.blobs.remove(info->blobId); // the cache keeps its own verified copy
        const Status done = m_ctx.commitBookkeeping([&]() -> Status {
            if (const Status ended = state.endDownload(m_vaultUrl, name); !ended)
                return ended;
            return mismatch.isEmpty() ? state.setEtag(m_vaultUrl, task.remote) : Status();
        });
        if (!mismatch.isEmpty())
            return item(
                Outcome::Quarantined,
                SyncText::tr("%1 (the vault's copy; the verified copy in the cache is kept)").arg(reason));
        if (!done)
            return failed(done.errorMessage());
        return result;
    }
    if (!mismatch.isEmpty()) {
        (void)m_ctx.blobs.remove(info->blobId);
        QStringList dropped;
        const Status quarantined =
            m_ctx.commitAudited(task.recordingId,
                                auditDetails({{QStringLiteral("outcome"), QStringLiteral("quarantined")},
                                              {QStringLiteral("vault"), m_vaultUrl},
                                              {QStringLiteral("file"), name},
                                              {QStringLiteral("reason"), reason}}),
                                [&]() -> Status {
                                    if (const Status ended = state.endDownload(m_vaultUrl, name); !ended)
                                        return ended;
                                    // Stored without the "recording <id>: " prefix, as a package check is.
                                    return quarantineRecording(task, mismatch, &dropped);
                                });
        if (!quarantined)
            return failed(quarantined.errorMessage());
        for (const QString& id : std::as_const(dropped))
            (void)m_ctx.blobs.remove(id);
        return item(Outcome::Quarantined, reason);
    }
    // Another track of this recording may have failed verification meanwhile:
    // a quarantined recording gets no media.
    if (auto verified = state.isVerified(task.recordingId); !verified || !*verified) {
        (void)m_ctx.blobs.remove(info->blobId);
        (void)m_ctx.commitBookkeeping([&] { return state.endDownload(m_vaultUrl, name); });
        return result;
    }
    const Status stored = m_ctx.commitAudited(
        task.recordingId,
        auditDetails({{QStringLiteral("outcome"), QStringLiteral("media_stored")},
                      {QStringLiteral("vault"), m_vaultUrl},
                      {QStringLiteral("file"), name},
                      {QStringLiteral("bytes"), info->plaintextBytes}}),
        [&]() -> Status {
            cache::RecordingStore store(m_ctx.database);
            if (const Status set = store.setBlobId(task.recordingId, task.path, info->blobId); !set)
                return set;
            if (const Status ended = state.endDownload(m_vaultUrl, name); !ended)
                return ended;
            return state.setEtag(m_vaultUrl, task.remote);
        });
    if (!stored) {
        (void)m_ctx.blobs.remove(info->blobId);
        return failed(stored.errorMessage());
    }
    return item(Outcome::MediaStored, {});
}

} // namespace holdfast::sync

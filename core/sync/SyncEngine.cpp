#include "sync/SyncEngine.h"

#include "cache/BlobStore.h"
#include "cache/Database.h"
#include "cache/RecordingStore.h"
#include "capture/VerificationText.h"
#include "crypto/Sha256.h"
#include "model/Manifest.h"
#include "model/Transcript.h"
#include "sync/AuditDetails.h"
#include "sync/BandwidthLimiter.h"
#include "sync/MediaDownload.h"
#include "sync/RateMeter.h"
#include "sync/RemotePackageCheck.h"
#include "sync/SyncStateStore.h"
#include "sync/SyncText.h"
#include "sync/VaultListing.h"
#include "vault/Vault.h"

#include <QElapsedTimer>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QSet>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace holdfast::sync {

namespace {

using Outcome = SyncedItem::Outcome;

constexpr auto kProgressInterval = std::chrono::milliseconds(200);
constexpr qint64 kMaxSignatureBytes = 4096;

const QString kManifestName = QString::fromLatin1(model::kManifestFileName);
const QString kSignatureName = QString::fromLatin1(model::kSignatureFileName);
const QString kTranscriptName = QString::fromLatin1(model::kTranscriptFileName);

} // namespace

struct SyncEngine::Private
{
    SyncContext ctx;
    vault::Vault& vault;
    QString vaultUrl;
    SyncOptions options;
    BandwidthLimiter limiter;
    RateMeter rate;
    const std::atomic_bool* cancel = nullptr;

    std::atomic<SyncStage> stage{SyncStage::Listing};
    std::atomic<qint64> filesDone{0};
    std::atomic<qint64> filesTotal{0};
    std::atomic<qint64> bytesDone{0};
    std::atomic<qint64> bytesTotal{0};
    std::mutex mutex; // guards current, report, media tasks and keyPems
    QString current;
    SyncReport report;
    QList<MediaTask> mediaTasks;
    QMap<QString, vault::BlobEntry> keyEntries;
    QHash<QString, QString> knownEtags; // as the last sync left them; read-only while workers run
    QHash<QString, std::optional<QByteArray>> keyPems; // fetched once per sync
    std::mutex keyFetchMutex;

    Private(SyncContext context, vault::Vault& v, QString url, SyncOptions o)
        : ctx(std::move(context))
        , vault(v)
        , vaultUrl(std::move(url))
        , options(o)
        , limiter(o.bandwidthLimit_Bps)
    {
        options.jobs = std::clamp(options.jobs, 1, SyncOptions::kMaxJobs);
    }

    bool cancelled() const { return vault::isCancelled(cancel); }

    void addItem(SyncedItem item)
    {
        const std::lock_guard lock(mutex);
        report.items.append(std::move(item));
    }

    void setCurrent(const QString& what)
    {
        const std::lock_guard lock(mutex);
        current = what;
    }

    void startStage(SyncStage next, qint64 files, qint64 bytes)
    {
        stage = next;
        filesDone = 0;
        filesTotal = files;
        bytesDone = 0;
        bytesTotal = bytes;
        rate.reset();
    }

    SyncProgress snapshot()
    {
        SyncProgress p;
        p.stage = stage;
        p.filesDone = filesDone;
        p.filesTotal = filesTotal;
        p.bytesDone = bytesDone;
        p.bytesTotal = bytesTotal;
        rate.sample(p.bytesDone);
        p.bytesPerSecond = rate.bytesPerSecond();
        p.eta_ms = p.bytesTotal > 0 ? rate.eta_ms(p.bytesTotal - p.bytesDone) : -1;
        const std::lock_guard lock(mutex);
        p.current = current;
        return p;
    }

    // Runs work(0..count-1) on up to options.jobs threads; the calling thread
    // reports progress until all are done.
    void runParallel(qsizetype count, const std::function<void(qsizetype)>& work, const ProgressFn& progress)
    {
        std::atomic<qsizetype> next{0};
        std::atomic<int> running{0};
        std::mutex doneMutex;
        std::condition_variable doneChanged;
        const int threads = int(std::min<qsizetype>(options.jobs, count));
        std::vector<std::thread> workers;
        running = threads;
        for (int t = 0; t < threads; ++t) {
            workers.emplace_back([&] {
                for (;;) {
                    const qsizetype index = next.fetch_add(1);
                    if (index >= count || cancelled())
                        break;
                    work(index);
                    ++filesDone;
                }
                {
                    const std::lock_guard lock(doneMutex);
                    --running;
                }
                doneChanged.notify_all();
            });
        }
        {
            std::unique_lock lock(doneMutex);
            while (running > 0) {
                doneChanged.wait_for(lock, kProgressInterval);
                if (progress && running > 0) {
                    lock.unlock();
                    progress(snapshot());
                    lock.lock();
                }
            }
        }
        for (std::thread& worker : workers)
            worker.join();
        if (progress)
            progress(snapshot());
    }

    // --- vault reads

    vault::VaultResult<QByteArray> readSmall(const QString& name, qint64 listedBytes, qint64 maxBytes)
    {
        if (listedBytes > maxBytes)
            return vault::makeVaultError(vault::ErrorKind::InvalidArgument,
                                         SyncText::tr("%1: too large (%2 bytes, at most %3 allowed)")
                                             .arg(name)
                                             .arg(listedBytes)
                                             .arg(maxBytes));
        auto bytes = vault.read(name, 0, -1, cancel);
        if (bytes) {
            bytesDone += bytes->size();
            rate.sample(bytesDone);
        }
        return bytes;
    }

    std::optional<QByteArray> trustedKey(const QString& node)
    {
        // One fetch per key, however many workers ask for it at once.
        const std::lock_guard fetching(keyFetchMutex);
        {
            const std::lock_guard lock(mutex);
            if (const auto it = keyPems.constFind(node); it != keyPems.cend())
                return *it;
        }
        std::optional<QByteArray> pem;
        if (const auto entry = keyEntries.constFind(node); entry != keyEntries.cend()) {
            if (auto read = readSmall(entry->name, entry->bytes, 64 * 1024))
                pem = std::move(read).value();
        }
        const std::lock_guard lock(mutex);
        keyPems.insert(node, pem);
        return pem;
    }

    // --- commits

    void removeBlobs(const QStringList& blobIds)
    {
        for (const QString& id : blobIds)
            (void)ctx.blobs.remove(id);
    }

    // Stores bytes already in memory (a metadata file) as a new blob.
    Result<QString> storeSmall(const QByteArray& bytes)
    {
        auto writer = ctx.blobs.createWriter();
        if (!writer)
            return writer.error();
        if (const Status written = (*writer)->write(bytes); !written)
            return written.error();
        auto info = (*writer)->finish();
        if (!info)
            return info.error();
        return info->blobId;
    }

    void processPackage(const RemotePackage& package);
    void replaceRecording(const RemotePackage& package, const model::Manifest& manifest,
                          const QByteArray& manifestBytes, const QByteArray& signature,
                          const model::Transcript& transcript, const QString& quarantineReason,
                          QMap<QString, QString> newBlobIds);
    void downloadMedia(const MediaTask& task);
    void evict(const SyncedRecording& recording);
};

void SyncEngine::Private::processPackage(const RemotePackage& package)
{
    setCurrent(package.directory);
    const auto fail = [&](const QString& reason) {
        if (!cancelled())
            addItem({package.recordingId, package.directory, Outcome::Failed,
                     holdfast::capture::VerificationText::tr("recording %1: %2")
                         .arg(package.recordingId, reason)});
    };
    const auto manifestEntry = package.blobs.constFind(kManifestName);
    if (manifestEntry == package.blobs.cend()) {
        fail(SyncText::tr("%1: missing").arg(kManifestName));
        return;
    }
    auto manifestBytes = readSmall(manifestEntry->name, manifestEntry->bytes, model::kMaxJsonBytes);
    if (!manifestBytes) {
        fail(manifestBytes.errorMessage());
        return;
    }
    std::optional<QByteArray> signature;
    if (const auto entry = package.blobs.constFind(kSignatureName); entry != package.blobs.cend()) {
        auto read = readSmall(entry->name, entry->bytes, kMaxSignatureBytes);
        if (!read && read.error().kind != vault::ErrorKind::InvalidArgument) {
            fail(read.errorMessage());
            return;
        }
        signature = read ? std::move(read).value() : QByteArray(); // too large: judged as a wrong length
    }
    capture::VerificationReport check = checkRemotePackage(
        package, *manifestBytes, signature, [this](const QString& node) { return trustedKey(node); });
    if (!check.manifest) {
        fail(check.summary());
        return;
    }
    const model::Manifest& manifest = *check.manifest;

    // Metadata files (everything but track media) come now, checked and
    // stored encrypted; media follows by policy.
    QSet<QString> mediaPaths;
    for (const model::Track& track : manifest.tracks)
        mediaPaths.insert(track.path);
    QMap<QString, QString> newBlobIds; // path -> blob id
    const auto dropNew = [&] {
        removeBlobs(newBlobIds.values());
    };
    model::Transcript transcript;
    if (check.valid()) {
        for (const model::PackageFile& file : manifest.files) {
            if (mediaPaths.contains(file.path))
                continue;
            if (file.path != kTranscriptName)
                bytesTotal += file.bytes; // not in the stage's first estimate
            auto bytes = readSmall(package.blobName(file.path), file.bytes, model::kMaxJsonBytes);
            if (!bytes) {
                dropNew();
                fail(bytes.errorMessage());
                return;
            }
            const QByteArray actual = crypto::Sha256::hashHex(*bytes);
            if (actual != file.sha256.toLower() || bytes->size() != file.bytes) {
                check.problems.append({file.path, sha256MismatchMessage(file.sha256, actual)});
                continue;
            }
            if (file.path == kTranscriptName) {
                auto parsed = model::parseTranscriptJson(*bytes);
                Status fits = parsed ? model::validateTranscriptAgainstManifest(*parsed, manifest)
                                     : Status(parsed.error());
                if (!fits) {
                    check.problems.append(
                        {file.path,
                         holdfast::capture::VerificationText::tr("invalid: %1").arg(fits.errorMessage())});
                    continue;
                }
                transcript = std::move(parsed).value();
            }
            auto blob = storeSmall(*bytes);
            if (!blob) {
                dropNew();
                fail(blob.errorMessage());
                return;
            }
            newBlobIds.insert(file.path, *blob);
        }
    }
    if (cancelled()) {
        dropNew();
        return;
    }
    if (!check.valid())
        dropNew();
    replaceRecording(package, manifest, *manifestBytes, signature.value_or(QByteArray()), transcript,
                     check.valid() ? QString()
                                   : check.summary().replace(QLatin1Char('\n'), QStringLiteral("; ")),
                     check.valid() ? newBlobIds : QMap<QString, QString>());
}

void SyncEngine::Private::replaceRecording(const RemotePackage& package, const model::Manifest& manifest,
                                           const QByteArray& manifestBytes, const QByteArray& signature,
                                           const model::Transcript& transcript,
                                           const QString& quarantineReason, QMap<QString, QString> newBlobIds)
{
    const bool valid = quarantineReason.isEmpty();
    const QString id = package.recordingId;
    const auto reasonText = [&](const QString& reason) {
        return holdfast::capture::VerificationText::tr("recording %1: %2").arg(id, reason);
    };
    QStringList oldBlobIds;
    QList<vault::BlobEntry> stateEntries = package.blobs.values();
    Outcome outcome = Outcome::Failed;
    QString reason;
    {
        const QMutexLocker lock(&ctx.mutex);
        cache::RecordingStore store(ctx.database);
        SyncStateStore state(ctx.database);
        std::optional<cache::RecordingDetail> existing;
        if (auto contains = store.contains(id); contains && *contains) {
            auto detail = store.detail(id);
            if (!detail) {
                removeBlobs(newBlobIds.values());
                addItem({id, package.directory, Outcome::Failed, reasonText(detail.errorMessage())});
                return;
            }
            existing = std::move(detail).value();
        }
        const bool existingVerified =
            existing && existing->verificationState == cache::VerificationState::Verified;

        if (existingVerified && !valid) {
            // Originals are immutable: a vault copy that no longer verifies
            // never replaces the verified copy the cache holds.
            reason =
                holdfast::capture::VerificationText::tr("%1 (the verified copy already in the cache is kept)")
                    .arg(reasonText(quarantineReason));
            (void)ctx.commitAudited(id,
                                    auditDetails({{QStringLiteral("outcome"), QStringLiteral("quarantined")},
                                                  {QStringLiteral("vault"), vaultUrl},
                                                  {QStringLiteral("package"), package.directory},
                                                  {QStringLiteral("reason"), reason}}),
                                    [] { return Status(); });
            addItem({id, package.directory, Outcome::Quarantined, reason});
            return;
        }

        if (existingVerified && existing->manifestJson == manifestBytes) {
            // Same signed recording; some blob was rewritten. Media the cache
            // holds whose vault blob changed is checked again (policy all),
            // and keeps its old ETag until it is, so it is not forgotten.
            removeBlobs(newBlobIds.values());
            for (vault::BlobEntry& entry : stateEntries) {
                const QString relative = entry.name.mid(package.directory.size() + 1);
                const QString oldEtag = knownEtags.value(entry.name);
                if (!existing->blobIdsByPath.contains(relative) || oldEtag.isEmpty() ||
                    oldEtag == entry.etag || !manifest.file(relative) || relative == kTranscriptName)
                    continue;
                if (options.media == MediaPolicy::All) {
                    const model::PackageFile* file = manifest.file(relative);
                    const std::lock_guard taskLock(mutex);
                    mediaTasks.append(
                        {id, package.directory, relative, file->sha256.toLower(), file->bytes, entry, true});
                }
                entry.etag = oldEtag;
            }
            const Status recorded = ctx.commitBookkeeping(
                [&] { return state.recordPackage(vaultUrl, id, package.directory, stateEntries); });
            addItem({id, package.directory, recorded ? Outcome::Unchanged : Outcome::Failed,
                     recorded ? QString() : reasonText(recorded.errorMessage())});
            return;
        }

        outcome = !valid ? Outcome::Quarantined : existing ? Outcome::Updated : Outcome::New;
        reason = valid ? QString() : reasonText(quarantineReason);
        if (existing)
            oldBlobIds = existing->blobIdsByPath.values();
        const Status committed = ctx.commitAudited(
            id,
            auditDetails({{QStringLiteral("outcome"), outcomeName(outcome)},
                          {QStringLiteral("vault"), vaultUrl},
                          {QStringLiteral("package"), package.directory},
                          {QStringLiteral("reason"), reason}}),
            [&]() -> Status {
                if (existing)
                    if (const Status removed = store.deleteRecording(id); !removed)
                        return removed;
                // A quarantined package's transcript is untrusted: not indexed.
                if (const Status inserted = store.insertRecording(
                        manifest, manifestBytes, signature, valid ? transcript : model::Transcript(),
                        valid ? cache::VerificationState::Verified : cache::VerificationState::Quarantined,
                        quarantineReason);
                    !inserted)
                    return inserted;
                for (auto it = newBlobIds.cbegin(); it != newBlobIds.cend(); ++it)
                    if (const Status set = store.setBlobId(id, it.key(), it.value()); !set)
                        return set;
                return state.recordPackage(vaultUrl, id, package.directory, stateEntries);
            });
        if (!committed) {
            removeBlobs(newBlobIds.values());
            addItem({id, package.directory, Outcome::Failed, reasonText(committed.errorMessage())});
            return;
        }
    }
    removeBlobs(oldBlobIds);
    addItem({id, package.directory, outcome, reason});
}

void SyncEngine::Private::downloadMedia(const MediaTask& task)
{
    setCurrent(task.name());
    MediaDownload download(ctx, vault, vaultUrl, TransferMeter{limiter, rate, bytesDone}, cancel);
    const MediaDownloadResult result = download.run(task);
    const std::lock_guard lock(mutex);
    report.mediaBytes += result.fetchedBytes;
    if (result.item)
        report.items.append(*result.item);
}

void SyncEngine::Private::evict(const SyncedRecording& recording)
{
    QDate day;
    const bool parsed =
        splitPackageBlobName(recording.packagePath + QStringLiteral("/x"), nullptr, nullptr, &day, nullptr);
    const QString why = parsed && !options.scope.contains(day) ? SyncText::tr("outside the sync scope")
                                                               : SyncText::tr("no longer in the vault");
    // The hook for legal holds: a held recording is never evicted.
    if (recording.holdState != QLatin1String(cache::kHoldStateNone)) {
        addItem(
            {recording.recordingId, recording.packagePath, Outcome::KeptHeld,
             SyncText::tr("recording %1: %2, kept because it is on hold").arg(recording.recordingId, why)});
        return;
    }
    const QMutexLocker lock(&ctx.mutex);
    cache::RecordingStore store(ctx.database);
    QStringList blobIds;
    const Status evicted =
        ctx.commitAudited(recording.recordingId,
                          auditDetails({{QStringLiteral("outcome"), QStringLiteral("evicted")},
                                        {QStringLiteral("vault"), vaultUrl},
                                        {QStringLiteral("reason"), why}}),
                          [&]() -> Status {
                              auto detail = store.detail(recording.recordingId);
                              if (!detail)
                                  return detail.error();
                              blobIds = detail->blobIdsByPath.values();
                              if (const Status forgot = SyncStateStore(ctx.database)
                                                            .forgetPackage(vaultUrl, recording.recordingId,
                                                                           recording.packagePath);
                                  !forgot)
                                  return forgot;
                              return store.deleteRecording(recording.recordingId);
                          });
    if (!evicted) {
        addItem({recording.recordingId, recording.packagePath, Outcome::Failed,
                 SyncText::tr("recording %1: cannot evict: %2")
                     .arg(recording.recordingId, evicted.errorMessage())});
        return;
    }
    removeBlobs(blobIds);
    addItem({recording.recordingId, recording.packagePath, Outcome::Evicted,
             holdfast::capture::VerificationText::tr("recording %1: %2").arg(recording.recordingId, why)});
}

SyncEngine::SyncEngine(SyncContext context, vault::Vault& vault, QString vaultUrl, SyncOptions options)
    : d(std::make_unique<Private>(std::move(context), vault, std::move(vaultUrl), options))
{}

SyncEngine::~SyncEngine() = default;

Result<SyncReport> SyncEngine::run(const ProgressFn& progress, const std::atomic_bool* cancel)
{
    QElapsedTimer clock;
    clock.start();
    d->cancel = cancel;
    d->report = SyncReport();
    d->report.vaultUrl = d->vaultUrl;

    // 1. Plan. A vault that cannot be listed changes nothing.
    d->startStage(SyncStage::Listing, 0, 0);
    if (progress)
        progress(d->snapshot());
    auto listing = listVault(
        d->vault, d->options.scope,
        [&](qint64 listed) {
            d->filesDone = listed;
            if (progress)
                progress(d->snapshot());
        },
        cancel);
    if (!listing)
        return makeError(listing.errorMessage());
    d->keyEntries = listing->keys;
    d->report.packagesListed = listing->packages.size();

    QHash<QString, QString> etags;
    QHash<QString, SyncedRecording> known;
    {
        const QMutexLocker lock(&d->ctx.mutex);
        SyncStateStore state(d->ctx.database);
        auto loadedEtags = state.etags(d->vaultUrl);
        if (!loadedEtags)
            return loadedEtags.error();
        etags = std::move(loadedEtags).value();
        d->knownEtags = etags;
        auto loadedRecordings = state.recordings(d->vaultUrl);
        if (!loadedRecordings)
            return loadedRecordings.error();
        known = std::move(loadedRecordings).value();
    }

    // Keys that are new, changed or gone since the last sync: packages they
    // (might) sign are judged again.
    QSet<QString> changedKeys;
    QSet<QString> oldKeyNames;
    for (auto it = etags.cbegin(); it != etags.cend(); ++it)
        if (it.key().startsWith(QLatin1String(model::kVaultKeysDirectory) + QLatin1Char('/')))
            oldKeyNames.insert(it.key());
    for (auto it = listing->keys.cbegin(); it != listing->keys.cend(); ++it) {
        oldKeyNames.remove(it->name);
        if (etags.value(it->name) != it->etag)
            changedKeys.insert(it.key());
    }
    for (const QString& gone : std::as_const(oldKeyNames))
        changedKeys.insert(gone.section(QLatin1Char('/'), 1).chopped(4));

    // Blobs per package directory as the last sync recorded them.
    QHash<QString, int> recordedBlobs;
    for (auto it = etags.cbegin(); it != etags.cend(); ++it) {
        QString directory;
        if (splitPackageBlobName(it.key(), &directory, nullptr, nullptr, nullptr))
            ++recordedBlobs[directory];
    }

    QList<qsizetype> changed;
    QSet<QString> inScope;
    for (qsizetype i = 0; i < listing->packages.size(); ++i) {
        const RemotePackage& package = listing->packages.at(i);
        inScope.insert(package.recordingId);
        const auto knownIt = known.constFind(package.recordingId);
        bool same = knownIt != known.cend() && knownIt->packagePath == package.directory &&
                    recordedBlobs.value(package.directory) == package.blobs.size();
        for (auto blob = package.blobs.cbegin(); same && blob != package.blobs.cend(); ++blob)
            same = etags.value(blob->name) == blob->etag;
        if (same && !changedKeys.isEmpty() &&
            (!knownIt->verified || changedKeys.contains(knownIt->captureNode)))
            same = false;
        if (!same) {
            changed.append(i);
            continue;
        }
        d->report.items.append({package.recordingId, package.directory,
                                knownIt->verified ? Outcome::Unchanged : Outcome::Quarantined,
                                knownIt->verified
                                    ? QString()
                                    : holdfast::capture::VerificationText::tr("recording %1: %2")
                                          .arg(package.recordingId, knownIt->quarantineReason)});
    }

    // 2. Metadata of new and changed packages.
    qint64 metadataBytes = 0;
    for (const qsizetype i : std::as_const(changed))
        for (const QString& name : {kManifestName, kSignatureName, kTranscriptName})
            metadataBytes += std::max<qint64>(0, listing->packages.at(i).blobs.value(name).bytes);
    if (!changed.isEmpty()) // the keys are read once, for the first package they sign
        for (const vault::BlobEntry& key : std::as_const(listing->keys))
            metadataBytes += key.bytes;
    d->startStage(SyncStage::Metadata, changed.size(), metadataBytes);
    d->runParallel(
        changed.size(), [&](qsizetype index) { d->processPackage(listing->packages.at(changed.at(index))); },
        progress);
    // Every package a changed key may sign has been judged with it: remember
    // the keys now, not at the end, so that a sync cut short during the media
    // does not make the next one judge every package again.
    if (!d->cancelled() && d->report.count(Outcome::Failed) == 0) {
        const Status keys = d->ctx.commitBookkeeping(
            [&] { return SyncStateStore(d->ctx.database).recordKeys(d->vaultUrl, listing->keys.values()); });
        if (!keys)
            return keys.error();
    }

    // 3. Media by policy.
    if (d->options.media == MediaPolicy::All && !d->cancelled()) {
        QHash<QString, const RemotePackage*> packages;
        for (const RemotePackage& package : std::as_const(listing->packages))
            packages.insert(package.recordingId, &package);
        QList<MissingMedia> missing;
        {
            const QMutexLocker lock(&d->ctx.mutex);
            auto found = SyncStateStore(d->ctx.database).missingMedia(d->vaultUrl);
            if (!found)
                return found.error();
            missing = std::move(found).value();
        }
        for (const MissingMedia& media : std::as_const(missing)) {
            const RemotePackage* package = packages.value(media.recordingId);
            if (!package || !package->blobs.contains(media.path))
                continue; // out of scope, or judged again next time
            d->mediaTasks.append({media.recordingId, package->directory, media.path, media.sha256.toLower(),
                                  media.bytes, package->blobs.value(media.path), false});
        }
        qint64 mediaBytes = 0;
        for (const MediaTask& task : std::as_const(d->mediaTasks))
            mediaBytes += task.bytes;
        d->startStage(SyncStage::Media, d->mediaTasks.size(), mediaBytes);
        d->runParallel(
            d->mediaTasks.size(), [&](qsizetype index) { d->downloadMedia(d->mediaTasks.at(index)); },
            progress);
    }

    // 4. Evict what left the scope or the vault; then remember the keys.
    if (!d->cancelled()) {
        QList<SyncedRecording> leaving;
        for (const SyncedRecording& recording : std::as_const(known))
            if (!inScope.contains(recording.recordingId))
                leaving.append(recording);
        d->startStage(SyncStage::Evicting, leaving.size(), 0);
        for (const SyncedRecording& recording : std::as_const(leaving)) {
            d->evict(recording);
            ++d->filesDone;
        }
    }

    d->report.cancelled = d->cancelled();
    d->report.elapsed_ms = clock.elapsed();
    // Workers finish in any order; a package sorts before its files.
    std::stable_sort(d->report.items.begin(), d->report.items.end(),
                     [](const SyncedItem& a, const SyncedItem& b) { return a.path < b.path; });
    const SyncReport& r = d->report;
    const Status finished = d->ctx.commitAudited(
        d->vaultUrl,
        auditDetails({{QStringLiteral("outcome"),
                       r.cancelled ? QStringLiteral("cancelled") : QStringLiteral("finished")},
                      {QStringLiteral("media"), mediaPolicyName(d->options.media)},
                      {QStringLiteral("new"), r.count(Outcome::New)},
                      {QStringLiteral("updated"), r.count(Outcome::Updated)},
                      {QStringLiteral("unchanged"), r.count(Outcome::Unchanged)},
                      {QStringLiteral("quarantined"), r.count(Outcome::Quarantined)},
                      {QStringLiteral("failed"), r.count(Outcome::Failed)},
                      {QStringLiteral("media_stored"), r.count(Outcome::MediaStored)},
                      {QStringLiteral("evicted"), r.count(Outcome::Evicted)}}),
        [] { return Status(); });
    if (!finished)
        return finished.error();
    d->startStage(SyncStage::Done, 0, 0);
    if (progress)
        progress(d->snapshot());
    return d->report;
}

Status SyncEngine::fetchMedia(const QString& recordingId, const QString& path, const ProgressFn& progress,
                              const std::atomic_bool* cancel)
{
    d->cancel = cancel;
    d->report = SyncReport();
    MediaTask task;
    {
        const QMutexLocker lock(&d->ctx.mutex);
        auto synced = SyncStateStore(d->ctx.database).recording(d->vaultUrl, recordingId);
        if (!synced)
            return synced.error();
        if (!*synced)
            return makeError(
                SyncText::tr("recording %1 was not synced from %2").arg(recordingId, d->vaultUrl));
        if (!(*synced)->verified)
            return makeError(holdfast::capture::VerificationText::tr("recording %1 is quarantined: %2")
                                 .arg(recordingId, (*synced)->quarantineReason));
        auto detail = cache::RecordingStore(d->ctx.database).detail(recordingId);
        if (!detail)
            return detail.error();
        if (detail->blobIdsByPath.contains(path))
            return {};
        const model::PackageFile* file = detail->manifest.file(path);
        if (!file)
            return makeError(SyncText::tr("recording %1 has no file %2").arg(recordingId, path));
        task = MediaTask{recordingId, (*synced)->packagePath, path, file->sha256.toLower(), file->bytes, {},
                         false};
    }
    auto remote = d->vault.stat(task.name(), cancel);
    if (!remote)
        return makeError(holdfast::capture::VerificationText::tr("recording %1: %2")
                             .arg(recordingId, remote.errorMessage()));
    task.remote = *remote;
    d->startStage(SyncStage::Media, 1, task.bytes);
    d->runParallel(
        1, [&](qsizetype) { d->downloadMedia(task); }, progress);
    if (d->cancelled())
        return makeError(SyncText::tr("recording %1: fetching %2 was cancelled").arg(recordingId, path));
    for (const SyncedItem& item : std::as_const(d->report.items))
        if (item.outcome != Outcome::MediaStored)
            return makeError(item.reason);
    return {};
}

} // namespace holdfast::sync

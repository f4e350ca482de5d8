#include "workspace/Workspace.h"

#include "cache/BlobReader.h"
#include "cache/BlobStore.h"
#include "cache/CacheKeyFile.h"
#include "cache/Database.h"
#include "cache/DatabaseTransaction.h"
#include "cache/MasterKey.h"
#include "cache/SearchIndex.h"
#include "cache/Statement.h"
#include "capture/PackageVerifier.h"
#include "capture/VerificationText.h"
#include "crypto/Argon2idKdf.h"
#include "crypto/SecureMemory.h"
#include "sync/SyncStateStore.h"
#include "vault/LocalFolderVault.h"
#include "vault/VaultFactory.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSet>
#include <algorithm>
#include <fcntl.h>
#include <optional>
#include <sys/file.h>
#include <unistd.h>

namespace holdfast {

namespace {

QString json(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Result<QByteArray> readSmallFile(const QString& path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("%1: %2").arg(path, file.errorString()));
    if (file.size() > maxBytes)
        return makeError(QStringLiteral("%1: larger than %2 bytes").arg(path).arg(maxBytes));
    return file.readAll();
}

// The database key leaves the SecretKey only for the duration of the open call.
Result<std::unique_ptr<cache::Database>> openDatabase(const QString& path, const cache::MasterKey& masterKey,
                                                      cache::OpenMode mode)
{
    auto databaseKey = masterKey.deriveDatabaseKey();
    if (!databaseKey)
        return databaseKey.error();
    QByteArray raw(databaseKey->view().data(), databaseKey->view().size());
    auto database = cache::Database::open(path, raw, mode);
    crypto::secureWipe(raw);
    return database;
}

} // namespace

int ImportReport::count(ImportedPackage::Outcome outcome) const
{
    return int(std::count_if(packages.cbegin(), packages.cend(),
                             [outcome](const ImportedPackage& p) { return p.outcome == outcome; }));
}

QString Workspace::keyFilePath(const QString& cacheDirectory)
{
    return QDir(cacheDirectory).filePath(cache::CacheKeyFile::defaultFileName());
}

QString Workspace::databasePath(const QString& cacheDirectory)
{
    return QDir(cacheDirectory).filePath(QStringLiteral("cache.db"));
}

QString Workspace::blobsPath(const QString& cacheDirectory)
{
    return QDir(cacheDirectory).filePath(QStringLiteral("blobs"));
}

Workspace::Workspace(QString cacheDirectory, const WorkspaceIdentity& identity)
    : m_cacheDirectory(std::move(cacheDirectory))
    , m_identity(identity)
    , m_policy(identity.role, identity.readOnly)
{
    m_identity.readOnly = m_policy.readOnly();
}

Workspace::~Workspace()
{
    // SQLCipher 3.4.1 is SQLite 3.15: a read-only connection to a WAL database
    // creates (and writes) the -wal and -shm files when they are missing, and
    // fails if it cannot. So the last writer to close takes the database out
    // of WAL: the checkpoint empties the WAL, the file is left in rollback
    // mode with no -wal/-shm, and an auditor's read-only open writes nothing.
    // The next writable open switches back to WAL. Skipped while another
    // writer is open (it will do it when it closes).
    if (m_database && !isReadOnly() && m_writerLockFd >= 0 &&
        ::flock(m_writerLockFd, LOCK_EX | LOCK_NB) == 0) {
        const QMutexLocker lock(&m_mutex);
        (void)m_database->exec(QStringLiteral("PRAGMA journal_mode = DELETE"),
                               QStringLiteral("leave WAL mode on close"));
    }
    m_database.reset();
    if (m_writerLockFd >= 0)
        ::close(m_writerLockFd); // releases the flock
    if (isReadOnly() && m_walCreatedByReader)
        removeReaderWalFiles();
}

// A database left in WAL mode without its -wal file (a crash recovered by a
// plain connection, or a cache closed by an older build) makes SQLite 3.15
// create an empty -wal and a -shm even for a read-only connection, and keep
// them when it closes. Remove them again, but only when they are still
// empty of frames and no writer can have the database open (the writer lock
// is free), so the auditor leaves the cache as it found it.
void Workspace::removeReaderWalFiles()
{
    const QString database = databasePath(m_cacheDirectory);
    const QString wal = database + QLatin1String("-wal");
    if (!QFileInfo::exists(wal))
        return;
    const QByteArray path = QFile::encodeName(blobsPath(m_cacheDirectory));
    const int fd = ::open(path.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && QFileInfo(wal).size() == 0) {
        QFile::remove(wal);
        if (m_shmCreatedByReader)
            QFile::remove(database + QLatin1String("-shm"));
    }
    ::close(fd);
}

Status Workspace::lockForWriting()
{
    const QByteArray path = QFile::encodeName(m_blobs->directory());
    m_writerLockFd = ::open(path.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (m_writerLockFd < 0)
        return makeError(tr("cache damaged: %1: the blob directory is missing").arg(m_blobs->directory()));
    if (::flock(m_writerLockFd, LOCK_SH) != 0)
        return makeError(tr("%1: cannot lock the blob directory").arg(m_blobs->directory()));
    return {};
}

Result<std::unique_ptr<Workspace>> Workspace::create(const QString& cacheDirectory, const QString& passphrase,
                                                     const WorkspaceIdentity& identity,
                                                     const crypto::Argon2idParams* kdfParams)
{
    const compliance::AccessPolicy policy(identity.role, identity.readOnly);
    if (const Status allowed = policy.check(compliance::Action::CreateCache); !allowed)
        return allowed.error();
    const QDir dir(cacheDirectory);
    if (dir.exists() && !dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return makeError(tr("cache directory is not empty: %1").arg(cacheDirectory));
    if (!QDir().mkpath(cacheDirectory) ||
        !QFile::setPermissions(cacheDirectory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return makeError(tr("cannot create the cache directory %1").arg(cacheDirectory));

    auto masterKey = cache::CacheKeyFile::create(keyFilePath(cacheDirectory), passphrase,
                                                 kdfParams ? *kdfParams : crypto::Argon2idParams::defaults());
    if (!masterKey)
        return masterKey.error();
    (void)cache::disableCoreDumps();

    std::unique_ptr<Workspace> workspace(new Workspace(QDir(cacheDirectory).absolutePath(), identity));
    workspace->m_masterKey = std::make_unique<cache::MasterKey>(std::move(masterKey).value());
    auto database =
        openDatabase(databasePath(cacheDirectory), *workspace->m_masterKey, cache::OpenMode::Create);
    if (!database)
        return database.error();
    workspace->m_database = std::move(database).value();
    // SQLite creates the file with the umask's mode; it copies this mode to
    // the -wal, -shm and -journal files it creates later.
    if (!QFile::setPermissions(databasePath(cacheDirectory), QFile::ReadOwner | QFile::WriteOwner))
        return makeError(tr("cannot restrict the permissions of %1").arg(databasePath(cacheDirectory)));
    workspace->m_blobs =
        std::make_unique<cache::BlobStore>(blobsPath(cacheDirectory), *workspace->m_masterKey);
    if (const Status made = workspace->m_blobs->ensureDirectory(); !made)
        return made.error();
    if (const Status locked = workspace->lockForWriting(); !locked)
        return locked.error();
    const Status created =
        workspace->inTransaction(compliance::Action::CreateCache, workspace->m_cacheDirectory,
                                 QStringLiteral("{}"), [] { return Status(); });
    if (!created)
        return created.error();
    return workspace;
}

Result<std::unique_ptr<Workspace>> Workspace::open(const QString& cacheDirectory, const QString& passphrase,
                                                   const WorkspaceIdentity& identity)
{
    if (!QFileInfo(cacheDirectory).isDir())
        return makeError(tr("no cache at %1").arg(cacheDirectory));
    const QString keyFile = keyFilePath(cacheDirectory);
    if (!QFileInfo::exists(keyFile))
        return makeError(tr("cache damaged: %1: the key file is missing").arg(keyFile));
    const QString databaseFile = databasePath(cacheDirectory);
    if (!QFileInfo::exists(databaseFile))
        return makeError(tr("cache damaged: %1: the database is missing").arg(databaseFile));

    auto masterKey = cache::CacheKeyFile::unlock(keyFile, passphrase);
    if (!masterKey)
        return masterKey.error();
    (void)cache::disableCoreDumps();

    std::unique_ptr<Workspace> workspace(new Workspace(QDir(cacheDirectory).absolutePath(), identity));
    if (workspace->m_identity.role == compliance::Role::Invalid)
        return makeError(tr("no role given (officer, legal or auditor)"));
    workspace->m_masterKey = std::make_unique<cache::MasterKey>(std::move(masterKey).value());
    workspace->m_blobs =
        std::make_unique<cache::BlobStore>(blobsPath(cacheDirectory), *workspace->m_masterKey);
    if (!workspace->isReadOnly()) {
        if (!QFileInfo(workspace->m_blobs->directory()).isDir())
            return makeError(
                tr("cache damaged: %1: the blob directory is missing").arg(workspace->m_blobs->directory()));
        // Before the database: a read-only workspace that holds the lock
        // exclusively knows that no writer has the database open.
        if (const Status locked = workspace->lockForWriting(); !locked)
            return locked.error();
    } else {
        workspace->m_walCreatedByReader = !QFileInfo::exists(databaseFile + QLatin1String("-wal"));
        workspace->m_shmCreatedByReader = !QFileInfo::exists(databaseFile + QLatin1String("-shm"));
    }
    auto database =
        openDatabase(databaseFile, *workspace->m_masterKey,
                     workspace->isReadOnly() ? cache::OpenMode::ReadOnly : cache::OpenMode::ReadWrite);
    if (!database)
        return database.error();
    workspace->m_database = std::move(database).value();
    if (!workspace->isReadOnly()) {
        if (const Status collected = workspace->collectGarbage(); !collected)
            return collected.error();
    }
    return workspace;
}

// Blobs are written before the transaction that records them, so a crash
// between the two leaves unreferenced (encrypted) blobs: remove them here.
// Runs only when no other writer is open: another process's blobs may be
// written but not yet committed.
Status Workspace::collectGarbage()
{
    if (::flock(m_writerLockFd, LOCK_EX | LOCK_NB) != 0) {
        ::flock(m_writerLockFd, LOCK_SH); // a failed conversion may have dropped the shared lock
        return {};
    }
    // Back to shared whatever happens below.
    const auto downgrade = qScopeGuard([this] { ::flock(m_writerLockFd, LOCK_SH); });
    auto suspended = sync::SyncStateStore(*m_database).pendingDownloadBlobIds();
    if (!suspended)
        return suspended.error();
    m_blobs->removeInterruptedWrites(*suspended);
    auto statement =
        m_database->prepare(QStringLiteral("SELECT blob_id FROM files WHERE blob_id IS NOT NULL "
                                           "UNION SELECT blob_id FROM tracks WHERE blob_id IS NOT NULL"),
                            QStringLiteral("list referenced blobs"));
    if (!statement)
        return statement.error();
    QSet<QString> referenced;
    while (true) {
        auto row = statement->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        referenced.insert(statement->columnText(0));
    }
    for (const QString& blobId : m_blobs->blobIds())
        if (!referenced.contains(blobId))
            (void)m_blobs->remove(blobId);
    return {};
}

Status Workspace::inTransaction(compliance::Action action, const QString& target, const QString& detailsJson,
                                const std::function<Status()>& change)
{
    const QMutexLocker lock(&m_mutex);
    if (const Status allowed = m_policy.check(action); !allowed)
        return allowed;
    auto transaction = cache::DatabaseTransaction::begin(*m_database);
    if (!transaction)
        return transaction.error();
    if (const Status changed = change(); !changed)
        return changed; // the transaction rolls back on destruction
    audit::AuditEvent event;
    event.actor = m_identity.actor;
    event.role = compliance::roleName(m_identity.role);
    event.action = compliance::actionName(action);
    event.target = target;
    event.details = detailsJson;
    if (auto appended = audit::AuditLog(*m_database).append(event); !appended)
        return appended.error();
    return transaction->commit();
}

Status Workspace::auditRead(compliance::Action action, const QString& target, const QString& detailsJson)
{
    if (isReadOnly())
        return m_policy.check(action);
    return inTransaction(action, target, detailsJson, [] { return Status(); });
}

// --- mutations

Result<ImportReport> Workspace::importFolderVault(const QString& vaultDirectory, const ProgressFn& progress,
                                                  const std::atomic_bool* cancelled)
{
    if (const Status allowed = m_policy.check(compliance::Action::ImportRecordings); !allowed)
        return allowed.error();
    const vault::LocalFolderVault vault(vaultDirectory);
    const auto packages = vault.packageDirectories();
    if (!packages)
        return packages.error();

    ImportReport report;
    JobProgress state{tr("importing"), 0, packages->size(), {}};
    for (const QString& packageDirectory : *packages) {
        if (cancelled && cancelled->load())
            return makeError(
                tr("import cancelled after %1 of %2 packages (each imported package is complete)")
                    .arg(state.done)
                    .arg(state.total));
        state.current = packageDirectory;
        if (progress)
            progress(state);
        report.packages.append(importPackage(packageDirectory, vault.keysDirectory()));
        ++state.done;
    }
    state.current.clear();
    if (progress)
        progress(state);
    return report;
}

ImportedPackage Workspace::importPackage(const QString& packageDirectory, const QString& trustedKeysDirectory)
{
    using Outcome = ImportedPackage::Outcome;
    const QMutexLocker lock(&m_mutex);
    ImportedPackage result{packageDirectory, {}, Outcome::Invalid, {}};
    const capture::VerificationReport verification =
        capture::PackageVerifier(trustedKeysDirectory).verify(packageDirectory);
    cache::RecordingStore store(*m_database);

    if (!verification.manifest) {
        result.outcome = Outcome::Failed;
        result.reason = verification.summary();
        (void)inTransaction(compliance::Action::ImportRecordings, packageDirectory,
                            json({{QStringLiteral("outcome"), QStringLiteral("failed")},
                                  {QStringLiteral("reason"), result.reason}}),
                            [] { return Status(); });
        return result;
    }
    const model::Manifest& manifest = *verification.manifest;
    result.recordingId = cache::RecordingStore::recordingId(manifest);
    // Reasons in the report name the recording as well as the file at fault.
    const auto recordingReason = [&](const QString& reason) {
        return holdfast::capture::VerificationText::tr("recording %1: %2").arg(result.recordingId, reason);
    };
    const QDir package(packageDirectory);
    auto manifestBytes =
        readSmallFile(package.filePath(QString::fromLatin1(model::kManifestFileName)), model::kMaxJsonBytes);
    const auto signature =
        readSmallFile(package.filePath(QString::fromLatin1(model::kSignatureFileName)), 4096);
    if (!manifestBytes) {
        result.outcome = Outcome::Failed;
        result.reason = manifestBytes.errorMessage();
        return result;
    }
    const cache::VerificationState wanted =
        verification.valid() ? cache::VerificationState::Verified : cache::VerificationState::Quarantined;

    // Unchanged: same signed bytes, same verdict.
    QStringList oldBlobIds;
    bool exists = false;
    if (auto contains = store.contains(result.recordingId); contains && *contains) {
        exists = true;
        if (auto existing = store.detail(result.recordingId)) {
            if (existing->manifestJson == *manifestBytes && existing->verificationState == wanted) {
                result.outcome =
                    wanted == cache::VerificationState::Verified ? Outcome::Unchanged : Outcome::Quarantined;
                result.reason =
                    verification.valid() ? QString() : recordingReason(existing->quarantineReason);
                return result;
            }
            // Originals are immutable: a vault copy that no longer verifies
            // never replaces the verified copy the cache already holds.
            if (existing->verificationState == cache::VerificationState::Verified && !verification.valid()) {
                result.outcome = Outcome::Quarantined;
                result.reason = holdfast::capture::VerificationText::tr(
                                    "%1 (the verified copy already in the cache is kept)")
                                    .arg(recordingReason(verification.summary()));
                (void)inTransaction(compliance::Action::ImportRecordings, result.recordingId,
                                    json({{QStringLiteral("outcome"), QStringLiteral("quarantined")},
                                          {QStringLiteral("package"), packageDirectory},
                                          {QStringLiteral("reason"), result.reason}}),
                                    [] { return Status(); });
                return result;
            }
            oldBlobIds = existing->blobIdsByPath.values();
        }
    }

    // Store every file of a verified package as an encrypted blob, checking
    // each against the manifest again (the vault may change under us).
    QHash<QString, QString> newBlobIds;
    QString quarantineReason = verification.valid() ? QString() : verification.summary();
    model::Transcript transcript;
    auto dropNewBlobs = [&] {
        for (const QString& blobId : std::as_const(newBlobIds))
            (void)m_blobs->remove(blobId);
        newBlobIds.clear();
    };
    if (verification.valid()) {
        for (const model::PackageFile& file : manifest.files) {
            auto blob = m_blobs->importFile(package.filePath(file.path));
            if (!blob) {
                dropNewBlobs();
                result.outcome = Outcome::Failed;
                result.reason = blob.errorMessage();
                return result;
            }
            newBlobIds.insert(file.path, blob->blobId);
            if (blob->plaintextSha256.toHex() != file.sha256 || blob->plaintextBytes != file.bytes) {
                quarantineReason = tr("%1: changed while it was being imported").arg(file.path);
                dropNewBlobs();
                break;
            }
        }
        if (quarantineReason.isEmpty() && manifest.file(QString::fromLatin1(model::kTranscriptFileName))) {
            const auto bytes = readSmallFile(
                package.filePath(QString::fromLatin1(model::kTranscriptFileName)), model::kMaxJsonBytes);
            auto parsed =
                bytes ? model::parseTranscriptJson(*bytes) : Result<model::Transcript>(bytes.error());
            if (parsed)
                transcript = std::move(parsed).value();
            else
                quarantineReason = tr("transcript.json: %1").arg(parsed.errorMessage());
        }
    }
    const bool verified = quarantineReason.isEmpty();
    if (!verified)
        dropNewBlobs();

    const QString details = json(
        {{QStringLiteral("outcome"), verified ? (exists ? QStringLiteral("updated") : QStringLiteral("new"))
                                              : QStringLiteral("quarantined")},
         {QStringLiteral("package"), packageDirectory},
         {QStringLiteral("reason"), quarantineReason}});
    const Status committed =
        inTransaction(compliance::Action::ImportRecordings, result.recordingId, details, [&] {
            if (exists)
                if (const Status removed = store.deleteRecording(result.recordingId); !removed)
                    return removed;
            // A quarantined package's transcript is untrusted: it is not indexed.
            if (const Status inserted = store.insertRecording(
                    manifest, *manifestBytes, signature ? *signature : QByteArray(),
                    verified ? transcript : model::Transcript(),
                    verified ? cache::VerificationState::Verified : cache::VerificationState::Quarantined,
                    quarantineReason);
                !inserted)
                return inserted;
            for (auto it = newBlobIds.cbegin(); it != newBlobIds.cend(); ++it)
                if (const Status set = store.setBlobId(result.recordingId, it.key(), it.value()); !set)
                    return set;
            return Status();
        });
    if (!committed) {
        dropNewBlobs();
        result.outcome = Outcome::Failed;
        result.reason = committed.errorMessage();
        return result;
    }
    for (const QString& blobId : std::as_const(oldBlobIds))
        (void)m_blobs->remove(blobId);
    result.outcome = !verified ? Outcome::Quarantined : exists ? Outcome::Updated : Outcome::New;
    result.reason = verified ? QString() : recordingReason(quarantineReason);
    return result;
}

Result<int> Workspace::lockForSync()
{
    const QByteArray path = QFile::encodeName(m_cacheDirectory);
    const int fd = ::open(path.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return makeError(tr("cannot open the cache directory %1").arg(m_cacheDirectory));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return makeError(tr("another sync is already running on the cache %1").arg(m_cacheDirectory));
    }
    return fd;
}

sync::SyncContext Workspace::syncContext()
{
    return sync::SyncContext{
        *m_database, *m_blobs, m_mutex,
        [this](const QString& target, const QString& detailsJson, const std::function<Status()>& change) {
            return inTransaction(compliance::Action::SyncVault, target, detailsJson, change);
        },
        [this](const std::function<Status()>& change) -> Status {
            const QMutexLocker lock(&m_mutex);
            if (const Status allowed = m_policy.check(compliance::Action::SyncVault); !allowed)
                return allowed;
            auto transaction = cache::DatabaseTransaction::begin(*m_database);
            if (!transaction)
                return transaction.error();
            if (const Status changed = change(); !changed)
                return changed;
            return transaction->commit();
        }};
}

Result<sync::SyncReport> Workspace::syncVault(vault::Vault& vault, const QString& vaultUrl,
                                              const sync::SyncOptions& options,
                                              const SyncProgressFn& progress,
                                              const std::atomic_bool* cancelled)
{
    if (const Status allowed = m_policy.check(compliance::Action::SyncVault); !allowed)
        return allowed.error();
    auto lock = lockForSync();
    if (!lock)
        return lock.error();
    const auto unlock = qScopeGuard([fd = *lock] { ::close(fd); });
    sync::SyncEngine engine(syncContext(), vault, vaultUrl, options);
    return engine.run(progress, cancelled);
}

Status Workspace::fetchTrackMedia(vault::Vault& vault, const QString& vaultUrl, const QString& recordingId,
                                  const QString& trackId, const SyncProgressFn& progress,
                                  const std::atomic_bool* cancelled)
{
    if (const Status allowed = m_policy.check(compliance::Action::SyncVault); !allowed)
        return allowed;
    QString path;
    {
        const QMutexLocker lock(&m_mutex);
        auto detail = cache::RecordingStore(*m_database).detail(recordingId);
        if (!detail)
            return detail.error();
        const model::Track* track = detail->manifest.track(trackId);
        if (!track)
            return makeError(tr("recording %1 has no track %2").arg(recordingId, trackId));
        path = track->path;
    }
    sync::SyncOptions options;
    options.jobs = 1;
    sync::SyncEngine engine(syncContext(), vault, vaultUrl, options);
    return engine.fetchMedia(recordingId, path, progress, cancelled);
}

Status Workspace::fetchTrackMediaFromSavedVault(const QString& recordingId, const QString& trackId,
                                                const SyncProgressFn& progress,
                                                const std::atomic_bool* cancelled)
{
    if (const Status allowed = m_policy.check(compliance::Action::SyncVault); !allowed)
        return allowed;
    auto url = recordingVaultUrl(recordingId);
    if (!url)
        return url.error();
    if (url->isEmpty())
        return makeError(tr("recording %1 was imported, not synced from a vault: there is nowhere to "
                            "download its media from")
                             .arg(recordingId));
    auto accounts = vaultAccounts();
    if (!accounts)
        return accounts.error();
    const auto account = std::find_if(accounts->cbegin(), accounts->cend(),
                                      [&](const sync::VaultAccount& a) { return a.url == *url; });
    if (account == accounts->cend())
        return makeError(tr("recording %1 came from %2, which is not a saved vault account: add the "
                            "account to download its media")
                             .arg(recordingId, *url));
    auto vault = vault::openVault(account->url, account->connectionString, account->extraCaFile);
    if (!vault)
        return makeError(tr("vault account \"%1\": %2").arg(account->name, vault.errorMessage()));
    return fetchTrackMedia(**vault, *url, recordingId, trackId, progress, cancelled);
}

Status Workspace::saveVaultAccount(const sync::VaultAccount& account)
{
    return inTransaction(compliance::Action::ManageVaultAccounts, account.name,
                         json({{QStringLiteral("change"), QStringLiteral("save")},
                               {QStringLiteral("url"), account.url},
                               {QStringLiteral("media"), sync::mediaPolicyName(account.media)},
                               {QStringLiteral("credentials"), !account.connectionString.isEmpty()},
                               {QStringLiteral("auto_sync_min"), account.autoSyncInterval_min}}),
                         [&] { return sync::VaultAccountStore(*m_database).save(account); });
}

Status Workspace::removeVaultAccount(const QString& name)
{
    return inTransaction(compliance::Action::ManageVaultAccounts, name,
                         json({{QStringLiteral("change"), QStringLiteral("remove")}}),
                         [&] { return sync::VaultAccountStore(*m_database).remove(name); });
}

Result<QList<sync::VaultAccount>> Workspace::vaultAccounts()
{
    const QMutexLocker lock(&m_mutex);
    return sync::VaultAccountStore(*m_database).all();
}

Result<std::optional<QDateTime>> Workspace::lastSyncEnded(const QString& vaultUrl)
{
    const QMutexLocker lock(&m_mutex);
    if (const Status allowed = m_policy.check(compliance::Action::ReadAuditLog); !allowed)
        return allowed.error();
    // The sync engine's closing event names the vault; those of its packages name a recording.
    audit::AuditFilter filter;
    filter.action = compliance::actionName(compliance::Action::SyncVault);
    filter.target = vaultUrl;
    auto events = audit::AuditLog(*m_database).list(filter, 1);
    if (!events)
        return events.error();
    if (events->isEmpty())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(QDateTime::fromMSecsSinceEpoch(events->constFirst().time_ms, Qt::UTC));
}

Result<QString> Workspace::recordingVaultUrl(const QString& recordingId)
{
    const QMutexLocker lock(&m_mutex);
    return sync::SyncStateStore(*m_database).vaultOf(recordingId);
}

Result<qint64> Workspace::addBookmark(const QString& recordingId, qint64 position_ms, const QString& note)
{
    qint64 bookmarkId = 0;
    cache::RecordingStore store(*m_database);
    const Status added =
        inTransaction(compliance::Action::AddBookmark, recordingId,
                      json({{QStringLiteral("position_ms"), position_ms}, {QStringLiteral("note"), note}}),
                      [&]() -> Status {
                          auto id = store.addBookmark(recordingId, position_ms, note, m_identity.actor);
                          if (!id)
                              return id.error();
                          bookmarkId = *id;
                          return {};
                      });
    if (!added)
        return added.error();
    return bookmarkId;
}

Status Workspace::removeBookmark(qint64 bookmarkId)
{
    cache::RecordingStore store(*m_database);
    return inTransaction(compliance::Action::RemoveBookmark, QString::number(bookmarkId),
                         QStringLiteral("{}"), [&] { return store.deleteBookmark(bookmarkId); });
}

Status Workspace::addTag(const QString& recordingId, const QString& tag)
{
    cache::RecordingStore store(*m_database);
    return inTransaction(compliance::Action::AddTag, recordingId, json({{QStringLiteral("tag"), tag}}),
                         [&] { return store.addTag(recordingId, tag); });
}

Status Workspace::removeTag(const QString& recordingId, const QString& tag)
{
    cache::RecordingStore store(*m_database);
    return inTransaction(compliance::Action::RemoveTag, recordingId, json({{QStringLiteral("tag"), tag}}),
                         [&] { return store.removeTag(recordingId, tag); });
}

Status Workspace::changePassphrase(const QString& oldPassphrase, const QString& newPassphrase,
                                   const crypto::Argon2idParams* kdfParams)
{
    // The key file is rewritten atomically first; the audit event follows in
    // the database. A crash in between leaves the new passphrase unaudited,
    // never a cache that cannot be opened.
    return inTransaction(compliance::Action::ChangePassphrase, m_cacheDirectory, QStringLiteral("{}"), [&] {
        return cache::CacheKeyFile::changePassphrase(
            keyFilePath(m_cacheDirectory), oldPassphrase, newPassphrase,
            kdfParams ? *kdfParams : crypto::Argon2idParams::defaults());
    });
}

// --- reads

Result<QList<cache::RecordingSummary>> Workspace::listRecordings(const cache::SearchFilter& filter, int limit,
                                                                 int offset, cache::RecordingOrder order,
                                                                 const cache::RecordingSummary* after)
{
    const QMutexLocker lock(&m_mutex);
    // One event per listing: the further pages a scrolling view asks for add
    // nothing to the trail, and a write per page would stall the scrolling.
    if (const Status allowed = m_policy.check(compliance::Action::ListRecordings); !allowed)
        return allowed.error();
    if (offset <= 0 && !after) {
        if (const Status audited =
                auditRead(compliance::Action::ListRecordings, QString(), QStringLiteral("{}"));
            !audited)
            return audited.error();
    }
    return cache::RecordingStore(*m_database).summaries(filter, limit, offset, order, after);
}

Result<qint64> Workspace::countRecordings(const cache::SearchFilter& filter)
{
    const QMutexLocker lock(&m_mutex);
    if (const Status allowed = m_policy.check(compliance::Action::ListRecordings); !allowed)
        return allowed.error();
    return cache::RecordingStore(*m_database).count(filter);
}

Result<cache::RecordingDetail> Workspace::recording(const QString& recordingId)
{
    const QMutexLocker lock(&m_mutex);
    if (const Status audited =
            auditRead(compliance::Action::ViewRecording, recordingId, QStringLiteral("{}"));
        !audited)
        return audited.error();
    return cache::RecordingStore(*m_database).detail(recordingId);
}

Result<model::Transcript> Workspace::transcript(const QString& recordingId)
{
    const QMutexLocker lock(&m_mutex);
    if (const Status audited = auditRead(compliance::Action::ViewRecording, recordingId,
                                         json({{QStringLiteral("part"), QStringLiteral("transcript")}}));
        !audited)
        return audited.error();
    return cache::RecordingStore(*m_database).transcript(recordingId);
}

Result<QList<cache::SearchHit>> Workspace::search(const cache::SearchRequest& request)
{
    const QMutexLocker lock(&m_mutex);
    if (const Status audited =
            auditRead(compliance::Action::Search, QString(), json({{QStringLiteral("query"), request.text}}));
        !audited)
        return audited.error();
    return cache::SearchIndex(*m_database).search(request);
}

Result<std::unique_ptr<QIODevice>> Workspace::openTrackMedia(const QString& recordingId,
                                                             const QString& trackId)
{
    const QMutexLocker lock(&m_mutex);
    if (const Status allowed = m_policy.check(compliance::Action::PlayMedia); !allowed)
        return allowed.error();
    auto detail = cache::RecordingStore(*m_database).detail(recordingId);
    if (!detail)
        return detail.error();
    if (detail->verificationState != cache::VerificationState::Verified)
        return makeError(holdfast::capture::VerificationText::tr("recording %1 is quarantined: %2")
                             .arg(recordingId, detail->quarantineReason));
    const model::Track* track = detail->manifest.track(trackId);
    if (!track)
        return makeError(tr("recording %1 has no track %2").arg(recordingId, trackId));
    const QString blobId = detail->blobIdsByPath.value(track->path);
    if (blobId.isEmpty())
        return makeError(
            tr("the media of track %1 of recording %2 is not in the cache yet").arg(trackId, recordingId));
    auto reader = m_blobs->openReader(blobId);
    if (!reader)
        return reader.error();
    if (const Status audited =
            auditRead(compliance::Action::PlayMedia, recordingId, json({{QStringLiteral("track"), trackId}}));
        !audited)
        return audited.error();
    return std::unique_ptr<QIODevice>(std::move(reader).value().release());
}

Result<QList<audit::AuditEvent>> Workspace::auditEvents(const audit::AuditFilter& filter, int limit)
{
    const QMutexLocker lock(&m_mutex);
    if (const Status allowed = m_policy.check(compliance::Action::ReadAuditLog); !allowed)
        return allowed.error();
    return audit::AuditLog(*m_database).list(filter, limit);
}

Result<audit::AuditVerification> Workspace::verifyAuditLog()
{
    const QMutexLocker lock(&m_mutex);
    if (const Status allowed = m_policy.check(compliance::Action::VerifyAuditLog); !allowed)
        return allowed.error();
    return audit::AuditVerifier(*m_database).verify();
}

// --- waveforms

namespace {

// A stored waveform, or a null optional when there is none (or it no longer parses).
Result<std::optional<media::WaveformPeaks>>
storedWaveform(cache::Database& database, const QString& recordingId, const QString& trackId, int bucket_ms)
{
    auto statement =
        database.prepare(QStringLiteral("SELECT peaks FROM waveforms WHERE recording_id = ?1 AND "
                                        "track_id = ?2 AND bucket_ms = ?3"),
                         QStringLiteral("read waveform"));
    if (!statement)
        return statement.error();
    for (const Status& bound : {statement->bindText(1, recordingId), statement->bindText(2, trackId),
                                statement->bindInt64(3, bucket_ms)})
        if (!bound)
            return bound.error();
    auto row = statement->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<media::WaveformPeaks>();
    auto peaks = media::WaveformPeaks::parse(statement->columnBlob(0));
    if (!peaks)
        return std::optional<media::WaveformPeaks>(); // recomputed and replaced
    return std::optional<media::WaveformPeaks>(std::move(peaks).value());
}

Status storeWaveform(cache::Database& database, const QString& recordingId, const QString& trackId,
                     const media::WaveformPeaks& peaks)
{
    auto transaction = cache::DatabaseTransaction::begin(database);
    if (!transaction)
        return transaction.error();
    auto statement = database.prepare(
        QStringLiteral(
            "INSERT OR REPLACE INTO waveforms (recording_id, track_id, bucket_ms, peaks, computed_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5)"),
        QStringLiteral("store waveform"));
    if (!statement)
        return statement.error();
    for (const Status& bound :
         {statement->bindText(1, recordingId), statement->bindText(2, trackId),
          statement->bindInt64(3, peaks.bucket_ms()), statement->bindBlob(4, peaks.serialize()),
          statement->bindInt64(5, QDateTime::currentMSecsSinceEpoch())})
        if (!bound)
            return bound;
    if (const Status stored = statement->exec(); !stored)
        return stored;
    return transaction->commit();
}

} // namespace

Result<media::WaveformPeaks> Workspace::waveformPeaks(const QString& recordingId, const QString& trackId,
                                                      int bucket_ms,
                                                      const media::WaveformPeaks::ProgressFn& progress,
                                                      const std::atomic_bool* cancelled)
{
    std::unique_ptr<cache::BlobReader> reader;
    {
        const QMutexLocker lock(&m_mutex);
        if (const Status audited = auditRead(compliance::Action::ViewRecording, recordingId,
                                             json({{QStringLiteral("part"), QStringLiteral("waveform")},
                                                   {QStringLiteral("track"), trackId}}));
            !audited)
            return audited.error();
        auto detail = cache::RecordingStore(*m_database).detail(recordingId);
        if (!detail)
            return detail.error();
        if (detail->verificationState != cache::VerificationState::Verified)
            return makeError(holdfast::capture::VerificationText::tr("recording %1 is quarantined: %2")
                                 .arg(recordingId, detail->quarantineReason));
        const model::Track* track = detail->manifest.track(trackId);
        if (!track)
            return makeError(tr("recording %1 has no track %2").arg(recordingId, trackId));
        if (track->kind != model::TrackKind::Audio)
            return makeError(tr("track %1 of recording %2 is not an audio track").arg(trackId, recordingId));
        auto stored = storedWaveform(*m_database, recordingId, trackId, bucket_ms);
        if (!stored)
            return stored.error();
        if (stored->has_value())
            return std::move(**stored);
        const QString blobId = detail->blobIdsByPath.value(track->path);
        if (blobId.isEmpty())
            return makeError(tr("the media of track %1 of recording %2 is not in the cache yet")
                                 .arg(trackId, recordingId));
        auto opened = m_blobs->openReader(blobId);
        if (!opened)
            return opened.error();
        reader = std::move(opened).value();
    }
    // Decoding takes a while: other workspace calls go on meanwhile.
    auto peaks = media::WaveformPeaks::compute(*reader, bucket_ms, progress, cancelled);
    reader.reset();
    if (!peaks)
        return peaks.error();
    if (isReadOnly())
        return peaks; // an auditor's workspace writes nothing
    const QMutexLocker lock(&m_mutex);
    if (const Status allowed = m_policy.check(compliance::Action::ViewRecording); !allowed)
        return allowed.error();
    if (const Status stored = storeWaveform(*m_database, recordingId, trackId, *peaks); !stored)
        return stored.error();
    return peaks;
}

Result<media::WaveformPeaks> Workspace::callWaveformPeaks(const QString& recordingId, int bucket_ms,
                                                          const media::WaveformPeaks::ProgressFn& progress,
                                                          const std::atomic_bool* cancelled)
{
    QList<model::Track> audioTracks;
    QSet<QString> inCache;
    {
        const QMutexLocker lock(&m_mutex);
        auto detail = cache::RecordingStore(*m_database).detail(recordingId);
        if (!detail)
            return detail.error();
        for (const model::Track& track : detail->manifest.tracks) {
            if (track.kind != model::TrackKind::Audio)
                continue;
            if (track.participant == QLatin1String(model::kMixedParticipant)) {
                audioTracks = {track}; // the mixed audio is the call's sound
                break;
            }
            audioTracks << track;
        }
        for (const model::Track& track : std::as_const(audioTracks))
            if (detail->blobIdsByPath.contains(track.path))
                inCache.insert(track.id);
    }
    std::vector<media::WaveformPeaks> peaks;
    QList<qint64> offsets;
    for (const model::Track& track : std::as_const(audioTracks)) {
        if (!inCache.contains(track.id))
            continue;
        auto trackPeaks = waveformPeaks(recordingId, track.id, bucket_ms, progress, cancelled);
        if (!trackPeaks)
            return trackPeaks.error();
        peaks.push_back(std::move(trackPeaks).value());
        offsets << track.offset_ms;
    }
    if (peaks.empty())
        return makeError(tr("no audio of recording %1 is in the cache yet").arg(recordingId));
    QList<media::PlacedWaveform> placed;
    for (size_t i = 0; i < peaks.size(); ++i)
        placed.append({&peaks[i], offsets[qsizetype(i)]});
    return media::WaveformPeaks::mix(placed);
}

} // namespace holdfast

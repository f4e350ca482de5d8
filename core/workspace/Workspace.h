#pragma once

#include "audit/AuditLog.h"
#include "audit/AuditVerifier.h"
#include "cache/RecordingStore.h"
#include "cache/SearchQuery.h"
#include "compliance/AccessPolicy.h"
#include "media/WaveformPeaks.h"
#include "sync/SyncEngine.h"
#include "sync/SyncTypes.h"
#include "sync/VaultAccountStore.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QIODevice>
#include <QList>
#include <QMutex>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace holdfast::crypto {
struct Argon2idParams;
}

namespace holdfast::cache {
class BlobReader;
class BlobStore;
class Database;
class MasterKey;
} // namespace holdfast::cache

namespace holdfast::vault {
class Vault;
}

namespace holdfast {

// Who is working: recorded in every audit event.
struct WorkspaceIdentity
{
    QString actor; // user name
    compliance::Role role = compliance::Role::Invalid;
    bool readOnly = false; // forced for auditors
};

// Outcome of importing one package.
struct ImportedPackage
{
    enum class Outcome
    {
        Invalid = 0,
        New,         // verified and stored
        Updated,     // verified, replaced an older copy with different bytes
        Unchanged,   // already in the cache with the same signed manifest
        Quarantined, // failed verification: recorded with the reason, never shown as valid
        Failed,      // could not be recorded at all (e.g. unreadable manifest, I/O error)
    };
    QString packageDirectory;
    QString recordingId; // empty when the manifest could not be read
    Outcome outcome = Outcome::Invalid;
    QString reason; // for Quarantined / Failed
};

struct ImportReport
{
    QList<ImportedPackage> packages;
    int count(ImportedPackage::Outcome outcome) const;
};

struct JobProgress
{
    QString stage;    // "verifying", "storing media", ...
    qint64 done = 0;  // packages done
    qint64 total = 0; // packages in all
    QString current;  // package being worked on
};

// The one facade over an unlocked cache: the encrypted database, the blob
// store, the audit log and the access policy. Desktop and CLI call only this.
// Every mutation is checked against the access policy and written to the
// audit log in the same database transaction as the change; views, plays and
// searches are audited too (except in a read-only workspace, which by design
// writes nothing at all). Calls are serialised by an internal mutex, so a
// worker thread may run a long job while another thread reads.
class Workspace
{
    // Messages are user-facing (errors are values shown by desktop and CLI);
    // the qualified name is the translation context lupdate records.
    Q_DECLARE_TR_FUNCTIONS(holdfast::Workspace)

public:
    using ProgressFn = std::function<void(const JobProgress&)>;
    using SyncProgressFn = std::function<void(const sync::SyncProgress&)>;

    static QString keyFilePath(const QString& cacheDirectory);
    static QString databasePath(const QString& cacheDirectory);
    static QString blobsPath(const QString& cacheDirectory);

    // Creates a new cache in an empty or missing directory.
    static Result<std::unique_ptr<Workspace>> create(const QString& cacheDirectory, const QString& passphrase,
                                                     const WorkspaceIdentity& identity,
                                                     const crypto::Argon2idParams* kdfParams = nullptr);
    // Unlocks an existing cache: "wrong passphrase" after one KDF run, or
    // "cache damaged: <file>: ..." naming the damaged file. Nothing is written
    // on failure, and nothing at all in read-only mode.
    static Result<std::unique_ptr<Workspace>> open(const QString& cacheDirectory, const QString& passphrase,
                                                   const WorkspaceIdentity& identity);
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    const QString& cacheDirectory() const { return m_cacheDirectory; }
    const WorkspaceIdentity& identity() const { return m_identity; }
    bool isReadOnly() const { return m_policy.readOnly(); }
    const compliance::AccessPolicy& policy() const { return m_policy; }

    // --- mutations (refused with "read-only (auditor): ..." when read-only)
    Result<ImportReport> importFolderVault(const QString& vaultDirectory, const ProgressFn& progress = {},
                                           const std::atomic_bool* cancelled = nullptr);
    // Pulls a vault into the cache (sync::SyncEngine): metadata first, then
    // media by policy, then eviction of what left the scope. vaultUrl names the
    // vault in the sync state ("azure://calls/team-a"). One sync at a time per
    // cache, also across processes. Listing failures leave the cache as it
    // was; a cancelled sync keeps what it committed and resumes next time.
    Result<sync::SyncReport> syncVault(vault::Vault& vault, const QString& vaultUrl,
                                       const sync::SyncOptions& options, const SyncProgressFn& progress = {},
                                       const std::atomic_bool* cancelled = nullptr);
    // The on-demand policy: downloads, verifies and stores one track's media
    // from the vault the recording was synced from (recordingVaultUrl()).
    Status fetchTrackMedia(vault::Vault& vault, const QString& vaultUrl, const QString& recordingId,
                           const QString& trackId, const SyncProgressFn& progress = {},
                           const std::atomic_bool* cancelled = nullptr);
    // The same from the player: finds the saved vault account the recording
    // was synced from and downloads one track through it.
    Status fetchTrackMediaFromSavedVault(const QString& recordingId, const QString& trackId,
                                         const SyncProgressFn& progress = {},
                                         const std::atomic_bool* cancelled = nullptr);
    // Vault accounts the user saved; the connection string stays inside the
    // encrypted database and never reaches the audit log.
    Status saveVaultAccount(const sync::VaultAccount& account);
    Status removeVaultAccount(const QString& name);
    Result<qint64> addBookmark(const QString& recordingId, qint64 position_ms, const QString& note);
    Status removeBookmark(qint64 bookmarkId);
    Status addTag(const QString& recordingId, const QString& tag);
    Status removeTag(const QString& recordingId, const QString& tag);
    // Re-wraps the master key only: instant for any cache size.
    Status changePassphrase(const QString& oldPassphrase, const QString& newPassphrase,
                            const crypto::Argon2idParams* kdfParams = nullptr);

    // --- reads
    // Audited once per listing (the first page), not for every further page.
    // `after`: a row of the previous page; the next page starts after it.
    Result<QList<cache::RecordingSummary>>
    listRecordings(const cache::SearchFilter& filter = {}, int limit = -1, int offset = 0,
                   cache::RecordingOrder order = cache::RecordingOrder::NewestFirst,
                   const cache::RecordingSummary* after = nullptr);
    Result<qint64> countRecordings(const cache::SearchFilter& filter = {});
    Result<cache::RecordingDetail> recording(const QString& recordingId);
    Result<model::Transcript> transcript(const QString& recordingId); // audited as a view
    Result<QList<cache::SearchHit>> search(const cache::SearchRequest& request);
    // A random-access device over a track's decrypted media (never a plaintext file).
    Result<std::unique_ptr<QIODevice>> openTrackMedia(const QString& recordingId, const QString& trackId);
    Result<QList<sync::VaultAccount>> vaultAccounts();
    // When the last sync of this vault ended (finished or cancelled, by the
    // desktop or the CLI), read from the audit log; empty when it was never
    // synced. What an automatic sync's interval counts from. Not audited.
    Result<std::optional<QDateTime>> lastSyncEnded(const QString& vaultUrl);
    // The vault a recording was synced from; empty when it was imported from a folder.
    Result<QString> recordingVaultUrl(const QString& recordingId);
    // Reading and verifying the audit log are not themselves audited.
    Result<QList<audit::AuditEvent>> auditEvents(const audit::AuditFilter& filter = {}, int limit = 100);
    Result<audit::AuditVerification> verifyAuditLog();

    // --- waveforms (derived data)
    // The peaks of one audio track (WaveformPeaks::compute at bucket_ms),
    // decoded once from the encrypted media and then kept in the encrypted
    // database, so later calls only read them back. A read-only workspace
    // computes them in memory every time and stores nothing. The decode runs
    // without holding the workspace lock: call it from a worker thread, other
    // calls proceed meanwhile. Audited as a view of the recording.
    Result<media::WaveformPeaks> waveformPeaks(const QString& recordingId, const QString& trackId,
                                               int bucket_ms = media::WaveformPeaks::kDefaultBucket_ms,
                                               const media::WaveformPeaks::ProgressFn& progress = {},
                                               const std::atomic_bool* cancelled = nullptr);
    // The waveform of the whole call on the call timeline: the mixed audio
    // track when the recording has one, otherwise the envelope of all its
    // audio tracks placed by offset (WaveformPeaks::mix). Tracks whose media
    // is not in the cache yet are left out; an error when none is there.
    Result<media::WaveformPeaks> callWaveformPeaks(const QString& recordingId,
                                                   int bucket_ms = media::WaveformPeaks::kDefaultBucket_ms,
                                                   const media::WaveformPeaks::ProgressFn& progress = {},
                                                   const std::atomic_bool* cancelled = nullptr);

private:
    Workspace(QString cacheDirectory, const WorkspaceIdentity& identity);

    // Runs `change` and appends its audit event in one transaction.
    Status inTransaction(compliance::Action action, const QString& target, const QString& detailsJson,
                         const std::function<Status()>& change);
    // Appends a view/play/search event (skipped when read-only).
    Status auditRead(compliance::Action action, const QString& target, const QString& detailsJson);
    Status lockForWriting();
    // flock() on the cache directory for the duration of a sync.
    Result<int> lockForSync();
    sync::SyncContext syncContext();
    void removeReaderWalFiles();
    Status collectGarbage();
    ImportedPackage importPackage(const QString& packageDirectory, const QString& trustedKeysDirectory);

    QString m_cacheDirectory;
    WorkspaceIdentity m_identity;
    compliance::AccessPolicy m_policy;
    std::unique_ptr<cache::MasterKey> m_masterKey;
    std::unique_ptr<cache::Database> m_database;
    std::unique_ptr<cache::BlobStore> m_blobs;
    QRecursiveMutex m_mutex;
    // flock() on the blob directory: shared while a writable workspace is
    // open, exclusive for the start-up garbage collection and the switch out
    // of WAL on close, so neither runs while another writer (desktop and CLI
    // at once) may have uncommitted blobs or the database open. -1: none.
    int m_writerLockFd = -1;
    // Read-only: the -wal / -shm files did not exist when the cache was opened.
    bool m_walCreatedByReader = false;
    bool m_shmCreatedByReader = false;
};

} // namespace holdfast

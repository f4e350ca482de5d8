#pragma once

#include "sync/SyncTypes.h"
#include "util/Result.h"

#include <QRecursiveMutex>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>

namespace holdfast::cache {
class BlobStore;
class Database;
} // namespace holdfast::cache

namespace holdfast::vault {
class Vault;
}

namespace holdfast::sync {

// What the workspace lends the engine: its database and blob store, the
// mutex that serialises database use, and its two ways to commit.
struct SyncContext
{
    cache::Database& database;
    cache::BlobStore& blobs;
    QRecursiveMutex& mutex;
    // One transaction with an audit event (action sync_vault) for `target`.
    std::function<Status(const QString& target, const QString& detailsJson,
                         const std::function<Status()>& change)>
        commitAudited;
    // One transaction, no audit event: the engine's own bookkeeping of
    // downloads in progress, which changes nothing a reviewer can see.
    std::function<Status(const std::function<Status()>& change)> commitBookkeeping;
};

// Pulls a vault into the cache: plan (list), metadata (manifest, signature,
// transcript: verified, stored, searchable), media by policy, eviction of
// what left the scope. Work fans out over SyncOptions::jobs threads; the
// caller's thread reports progress about five times a second. Nothing is
// shown as valid before it verifies: each file is hashed while it streams
// into an encrypted blob and committed only when it matches the signed
// manifest. A download cut off by a crash, a network drop or cancel keeps
// its encrypted partial blob and continues from the last whole chunk.
// Failing to list the vault changes nothing in the cache.
class SyncEngine
{
public:
    using ProgressFn = std::function<void(const SyncProgress&)>;

    SyncEngine(SyncContext context, vault::Vault& vault, QString vaultUrl, SyncOptions options);
    ~SyncEngine();
    SyncEngine(const SyncEngine&) = delete;
    SyncEngine& operator=(const SyncEngine&) = delete;

    Result<SyncReport> run(const ProgressFn& progress = {}, const std::atomic_bool* cancel = nullptr);

    // The on-demand policy: downloads, verifies and stores the media of one
    // file of a recording this vault delivered (a no-op when it is stored).
    Status fetchMedia(const QString& recordingId, const QString& path, const ProgressFn& progress = {},
                      const std::atomic_bool* cancel = nullptr);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace holdfast::sync

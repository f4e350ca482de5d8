#pragma once

// Options, progress and report of a sync from a vault into the cache.

#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace holdfast::sync {

// Which media a sync downloads; metadata (manifest, signature, transcript)
// always comes first, whatever the policy.
enum class MediaPolicy
{
    All,      // every track of every recording in scope
    OnDemand, // a track when it is first played (Workspace::fetchTrackMedia)
    None,     // metadata only
};
QString mediaPolicyName(MediaPolicy policy); // "all" | "on-demand" | "none"
std::optional<MediaPolicy> mediaPolicyFromName(const QString& name);

// What a workstation may hold: recordings whose day (the vault's
// recordings/YYYY/MM/DD directory, UTC) lies in [from, to]; an invalid date
// leaves that end open. The per-queue / per-team prefix is part of the vault
// URL (azure://container/team-a).
struct SyncScope
{
    QDate from;
    QDate to;
    bool contains(const QDate& day) const
    {
        return (!from.isValid() || day >= from) && (!to.isValid() || day <= to);
    }
};

struct SyncOptions
{
    MediaPolicy media = MediaPolicy::All;
    int jobs = 4;                  // parallel transfers, 1..kMaxJobs
    qint64 bandwidthLimit_Bps = 0; // bytes per second over all transfers; 0: no limit
    SyncScope scope;
    static constexpr int kMaxJobs = 32;
};

enum class SyncStage
{
    Listing,
    Metadata,
    Media,
    Evicting,
    Done,
};
QString syncStageName(SyncStage stage); // "listing", "metadata", "media", "evicting", "done"

// A snapshot for a progress bar: how far the current stage is.
struct SyncProgress
{
    SyncStage stage = SyncStage::Listing;
    qint64 filesDone = 0;
    qint64 filesTotal = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    double bytesPerSecond = 0; // over the last few seconds
    qint64 eta_ms = -1;        // -1: unknown
    QString current;           // a file or package being worked on
};

struct SyncedItem
{
    enum class Outcome
    {
        New,         // verified and stored (metadata; media per policy)
        Updated,     // verified, replaced an older copy
        Unchanged,   // same ETags as the last sync: nothing downloaded
        Quarantined, // failed verification: reason names the recording and the file
        Failed,      // could not be synced now (network, disk, ...): reason says why; retried next time
        MediaStored, // one track's media downloaded, verified and stored
        Evicted,     // out of scope (or gone from the vault): removed from the cache
        KeptHeld,    // out of scope but under a hold: kept
    };
    QString recordingId;
    QString path; // vault blob or package directory
    Outcome outcome = Outcome::Failed;
    QString reason;
};
QString outcomeName(SyncedItem::Outcome outcome); // "new", "media_stored", "kept_held", ...

struct SyncReport
{
    QString vaultUrl;
    QList<SyncedItem> items;
    qint64 packagesListed = 0;
    qint64 mediaBytes = 0; // media bytes downloaded (resumed downloads count what was fetched now)
    qint64 elapsed_ms = 0;
    bool cancelled = false;
    int count(SyncedItem::Outcome outcome) const;
};

} // namespace holdfast::sync

#include "sync/SyncTypes.h"

#include <algorithm>

namespace holdfast::sync {

QString mediaPolicyName(MediaPolicy policy)
{
    switch (policy) {
    case MediaPolicy::All:
        return QStringLiteral("all");
    case MediaPolicy::OnDemand:
        return QStringLiteral("on-demand");
    case MediaPolicy::None:
        return QStringLiteral("none");
    }
    return {};
}

std::optional<MediaPolicy> mediaPolicyFromName(const QString& name)
{
    for (MediaPolicy policy : {MediaPolicy::All, MediaPolicy::OnDemand, MediaPolicy::None})
        if (mediaPolicyName(policy) == name)
            return policy;
    return std::nullopt;
}

QString syncStageName(SyncStage stage)
{
    switch (stage) {
    case SyncStage::Listing:
        return QStringLiteral("listing");
    case SyncStage::Metadata:
        return QStringLiteral("metadata");
    case SyncStage::Media:
        return QStringLiteral("media");
    case SyncStage::Evicting:
        return QStringLiteral("evicting");
    case SyncStage::Done:
        return QStringLiteral("done");
    }
    return {};
}

QString outcomeName(SyncedItem::Outcome outcome)
{
    using O = SyncedItem::Outcome;
    switch (outcome) {
    case O::New:
        return QStringLiteral("new");
    case O::Updated:
        return QStringLiteral("updated");
    case O::Unchanged:
        return QStringLiteral("unchanged");
    case O::Quarantined:
        return QStringLiteral("quarantined");
    case O::Failed:
        return QStringLiteral("failed");
    case O::MediaStored:
        return QStringLiteral("media_stored");
    case O::Evicted:
        return QStringLiteral("evicted");
    case O::KeptHeld:
        return QStringLiteral("kept_held");
    }
    return {};
}

int SyncReport::count(SyncedItem::Outcome outcome) const
{
    return int(std::count_if(items.cbegin(), items.cend(),
                             [outcome](const SyncedItem& item) { return item.outcome == outcome; }));
}

} // namespace holdfast::sync

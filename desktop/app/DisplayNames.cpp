#include "app/DisplayNames.h"

#include "cache/RecordingStore.h"

#include <QLocale>

namespace holdfast::desktop {

QString DisplayNames::trackKind(model::TrackKind kind)
{
    switch (kind) {
    case model::TrackKind::Audio:
        return tr("audio");
    case model::TrackKind::Video:
        return tr("video");
    case model::TrackKind::Screen:
        return tr("screen share");
    case model::TrackKind::Invalid:
        break;
    }
    return {};
}

QString DisplayNames::holdState(const QString& state)
{
    if (state == QLatin1String(cache::kHoldStateHeld))
        return tr("active", "legal hold state");
    return state;
}

QString DisplayNames::playbackRate(double rate)
{
    //: Playback speed, e.g. "1.5×"; %1 is the number in the user's locale.
    return tr("%1×").arg(QLocale().toString(rate));
}

} // namespace holdfast::desktop

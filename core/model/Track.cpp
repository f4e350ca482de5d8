#include "model/Track.h"

namespace holdfast::model {

QString trackKindName(TrackKind kind)
{
    switch (kind) {
    case TrackKind::Audio:
        return QStringLiteral("audio");
    case TrackKind::Video:
        return QStringLiteral("video");
    case TrackKind::Screen:
        return QStringLiteral("screen");
    case TrackKind::Invalid:
        break;
    }
    return {};
}

TrackKind trackKindFromName(const QString& name)
{
    if (name == QLatin1StringView("audio"))
        return TrackKind::Audio;
    if (name == QLatin1StringView("video"))
        return TrackKind::Video;
    if (name == QLatin1StringView("screen"))
        return TrackKind::Screen;
    return TrackKind::Invalid;
}

} // namespace holdfast::model

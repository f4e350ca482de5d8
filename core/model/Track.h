#pragma once

#include <QString>
#include <QtGlobal>

namespace holdfast::model {

enum class TrackKind
{
    Invalid = 0,
    Audio,
    Video,
    Screen,
};

QString trackKindName(TrackKind kind);            // "audio" | "video" | "screen"
TrackKind trackKindFromName(const QString& name); // Invalid when unknown

// Participant value of a track that carries everyone (the mixed audio).
inline constexpr auto kMixedParticipant = "mixed";

// One media stream of a recording, placed on the call timeline.
struct Track
{
    QString id; // unique within the recording, e.g. "t1"
    TrackKind kind = TrackKind::Invalid;
    QString participant;    // participant id, or "mixed"
    QString path;           // relative to the package directory, must be listed in Manifest::files
    QString mediaType;      // e.g. "audio/webm", "video/webm"
    QString codec;          // e.g. "opus", "vp8"
    qint64 offset_ms = 0;   // start of this track relative to the call start
    qint64 duration_ms = 0; // length of the media

    bool operator==(const Track&) const = default;
};

} // namespace holdfast::model

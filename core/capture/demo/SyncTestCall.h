#pragma once

#include "capture/PackageBuilder.h"
#include "model/Track.h"
#include "util/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <atomic>
#include <functional>

namespace holdfast::capture {

// One track of the sync test call, placed on the call timeline.
struct SyncTestTrack
{
    model::TrackKind kind = model::TrackKind::Invalid;
    int participant = 0; // index into SyncTestCall::participants(); -1: the mixed audio
    qint64 offset_ms = 0;
};

// A call for checking that a player keeps its tracks in sync: every track
// carries a mark at each whole second of the CALL timeline, taking its own
// offset into account, and the tracks start at different times.
//
// Audio: a 50 ms beep starting exactly at each whole call second (1 kHz, or
// 2 kHz on every tenth second so that a listener can count), digital silence
// otherwise. Video and screen share: a white flash on the frame at each whole
// call second and the call time drawn large on every frame (SyncTestRenderer).
// Offsets are whole 20 ms Opus frames for audio and whole frames for video
// (multiples of 200 ms at 15 and 10 fps), so every mark lands exactly on a
// sample or frame boundary. Every track runs to the end of the call. The
// transcript has one segment per whole second, "mark <n>", whose words start
// at the beep.
class SyncTestCall
{
public:
    static constexpr qint64 kDuration_ms = 75000;
    static constexpr qint64 kBeep_ms = 50;
    static constexpr qint64 kBeepRamp_ms = 2; // raised-cosine fade in and out: no clicks, sharp onset
    static constexpr int kBeepFrequency_hz = 1000;
    static constexpr int kAccentFrequency_hz = 2000; // seconds 0, 10, 20, ...
    static constexpr float kBeepAmplitude = 0.5f;    // -6 dBFS
    static constexpr int kTileFps = 15;              // participant video, 320x180
    static constexpr int kScreenFps = 10;            // screen share, 1280x720

    static QList<model::Participant> participants();
    // In manifest order: audio A, audio B, mixed audio, video A, video B, screen share (A).
    static QList<SyncTestTrack> tracks();
    static int beepFrequency_hz(qint64 second);
    // The beep signal at a call-timeline sample (48 kHz): 0 outside the beeps.
    static float beepSample(qint64 callSample);

    // Renders the tracks into workDirectory (which must exist) and returns what
    // to package; the caller sets the id. seed only varies the muxers' track
    // UIDs: the marks are the same for every seed. stage is called before each
    // step, e.g. "encoding audio (p1)".
    static Result<CaptureRequest> compose(quint64 seed, const QDateTime& startedAt,
                                          const QString& workDirectory,
                                          const std::function<void(const QString& stage)>& stage,
                                          const std::atomic_bool* cancelled);
};

} // namespace holdfast::capture

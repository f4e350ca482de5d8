#pragma once

#include "capture/demo/CallTimeline.h"
#include "util/Result.h"

#include <QDateTime>
#include <QString>
#include <atomic>
#include <functional>

namespace holdfast::capture {

// Encodes what one microphone heard (a participant's own speech, or everyone
// for the mixed track) over a room-tone noise floor, as Opus in WebM, 48 kHz
// mono, covering the whole call.
class AudioTrackEncoder
{
public:
    static constexpr int kBitrate_bps = 32000;
    static constexpr int kSampleRate = CallTimeline::kSampleRate;

    // Adds the track's samples [firstSample, firstSample + count) to out (zeroed by the caller).
    using FillSamples = std::function<void(qint64 firstSample, float* out, int count)>;

    // participant -1: the mix of all participants.
    static Status encode(const CallTimeline& timeline, int participant, quint64 seed,
                         const QDateTime& creationTime, const QString& outputFile,
                         const std::atomic_bool* cancelled);

    // Any signal: sampleCount samples at kSampleRate from fill, in order.
    static Status encode(qint64 sampleCount, const FillSamples& fill, quint64 seed,
                         const QDateTime& creationTime, const QString& outputFile,
                         const std::atomic_bool* cancelled);
};

} // namespace holdfast::capture

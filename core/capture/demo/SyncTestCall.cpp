#include "capture/demo/SyncTestCall.h"

#include "capture/demo/AudioTrackEncoder.h"
#include "capture/demo/DemoRandom.h"
#include "capture/demo/ParticipantTileRenderer.h"
#include "capture/demo/ScreenShareRenderer.h"
#include "capture/demo/SyncTestRenderer.h"
#include "capture/demo/WebmVideoEncoder.h"

#include <cmath>
#include <numbers>

namespace holdfast::capture {

namespace {

constexpr int kSampleRate = AudioTrackEncoder::kSampleRate;
constexpr qint64 kBeepSamples = SyncTestCall::kBeep_ms * kSampleRate / 1000;
constexpr qint64 kRampSamples = SyncTestCall::kBeepRamp_ms * kSampleRate / 1000;
// Higher than the other demo tracks: the clock changes every frame and must stay legible.
constexpr int kTileBitrate_kbps = 200;
constexpr int kScreenBitrate_kbps = 500;

qint64 toSamples(qint64 ms)
{
    return ms * kSampleRate / 1000;
}

QString participantId(int participant)
{
    return participant < 0 ? QString::fromLatin1(model::kMixedParticipant)
                           : SyncTestCall::participants().at(participant).id;
}

} // namespace

QList<model::Participant> SyncTestCall::participants()
{
    return {{QStringLiteral("p1"), QStringLiteral("Sync Test A"), QStringLiteral("organizer"), {}, {}},
            {QStringLiteral("p2"), QStringLiteral("Sync Test B"), QStringLiteral("attendee"), {}, {}}};
}

QList<SyncTestTrack> SyncTestCall::tracks()
{
    using K = model::TrackKind;
    // The mix runs from the start of the recording; each participant's own
    // streams start when their microphone or camera connects.
    return {{K::Audio, 0, 1020}, {K::Audio, 1, 3260}, {K::Audio, -1, 0},
            {K::Video, 0, 1400}, {K::Video, 1, 4600}, {K::Screen, 0, 12400}};
}

int SyncTestCall::beepFrequency_hz(qint64 second)
{
    return second % 10 == 0 ? kAccentFrequency_hz : kBeepFrequency_hz;
}

float SyncTestCall::beepSample(qint64 callSample)
{
    if (callSample < 0)
        return 0.0f;
    const qint64 second = callSample / kSampleRate;
    const qint64 k = callSample - second * kSampleRate; // samples since the whole second
    if (k >= kBeepSamples)
        return 0.0f;
    double envelope = 1.0;
    if (k < kRampSamples)
        envelope = 0.5 - 0.5 * std::cos(std::numbers::pi * double(k) / double(kRampSamples));
    else if (kBeepSamples - k < kRampSamples)
        envelope = 0.5 - 0.5 * std::cos(std::numbers::pi * double(kBeepSamples - k) / double(kRampSamples));
    const double phase = 2.0 * std::numbers::pi * beepFrequency_hz(second) * double(k) / kSampleRate;
    return float(kBeepAmplitude * envelope * std::sin(phase));
}

Result<CaptureRequest> SyncTestCall::compose(quint64 seed, const QDateTime& startedAt,
                                             const QString& workDirectory,
                                             const std::function<void(const QString& stage)>& stage,
                                             const std::atomic_bool* cancelled)
{
    const auto proceed = [&](const QString& what) {
        if (cancelled && cancelled->load())
            return false;
        if (stage)
            stage(what);
        return true;
    };
    const Error cancelledError = makeError(QStringLiteral("sync test call: cancelled"));

    CaptureRequest request;
    request.source = QStringLiteral("teams");
    request.direction = model::CallDirection::Internal;
    request.title = QStringLiteral("Sync test: a beep and a flash every second");
    request.startedAt = startedAt;
    request.participants = participants();

    const QList<SyncTestTrack> layout = tracks();
    qint64 secondAudioOffset_ms = 0;
    for (const SyncTestTrack& track : layout) {
        if (track.kind == model::TrackKind::Audio && track.participant == 1)
            secondAudioOffset_ms = track.offset_ms;
    }

    for (const SyncTestTrack& track : layout) {
        const QString who = participantId(track.participant);
        const qint64 duration_ms = kDuration_ms - track.offset_ms;
        if (track.kind == model::TrackKind::Audio) {
            if (!proceed(QStringLiteral("encoding audio (%1)").arg(who)))
                return cancelledError;
            const qint64 firstCallSample = toSamples(track.offset_ms);
            const AudioTrackEncoder::FillSamples fill = [&](qint64 firstSample, float* out, int count) {
                for (int i = 0; i < count; ++i)
                    out[i] += beepSample(firstCallSample + firstSample + i);
            };
            const QString file = workDirectory + QStringLiteral("/audio-%1.webm").arg(who);
            if (Status status = AudioTrackEncoder::encode(
                    toSamples(duration_ms), fill, DemoRandom::derive(seed, QStringLiteral("audio/") + who),
                    startedAt, file, cancelled);
                !status)
                return makeError(QStringLiteral("sync test call: ") + status.errorMessage());
            request.tracks << CaptureTrackInput{file, track.kind, who, track.offset_ms};
            continue;
        }

        const bool screen = track.kind == model::TrackKind::Screen;
        const QString kindName = screen ? QStringLiteral("screen") : QStringLiteral("video");
        if (!proceed(QStringLiteral("rendering %1 (%2)").arg(kindName, who)))
            return cancelledError;
        const VideoFormat format =
            screen ? VideoFormat{QSize(ScreenShareRenderer::kWidth, ScreenShareRenderer::kHeight), kScreenFps,
                                 kScreenBitrate_kbps}
                   : VideoFormat{QSize(ParticipantTileRenderer::kWidth, ParticipantTileRenderer::kHeight),
                                 kTileFps, kTileBitrate_kbps};
        const SyncTestRenderer renderer(
            format.size, format.fps, track.offset_ms,
            QStringLiteral("%1 %2").arg(participants().at(track.participant).displayName,
                                        screen ? QStringLiteral("screen") : QStringLiteral("camera")),
            ParticipantTileRenderer::accentColour(track.participant + (screen ? 2 : 0)));
        const QString file = workDirectory + QStringLiteral("/%1-%2.webm").arg(kindName, who);
        if (Status status = WebmVideoEncoder::encode(
                format, duration_ms, [&](qint64 time_ms) { return renderer.render(time_ms); },
                DemoRandom::derive(seed, QStringLiteral("mux/%1/%2").arg(kindName, who)), startedAt, file,
                QStringLiteral("sync test call: rendering %1").arg(kindName), cancelled);
            !status)
            return makeError(status.errorMessage());
        request.tracks << CaptureTrackInput{file, track.kind, who, track.offset_ms};
    }

    // One segment per whole second, spoken by B on odd seconds once B's
    // microphone is on, by A otherwise: the transcript follows the beeps.
    model::Transcript transcript;
    transcript.language = QStringLiteral("en-GB");
    for (qint64 second = 0; second * 1000 + kBeep_ms <= kDuration_ms; ++second) {
        const qint64 start_ms = second * 1000;
        model::TranscriptSegment segment;
        segment.speaker = participantId(second % 2 == 1 && start_ms >= secondAudioOffset_ms ? 1 : 0);
        segment.start_ms = start_ms;
        segment.end_ms = start_ms + kBeep_ms;
        segment.words << model::TranscriptWord{QStringLiteral("mark"), start_ms, start_ms + kBeep_ms / 2, 1.0}
                      << model::TranscriptWord{QString::number(second), start_ms + kBeep_ms / 2,
                                               start_ms + kBeep_ms, 1.0};
        segment.text = QStringLiteral("mark %1").arg(second);
        transcript.segments << segment;
    }
    request.transcript = transcript;
    return request;
}

} // namespace holdfast::capture

#include "capture/demo/AudioTrackEncoder.h"

#include "capture/demo/RoomTone.h"
#include "capture/demo/WebmPipeline.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace holdfast::capture {

namespace {
constexpr int kChunkSamples = CallTimeline::kSampleRate / 10; // 100 ms per appsrc buffer
constexpr qint64 kNanosecondsPerSecond = 1000000000;
} // namespace

Status AudioTrackEncoder::encode(const CallTimeline& timeline, int participant, quint64 seed,
                                 const QDateTime& creationTime, const QString& outputFile,
                                 const std::atomic_bool* cancelled)
{
    RoomTone roomTone(DemoRandom::derive(seed, QStringLiteral("room-tone")));
    qint64 position = 0;
    std::vector<float> mix(kChunkSamples);
    const WebmPipeline::Producer produce = [&]() -> std::optional<MediaChunk> {
        if (position >= timeline.sampleCount())
            return std::nullopt;
        const int count = int(std::min<qint64>(kChunkSamples, timeline.sampleCount() - position));
        std::fill(mix.begin(), mix.end(), 0.0f);
        roomTone.addTo(mix.data(), count);
        timeline.addSpeech(participant, position, mix.data(), count);

        MediaChunk chunk;
        chunk.bytes.resize(qsizetype(count) * qsizetype(sizeof(qint16)));
        auto* pcm = reinterpret_cast<qint16*>(chunk.bytes.data());
        for (int i = 0; i < count; ++i)
            pcm[i] = qint16(std::lround(std::clamp(mix[size_t(i)], -1.0f, 1.0f) * 32767.0f));
        chunk.pts_ns = position * kNanosecondsPerSecond / CallTimeline::kSampleRate;
        chunk.duration_ns =
            (position + count) * kNanosecondsPerSecond / CallTimeline::kSampleRate - chunk.pts_ns;
        position += count;
        return chunk;
    };

    const WebmPipeline pipeline(
        QStringLiteral("opusenc bitrate=%1 complexity=2 frame-size=20 audio-type=voice").arg(kBitrate_bps),
        QStringLiteral("audio/x-raw,format=S16LE,rate=%1,channels=1,layout=interleaved")
            .arg(CallTimeline::kSampleRate),
        QStringLiteral("encoding audio"));
    return pipeline.run(outputFile, DemoRandom::derive(seed, QStringLiteral("mux")), creationTime, produce,
                        cancelled);
}

} // namespace holdfast::capture

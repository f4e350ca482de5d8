#include "capture/demo/AudioTrackEncoder.h"

#include "capture/demo/RoomTone.h"
#include "capture/demo/WebmPipeline.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace holdfast::capture {

namespace {
constexpr int kChunkSamples = AudioTrackEncoder::kSampleRate / 10; // 100 ms per appsrc buffer
constexpr qint64 kNanosecondsPerSecond = 1000000000;
} // namespace

Status AudioTrackEncoder::encode(const CallTimeline& timeline, int participant, quint64 seed,
                                 const QDateTime& creationTime, const QString& outputFile,
                                 const std::atomic_bool* cancelled)
{
    RoomTone roomTone(DemoRandom::derive(seed, QStringLiteral("room-tone")));
    const FillSamples fill = [&](qint64 firstSample, float* out, int count) {
        roomTone.addTo(out, count);
        timeline.addSpeech(participant, firstSample, out, count);
    };
    return encode(timeline.sampleCount(), fill, seed, creationTime, outputFile, cancelled);
}

Status AudioTrackEncoder::encode(qint64 sampleCount, const FillSamples& fill, quint64 seed,
                                 const QDateTime& creationTime, const QString& outputFile,
                                 const std::atomic_bool* cancelled)
{
    qint64 position = 0;
    std::vector<float> mix(kChunkSamples);
    const WebmPipeline::Producer produce = [&]() -> std::optional<MediaChunk> {
        if (position >= sampleCount)
            return std::nullopt;
        const int count = int(std::min<qint64>(kChunkSamples, sampleCount - position));
        std::fill(mix.begin(), mix.end(), 0.0f);
        fill(position, mix.data(), count);

        MediaChunk chunk;
        chunk.bytes.resize(qsizetype(count) * qsizetype(sizeof(qint16)));
        auto* pcm = reinterpret_cast<qint16*>(chunk.bytes.data());
        for (int i = 0; i < count; ++i)
            pcm[i] = qint16(std::lround(std::clamp(mix[size_t(i)], -1.0f, 1.0f) * 32767.0f));
        chunk.pts_ns = position * kNanosecondsPerSecond / kSampleRate;
        chunk.duration_ns = (position + count) * kNanosecondsPerSecond / kSampleRate - chunk.pts_ns;
        position += count;
        return chunk;
    };

    const WebmPipeline pipeline(
        QStringLiteral("opusenc bitrate=%1 complexity=2 frame-size=20 audio-type=voice").arg(kBitrate_bps),
        QStringLiteral("audio/x-raw,format=S16LE,rate=%1,channels=1,layout=interleaved").arg(kSampleRate),
        QStringLiteral("encoding audio"));
    return pipeline.run(outputFile, DemoRandom::derive(seed, QStringLiteral("mux")), creationTime, produce,
                        cancelled);
}

} // namespace holdfast::capture

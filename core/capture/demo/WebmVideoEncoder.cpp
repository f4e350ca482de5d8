#include "capture/demo/WebmVideoEncoder.h"

#include "capture/demo/WebmPipeline.h"

#include <QSysInfo>
#include <algorithm>

namespace holdfast::capture {

namespace {
constexpr qint64 kNanosecondsPerMs = 1000000;
} // namespace

Status WebmVideoEncoder::encode(const VideoFormat& format, qint64 duration_ms, const RenderFrame& render,
                                quint64 seed, const QDateTime& creationTime, const QString& outputFile,
                                const QString& stage, const std::atomic_bool* cancelled)
{
    const qint64 duration_ns = duration_ms * kNanosecondsPerMs;
    const qint64 frameCount = (duration_ms * format.fps + 999) / 1000;
    qint64 frame = 0;
    QString renderError;
    const WebmPipeline::Producer produce = [&]() -> std::optional<MediaChunk> {
        if (frame >= frameCount)
            return std::nullopt;
        MediaChunk chunk;
        chunk.pts_ns = frame * 1000000000 / format.fps;
        chunk.duration_ns = std::min(duration_ns, (frame + 1) * 1000000000 / format.fps) - chunk.pts_ns;
        const QImage image = render(chunk.pts_ns / kNanosecondsPerMs);
        if (image.size() != format.size || image.format() != QImage::Format_RGB32 ||
            image.bytesPerLine() != format.size.width() * 4) {
            renderError = QStringLiteral("frame %1 has the wrong size or format").arg(frame);
            return std::nullopt;
        }
        chunk.bytes = QByteArray(reinterpret_cast<const char*>(image.constBits()), image.sizeInBytes());
        ++frame;
        return chunk;
    };

    // Lean realtime VP8: a keyframe every two seconds keeps seeking cheap.
    const QString encoder =
        QStringLiteral("queue max-size-buffers=4 max-size-bytes=0 max-size-time=0 ! videoconvert ! "
                       "video/x-raw,format=I420 ! vp8enc deadline=1 cpu-used=16 threads=1 lag-in-frames=0 "
                       "end-usage=vbr target-bitrate=%1 keyframe-max-dist=%2")
            .arg(format.bitrate_kbps * 1000)
            .arg(format.fps * 2);
    // QImage::Format_RGB32 is one native-endian 0xffRRGGBB word per pixel.
    const QString pixelFormat =
        QSysInfo::ByteOrder == QSysInfo::LittleEndian ? QStringLiteral("BGRx") : QStringLiteral("xRGB");
    const QString caps = QStringLiteral("video/x-raw,format=%1,width=%2,height=%3,framerate=%4/1")
                             .arg(pixelFormat)
                             .arg(format.size.width())
                             .arg(format.size.height())
                             .arg(format.fps);
    const WebmPipeline pipeline(encoder, caps, stage);
    Status status = pipeline.run(outputFile, seed, creationTime, produce, cancelled);
    if (status && !renderError.isEmpty())
        return makeError(QStringLiteral("%1 (%2): %3").arg(stage, outputFile, renderError));
    return status;
}

} // namespace holdfast::capture

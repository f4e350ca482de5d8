#pragma once

#include "util/Result.h"

#include <QDateTime>
#include <QImage>
#include <QSize>
#include <QString>
#include <atomic>
#include <functional>

namespace holdfast::capture {

struct VideoFormat
{
    QSize size;
    int fps = 15;
    int bitrate_kbps = 150;
};

// Encodes rendered frames as VP8 in WebM. Frames are drawn on the appsrc
// thread while the encoder (two threads) works on earlier ones; the last
// frame is shortened so that the track lasts exactly duration_ms.
class WebmVideoEncoder
{
public:
    // Returns the frame at time_ms from the start of the track, QImage::Format_RGB32, format.size.
    using RenderFrame = std::function<QImage(qint64 time_ms)>;

    static Status encode(const VideoFormat& format, qint64 duration_ms, const RenderFrame& render,
                         quint64 seed, const QDateTime& creationTime, const QString& outputFile,
                         const QString& stage, const std::atomic_bool* cancelled);
};

} // namespace holdfast::capture

#pragma once

#include "util/Result.h"

#include <QString>
#include <QtGlobal>

namespace holdfast::media {

// Initialises GStreamer once per process (thread-safe); later calls are no-ops.
void ensureGStreamer();

// What GStreamer says about one media file.
struct MediaInfo
{
    QString mediaType; // container type, e.g. "audio/webm", "video/webm", "audio/x-wav"
    QString codec;     // first stream's codec, short name: "opus", "vp8", "vorbis", "pcm", "h264", ...
    qint64 duration_ms = 0;
    qint64 bytes = 0;
    bool hasAudio = false;
    bool hasVideo = false;
    int width = 0;      // video only
    int height = 0;     // video only
    int sampleRate = 0; // audio only
    int channels = 0;   // audio only
};

// Probes a file with GStreamer (GstDiscoverer). Fails, naming the file, when
// it does not exist, is not media, cannot be decoded with the installed
// plugins, or has no known duration.
Result<MediaInfo> probeMedia(const QString& filePath);

} // namespace holdfast::media

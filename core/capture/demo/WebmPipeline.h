#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <atomic>
#include <functional>
#include <optional>

namespace holdfast::capture {

// One buffer for the pipeline's appsrc, with its timestamps.
struct MediaChunk
{
    QByteArray bytes;
    qint64 pts_ns = 0;
    qint64 duration_ns = 0;
};

// Runs "appsrc ! <encoder> ! webmmux ! filesink" to completion with
// byte-reproducible output. webmmux draws its track UIDs and SegmentUID from
// GLib's global g_random and writes the current date; both are pinned: the
// creation time is given, and g_random is seeded before the pipeline is built
// and again right before it starts. Runs are therefore serialised
// process-wide, so that no two pipelines draw from g_random at the same time;
// parallelism comes from the encoder and the appsrc thread that produces the
// buffers.
class WebmPipeline
{
public:
    // nullopt ends the stream. Called on the appsrc streaming thread.
    using Producer = std::function<std::optional<MediaChunk>()>;

    // encoder: the gst-launch description between appsrc and webmmux.
    // caps: the caps of the buffers the producer delivers.
    // stage: names the work in error messages, e.g. "encoding audio".
    WebmPipeline(QString encoder, QString caps, QString stage);

    Status run(const QString& outputFile, quint64 seed, const QDateTime& creationTime,
               const Producer& produce, const std::atomic_bool* cancelled) const;

private:
    QString m_encoder;
    QString m_caps;
    QString m_stage;
};

} // namespace holdfast::capture

#include "capture/demo/WebmPipeline.h"

#include "media/MediaProbe.h"

#include <QFile>
#include <gst/app/gstappsrc.h>
#include <gst/gst.h>
#include <memory>
#include <mutex>

namespace holdfast::capture {

namespace {

std::mutex& pipelineMutex()
{
    static std::mutex mutex;
    return mutex;
}

struct ProducerContext
{
    const WebmPipeline::Producer* produce;
    const std::atomic_bool* cancelled;
};

void pushNext(GstAppSrc* source, guint /*length*/, gpointer data)
{
    const auto* context = static_cast<const ProducerContext*>(data);
    if (context->cancelled && context->cancelled->load()) {
        gst_app_src_end_of_stream(source);
        return;
    }
    std::optional<MediaChunk> chunk = (*context->produce)();
    if (!chunk) {
        gst_app_src_end_of_stream(source);
        return;
    }
    // Hand the bytes to GStreamer without copying them again.
    auto* bytes = new QByteArray(std::move(chunk->bytes));
    GstBuffer* buffer = gst_buffer_new_wrapped_full(
        GST_MEMORY_FLAG_READONLY, const_cast<char*>(bytes->constData()), size_t(bytes->size()), 0,
        size_t(bytes->size()), bytes, [](gpointer owned) { delete static_cast<QByteArray*>(owned); });
    GST_BUFFER_PTS(buffer) = GstClockTime(chunk->pts_ns);
    GST_BUFFER_DURATION(buffer) = GstClockTime(chunk->duration_ns);
    gst_app_src_push_buffer(source, buffer);
}

struct ElementDeleter
{
    void operator()(GstElement* element) const
    {
        if (element)
            gst_object_unref(element);
    }
};
using ElementPtr = std::unique_ptr<GstElement, ElementDeleter>;

} // namespace

WebmPipeline::WebmPipeline(QString encoder, QString caps, QString stage)
    : m_encoder(std::move(encoder))
    , m_caps(std::move(caps))
    , m_stage(std::move(stage))
{}

Status WebmPipeline::run(const QString& outputFile, quint64 seed, const QDateTime& creationTime,
                         const Producer& produce, const std::atomic_bool* cancelled) const
{
    media::ensureGStreamer();
    const QString where = QStringLiteral("%1 (%2)").arg(m_stage, outputFile);
    const QString description =
        QStringLiteral("appsrc name=source ! %1 ! webmmux name=mux writing-app=Holdfast ! filesink name=sink")
            .arg(m_encoder);

    const std::lock_guard<std::mutex> lock(pipelineMutex());
    // webmmux draws track UIDs from g_random when its pads are requested
    // (while the pipeline is built) and the SegmentUID when it starts.
    const guint32 randomSeed = guint32(seed ^ (seed >> 32));
    g_random_set_seed(randomSeed);
    GError* error = nullptr;
    ElementPtr pipeline(gst_parse_launch(description.toUtf8().constData(), &error));
    if (error || !pipeline) {
        const QString why = error ? QString::fromUtf8(error->message) : QStringLiteral("unknown error");
        g_clear_error(&error);
        return makeError(QStringLiteral("%1: cannot build the GStreamer pipeline: %2").arg(where, why));
    }
    const ElementPtr source(gst_bin_get_by_name(GST_BIN(pipeline.get()), "source"));
    const ElementPtr mux(gst_bin_get_by_name(GST_BIN(pipeline.get()), "mux"));
    const ElementPtr sink(gst_bin_get_by_name(GST_BIN(pipeline.get()), "sink"));

    GstCaps* caps = gst_caps_from_string(m_caps.toUtf8().constData());
    if (!caps)
        return makeError(QStringLiteral("%1: invalid caps %2").arg(where, m_caps));
    g_object_set(source.get(), "caps", caps, "format", GST_FORMAT_TIME, "is-live", FALSE, nullptr);
    gst_caps_unref(caps);
    g_object_set(sink.get(), "location", QFile::encodeName(outputFile).constData(), nullptr);
    const QDateTime utc = creationTime.toUTC();
    GDateTime* created = g_date_time_new_utc(utc.date().year(), utc.date().month(), utc.date().day(),
                                             utc.time().hour(), utc.time().minute(), utc.time().second());
    g_object_set(mux.get(), "creation-time", created, nullptr);
    g_date_time_unref(created);

    ProducerContext context{&produce, cancelled};
    GstAppSrcCallbacks callbacks{};
    callbacks.need_data = pushNext;
    gst_app_src_set_callbacks(GST_APP_SRC(source.get()), &callbacks, &context, nullptr);

    g_random_set_seed(randomSeed ^ 0x5eedu);
    if (gst_element_set_state(pipeline.get(), GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
        gst_element_set_state(pipeline.get(), GST_STATE_NULL);
        return makeError(QStringLiteral("%1: the GStreamer pipeline does not start").arg(where));
    }

    GstBus* bus = gst_element_get_bus(pipeline.get());
    Status result;
    for (;;) {
        GstMessage* message = gst_bus_timed_pop_filtered(bus, 100 * GST_MSECOND,
                                                         GstMessageType(GST_MESSAGE_EOS | GST_MESSAGE_ERROR));
        if (!message) {
            if (cancelled && cancelled->load()) {
                result = makeError(QStringLiteral("%1: cancelled").arg(where));
                break;
            }
            continue;
        }
        if (GST_MESSAGE_TYPE(message) == GST_MESSAGE_ERROR) {
            GError* gstError = nullptr;
            gchar* debug = nullptr;
            gst_message_parse_error(message, &gstError, &debug);
            result = makeError(QStringLiteral("%1: %2: %3")
                                   .arg(where, QString::fromUtf8(GST_OBJECT_NAME(GST_MESSAGE_SRC(message))),
                                        gstError ? QString::fromUtf8(gstError->message) : QString()));
            g_clear_error(&gstError);
            g_free(debug);
        } else if (cancelled && cancelled->load()) {
            result = makeError(QStringLiteral("%1: cancelled").arg(where));
        }
        gst_message_unref(message);
        break;
    }
    gst_object_unref(bus);
    // Stops the streaming threads before the producer context goes out of scope.
    gst_element_set_state(pipeline.get(), GST_STATE_NULL);
    return result;
}

} // namespace holdfast::capture

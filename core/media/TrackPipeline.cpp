#include "media/TrackPipeline.h"

#include "media/MediaProbe.h"

#include <QIODevice>
#include <QMutexLocker>
#include <QPointer>
#include <chrono>
#include <cmath>
#include <gst/app/gstappsink.h>
#include <gst/app/gstappsrc.h>
#include <gst/audio/gstaudiobasesink.h>
#include <gst/gst.h>
#include <gst/video/video.h>
#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <utility>

namespace holdfast::media {

namespace {

constexpr guint kReadBytes = 64 * 1024; // one encrypted chunk of the blob store

qint64 steadyNow_ns()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QString errorMessageText(GstMessage* message)
{
    GError* error = nullptr;
    gchar* debug = nullptr;
    gst_message_parse_error(message, &error, &debug);
    QString text = error ? QString::fromUtf8(error->message) : QStringLiteral("unknown GStreamer error");
    if (error)
        g_error_free(error);
    g_free(debug);
    return text;
}

GstElement* makeElement(const char* factory)
{
    return gst_element_factory_make(factory, nullptr);
}

// A queue just before the output gives it a streaming thread of its own: the
// output only waits for the clock and hands over, while decoding (and for
// audio the time-stretching) of what follows runs ahead in the thread before
// it. Without it, each frame or audio buffer is decoded only after the one
// before has been handed over, so a thread that is not scheduled for a few
// milliseconds makes that track late (at 2×, a 15 fps frame has 33 ms).
GstElement* makeOutputQueue(guint maxBuffers, guint64 maxTime_ns)
{
    GstElement* queue = gst_element_factory_make("queue", "output"); // its thread: "output:src"
    if (queue)
        g_object_set(queue, "max-size-buffers", maxBuffers, "max-size-bytes", 0u, "max-size-time", maxTime_ns,
                     nullptr);
    return queue;
}

// The output threads' real-time priority: low, below what audio servers
// give their own threads (PulseAudio 5, PipeWire 20 and up).
constexpr int kOutputThreadPriority = 3;

std::atomic<int> g_outputThreadPolicy{-1}; // the last output thread's, -1 before the first

// Runs in a track's output thread as it starts. The thread only waits for the
// clock and hands over a frame or audio buffer, so a real-time priority costs
// the rest of the machine next to nothing, and it takes the thread out of the
// queue behind decoding and the user interface: when the machine has paused
// (a virtual processor not scheduled by its host for 10-30 ms is common),
// every track hands over its overdue buffer at once instead of one after
// another, and the tracks stay together. Where the system does not allow it
// (no CAP_SYS_NICE and RLIMIT_RTPRIO 0, a desktop user's default) the thread
// keeps the normal priority and nothing else changes.
void raiseOutputThreadPriority()
{
    rlimit limit{};
    int priority = kOutputThreadPriority;
    if (getrlimit(RLIMIT_RTPRIO, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur > 0)
        priority = std::min<int>(priority, int(limit.rlim_cur));
    sched_param param{};
    param.sched_priority = priority;
    const bool raised = pthread_setschedparam(pthread_self(), SCHED_RR, &param) == 0;
    g_outputThreadPolicy = raised ? SCHED_RR : SCHED_OTHER;
}

void restoreNormalPriority()
{
    sched_param param{};
    param.sched_priority = 0;
    pthread_setschedparam(pthread_self(), SCHED_OTHER, &param);
}

} // namespace

// The callbacks GStreamer's threads call. The device is read and sought only
// here: appsrc calls both under its stream lock, so never at the same time.
struct TrackPipeline::Streaming
{
    static void needData(GstAppSrc* source, guint length, gpointer user)
    {
        auto* self = static_cast<TrackPipeline*>(user);
        QIODevice& device = *self->m_device;
        const guint want = length > 0 && length < kReadBytes * 4 ? std::max(length, 4096u) : kReadBytes;
        GstBuffer* buffer = gst_buffer_new_allocate(nullptr, want, nullptr);
        GstMapInfo map;
        gst_buffer_map(buffer, &map, GST_MAP_WRITE);
        const qint64 offset = device.pos();
        const qint64 got = device.read(reinterpret_cast<char*>(map.data), want);
        gst_buffer_unmap(buffer, &map);
        if (got <= 0) {
            gst_buffer_unref(buffer);
            if (got < 0) {
                // The cache refused a chunk (tampered or damaged): stop with its reason.
                const QByteArray why = device.errorString().toUtf8();
                GST_ELEMENT_ERROR(source, RESOURCE, READ, ("%s", why.constData()), (nullptr));
            }
            gst_app_src_end_of_stream(source);
            return;
        }
        gst_buffer_set_size(buffer, gsize(got));
        GST_BUFFER_OFFSET(buffer) = guint64(offset);
        gst_app_src_push_buffer(source, buffer);
    }

    static gboolean seekData(GstAppSrc*, guint64 offset, gpointer user)
    {
        auto* self = static_cast<TrackPipeline*>(user);
        return self->m_device->seek(qint64(offset));
    }

    static void padAdded(GstElement*, GstPad* pad, gpointer user)
    {
        static_cast<TrackPipeline*>(user)->linkDecodedPad(pad);
    }

    static void noMorePads(GstElement*, gpointer user)
    {
        auto* self = static_cast<TrackPipeline*>(user);
        if (!self->m_linked.load())
            self->markFailed(self->isVisual() ? QStringLiteral("the media has no video stream")
                                              : QStringLiteral("the media has no audio stream"));
    }

    static GstFlowReturn newSample(GstAppSink* sink, gpointer user)
    {
        if (GstSample* sample = gst_app_sink_pull_sample(sink)) {
            static_cast<TrackPipeline*>(user)->takeSample(sample, false);
            gst_sample_unref(sample);
        }
        return GST_FLOW_OK;
    }

    static GstFlowReturn newPreroll(GstAppSink* sink, gpointer user)
    {
        if (GstSample* sample = gst_app_sink_pull_preroll(sink)) {
            static_cast<TrackPipeline*>(user)->takeSample(sample, true);
            gst_sample_unref(sample);
        }
        return GST_FLOW_OK;
    }

    // Audio outputs buffer 50 ms instead of 200 ms, so a start or seek is
    // heard sooner, and keep to the clock within 5 ms instead of the default
    // 40 ms tolerances, so sound and pictures stay within a frame.
    static void elementAdded(GstBin*, GstBin*, GstElement* element, gpointer)
    {
        if (!GST_IS_AUDIO_BASE_SINK(element))
            return;
        g_object_set(element, "buffer-time", gint64(50000), "latency-time", gint64(10000), "drift-tolerance",
                     gint64(5000), "alignment-threshold", guint64(5 * GST_MSECOND), "discont-wait",
                     guint64(50 * GST_MSECOND), nullptr);
    }

    static GstBusSyncReply busMessage(GstBus*, GstMessage* message, gpointer user)
    {
        auto* self = static_cast<TrackPipeline*>(user);
        const GstMessageType type = GST_MESSAGE_TYPE(message);
        if (type == GST_MESSAGE_ASYNC_DONE && GST_MESSAGE_SRC(message) == GST_OBJECT(self->m_pipeline)) {
            QMetaObject::invokeMethod(
                self, [self] { self->handleBusMessage(GST_MESSAGE_ASYNC_DONE, QString()); },
                Qt::QueuedConnection);
        } else if (type == GST_MESSAGE_ERROR) {
            self->markFailed(errorMessageText(message));
        } else if (type == GST_MESSAGE_STREAM_STATUS) {
            // ENTER is posted by the new streaming thread itself, so this runs in it.
            GstStreamStatusType status = GST_STREAM_STATUS_TYPE_CREATE;
            GstElement* owner = nullptr;
            gst_message_parse_stream_status(message, &status, &owner);
            if (owner == self->m_outputQueue && status == GST_STREAM_STATUS_TYPE_ENTER)
                raiseOutputThreadPriority();
            // GStreamer's threads are pooled: one that leaves the output must not
            // decode for another element at real-time priority.
            else if (owner == self->m_outputQueue && status == GST_STREAM_STATUS_TYPE_LEAVE)
                restoreNormalPriority();
        }
        return GST_BUS_DROP; // nobody pops this bus: everything is handled here
    }
};

int TrackPipeline::outputThreadPolicy()
{
    return g_outputThreadPolicy.load();
}

QString TrackPipeline::audioSinkDescription()
{
    const QString configured = qEnvironmentVariable("HOLDFAST_AUDIO_SINK").trimmed();
    return configured.isEmpty() ? QStringLiteral("autoaudiosink") : configured;
}

TrackPipeline::TrackPipeline(const model::Track& track, std::unique_ptr<QIODevice> device, GstClock* clock,
                             QObject* parent)
    : QObject(parent)
    , m_track(track)
    , m_device(std::move(device))
    , m_clock(clock)
{
    ensureGStreamer();
    gst_object_ref(m_clock);
}

TrackPipeline::~TrackPipeline()
{
    if (m_pipeline) {
        // NULL joins the streaming threads, which use this object and the device.
        gst_element_set_state(m_pipeline, GST_STATE_NULL);
        GstBus* bus = gst_element_get_bus(m_pipeline);
        gst_bus_set_sync_handler(bus, nullptr, nullptr, nullptr);
        gst_object_unref(bus);
        gst_object_unref(m_pipeline);
    }
    gst_object_unref(m_clock);
}

Status TrackPipeline::start()
{
    if (!m_device || !m_device->isOpen())
        return makeError(QStringLiteral("track %1: the media is not open").arg(m_track.id));
    m_pipeline = gst_pipeline_new(qPrintable(QStringLiteral("track-%1").arg(m_track.id)));
    g_signal_connect(m_pipeline, "deep-element-added", G_CALLBACK(&Streaming::elementAdded), nullptr);
    GstElement* source = makeElement("appsrc");
    GstElement* decode = makeElement("decodebin");
    if (!source || !decode)
        return makeError(QStringLiteral("GStreamer lacks appsrc or decodebin"));
    gst_bin_add_many(GST_BIN(m_pipeline), source, decode, nullptr);
    g_object_set(source, "stream-type", GST_APP_STREAM_TYPE_RANDOM_ACCESS, "format", GST_FORMAT_BYTES,
                 nullptr);
    gst_app_src_set_size(GST_APP_SRC(source), m_device->size());
    GstAppSrcCallbacks sourceCallbacks{};
    sourceCallbacks.need_data = &Streaming::needData;
    sourceCallbacks.seek_data = &Streaming::seekData;
    gst_app_src_set_callbacks(GST_APP_SRC(source), &sourceCallbacks, this, nullptr);
    if (!gst_element_link(source, decode))
        return makeError(QStringLiteral("cannot link appsrc to decodebin"));

    QList<GstElement*> branch;
    if (isVisual()) {
        GstElement* convert = makeElement("videoconvert");
        // Three converted frames ahead: 300 ms of a 10 fps screen share, 11 MB at 1280 × 720.
        GstElement* queue = m_outputQueue = makeOutputQueue(3, 0);
        GstElement* sink = makeElement("appsink");
        if (!convert || !queue || !sink)
            return makeError(QStringLiteral("GStreamer lacks videoconvert, queue or appsink"));
        GstCaps* caps = gst_caps_from_string("video/x-raw,format=BGRx");
        // sync: frames are handed over when the shared clock reaches them.
        g_object_set(sink, "caps", caps, "sync", TRUE, "max-buffers", 2u, "qos", TRUE, nullptr);
        gst_caps_unref(caps);
        GstAppSinkCallbacks sinkCallbacks{};
        sinkCallbacks.new_sample = &Streaming::newSample;
        sinkCallbacks.new_preroll = &Streaming::newPreroll;
        gst_app_sink_set_callbacks(GST_APP_SINK(sink), &sinkCallbacks, this, nullptr);
        branch = {convert, queue, sink};
    } else {
        GError* error = nullptr;
        GstElement* sink = gst_parse_bin_from_description(qPrintable(audioSinkDescription()), TRUE, &error);
        if (!sink) {
            const QString why = error ? QString::fromUtf8(error->message) : QString();
            g_clear_error(&error);
            return makeError(QStringLiteral("audio output \"%1\": %2").arg(audioSinkDescription(), why));
        }
        g_clear_error(&error);
        // Speed changes keep the pitch: scaletempo stretches by the segment's rate.
        // The output queue comes before the volume, so a volume change is heard at once.
        // The output gets 5 ms buffers instead of the decoder's 20 ms: the audio
        // sink corrects its offset against the shared clock once per buffer, and a
        // PulseAudio output starts 10-38 ms behind it; with four corrections as
        // often the first beep after a start is heard 0-16 ms after its flash
        // instead of 4-44 ms (the sync test call, tst_player_audio).
        GstElement* split = makeElement("audiobuffersplit");
        if (split)
            g_object_set(split, "output-buffer-duration", 1, 200, nullptr);
        branch = {makeElement("audioconvert"),
                  makeElement("audioresample"),
                  makeElement("scaletempo"),
                  makeElement("audioconvert"),
                  makeElement("audioresample"),
                  m_outputQueue = makeOutputQueue(0, 100 * GST_MSECOND),
                  split,
                  makeElement("volume"),
                  sink};
        for (GstElement* element : std::as_const(branch)) {
            if (!element) {
                for (GstElement* made : std::as_const(branch))
                    if (made)
                        gst_object_unref(gst_object_ref_sink(made));
                return makeError(QStringLiteral("GStreamer lacks audioconvert, audioresample, scaletempo, "
                                                "queue, audiobuffersplit or volume"));
            }
        }
        m_volume = branch[7];
    }
    for (GstElement* element : std::as_const(branch))
        gst_bin_add(GST_BIN(m_pipeline), element);
    for (qsizetype i = 0; i + 1 < branch.size(); ++i)
        if (!gst_element_link(branch[i], branch[i + 1]))
            return makeError(QStringLiteral("cannot link the %1 branch").arg(isVisual() ? "video" : "audio"));
    m_branchSink = branch.first();
    g_signal_connect(decode, "pad-added", G_CALLBACK(&Streaming::padAdded), this);
    g_signal_connect(decode, "no-more-pads", G_CALLBACK(&Streaming::noMorePads), this);

    // Every track of the call runs on the same clock with base times set by
    // CallPlayback (start time NONE: the pipeline must not pick its own).
    gst_pipeline_use_clock(GST_PIPELINE(m_pipeline), m_clock);
    gst_element_set_start_time(m_pipeline, GST_CLOCK_TIME_NONE);
    GstBus* bus = gst_element_get_bus(m_pipeline);
    gst_bus_set_sync_handler(bus, &Streaming::busMessage, this, nullptr);
    gst_object_unref(bus);

    m_settling = true;
    // The first start of a PulseAudio stream that prerolled long before is
    // as slow as a restarted one (0.5 s measured): reopen it like one.
    m_hasPlayed = !isVisual();
    if (gst_element_set_state(m_pipeline, GST_STATE_PAUSED) == GST_STATE_CHANGE_FAILURE) {
        const QString why = errorText();
        return makeError(why.isEmpty() ? QStringLiteral("the GStreamer pipeline does not start") : why);
    }
    return {};
}

bool TrackPipeline::linkDecodedPad(void* padPointer)
{
    auto* pad = static_cast<GstPad*>(padPointer);
    GstCaps* caps = gst_pad_get_current_caps(pad);
    if (!caps)
        caps = gst_pad_query_caps(pad, nullptr);
    const QString name = QString::fromUtf8(gst_structure_get_name(gst_caps_get_structure(caps, 0)));
    gst_caps_unref(caps);
    const bool wanted =
        isVisual() ? name.startsWith(QLatin1String("video/")) : name.startsWith(QLatin1String("audio/"));
    if (wanted && !m_linked.exchange(true)) {
        GstPad* sinkPad = gst_element_get_static_pad(m_branchSink, "sink");
        const bool ok = gst_pad_link(pad, sinkPad) == GST_PAD_LINK_OK;
        gst_object_unref(sinkPad);
        if (!ok)
            markFailed(QStringLiteral("cannot link the decoded %1 stream").arg(name));
        return ok;
    }
    // A stream this track does not show (say, audio muxed with a video tile)
    // is decoded into a sink that discards it, so it cannot stall the rest.
    GstElement* discard = makeElement("fakesink");
    g_object_set(discard, "sync", FALSE, "async", FALSE, nullptr);
    gst_bin_add(GST_BIN(m_pipeline), discard);
    gst_element_sync_state_with_parent(discard);
    GstPad* sinkPad = gst_element_get_static_pad(discard, "sink");
    gst_pad_link(pad, sinkPad);
    gst_object_unref(sinkPad);
    return false;
}

void TrackPipeline::takeSample(void* samplePointer, bool preroll)
{
    Q_UNUSED(preroll);
    auto* sample = static_cast<GstSample*>(samplePointer);
    GstBuffer* buffer = gst_sample_get_buffer(sample);
    GstVideoInfo info;
    if (!buffer || !gst_video_info_from_caps(&info, gst_sample_get_caps(sample)))
        return;
    if (info.fps_n > 0 && info.fps_d > 0)
        m_frameDuration_ms = qint64(std::llround(1000.0 * info.fps_d / info.fps_n));
    // The image shows the mapped buffer itself (no copy in the streaming
    // thread, which hands the frame over on time); the mapping holds a
    // reference to the buffer and is undone with the last copy of the image.
    auto* frame = new GstVideoFrame;
    if (!gst_video_frame_map(frame, &info, buffer, GST_MAP_READ)) {
        delete frame;
        return;
    }
    const auto unmap = [](void* mapped) {
        gst_video_frame_unmap(static_cast<GstVideoFrame*>(mapped));
        delete static_cast<GstVideoFrame*>(mapped);
    };
    // BGRx in memory is QImage's RGB32 on little-endian machines.
    QImage image(static_cast<const uchar*>(GST_VIDEO_FRAME_PLANE_DATA(frame, 0)),
                 GST_VIDEO_FRAME_WIDTH(frame), GST_VIDEO_FRAME_HEIGHT(frame),
                 GST_VIDEO_FRAME_PLANE_STRIDE(frame, 0), QImage::Format_RGB32, unmap, frame);
    const GstSegment* segment = gst_sample_get_segment(sample);
    const guint64 streamTime =
        segment ? gst_segment_to_stream_time(segment, GST_FORMAT_TIME, GST_BUFFER_PTS(buffer))
                : GST_BUFFER_PTS(buffer);
    bool signal = false;
    {
        QMutexLocker lock(&m_mutex);
        m_frame = image;
        m_frameTime_ms = GST_CLOCK_TIME_IS_VALID(streamTime) ? qint64(streamTime / GST_MSECOND) : -1;
        m_frameShownAt_ns = steadyNow_ns();
        signal = !m_frameSignalPending;
        m_frameSignalPending = true;
    }
    if (signal)
        QMetaObject::invokeMethod(
            this,
            [this] {
                {
                    QMutexLocker lock(&m_mutex);
                    m_frameSignalPending = false;
                }
                Q_EMIT frameShown();
            },
            Qt::QueuedConnection);
}

void TrackPipeline::markFailed(const QString& message)
{
    {
        QMutexLocker lock(&m_mutex);
        if (!m_error.isEmpty())
            return;
        m_error = QStringLiteral("track %1: %2").arg(m_track.id, message);
    }
    QMetaObject::invokeMethod(
        this, [this] { handleBusMessage(GST_MESSAGE_ERROR, errorText()); }, Qt::QueuedConnection);
}

void TrackPipeline::handleBusMessage(int type, const QString& text)
{
    if (type == GST_MESSAGE_ERROR) {
        m_settling = false;
        m_playing = false;
        gst_element_set_state(m_pipeline, GST_STATE_NULL);
        Q_EMIT failed(text);
        return;
    }
    if (type != GST_MESSAGE_ASYNC_DONE || !m_settling || hasFailed())
        return;
    // An ASYNC_DONE from an earlier state change can arrive after a newer
    // seek: only a pipeline that is really done changing state has prerolled.
    GstState state = GST_STATE_VOID_PENDING;
    GstState pending = GST_STATE_VOID_PENDING;
    if (gst_element_get_state(m_pipeline, &state, &pending, 0) != GST_STATE_CHANGE_SUCCESS)
        return;
    if (m_pendingSeek_ms >= 0) {
        const qint64 target = std::exchange(m_pendingSeek_ms, -1);
        seekPaused(target, m_pendingRate);
        return;
    }
    m_settling = false;
    Q_EMIT prerolled();
}

QString TrackPipeline::errorText() const
{
    QMutexLocker lock(&m_mutex);
    return m_error;
}

void TrackPipeline::seekPaused(qint64 track_ms, double rate)
{
    if (!m_pipeline || hasFailed())
        return;
    m_settling = true;
    if (!isVisual() && m_hasPlayed) {
        // An audio output that has played is reopened before it plays again:
        // a PulseAudio stream corked, flushed and restarted at a new base time
        // can be left writing far ahead of the server (stream overflow, then
        // silence). From READY it starts like the first time; the seek
        // follows once it has prerolled.
        gst_element_set_state(m_pipeline, GST_STATE_READY);
        m_playing = false;
        m_hasPlayed = false;
        m_linked = false;
        m_pendingSeek_ms = track_ms;
        m_pendingRate = rate;
        gst_element_set_state(m_pipeline, GST_STATE_PAUSED);
        return;
    }
    if (m_playing) {
        gst_element_set_state(m_pipeline, GST_STATE_PAUSED);
        m_playing = false;
    }
    const gint64 start = std::max<qint64>(track_ms, 0) * GST_MSECOND;
    if (!gst_element_seek(m_pipeline, rate, GST_FORMAT_TIME,
                          GstSeekFlags(GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE), GST_SEEK_TYPE_SET,
                          start, GST_SEEK_TYPE_NONE, -1))
        markFailed(QStringLiteral("the media cannot seek to %1 ms").arg(track_ms));
}

void TrackPipeline::playAt(quint64 baseTime_ns)
{
    if (!m_pipeline || hasFailed())
        return;
    gst_element_set_base_time(m_pipeline, GstClockTime(baseTime_ns));
    gst_element_set_state(m_pipeline, GST_STATE_PLAYING);
    m_playing = true;
    m_hasPlayed = true;
}

void TrackPipeline::pause()
{
    if (!m_pipeline || !m_playing)
        return;
    gst_element_set_state(m_pipeline, GST_STATE_PAUSED);
    m_playing = false;
}

qint64 TrackPipeline::position_ms() const
{
    gint64 position = -1;
    if (!m_pipeline || !gst_element_query_position(m_pipeline, GST_FORMAT_TIME, &position) || position < 0)
        return -1;
    return position / GST_MSECOND;
}

void TrackPipeline::setVolume(double volume)
{
    if (m_volume)
        g_object_set(m_volume, "volume", std::clamp(volume, 0.0, 1.0), nullptr);
}

void TrackPipeline::setMuted(bool muted)
{
    if (m_volume)
        g_object_set(m_volume, "mute", gboolean(muted), nullptr);
}

bool TrackPipeline::isMuted() const
{
    gboolean muted = FALSE;
    if (m_volume)
        g_object_get(m_volume, "mute", &muted, nullptr);
    return muted;
}

QImage TrackPipeline::currentFrame() const
{
    QMutexLocker lock(&m_mutex);
    return m_frame;
}

qint64 TrackPipeline::currentFrameTime_ms() const
{
    QMutexLocker lock(&m_mutex);
    return m_frameTime_ms;
}

qint64 TrackPipeline::currentFrameShownAt_ns() const
{
    QMutexLocker lock(&m_mutex);
    return m_frameShownAt_ns;
}

} // namespace holdfast::media

#include "media/WaveformPeaks.h"

#include "crypto/Sha256.h"
#include "media/MediaProbe.h"

#include <QIODevice>
#include <QtEndian>
#include <algorithm>
#include <cmath>
#include <gst/app/gstappsink.h>
#include <gst/app/gstappsrc.h>
#include <gst/audio/audio.h>
#include <gst/gst.h>
#include <limits>
#include <memory>

namespace holdfast::media {

namespace {

constexpr char kMagic[4] = {'H', 'F', 'W', 'P'};
constexpr qsizetype kHeaderBytes = 4 + 2 + 2 + 4 + 8 + 8;
constexpr qsizetype kBucketBytes = 4;
constexpr qsizetype kChecksumBytes = crypto::Sha256::kDigestBytes;
constexpr qint64 kReadChunkBytes = 64 * 1024; // one cache::BlobReader chunk per read
constexpr GstClockTime kPollInterval = 20 * GST_MSECOND;

// A bucket nothing has been added to yet; 0/0 once finished.
constexpr PeakRange kUnset{std::numeric_limits<qint16>::max(), std::numeric_limits<qint16>::min()};

bool isUnset(const PeakRange& range)
{
    return range.min > range.max;
}

void merge(PeakRange& into, const PeakRange& from)
{
    into.min = std::min(into.min, from.min);
    into.max = std::max(into.max, from.max);
}

void finish(std::vector<PeakRange>& buckets)
{
    for (PeakRange& bucket : buckets) {
        if (isUnset(bucket))
            bucket = PeakRange{};
    }
}

qint16 quantize(float sample)
{
    return qint16(std::lround(std::clamp(sample, -1.0f, 1.0f) * 32767.0f));
}

struct GstObjectDeleter
{
    void operator()(gpointer object) const
    {
        if (object)
            gst_object_unref(object);
    }
};
using ElementPtr = std::unique_ptr<GstElement, GstObjectDeleter>;
using BusPtr = std::unique_ptr<GstBus, GstObjectDeleter>;

struct SampleDeleter
{
    void operator()(GstSample* sample) const { gst_sample_unref(sample); }
};
using SamplePtr = std::unique_ptr<GstSample, SampleDeleter>;

// State shared with GStreamer's streaming threads: only atomics and the
// converter's sink pad, which is set up before the pipeline starts.
struct StreamContext
{
    GstPad* convertSink = nullptr;
    std::atomic_bool wantsData{false};
    std::atomic_bool audioLinked{false};
    std::atomic_bool otherStreams{false}; // video, subtitles: tells "no audio" from "undecodable"
};

void onPadAdded(GstElement* /*decodebin*/, GstPad* pad, gpointer data)
{
    auto* context = static_cast<StreamContext*>(data);
    GstCaps* caps = gst_pad_get_current_caps(pad);
    if (!caps)
        caps = gst_pad_query_caps(pad, nullptr);
    const bool audio = caps && gst_caps_get_size(caps) > 0 &&
                       g_str_has_prefix(gst_structure_get_name(gst_caps_get_structure(caps, 0)), "audio/");
    if (caps)
        gst_caps_unref(caps);
    // The first audio stream only; other streams stay unlinked, which decodebin tolerates.
    if (!audio)
        context->otherStreams.store(true);
    else if (!gst_pad_is_linked(context->convertSink) &&
             gst_pad_link(pad, context->convertSink) == GST_PAD_LINK_OK)
        context->audioLinked.store(true);
}

void onNeedData(GstAppSrc* /*source*/, guint /*length*/, gpointer data)
{
    static_cast<StreamContext*>(data)->wantsData.store(true);
}

void onEnoughData(GstAppSrc* /*source*/, gpointer data)
{
    static_cast<StreamContext*>(data)->wantsData.store(false);
}

QString errorText(GstMessage* message)
{
    GError* error = nullptr;
    gchar* debug = nullptr;
    gst_message_parse_error(message, &error, &debug);
    const QString text = QStringLiteral("%1: %2").arg(
        QString::fromUtf8(GST_OBJECT_NAME(GST_MESSAGE_SRC(message))),
        error ? QString::fromUtf8(error->message) : QStringLiteral("unknown error"));
    g_clear_error(&error);
    g_free(debug);
    return text;
}

// Min/max per bucket of a mono stream of float samples placed by sample index.
class PeakAccumulator
{
public:
    explicit PeakAccumulator(int bucket_ms)
        : m_bucket_ms(bucket_ms)
    {}

    // Fails when the rate changes mid-stream: bucket bounds would no longer line up.
    bool setRate(int rate)
    {
        if (m_rate != 0 && m_rate != rate)
            return false;
        m_rate = rate;
        return true;
    }
    int rate() const { return m_rate; }

    void add(qint64 firstSample, const float* samples, qint64 count)
    {
        qint64 position = std::max<qint64>(firstSample, 0);
        const qint64 end = firstSample + count;
        while (position < end) {
            // Bucket b covers samples [ceil(b * rate * bucket_ms / 1000), ceil((b + 1) * ...)).
            const qint64 perBucketScaled = qint64(m_rate) * m_bucket_ms; // samples per bucket x 1000
            const qint64 bucket = position * 1000 / perBucketScaled;
            const qint64 nextBoundary = ((bucket + 1) * perBucketScaled + 999) / 1000;
            const qint64 runEnd = std::min(end, nextBoundary);
            PeakRange run = kUnset;
            for (qint64 i = position; i < runEnd; ++i) {
                const qint16 value = quantize(samples[i - firstSample]);
                run.min = std::min(run.min, value);
                run.max = std::max(run.max, value);
            }
            if (qint64(m_buckets.size()) <= bucket)
                m_buckets.resize(size_t(bucket + 1), kUnset);
            merge(m_buckets[size_t(bucket)], run);
            position = runEnd;
        }
        m_endSample = std::max(m_endSample, end);
    }

    qint64 endSample() const { return m_endSample; }

    // Buckets for the decoded duration; samples of a last partial millisecond
    // belong to the last bucket.
    std::vector<PeakRange> take(qint64 duration_ms)
    {
        const qint64 count = WaveformPeaks::bucketCountFor(duration_ms, m_bucket_ms);
        std::vector<PeakRange> buckets = std::move(m_buckets);
        if (count > 0 && qint64(buckets.size()) > count) {
            for (size_t i = size_t(count); i < buckets.size(); ++i)
                merge(buckets[size_t(count - 1)], buckets[i]);
        }
        buckets.resize(size_t(count), kUnset);
        finish(buckets);
        return buckets;
    }

private:
    int m_bucket_ms;
    int m_rate = 0;
    qint64 m_endSample = 0;
    std::vector<PeakRange> m_buckets;
};

template <typename T> void appendLittleEndian(QByteArray& out, T value)
{
    char bytes[sizeof(T)];
    qToLittleEndian(value, bytes);
    out.append(bytes, qsizetype(sizeof(T)));
}

template <typename T> T readLittleEndian(const QByteArray& in, qsizetype offset)
{
    return qFromLittleEndian<T>(in.constData() + offset);
}

Error parseError(const QString& problem)
{
    return makeError(QStringLiteral("waveform peaks: ") + problem);
}

} // namespace

WaveformPeaks::WaveformPeaks(int bucket_ms, qint64 duration_ms, std::vector<PeakRange> buckets)
    : m_bucket_ms(bucket_ms)
    , m_duration_ms(duration_ms)
    , m_buckets(std::move(buckets))
{}

qint64 WaveformPeaks::bucketCountFor(qint64 duration_ms, int bucket_ms)
{
    return bucket_ms > 0 && duration_ms > 0 ? (duration_ms + bucket_ms - 1) / bucket_ms : 0;
}

Result<WaveformPeaks> WaveformPeaks::fromBuckets(int bucket_ms, qint64 duration_ms,
                                                 std::vector<PeakRange> buckets)
{
    if (bucket_ms < 1 || bucket_ms > kMaxBucket_ms)
        return parseError(
            QStringLiteral("bucket size %1 ms is outside 1..%2 ms").arg(bucket_ms).arg(kMaxBucket_ms));
    if (duration_ms < 0 || duration_ms > kMaxDuration_ms)
        return parseError(
            QStringLiteral("duration %1 ms is outside 0..%2 ms").arg(duration_ms).arg(kMaxDuration_ms));
    const qint64 expected = bucketCountFor(duration_ms, bucket_ms);
    if (qint64(buckets.size()) != expected)
        return parseError(QStringLiteral("%1 buckets, but %2 ms at %3 ms per bucket needs %4")
                              .arg(buckets.size())
                              .arg(duration_ms)
                              .arg(bucket_ms)
                              .arg(expected));
    for (size_t i = 0; i < buckets.size(); ++i) {
        if (buckets[i].min > buckets[i].max)
            return parseError(QStringLiteral("bucket %1: min %2 is above max %3")
                                  .arg(i)
                                  .arg(buckets[i].min)
                                  .arg(buckets[i].max));
    }
    return WaveformPeaks(bucket_ms, duration_ms, std::move(buckets));
}

Result<WaveformPeaks> WaveformPeaks::compute(QIODevice& device, int bucket_ms, const ProgressFn& progress,
                                             const std::atomic_bool* cancelled)
{
    const auto fail = [](const QString& problem) {
        return makeError(QStringLiteral("waveform peaks: ") + problem);
    };
    if (bucket_ms < 1 || bucket_ms > kMaxBucket_ms)
        return fail(
            QStringLiteral("bucket size %1 ms is outside 1..%2 ms").arg(bucket_ms).arg(kMaxBucket_ms));
    if (!device.isOpen() || !device.isReadable())
        return fail(QStringLiteral("the media device is not open for reading"));
    const bool sequential = device.isSequential();
    const qint64 bytesTotal = sequential ? -1 : device.size();
    if (!sequential && !device.seek(0))
        return fail(QStringLiteral("cannot rewind the media device: %1").arg(device.errorString()));

    ensureGStreamer();
    ElementPtr pipeline(gst_pipeline_new("waveform"));
    GstElement* source = gst_element_factory_make("appsrc", "source");
    GstElement* decode = gst_element_factory_make("decodebin", "decode");
    GstElement* convert = gst_element_factory_make("audioconvert", "convert");
    GstElement* sink = gst_element_factory_make("appsink", "sink");
    if (!pipeline || !source || !decode || !convert || !sink) {
        for (GstElement* element : {source, decode, convert, sink}) {
            if (element)
                gst_object_unref(gst_object_ref_sink(element)); // still floating: not in a bin
        }
        return fail(QStringLiteral("GStreamer lacks appsrc, decodebin, audioconvert or appsink"));
    }
    gst_bin_add_many(GST_BIN(pipeline.get()), source, decode, convert, sink, nullptr);

    // Stream mode: the device is read once, front to back, which every
    // demuxer supports without seeking; the size lets typefinding and
    // progress know where the end is.
    g_object_set(source, "stream-type", GST_APP_STREAM_TYPE_STREAM, "format", GST_FORMAT_BYTES, "is-live",
                 FALSE, "min-percent", 50u, nullptr);
    if (bytesTotal >= 0)
        gst_app_src_set_size(GST_APP_SRC(source), bytesTotal);
    // Full-precision mono floats: no dither, so silence stays silence.
    g_object_set(convert, "dithering", 0, "noise-shaping", 0, nullptr);
    GstCaps* caps =
        gst_caps_from_string("audio/x-raw,format=" GST_AUDIO_NE(F32) ",channels=1,layout=interleaved");
    g_object_set(sink, "caps", caps, "sync", FALSE, "max-buffers", 16u, "drop", FALSE, nullptr);
    gst_caps_unref(caps);
    if (!gst_element_link(source, decode) || !gst_element_link(convert, sink))
        return fail(QStringLiteral("cannot link the GStreamer pipeline"));

    StreamContext context;
    const std::unique_ptr<GstPad, GstObjectDeleter> convertSink(gst_element_get_static_pad(convert, "sink"));
    context.convertSink = convertSink.get();
    g_signal_connect(decode, "pad-added", G_CALLBACK(onPadAdded), &context);
    GstAppSrcCallbacks callbacks{};
    callbacks.need_data = onNeedData;
    callbacks.enough_data = onEnoughData;
    gst_app_src_set_callbacks(GST_APP_SRC(source), &callbacks, &context, nullptr);

    // From here on, every return goes through stop(): the streaming threads
    // use context, which lives on this stack.
    const auto stop = [&] {
        gst_element_set_state(pipeline.get(), GST_STATE_NULL);
    };
    if (gst_element_set_state(pipeline.get(), GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
        stop();
        return fail(QStringLiteral("the GStreamer pipeline does not start"));
    }
    const BusPtr bus(gst_element_get_bus(pipeline.get()));

    PeakAccumulator peaks(bucket_ms);
    qint64 bytesRead = 0;
    int reportedPercent = -1;
    bool endOfInput = false;
    QByteArray chunk;
    const auto report = [&] {
        if (!progress)
            return;
        const int percent = bytesTotal > 0 ? int(bytesRead * 100 / bytesTotal) : -1;
        if (percent != reportedPercent || bytesTotal <= 0) {
            reportedPercent = percent;
            progress(bytesRead, bytesTotal);
        }
    };

    for (;;) {
        if (cancelled && cancelled->load()) {
            stop();
            return fail(QStringLiteral("cancelled"));
        }
        // The device is read here, on the calling thread, never on a streaming thread.
        if (!endOfInput && context.wantsData.load()) {
            chunk.resize(kReadChunkBytes);
            const qint64 got = device.read(chunk.data(), kReadChunkBytes);
            if (got > 0) {
                bytesRead += got;
                GstBuffer* buffer = gst_buffer_new_memdup(chunk.constData(), gsize(got));
                GST_BUFFER_OFFSET(buffer) = guint64(bytesRead - got);
                gst_app_src_push_buffer(GST_APP_SRC(source), buffer);
                report();
            } else if (got < 0) {
                stop();
                return fail(QStringLiteral("reading the media failed at byte %1: %2")
                                .arg(bytesRead)
                                .arg(device.errorString()));
            } else if (sequential && !device.atEnd()) {
                device.waitForReadyRead(int(kPollInterval / GST_MSECOND)); // a pipe with nothing buffered yet
            } else {
                endOfInput = true;
                gst_app_src_end_of_stream(GST_APP_SRC(source));
            }
        }

        if (GstMessage* message = gst_bus_pop_filtered(bus.get(), GST_MESSAGE_ERROR)) {
            const QString why = errorText(message);
            gst_message_unref(message);
            stop();
            if (!context.audioLinked.load() && context.otherStreams.load())
                return fail(QStringLiteral("the media has no audio stream"));
            if (!context.audioLinked.load())
                return fail(QStringLiteral("no audio stream could be decoded (%1)").arg(why));
            return fail(QStringLiteral("decoding failed: %1").arg(why));
        }

        // Do not wait while the source asks for more: keep it fed.
        const GstClockTime wait = !endOfInput && context.wantsData.load() ? 0 : kPollInterval;
        const SamplePtr sample(gst_app_sink_try_pull_sample(GST_APP_SINK(sink), wait));
        if (!sample) {
            if (gst_app_sink_is_eos(GST_APP_SINK(sink)))
                break;
            continue;
        }
        GstAudioInfo info;
        if (!gst_audio_info_from_caps(&info, gst_sample_get_caps(sample.get())) || info.rate <= 0) {
            stop();
            return fail(QStringLiteral("the decoder delivered audio without a sample rate"));
        }
        if (!peaks.setRate(info.rate)) {
            stop();
            return fail(QStringLiteral("the sample rate changes within the track (%1 Hz, then %2 Hz)")
                            .arg(peaks.rate())
                            .arg(info.rate));
        }
        GstBuffer* buffer = gst_sample_get_buffer(sample.get());
        GstMapInfo map;
        if (!buffer || !gst_buffer_map(buffer, &map, GST_MAP_READ)) {
            stop();
            return fail(QStringLiteral("cannot read a decoded audio buffer"));
        }
        const qint64 count = qint64(map.size / sizeof(float));
        // Place samples by their stream time, so that a gap stays a gap.
        qint64 first = peaks.endSample();
        if (GST_BUFFER_PTS_IS_VALID(buffer)) {
            const GstSegment* segment = gst_sample_get_segment(sample.get());
            guint64 streamTime = GST_BUFFER_PTS(buffer);
            if (segment && segment->format == GST_FORMAT_TIME)
                streamTime = gst_segment_to_stream_time(segment, GST_FORMAT_TIME, GST_BUFFER_PTS(buffer));
            if (GST_CLOCK_TIME_IS_VALID(streamTime))
                first = qint64(gst_util_uint64_scale_round(streamTime, guint64(info.rate), GST_SECOND));
        }
        // A damaged timestamp must not make the buckets grow without bound.
        if (first + count > kMaxDuration_ms * info.rate / 1000) {
            gst_buffer_unmap(buffer, &map);
            stop();
            return fail(QStringLiteral("the audio's timestamps run past %1 ms").arg(kMaxDuration_ms));
        }
        peaks.add(first, reinterpret_cast<const float*>(map.data), count);
        gst_buffer_unmap(buffer, &map);
    }
    stop();
    if (!context.audioLinked.load() || peaks.rate() == 0)
        return fail(QStringLiteral("the media has no audio stream"));
    report();

    const qint64 duration_ms =
        qint64(gst_util_uint64_scale_round(guint64(peaks.endSample()), 1000, guint64(peaks.rate())));
    return WaveformPeaks(bucket_ms, duration_ms, peaks.take(duration_ms));
}

Result<WaveformPeaks> WaveformPeaks::mix(const QList<PlacedWaveform>& tracks)
{
    if (tracks.isEmpty())
        return makeError(QStringLiteral("waveform peaks: no tracks to mix"));
    const int bucket_ms = tracks.first().peaks ? tracks.first().peaks->bucket_ms() : 0;
    qint64 duration_ms = 0;
    for (qsizetype i = 0; i < tracks.size(); ++i) {
        const PlacedWaveform& track = tracks.at(i);
        if (!track.peaks)
            return makeError(QStringLiteral("waveform peaks: track %1 of the mix has no waveform").arg(i));
        if (track.peaks->bucket_ms() != bucket_ms)
            return makeError(QStringLiteral("waveform peaks: track %1 has %2 ms buckets, track 0 has %3 ms")
                                 .arg(i)
                                 .arg(track.peaks->bucket_ms())
                                 .arg(bucket_ms));
        if (track.offset_ms < 0 || track.offset_ms > kMaxDuration_ms)
            return makeError(
                QStringLiteral("waveform peaks: track %1 has offset %2 ms").arg(i).arg(track.offset_ms));
        duration_ms = std::max(duration_ms, track.offset_ms + track.peaks->duration_ms());
    }
    if (duration_ms > kMaxDuration_ms)
        return makeError(QStringLiteral("waveform peaks: the mix would last %1 ms, more than %2 ms")
                             .arg(duration_ms)
                             .arg(kMaxDuration_ms));

    std::vector<PeakRange> buckets(size_t(bucketCountFor(duration_ms, bucket_ms)), kUnset);
    for (const PlacedWaveform& track : tracks) {
        const qint64 trackEnd_ms = track.offset_ms + track.peaks->duration_ms();
        const std::vector<PeakRange>& source = track.peaks->buckets();
        for (size_t i = 0; i < source.size(); ++i) {
            const qint64 start_ms = track.offset_ms + qint64(i) * bucket_ms;
            const qint64 end_ms = std::min(start_ms + bucket_ms, trackEnd_ms);
            for (qint64 out = start_ms / bucket_ms; out <= (end_ms - 1) / bucket_ms; ++out)
                merge(buckets[size_t(out)], source[i]);
        }
    }
    finish(buckets);
    return WaveformPeaks(bucket_ms, duration_ms, std::move(buckets));
}

QByteArray WaveformPeaks::serialize() const
{
    QByteArray out;
    out.reserve(kHeaderBytes + bucketCount() * kBucketBytes + kChecksumBytes);
    out.append(kMagic, 4);
    appendLittleEndian<quint16>(out, kFormatVersion);
    appendLittleEndian<quint16>(out, 0); // flags: none defined in version 1
    appendLittleEndian<quint32>(out, quint32(m_bucket_ms));
    appendLittleEndian<qint64>(out, m_duration_ms);
    appendLittleEndian<quint64>(out, quint64(m_buckets.size()));
    for (const PeakRange& bucket : m_buckets) {
        appendLittleEndian<qint16>(out, bucket.min);
        appendLittleEndian<qint16>(out, bucket.max);
    }
    out.append(crypto::Sha256::hash(out));
    return out;
}

Result<WaveformPeaks> WaveformPeaks::parse(const QByteArray& bytes)
{
    if (bytes.size() < kHeaderBytes + kChecksumBytes)
        return parseError(QStringLiteral("%1 bytes is too short (header and checksum alone take %2)")
                              .arg(bytes.size())
                              .arg(kHeaderBytes + kChecksumBytes));
    if (!bytes.startsWith(QByteArrayView(kMagic, 4)))
        return parseError(QStringLiteral("not a waveform (no HFWP signature)"));
    const auto version = readLittleEndian<quint16>(bytes, 4);
    if (version != kFormatVersion)
        return parseError(QStringLiteral("format version %1 is not supported (this build reads %2)")
                              .arg(version)
                              .arg(kFormatVersion));
    const auto flags = readLittleEndian<quint16>(bytes, 6);
    if (flags != 0)
        return parseError(QStringLiteral("unknown flags 0x%1").arg(flags, 4, 16, QLatin1Char('0')));
    const auto bucket_ms = readLittleEndian<quint32>(bytes, 8);
    if (bucket_ms < 1 || bucket_ms > quint32(kMaxBucket_ms))
        return parseError(
            QStringLiteral("bucket size %1 ms is outside 1..%2 ms").arg(bucket_ms).arg(kMaxBucket_ms));
    const auto duration_ms = readLittleEndian<qint64>(bytes, 12);
    if (duration_ms < 0 || duration_ms > kMaxDuration_ms)
        return parseError(
            QStringLiteral("duration %1 ms is outside 0..%2 ms").arg(duration_ms).arg(kMaxDuration_ms));
    const auto count = readLittleEndian<quint64>(bytes, 20);
    const qint64 expectedCount = bucketCountFor(duration_ms, int(bucket_ms));
    if (count != quint64(expectedCount))
        return parseError(QStringLiteral("%1 buckets, but %2 ms at %3 ms per bucket needs %4")
                              .arg(count)
                              .arg(duration_ms)
                              .arg(bucket_ms)
                              .arg(expectedCount));
    const qsizetype expectedSize = kHeaderBytes + qsizetype(count) * kBucketBytes + kChecksumBytes;
    if (bytes.size() != expectedSize)
        return parseError(QStringLiteral("%1 bytes, but %2 buckets take %3: %4")
                              .arg(bytes.size())
                              .arg(count)
                              .arg(expectedSize)
                              .arg(bytes.size() < expectedSize ? QStringLiteral("truncated")
                                                               : QStringLiteral("trailing data")));
    const qsizetype checked = expectedSize - kChecksumBytes;
    if (crypto::Sha256::hash(bytes.left(checked)) != bytes.mid(checked))
        return parseError(QStringLiteral("checksum mismatch: the data is damaged"));

    std::vector<PeakRange> buckets(static_cast<size_t>(count));
    for (size_t i = 0; i < buckets.size(); ++i) {
        const qsizetype at = kHeaderBytes + qsizetype(i) * kBucketBytes;
        buckets[i] = PeakRange{readLittleEndian<qint16>(bytes, at), readLittleEndian<qint16>(bytes, at + 2)};
    }
    return fromBuckets(int(bucket_ms), duration_ms, std::move(buckets));
}

PeakRange WaveformPeaks::range(qint64 from_ms, qint64 to_ms) const
{
    from_ms = std::max<qint64>(from_ms, 0);
    if (to_ms <= from_ms || m_buckets.empty())
        return {};
    const qint64 first = from_ms / m_bucket_ms;
    const qint64 last = std::min<qint64>((to_ms - 1) / m_bucket_ms, qint64(m_buckets.size()) - 1);
    PeakRange envelope = kUnset;
    for (qint64 i = first; i <= last; ++i)
        merge(envelope, m_buckets[size_t(i)]);
    return isUnset(envelope) ? PeakRange{} : envelope;
}

} // namespace holdfast::media

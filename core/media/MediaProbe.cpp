#include "media/MediaProbe.h"

#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <memory>
#include <mutex>

namespace holdfast::media {

namespace {

constexpr GstClockTime kDiscoverTimeout = 30 * GST_SECOND;

template <typename T> struct GObjectDeleter
{
    void operator()(T* object) const
    {
        if (object)
            g_object_unref(object);
    }
};
template <typename T> using GObjectPtr = std::unique_ptr<T, GObjectDeleter<T>>;

struct StreamListDeleter
{
    void operator()(GList* list) const { gst_discoverer_stream_info_list_free(list); }
};
using StreamList = std::unique_ptr<GList, StreamListDeleter>;

struct CapsDeleter
{
    void operator()(GstCaps* caps) const
    {
        if (caps)
            gst_caps_unref(caps);
    }
};
using CapsPtr = std::unique_ptr<GstCaps, CapsDeleter>;

QString capsName(GstCaps* caps)
{
    if (!caps || gst_caps_get_size(caps) == 0)
        return {};
    return QString::fromUtf8(gst_structure_get_name(gst_caps_get_structure(caps, 0)));
}

int capsInt(GstCaps* caps, const char* field)
{
    int value = 0;
    if (caps && gst_caps_get_size(caps) > 0)
        gst_structure_get_int(gst_caps_get_structure(caps, 0), field, &value);
    return value;
}

// Short codec name for a stream's caps, the way manifests spell it.
QString codecName(GstCaps* caps)
{
    const QString name = capsName(caps);
    const int mpegVersion = capsInt(caps, "mpegversion");
    // The discoverer reports WAV/AIFF as a lone stream with the container's caps.
    if (name == QLatin1String("audio/x-raw") || name == QLatin1String("audio/x-wav") ||
        name == QLatin1String("audio/x-aiff"))
        return QStringLiteral("pcm");
    if (name == QLatin1String("audio/mpeg"))
        return mpegVersion == 1 ? QStringLiteral("mp3") : QStringLiteral("aac");
    if (name == QLatin1String("video/mpeg"))
        return mpegVersion == 4 ? QStringLiteral("mpeg4") : QStringLiteral("mpeg%1").arg(mpegVersion);
    if (name == QLatin1String("audio/x-alaw"))
        return QStringLiteral("pcma");
    if (name == QLatin1String("audio/x-mulaw"))
        return QStringLiteral("pcmu");
    for (const char* prefix : {"audio/x-", "video/x-", "audio/", "video/"}) {
        if (name.startsWith(QLatin1String(prefix)))
            return name.mid(int(qstrlen(prefix)));
    }
    return name;
}

// The manifest media type: the container, refined by whether it carries video,
// since demuxer caps do not always tell audio-only WebM/Ogg/MP4 apart.
QString mediaTypeName(const QString& containerCaps, const QString& firstStreamCaps, bool hasVideo)
{
    const QString kind = hasVideo ? QStringLiteral("video") : QStringLiteral("audio");
    if (containerCaps.isEmpty()) {
        // A bare elementary stream (MP3, FLAC, ...): its caps are the type.
        if (firstStreamCaps == QLatin1String("audio/x-flac"))
            return QStringLiteral("audio/flac");
        return firstStreamCaps;
    }
    if (containerCaps.endsWith(QLatin1String("/webm")))
        return kind + QStringLiteral("/webm");
    if (containerCaps.endsWith(QLatin1String("/x-matroska")))
        return kind + QStringLiteral("/x-matroska");
    if (containerCaps == QLatin1String("application/ogg") || containerCaps.endsWith(QLatin1String("/ogg")))
        return kind + QStringLiteral("/ogg");
    if (containerCaps == QLatin1String("video/quicktime") || containerCaps.endsWith(QLatin1String("/mp4")))
        return kind + QStringLiteral("/mp4");
    return containerCaps;
}

QStringList missingPluginDescriptions(GstDiscovererInfo* info)
{
    QStringList names;
    const gchar** details = gst_discoverer_info_get_missing_elements_installer_details(info);
    for (int i = 0; details && details[i]; ++i) {
        // Installer detail: "gstreamer|1.0|<app>|<description>|<detail>".
        const QStringList fields = QString::fromUtf8(details[i]).split(QLatin1Char('|'));
        names << (fields.size() > 3 ? fields.at(3) : QString::fromUtf8(details[i]));
    }
    return names;
}

// GstDiscoverer reads only the headers, so a file cut short after them still
// probes fine (WebM even keeps its full duration there). Where the container
// declares its own length, compare it with the file: a recording that lost
// its tail must not be ingested as complete.
class ContainerLengthCheck
{
public:
    explicit ContainerLengthCheck(QFile& file)
        : m_file(file)
        , m_size(file.size())
    {}

    // Empty when complete or when the container does not declare its length.
    QString problem()
    {
        const QByteArray head = m_file.read(12);
        if (head.startsWith("\x1a\x45\xdf\xa3"))
            return matroska();
        if (head.startsWith("RIFF"))
            return riff(head);
        if (head.mid(4, 4) == "ftyp")
            return isoBoxes();
        return {};
    }

private:
    QString truncated(qint64 declaredEnd) const
    {
        return QStringLiteral("truncated: the container declares %1 bytes but the file has %2")
            .arg(declaredEnd)
            .arg(m_size);
    }

    // EBML variable-length integer at offset; the length marker is kept for ids.
    bool readVint(qint64& offset, quint64& value, bool keepMarker, bool& unknown)
    {
        if (!m_file.seek(offset))
            return false;
        char first = 0;
        if (!m_file.getChar(&first) || first == 0)
            return false;
        const auto byte0 = quint8(first);
        int length = 1;
        while (!(byte0 & (0x80 >> (length - 1))))
            ++length;
        value = keepMarker ? byte0 : byte0 & (0xff >> length);
        bool allOnes = (value == quint64(0xff >> length));
        for (int i = 1; i < length; ++i) {
            char next = 0;
            if (!m_file.getChar(&next))
                return false;
            value = (value << 8) | quint8(next);
            allOnes = allOnes && quint8(next) == 0xff;
        }
        unknown = !keepMarker && allOnes;
        offset += length;
        return true;
    }

    QString matroska()
    {
        qint64 offset = 0;
        quint64 id = 0, size = 0;
        bool unknown = false;
        // EBML header, then the Segment that holds everything else.
        if (!readVint(offset, id, true, unknown) || !readVint(offset, size, false, unknown) || unknown)
            return QStringLiteral("damaged EBML header");
        offset += qint64(size);
        if (offset >= m_size || !readVint(offset, id, true, unknown) ||
            !readVint(offset, size, false, unknown))
            return truncated(offset + 1);
        if (unknown) // live-written file without a final size: nothing to compare
            return {};
        return offset + qint64(size) > m_size ? truncated(offset + qint64(size)) : QString();
    }

    QString riff(const QByteArray& head)
    {
        quint32 size = 0;
        for (int i = 7; i >= 4; --i)
            size = (size << 8) | quint8(head.at(i));
        if (size == 0 || size == 0xffffffffu) // written by a streaming encoder
            return {};
        return 8 + qint64(size) > m_size ? truncated(8 + qint64(size)) : QString();
    }

    QString isoBoxes()
    {
        qint64 offset = 0;
        while (offset < m_size) {
            if (offset + 8 > m_size || !m_file.seek(offset))
                return truncated(offset + 8);
            const QByteArray header = m_file.read(16);
            quint64 size = 0;
            for (int i = 0; i < 4; ++i)
                size = (size << 8) | quint8(header.at(i));
            if (size == 0) // the last box runs to the end of the file
                return {};
            if (size == 1) {
                if (header.size() < 16)
                    return truncated(offset + 16);
                size = 0;
                for (int i = 8; i < 16; ++i)
                    size = (size << 8) | quint8(header.at(i));
            }
            if (size < 8)
                return QStringLiteral("damaged box at byte %1").arg(offset);
            if (offset + qint64(size) > m_size)
                return truncated(offset + qint64(size));
            offset += qint64(size);
        }
        return {};
    }

    QFile& m_file;
    qint64 m_size;
};

} // namespace

void ensureGStreamer()
{
    static std::once_flag once;
    std::call_once(once, [] { gst_init(nullptr, nullptr); });
}

Result<MediaInfo> probeMedia(const QString& filePath)
{
    const QFileInfo file(filePath);
    if (!file.exists())
        return makeError(QStringLiteral("%1: no such file").arg(filePath));
    if (!file.isFile() || !file.isReadable())
        return makeError(QStringLiteral("%1: not a readable file").arg(filePath));
    if (file.size() == 0)
        return makeError(QStringLiteral("%1: empty file, not media").arg(filePath));

    {
        QFile media(filePath);
        if (!media.open(QIODevice::ReadOnly))
            return makeError(QStringLiteral("%1: cannot open: %2").arg(filePath, media.errorString()));
        if (const QString problem = ContainerLengthCheck(media).problem(); !problem.isEmpty())
            return makeError(QStringLiteral("%1: %2").arg(filePath, problem));
    }

    ensureGStreamer();
    GError* error = nullptr;
    const GObjectPtr<GstDiscoverer> discoverer(gst_discoverer_new(kDiscoverTimeout, &error));
    if (!discoverer) {
        const QString why = error ? QString::fromUtf8(error->message) : QString();
        g_clear_error(&error);
        return makeError(QStringLiteral("%1: cannot start the GStreamer discoverer: %2").arg(filePath, why));
    }

    gchar* uri = gst_filename_to_uri(QFile::encodeName(file.absoluteFilePath()).constData(), nullptr);
    const GObjectPtr<GstDiscovererInfo> info(gst_discoverer_discover_uri(discoverer.get(), uri, &error));
    g_free(uri);
    const QString gstMessage = error ? QString::fromUtf8(error->message) : QString();
    g_clear_error(&error);
    if (!info)
        return makeError(QStringLiteral("%1: not a media file (%2)").arg(filePath, gstMessage));

    switch (gst_discoverer_info_get_result(info.get())) {
    case GST_DISCOVERER_OK:
        break;
    case GST_DISCOVERER_MISSING_PLUGINS:
        return makeError(
            QStringLiteral("%1: cannot be decoded, missing GStreamer plugins: %2")
                .arg(filePath, missingPluginDescriptions(info.get()).join(QStringLiteral(", "))));
    case GST_DISCOVERER_TIMEOUT:
        return makeError(QStringLiteral("%1: timed out while probing the media").arg(filePath));
    case GST_DISCOVERER_URI_INVALID:
    case GST_DISCOVERER_BUSY:
    case GST_DISCOVERER_ERROR:
        return makeError(
            QStringLiteral("%1: not a media file or damaged (%2)")
                .arg(filePath, gstMessage.isEmpty() ? QStringLiteral("unknown error") : gstMessage));
    }

    MediaInfo media;
    media.bytes = file.size();

    const StreamList videoStreams(gst_discoverer_info_get_video_streams(info.get()));
    const StreamList audioStreams(gst_discoverer_info_get_audio_streams(info.get()));
    media.hasVideo = videoStreams != nullptr;
    media.hasAudio = audioStreams != nullptr;
    if (!media.hasVideo && !media.hasAudio)
        return makeError(QStringLiteral("%1: contains no audio or video stream").arg(filePath));

    if (media.hasVideo) {
        auto* video = GST_DISCOVERER_VIDEO_INFO(videoStreams->data);
        media.width = int(gst_discoverer_video_info_get_width(video));
        media.height = int(gst_discoverer_video_info_get_height(video));
    }
    if (media.hasAudio) {
        auto* audio = GST_DISCOVERER_AUDIO_INFO(audioStreams->data);
        media.sampleRate = int(gst_discoverer_audio_info_get_sample_rate(audio));
        media.channels = int(gst_discoverer_audio_info_get_channels(audio));
    }

    auto* firstStream = GST_DISCOVERER_STREAM_INFO(media.hasVideo ? videoStreams->data : audioStreams->data);
    const CapsPtr streamCaps(gst_discoverer_stream_info_get_caps(firstStream));
    media.codec = codecName(streamCaps.get());

    QString containerCaps;
    const GObjectPtr<GstDiscovererStreamInfo> top(gst_discoverer_info_get_stream_info(info.get()));
    if (top && GST_IS_DISCOVERER_CONTAINER_INFO(top.get())) {
        const CapsPtr caps(gst_discoverer_stream_info_get_caps(top.get()));
        containerCaps = capsName(caps.get());
    }
    media.mediaType = mediaTypeName(containerCaps, capsName(streamCaps.get()), media.hasVideo);

    const GstClockTime duration = gst_discoverer_info_get_duration(info.get());
    if (!GST_CLOCK_TIME_IS_VALID(duration) || duration == 0)
        return makeError(QStringLiteral("%1: media has no known duration").arg(filePath));
    media.duration_ms = qint64(GST_TIME_AS_MSECONDS(duration + GST_MSECOND / 2));
    return media;
}

} // namespace holdfast::media

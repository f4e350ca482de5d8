// media::probeMedia on files made here with small GStreamer pipelines.

#include "TestSupport.h"
#include "media/MediaProbe.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <gst/gst.h>

using holdfast::media::MediaInfo;
using holdfast::media::probeMedia;

namespace {

// Runs a gst-launch style pipeline whose filesink writes to path.
bool writeMedia(const QString& pipelineHead, const QString& path)
{
    const QString description = pipelineHead + QStringLiteral(" ! filesink location=\"%1\"").arg(path);
    GError* error = nullptr;
    GstElement* pipeline = gst_parse_launch(description.toUtf8().constData(), &error);
    if (error || !pipeline) {
        qWarning("%s: %s", qPrintable(description), error ? error->message : "no pipeline");
        g_clear_error(&error);
        if (pipeline)
            gst_object_unref(pipeline);
        return false;
    }
    gst_element_set_state(pipeline, GST_STATE_PLAYING);
    GstBus* bus = gst_element_get_bus(pipeline);
    GstMessage* message =
        gst_bus_timed_pop_filtered(bus, 60 * GST_SECOND, GstMessageType(GST_MESSAGE_EOS | GST_MESSAGE_ERROR));
    const bool ok = message && GST_MESSAGE_TYPE(message) == GST_MESSAGE_EOS;
    if (message)
        gst_message_unref(message);
    gst_object_unref(bus);
    gst_element_set_state(pipeline, GST_STATE_NULL);
    gst_object_unref(pipeline);
    return ok;
}

bool elementExists(const char* name)
{
    GstElementFactory* factory = gst_element_factory_find(name);
    if (factory)
        gst_object_unref(factory);
    return factory != nullptr;
}

} // namespace

class TestMediaProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opusInWebm();
    void vp8InWebm();
    void videoWithAudioReportsVideoCodec();
    void wav();
    void vorbisInOgg();
    void missingFile();
    void textFile();
    void emptyFile();
    void truncatedMedia();
    void truncatedWav();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

void TestMediaProbe::initTestCase()
{
    holdfast::media::ensureGStreamer();
    holdfast::media::ensureGStreamer(); // a second call is a no-op
    QVERIFY(m_dir.isValid());
}

void TestMediaProbe::opusInWebm()
{
    const QString file = path(QStringLiteral("voice.webm"));
    QVERIFY(writeMedia(QStringLiteral("audiotestsrc num-buffers=100 samplesperbuffer=960 ! "
                                      "audio/x-raw,rate=48000,channels=1 ! opusenc ! webmmux"),
                       file));
    const auto info = probeMedia(file);
    QVERIFY2(info.ok(), qPrintable(info.errorMessage()));
    QCOMPARE(info->mediaType, QStringLiteral("audio/webm"));
    QCOMPARE(info->codec, QStringLiteral("opus"));
    QVERIFY2(qAbs(info->duration_ms - 2000) <= 30, qPrintable(QString::number(info->duration_ms)));
    QCOMPARE(info->bytes, QFile(file).size());
    QVERIFY(info->hasAudio);
    QVERIFY(!info->hasVideo);
    QCOMPARE(info->sampleRate, 48000);
    QCOMPARE(info->channels, 1);
    QCOMPARE(info->width, 0);
}

void TestMediaProbe::vp8InWebm()
{
    const QString file = path(QStringLiteral("camera.webm"));
    QVERIFY(writeMedia(
        QStringLiteral("videotestsrc num-buffers=30 ! video/x-raw,width=160,height=120,framerate=15/1 ! "
                       "vp8enc deadline=1 ! webmmux"),
        file));
    const auto info = probeMedia(file);
    QVERIFY2(info.ok(), qPrintable(info.errorMessage()));
    QCOMPARE(info->mediaType, QStringLiteral("video/webm"));
    QCOMPARE(info->codec, QStringLiteral("vp8"));
    QVERIFY2(qAbs(info->duration_ms - 2000) <= 70, qPrintable(QString::number(info->duration_ms)));
    QVERIFY(info->hasVideo);
    QVERIFY(!info->hasAudio);
    QCOMPARE(info->width, 160);
    QCOMPARE(info->height, 120);
}

void TestMediaProbe::videoWithAudioReportsVideoCodec()
{
    const QString file = path(QStringLiteral("both.webm"));
    QVERIFY(writeMedia(
        QStringLiteral("webmmux name=mux "
                       "videotestsrc num-buffers=15 ! video/x-raw,width=64,height=48,framerate=15/1 ! "
                       "vp8enc deadline=1 ! mux. "
                       "audiotestsrc num-buffers=50 samplesperbuffer=960 ! audio/x-raw,rate=48000 ! "
                       "opusenc ! mux. mux."),
        file));
    const auto info = probeMedia(file);
    QVERIFY2(info.ok(), qPrintable(info.errorMessage()));
    QCOMPARE(info->mediaType, QStringLiteral("video/webm"));
    QCOMPARE(info->codec, QStringLiteral("vp8"));
    QVERIFY(info->hasVideo);
    QVERIFY(info->hasAudio);
    QCOMPARE(info->sampleRate, 48000);
}

void TestMediaProbe::wav()
{
    const QString file = path(QStringLiteral("tone.wav"));
    QVERIFY(writeMedia(QStringLiteral("audiotestsrc num-buffers=10 samplesperbuffer=1600 ! "
                                      "audio/x-raw,format=S16LE,rate=16000,channels=2 ! wavenc"),
                       file));
    const auto info = probeMedia(file);
    QVERIFY2(info.ok(), qPrintable(info.errorMessage()));
    QCOMPARE(info->mediaType, QStringLiteral("audio/x-wav"));
    QCOMPARE(info->codec, QStringLiteral("pcm"));
    QCOMPARE(info->duration_ms, qint64(1000));
    QCOMPARE(info->sampleRate, 16000);
    QCOMPARE(info->channels, 2);
}

void TestMediaProbe::vorbisInOgg()
{
    if (!elementExists("vorbisenc") || !elementExists("oggmux"))
        QSKIP("vorbisenc/oggmux not installed");
    const QString file = path(QStringLiteral("tone.ogg"));
    QVERIFY(
        writeMedia(QStringLiteral("audiotestsrc num-buffers=20 samplesperbuffer=2205 ! "
                                  "audio/x-raw,rate=44100,channels=1 ! audioconvert ! vorbisenc ! oggmux"),
                   file));
    const auto info = probeMedia(file);
    QVERIFY2(info.ok(), qPrintable(info.errorMessage()));
    QCOMPARE(info->mediaType, QStringLiteral("audio/ogg"));
    QCOMPARE(info->codec, QStringLiteral("vorbis"));
    QVERIFY2(qAbs(info->duration_ms - 1000) <= 30, qPrintable(QString::number(info->duration_ms)));
}

void TestMediaProbe::missingFile()
{
    const QString file = path(QStringLiteral("nowhere.webm"));
    const auto info = probeMedia(file);
    QVERIFY(!info.ok());
    QVERIFY2(info.errorMessage().contains(file), qPrintable(info.errorMessage()));
    QVERIFY2(info.errorMessage().contains(QStringLiteral("no such file")), qPrintable(info.errorMessage()));
}

void TestMediaProbe::textFile()
{
    const QString file = path(QStringLiteral("notes.webm"));
    QVERIFY(holdfast::test::writeFile(
        file, QByteArray("These are meeting notes, not a recording.\n").repeated(50)));
    const auto info = probeMedia(file);
    QVERIFY(!info.ok());
    QVERIFY2(info.errorMessage().contains(file), qPrintable(info.errorMessage()));
}

void TestMediaProbe::emptyFile()
{
    const QString file = path(QStringLiteral("empty.webm"));
    QVERIFY(holdfast::test::writeFile(file, QByteArray()));
    const auto info = probeMedia(file);
    QVERIFY(!info.ok());
    QVERIFY2(info.errorMessage().contains(file), qPrintable(info.errorMessage()));
}

void TestMediaProbe::truncatedMedia()
{
    const QString whole = path(QStringLiteral("whole.webm"));
    QVERIFY(writeMedia(QStringLiteral("audiotestsrc num-buffers=100 samplesperbuffer=960 ! "
                                      "audio/x-raw,rate=48000,channels=1 ! opusenc ! webmmux"),
                       whole));
    const QByteArray bytes = holdfast::test::readFile(whole);
    // Inside the track headers, in the middle of the clusters, just before the end.
    for (const qsizetype length : {qsizetype(120), bytes.size() / 2, bytes.size() - 10}) {
        const QString file = path(QStringLiteral("truncated-%1.webm").arg(length));
        QVERIFY(holdfast::test::writeFile(file, bytes.left(length)));
        const auto info = probeMedia(file);
        QVERIFY2(!info.ok(), qPrintable(file));
        QVERIFY2(info.errorMessage().contains(file), qPrintable(info.errorMessage()));
    }
}

void TestMediaProbe::truncatedWav()
{
    const QString whole = path(QStringLiteral("whole.wav"));
    QVERIFY(writeMedia(QStringLiteral("audiotestsrc num-buffers=10 samplesperbuffer=1600 ! "
                                      "audio/x-raw,format=S16LE,rate=16000,channels=1 ! wavenc"),
                       whole));
    const QString file = path(QStringLiteral("truncated.wav"));
    QVERIFY(holdfast::test::writeFile(file, holdfast::test::readFile(whole).left(20000)));
    const auto info = probeMedia(file);
    QVERIFY(!info.ok());
    QVERIFY2(info.errorMessage().contains(file) && info.errorMessage().contains(QStringLiteral("truncated")),
             qPrintable(info.errorMessage()));
}

QTEST_GUILESS_MAIN(TestMediaProbe)
#include "tst_media_probe.moc"

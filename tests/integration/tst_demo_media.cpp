// The demo vault is real media: every track decodes to its manifest duration,
// each participant's microphone carries speech exactly where the transcript
// says they speak, the screen share starts late and shows the payment form,
// and the same seed always produces the same bytes. The sync test call marks
// every whole call second on every track, whatever the track's offset.

#include "TestSupport.h"
#include "capture/demo/DemoVaultGenerator.h"
#include "capture/demo/ScreenShareRenderer.h"
#include "capture/demo/SyncTestCall.h"
#include "media/MediaProbe.h"
#include "model/Manifest.h"
#include "model/Transcript.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <vector>

using namespace holdfast;

namespace {

constexpr int kRate = 48000;

struct Package
{
    QString directory;
    model::Manifest manifest;
    model::Transcript transcript;
};

struct DecodedAudio
{
    std::vector<float> samples; // 48 kHz mono, sample 0 at time 0
    qint64 end_ms = 0;
};

struct DecodedVideo
{
    QImage first;
    QImage last;
    qint64 end_ms = 0;
    int frames = 0;
};

// Decodes a file through decodebin into raw buffers of the given caps and
// hands every sample to onSample. Returns the end time (last pts + duration).
template <typename OnSample>
qint64 decode(const QString& path, const QString& convertAndCaps, OnSample onSample, QString* error)
{
    const QString description =
        QStringLiteral("filesrc location=\"%1\" ! decodebin ! %2 ! appsink name=sink sync=false")
            .arg(path, convertAndCaps);
    GError* parseError = nullptr;
    GstElement* pipeline = gst_parse_launch(description.toUtf8().constData(), &parseError);
    if (parseError || !pipeline) {
        *error = parseError ? QString::fromUtf8(parseError->message) : QStringLiteral("no pipeline");
        g_clear_error(&parseError);
        return -1;
    }
    GstElement* sink = gst_bin_get_by_name(GST_BIN(pipeline), "sink");
    gst_element_set_state(pipeline, GST_STATE_PLAYING);
    qint64 end_ns = 0;
    while (GstSample* sample = gst_app_sink_pull_sample(GST_APP_SINK(sink))) {
        GstBuffer* buffer = gst_sample_get_buffer(sample);
        if (GST_BUFFER_PTS_IS_VALID(buffer)) {
            const qint64 duration =
                GST_BUFFER_DURATION_IS_VALID(buffer) ? qint64(GST_BUFFER_DURATION(buffer)) : 0;
            end_ns = std::max(end_ns, qint64(GST_BUFFER_PTS(buffer)) + duration);
        }
        onSample(sample, buffer);
        gst_sample_unref(sample);
    }
    GstBus* bus = gst_element_get_bus(pipeline);
    if (GstMessage* message = gst_bus_pop_filtered(bus, GST_MESSAGE_ERROR)) {
        GError* gstError = nullptr;
        gst_message_parse_error(message, &gstError, nullptr);
        *error = QString::fromUtf8(gstError->message);
        g_clear_error(&gstError);
        gst_message_unref(message);
    }
    gst_object_unref(bus);
    gst_element_set_state(pipeline, GST_STATE_NULL);
    gst_object_unref(sink);
    gst_object_unref(pipeline);
    return error->isEmpty() ? end_ns / 1000000 : -1;
}

DecodedAudio decodeAudio(const QString& path, QString* error)
{
    DecodedAudio audio;
    audio.end_ms = decode(
        path, QStringLiteral("audioconvert ! audioresample ! audio/x-raw,format=F32LE,rate=48000,channels=1"),
        [&](GstSample*, GstBuffer* buffer) {
            GstMapInfo map;
            if (!gst_buffer_map(buffer, &map, GST_MAP_READ))
                return;
            const qint64 first =
                GST_BUFFER_PTS_IS_VALID(buffer)
                    ? qint64(gst_util_uint64_scale_round(GST_BUFFER_PTS(buffer), kRate, GST_SECOND))
                    : qint64(audio.samples.size());
            const auto* samples = reinterpret_cast<const float*>(map.data);
            const qint64 count = qint64(map.size / sizeof(float));
            if (qint64(audio.samples.size()) < first + count)
                audio.samples.resize(size_t(first + count), 0.0f);
            std::copy(samples, samples + count, audio.samples.begin() + first);
            gst_buffer_unmap(buffer, &map);
        },
        error);
    return audio;
}

QImage toImage(GstSample* sample, GstBuffer* buffer)
{
    GstStructure* caps = gst_caps_get_structure(gst_sample_get_caps(sample), 0);
    int width = 0, height = 0;
    gst_structure_get_int(caps, "width", &width);
    gst_structure_get_int(caps, "height", &height);
    GstMapInfo map;
    if (!gst_buffer_map(buffer, &map, GST_MAP_READ))
        return {};
    QImage image(reinterpret_cast<const uchar*>(map.data), width, height, width * 4, QImage::Format_RGB32);
    QImage copy = image.copy();
    gst_buffer_unmap(buffer, &map);
    return copy;
}

DecodedVideo decodeVideo(const QString& path, QString* error)
{
    DecodedVideo video;
    GstSample* last = nullptr; // converted once at the end
    video.end_ms = decode(
        path, QStringLiteral("videoconvert ! video/x-raw,format=BGRx"),
        [&](GstSample* sample, GstBuffer* buffer) {
            if (video.frames == 0)
                video.first = toImage(sample, buffer);
            ++video.frames;
            if (last)
                gst_sample_unref(last);
            last = gst_sample_ref(sample);
        },
        error);
    if (last) {
        video.last = toImage(last, gst_sample_get_buffer(last));
        gst_sample_unref(last);
    }
    return video;
}

struct LumaFrame
{
    qint64 pts_ms = 0; // track time
    double meanLuma = 0;
};

// Mean luma (Y, 0..255) of every decoded frame, with its time in the track.
QList<LumaFrame> decodeLuma(const QString& path, QString* error)
{
    QList<LumaFrame> frames;
    decode(
        path, QStringLiteral("videoconvert ! video/x-raw,format=GRAY8"),
        [&](GstSample* sample, GstBuffer* buffer) {
            GstStructure* caps = gst_caps_get_structure(gst_sample_get_caps(sample), 0);
            int width = 0, height = 0;
            gst_structure_get_int(caps, "width", &width);
            gst_structure_get_int(caps, "height", &height);
            GstMapInfo map;
            if (width <= 0 || height <= 0 || !gst_buffer_map(buffer, &map, GST_MAP_READ))
                return;
            const int stride = GST_ROUND_UP_4(width);
            double sum = 0;
            for (int y = 0; y < height && gsize((y + 1) * stride) <= map.size; ++y) {
                for (int x = 0; x < width; ++x)
                    sum += map.data[y * stride + x];
            }
            gst_buffer_unmap(buffer, &map);
            frames << LumaFrame{qint64(GST_BUFFER_PTS(buffer) / GST_MSECOND), sum / (double(width) * height)};
        },
        error);
    return frames;
}

// Zero crossings of samples in [from, to): twice the frequency per second.
int zeroCrossings(const std::vector<float>& samples, qint64 from, qint64 to)
{
    int crossings = 0;
    for (qint64 i = std::max<qint64>(from, 1); i < std::min<qint64>(to, qint64(samples.size())); ++i) {
        if ((samples[size_t(i - 1)] < 0) != (samples[size_t(i)] < 0))
            ++crossings;
    }
    return crossings;
}

double peakAbs(const std::vector<float>& samples, qint64 from, qint64 to)
{
    double peak = 0;
    for (qint64 i = std::max<qint64>(from, 0); i < std::min<qint64>(to, qint64(samples.size())); ++i)
        peak = std::max(peak, double(std::abs(samples[size_t(i)])));
    return peak;
}

double meanSquare(const std::vector<float>& samples, qint64 from, qint64 to)
{
    from = std::max<qint64>(from, 0);
    to = std::min<qint64>(to, qint64(samples.size()));
    double energy = 0;
    for (qint64 i = from; i < to; ++i)
        energy += double(samples[size_t(i)]) * samples[size_t(i)];
    return to > from ? energy / double(to - from) : 0.0;
}

double decibels(double ratio)
{
    return 10.0 * std::log10(std::max(ratio, 1e-30));
}

// Standard deviation of the luma: near zero for a blank (single-colour) frame.
double lumaSpread(const QImage& image)
{
    double sum = 0, sumSquares = 0;
    const qint64 count = qint64(image.width()) * image.height();
    for (int y = 0; y < image.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const double luma = qGray(line[x]);
            sum += luma;
            sumSquares += luma * luma;
        }
    }
    const double mean = sum / double(count);
    return std::sqrt(std::max(0.0, sumSquares / double(count) - mean * mean));
}

QColor meanColour(const QImage& image, const QRect& rect)
{
    double r = 0, g = 0, b = 0;
    int count = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            r += qRed(pixel);
            g += qGreen(pixel);
            b += qBlue(pixel);
            ++count;
        }
    }
    return QColor(int(r / count), int(g / count), int(b / count));
}

bool looksLike(const QColor& a, const QColor& b)
{
    return std::abs(a.red() - b.red()) < 24 && std::abs(a.green() - b.green()) < 24 &&
           std::abs(a.blue() - b.blue()) < 24;
}

QList<Package> readPackages(const QString& vault, QString* error)
{
    QList<Package> packages;
    QStringList manifests;
    QDirIterator it(vault + QStringLiteral("/recordings"), {QString::fromLatin1(model::kManifestFileName)},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        manifests << it.next();
    manifests.sort();
    for (const QString& path : std::as_const(manifests)) {
        Package package;
        package.directory = QFileInfo(path).absolutePath();
        auto manifest = model::parseManifestJson(test::readFile(path));
        if (!manifest) {
            *error = path + QStringLiteral(": ") + manifest.errorMessage();
            return {};
        }
        package.manifest = *manifest;
        auto transcript = model::parseTranscriptJson(
            test::readFile(package.directory + QLatin1Char('/') + QLatin1String(model::kTranscriptFileName)));
        if (!transcript) {
            *error = package.directory + QStringLiteral(": transcript: ") + transcript.errorMessage();
            return {};
        }
        package.transcript = *transcript;
        packages << package;
    }
    return packages;
}

// Relative path -> bytes of every file under root.
QMap<QString, QByteArray> readTree(const QString& root)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(QDir(root).relativeFilePath(path), test::readFile(path));
    }
    return files;
}

} // namespace

class TestDemoMedia : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyTrackDecodesToItsManifestDuration();
    void speechIsOnlyInsideTheSpeakersSegments();
    void transcriptWordsLieInsideTheirSegments();
    void screenShareStartsLateAndShowsThePaymentForm();
    void participantTilesAreNotBlank();
    void sameSeedGivesTheSameBytes();
    void differentSeedGivesADifferentManifest();
    void noCallsAtAllIsRefused();
    void cancelledGenerationStops();
    void syncTestCallHasItsLayout();
    void syncTestCallVerifies();
    void syncTestBeepsStartAtWholeCallSeconds();
    void syncTestFlashesAtWholeCallSeconds();
    void syncTestCallIsDeterministic();

private:
    Result<QList<model::Manifest>> generate(const QString& directory, quint64 seed, int calls,
                                            const capture::DemoVaultGenerator::ProgressFn& progress = {},
                                            bool syncTestCall = false) const;

    QTemporaryDir m_scratch;
    QString m_vault;
    QList<Package> m_packages;
    QString m_seed7Vault; // one call generated in this process with seed 7
    QString m_syncVault;  // the sync test call alone, seed 7
    Package m_sync;
};

void TestDemoMedia::initTestCase()
{
    media::ensureGStreamer();
    QVERIFY(m_scratch.isValid());
    m_vault = test::demoVaultPath();
    if (m_vault.isEmpty() || !QFileInfo::exists(m_vault + QStringLiteral("/recordings"))) {
        // Run outside CTest (no demo_vault fixture): make the same vault here.
        m_vault = m_scratch.filePath(QStringLiteral("fixture"));
        const auto generated = generate(m_vault, 7, 3);
        QVERIFY2(generated.ok(), qPrintable(generated.errorMessage()));
    }
    QString error;
    m_packages = readPackages(m_vault, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(m_packages.size(), 3);

    m_syncVault = test::syncTestVaultPath();
    if (m_syncVault.isEmpty() || !QFileInfo::exists(m_syncVault + QStringLiteral("/recordings"))) {
        m_syncVault = m_scratch.filePath(QStringLiteral("sync-fixture"));
        const auto generated = generate(m_syncVault, 7, 0, {}, true);
        QVERIFY2(generated.ok(), qPrintable(generated.errorMessage()));
    }
    const QList<Package> sync = readPackages(m_syncVault, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(sync.size(), 1);
    m_sync = sync.first();
}

Result<QList<model::Manifest>>
TestDemoMedia::generate(const QString& directory, quint64 seed, int calls,
                        const capture::DemoVaultGenerator::ProgressFn& progress, bool syncTestCall) const
{
    capture::DemoVaultOptions options;
    options.outDirectory = directory;
    options.calls = calls;
    options.seed = seed;
    options.syncTestCall = syncTestCall;
    return capture::DemoVaultGenerator(options).generate(progress);
}

void TestDemoMedia::everyTrackDecodesToItsManifestDuration()
{
    int tracks = 0;
    for (const Package& package : std::as_const(m_packages)) {
        const qint64 call_ms = package.manifest.durationMs();
        QVERIFY2(call_ms >= 55000 && call_ms <= 245000, qPrintable(QString::number(call_ms)));
        for (const model::Track& track : package.manifest.tracks) {
            const QString path = package.directory + QLatin1Char('/') + track.path;
            QString error;
            const qint64 decoded_ms = track.kind == model::TrackKind::Audio
                                          ? decodeAudio(path, &error).end_ms
                                          : decodeVideo(path, &error).end_ms;
            QVERIFY2(error.isEmpty(), qPrintable(path + QStringLiteral(": ") + error));
            QVERIFY2(std::abs(decoded_ms - track.duration_ms) <= track.duration_ms / 100,
                     qPrintable(QStringLiteral("%1: decoded %2 ms, manifest %3 ms")
                                    .arg(path)
                                    .arg(decoded_ms)
                                    .arg(track.duration_ms)));
            // Every track runs to the end of the call.
            QVERIFY2(std::abs(track.offset_ms + track.duration_ms - call_ms) <= call_ms / 100,
                     qPrintable(path));
            QCOMPARE(track.mediaType, track.kind == model::TrackKind::Audio ? QStringLiteral("audio/webm")
                                                                            : QStringLiteral("video/webm"));
            QCOMPARE(track.codec,
                     track.kind == model::TrackKind::Audio ? QStringLiteral("opus") : QStringLiteral("vp8"));
            ++tracks;
        }
    }
    QVERIFY(tracks >= 9);
}

void TestDemoMedia::speechIsOnlyInsideTheSpeakersSegments()
{
    const qint64 guard = kRate / 10; // codec ringing around segment edges
    for (const Package& package : std::as_const(m_packages)) {
        for (const model::Track& track : package.manifest.tracks) {
            if (track.kind != model::TrackKind::Audio)
                continue;
            const bool mixed = track.participant == QLatin1String(model::kMixedParticipant);
            const QString path = package.directory + QLatin1Char('/') + track.path;
            QString error;
            const DecodedAudio audio = decodeAudio(path, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));

            std::vector<char> inside(audio.samples.size(), 0), nearby(audio.samples.size(), 0);
            QList<model::TranscriptSegment> segments;
            for (const model::TranscriptSegment& segment : package.transcript.segments) {
                if (mixed || segment.speaker == track.participant)
                    segments << segment;
            }
            QVERIFY2(!segments.isEmpty(), qPrintable(path));
            for (const model::TranscriptSegment& segment : std::as_const(segments)) {
                const qint64 from = segment.start_ms * kRate / 1000, to = segment.end_ms * kRate / 1000;
                for (qint64 i = std::max<qint64>(0, from - guard);
                     i < std::min<qint64>(qint64(inside.size()), to + guard); ++i) {
                    nearby[size_t(i)] = 1;
                    if (i >= from && i < to)
                        inside[size_t(i)] = 1;
                }
            }
            double insideEnergy = 0, outsideEnergy = 0;
            qint64 insideCount = 0, outsideCount = 0;
            for (size_t i = 0; i < audio.samples.size(); ++i) {
                const double power = double(audio.samples[i]) * audio.samples[i];
                if (inside[i]) {
                    insideEnergy += power;
                    ++insideCount;
                } else if (!nearby[i]) {
                    outsideEnergy += power;
                    ++outsideCount;
                }
            }
            QVERIFY2(insideCount > 0 && outsideCount > kRate, qPrintable(path));
            const double noiseFloor = outsideEnergy / double(outsideCount);
            const double contrast_db = decibels((insideEnergy / double(insideCount)) / noiseFloor);
            QVERIFY2(contrast_db >= 20.0,
                     qPrintable(
                         QStringLiteral("%1: speech only %2 dB above the rest").arg(path).arg(contrast_db)));
            // It is a recording, not digital silence: a faint noise floor (about -60 dBFS).
            const double noise_dbfs = decibels(noiseFloor);
            QVERIFY2(noise_dbfs > -80.0 && noise_dbfs < -50.0,
                     qPrintable(QStringLiteral("%1: noise floor %2 dBFS").arg(path).arg(noise_dbfs)));

            // Segments start where the speech starts.
            for (const model::TranscriptSegment& segment : std::as_const(segments)) {
                const qint64 from = segment.start_ms * kRate / 1000;
                const double onset_db =
                    decibels(meanSquare(audio.samples, from, from + kRate / 10) / noiseFloor);
                QVERIFY2(onset_db >= 15.0,
                         qPrintable(QStringLiteral("%1: segment at %2 ms starts only %3 dB above the "
                                                   "noise floor")
                                        .arg(path)
                                        .arg(segment.start_ms)
                                        .arg(onset_db)));
                // ...and nothing is said just before it (unless the speaker's previous turn was just before).
                const bool followsOwnTurn =
                    std::any_of(segments.begin(), segments.end(), [&](const model::TranscriptSegment& other) {
                        return other.end_ms <= segment.start_ms && other.end_ms > segment.start_ms - 500;
                    });
                if (!mixed && !followsOwnTurn) {
                    const double before_db = decibels(
                        meanSquare(audio.samples, from - kRate / 5 - guard, from - guard) / noiseFloor);
                    QVERIFY2(before_db < 10.0,
                             qPrintable(QStringLiteral("%1: speech just before the segment at %2 ms")
                                            .arg(path)
                                            .arg(segment.start_ms)));
                }
            }
        }
    }
}

void TestDemoMedia::transcriptWordsLieInsideTheirSegments()
{
    for (const Package& package : std::as_const(m_packages)) {
        QVERIFY(!package.transcript.segments.isEmpty());
        QVERIFY(!package.transcript.language.isEmpty());
        qint64 previousStart = 0;
        for (const model::TranscriptSegment& segment : package.transcript.segments) {
            QVERIFY(package.manifest.participant(segment.speaker));
            QVERIFY(segment.start_ms >= previousStart);
            QVERIFY(segment.start_ms < segment.end_ms);
            QVERIFY(segment.end_ms <= package.manifest.durationMs());
            QVERIFY(!segment.words.isEmpty());
            QStringList text;
            for (const model::TranscriptWord& word : segment.words) {
                QVERIFY(word.start_ms >= segment.start_ms && word.end_ms <= segment.end_ms);
                QVERIFY(word.start_ms <= word.end_ms);
                QVERIFY(word.confidence >= 0.80 && word.confidence <= 0.99);
                text << word.text;
            }
            QCOMPARE(text.join(QLatin1Char(' ')), segment.text);
            previousStart = segment.start_ms;
        }
    }
}

void TestDemoMedia::screenShareStartsLateAndShowsThePaymentForm()
{
    int screens = 0;
    for (const Package& package : std::as_const(m_packages)) {
        for (const model::Track& track : package.manifest.tracks) {
            if (track.kind != model::TrackKind::Screen)
                continue;
            ++screens;
            const QString path = package.directory + QLatin1Char('/') + track.path;
            QVERIFY2(track.offset_ms > 0, qPrintable(path));
            QVERIFY(track.offset_ms < package.manifest.durationMs() / 2);
            QString error;
            const DecodedVideo video = decodeVideo(path, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(video.last.size(),
                     QSize(capture::ScreenShareRenderer::kWidth, capture::ScreenShareRenderer::kHeight));
            QVERIFY2(lumaSpread(video.first) > 20 && lumaSpread(video.last) > 20, qPrintable(path));
            // Slides first, the payment form (recognised by its header band) at the end.
            // The band's top strip: above the header text, so only the pointer may cross it.
            const QRect band = capture::ScreenShareRenderer::paymentHeaderRect();
            const QRect header(band.left() + 4, band.top() + 3, band.width() - 8, 10);
            const QColor form = capture::ScreenShareRenderer::paymentHeaderColour();
            QVERIFY2(!looksLike(meanColour(video.first, header), form), qPrintable(path));
            QVERIFY2(looksLike(meanColour(video.last, header), form),
                     qPrintable(QStringLiteral("%1: last frame has no payment form header (%2)")
                                    .arg(path, meanColour(video.last, header).name())));
        }
    }
    QVERIFY2(screens > 0, "the demo vault (seed 7, 3 calls) has no screen share");
}

void TestDemoMedia::participantTilesAreNotBlank()
{
    int tiles = 0;
    for (const Package& package : std::as_const(m_packages)) {
        for (const model::Track& track : package.manifest.tracks) {
            if (track.kind != model::TrackKind::Video)
                continue;
            ++tiles;
            const QString path = package.directory + QLatin1Char('/') + track.path;
            QString error;
            const DecodedVideo video = decodeVideo(path, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY(video.frames > 100);
            QVERIFY2(lumaSpread(video.first) > 15, qPrintable(path));
            // Something moves.
            QVERIFY2(video.first != video.last, qPrintable(path));
        }
    }
    QVERIFY2(tiles > 0, "the demo vault (seed 7, 3 calls) has no participant video");
}

void TestDemoMedia::sameSeedGivesTheSameBytes()
{
    m_seed7Vault = m_scratch.filePath(QStringLiteral("seed7-a"));
    const QString again = m_scratch.filePath(QStringLiteral("seed7-b"));
    QStringList stages;
    const auto first = generate(m_seed7Vault, 7, 1,
                                [&](const capture::DemoProgress& progress) { stages << progress.stage; });
    QVERIFY2(first.ok(), qPrintable(first.errorMessage()));
    QVERIFY2(stages.size() >= 5, qPrintable(stages.join(QLatin1Char('\n'))));
    QVERIFY(stages.first().startsWith(QStringLiteral("call 1/1: ")));
    QCOMPARE(stages.last(), QStringLiteral("call 1/1: done"));
    const auto second = generate(again, 7, 1);
    QVERIFY2(second.ok(), qPrintable(second.errorMessage()));

    const QMap<QString, QByteArray> a = readTree(m_seed7Vault);
    const QMap<QString, QByteArray> b = readTree(again);
    QCOMPARE(a.keys(), b.keys());
    for (auto it = a.begin(); it != a.end(); ++it)
        QVERIFY2(it.value() == b.value(it.key()),
                 qPrintable(it.key() + QStringLiteral(" differs between runs")));
    QVERIFY(a.size() >= 6);

    // The vault made by holdfast-cli in another process has the very same first call.
    const QString id = first->first().id.toString(QUuid::WithoutBraces);
    for (const Package& package : std::as_const(m_packages)) {
        if (package.manifest.id.toString(QUuid::WithoutBraces) != id)
            continue;
        const QString relative = QDir(m_vault).relativeFilePath(package.directory);
        const QMap<QString, QByteArray> fixture = readTree(package.directory);
        const QMap<QString, QByteArray> local = readTree(m_seed7Vault + QLatin1Char('/') + relative);
        QCOMPARE(fixture.keys(), local.keys());
        QVERIFY2(fixture == local, "the fixture's first call differs from the same call generated here");
    }
}

void TestDemoMedia::differentSeedGivesADifferentManifest()
{
    QVERIFY(!m_seed7Vault.isEmpty());
    const QString other = m_scratch.filePath(QStringLiteral("seed8"));
    const auto generated = generate(other, 8, 1);
    QVERIFY2(generated.ok(), qPrintable(generated.errorMessage()));
    QString error;
    const QList<Package> seed7 = readPackages(m_seed7Vault, &error);
    const QList<Package> seed8 = readPackages(other, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(seed7.size(), 1);
    QCOMPARE(seed8.size(), 1);
    QVERIFY(seed7.first().manifest.id != seed8.first().manifest.id);
    QVERIFY(test::readFile(seed7.first().directory + QStringLiteral("/manifest.json")) !=
            test::readFile(seed8.first().directory + QStringLiteral("/manifest.json")));
}

void TestDemoMedia::noCallsAtAllIsRefused()
{
    capture::DemoVaultOptions options;
    options.outDirectory = m_scratch.filePath(QStringLiteral("none"));
    options.calls = 0;
    const auto result = capture::DemoVaultGenerator(options).generate();
    QVERIFY(!result.ok());
    QVERIFY2(result.errorMessage().contains(QStringLiteral("at least 1")), qPrintable(result.errorMessage()));

    // The CLI: --calls 0 only with --sync-test, and --help says how the two combine.
    const test::CliRun zero =
        test::runCli({QStringLiteral("demo-vault"), QStringLiteral("--out"), options.outDirectory,
                      QStringLiteral("--calls"), QStringLiteral("0")});
    QCOMPARE(zero.exitCode, 2);
    QVERIFY2(zero.err.contains("only with --sync-test"), zero.err.constData());
    const test::CliRun help = test::runCli({QStringLiteral("demo-vault"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains("--sync-test") && help.out.contains("--calls 0"), help.out.constData());
    QVERIFY(!QFileInfo::exists(options.outDirectory + QStringLiteral("/recordings")));
}

void TestDemoMedia::cancelledGenerationStops()
{
    capture::DemoVaultOptions options;
    options.outDirectory = m_scratch.filePath(QStringLiteral("cancelled"));
    const std::atomic_bool cancelled{true};
    const auto result = capture::DemoVaultGenerator(options).generate({}, &cancelled);
    QVERIFY(!result.ok());
    QVERIFY2(result.errorMessage().contains(QStringLiteral("cancelled")), qPrintable(result.errorMessage()));
    QVERIFY(!QFileInfo::exists(options.outDirectory + QStringLiteral("/recordings")));
}

void TestDemoMedia::syncTestCallHasItsLayout()
{
    const model::Manifest& manifest = m_sync.manifest;
    QCOMPARE(manifest.durationMs(), capture::SyncTestCall::kDuration_ms);
    QCOMPARE(manifest.participants, capture::SyncTestCall::participants());
    const QList<capture::SyncTestTrack> layout = capture::SyncTestCall::tracks();
    QCOMPARE(manifest.tracks.size(), layout.size());
    QSet<qint64> offsets;
    for (qsizetype i = 0; i < layout.size(); ++i) {
        const model::Track& track = manifest.tracks.at(i);
        QCOMPARE(track.kind, layout.at(i).kind);
        QCOMPARE(track.offset_ms, layout.at(i).offset_ms);
        QCOMPARE(track.offset_ms + track.duration_ms, capture::SyncTestCall::kDuration_ms);
        offsets << track.offset_ms;
    }
    QCOMPARE(offsets.size(), layout.size()); // every track starts at its own time

    // One "mark <n>" segment per whole second, its first word at the beep.
    const QList<model::TranscriptSegment>& segments = m_sync.transcript.segments;
    QCOMPARE(qint64(segments.size()), capture::SyncTestCall::kDuration_ms / 1000);
    for (qint64 second = 0; second < segments.size(); ++second) {
        const model::TranscriptSegment& segment = segments.at(qsizetype(second));
        QCOMPARE(segment.text, QStringLiteral("mark %1").arg(second));
        QCOMPARE(segment.start_ms, second * 1000);
        QCOMPARE(segment.words.first().start_ms, second * 1000);
        QVERIFY(manifest.participant(segment.speaker));
    }
}

void TestDemoMedia::syncTestCallVerifies()
{
    const test::CliRun run = test::runCli({QStringLiteral("verify"), QStringLiteral("--vault"), m_syncVault});
    QVERIFY2(run.exitCode == 0, run.out.constData());
    QVERIFY2(run.out.startsWith("OK " + m_sync.manifest.id.toString(QUuid::WithoutBraces).toLatin1()),
             run.out.constData());
}

void TestDemoMedia::syncTestBeepsStartAtWholeCallSeconds()
{
    constexpr double kOnsetThreshold = 0.1; // -20 dBFS; the beep peaks at -6 dBFS
    qint64 worstOnset_us = 0;
    double loudestGap = 0;
    int beeps = 0;
    for (const model::Track& track : m_sync.manifest.tracks) {
        if (track.kind != model::TrackKind::Audio)
            continue;
        const QString path = m_sync.directory + QLatin1Char('/') + track.path;
        QString error;
        const DecodedAudio audio = decodeAudio(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        int trackBeeps = 0;
        for (qint64 second = (track.offset_ms + 999) / 1000;
             second * 1000 + capture::SyncTestCall::kBeep_ms <= track.offset_ms + track.duration_ms;
             ++second) {
            // Where the beep must start in this track: the call second minus the track's offset.
            const qint64 expected = (second * 1000 - track.offset_ms) * kRate / 1000;
            qint64 onset = -1;
            for (qint64 i = std::max<qint64>(0, expected - kRate / 10);
                 i < std::min<qint64>(qint64(audio.samples.size()), expected + kRate / 10); ++i) {
                if (std::abs(audio.samples[size_t(i)]) >= kOnsetThreshold) {
                    onset = i;
                    break;
                }
            }
            QVERIFY2(onset >= 0,
                     qPrintable(QStringLiteral("%1: no beep at call second %2").arg(path).arg(second)));
            const qint64 error_us = (onset - expected) * 1000000 / kRate;
            QVERIFY2(std::abs(error_us) <= 10000,
                     qPrintable(QStringLiteral("%1: the beep of call second %2 starts %3 ms off")
                                    .arg(path)
                                    .arg(second)
                                    .arg(double(error_us) / 1000.0)));
            worstOnset_us = std::max(worstOnset_us, std::abs(error_us));

            // Its pitch tells the tenth seconds apart (zero crossings: two per period).
            const int crossings =
                zeroCrossings(audio.samples, expected + kRate * 5 / 1000, expected + kRate * 45 / 1000);
            const int expectedCrossings = capture::SyncTestCall::beepFrequency_hz(second) * 2 * 40 / 1000;
            QVERIFY2(std::abs(crossings - expectedCrossings) <= expectedCrossings / 10,
                     qPrintable(QStringLiteral("%1: second %2: %3 zero crossings, expected %4")
                                    .arg(path)
                                    .arg(second)
                                    .arg(crossings)
                                    .arg(expectedCrossings)));
            // Silence until shortly before the next beep.
            const double gap = peakAbs(audio.samples, expected + kRate / 10, expected + kRate * 9 / 10);
            QVERIFY2(gap < 0.01,
                     qPrintable(QStringLiteral("%1: sound (peak %2) between the beeps after second %3")
                                    .arg(path)
                                    .arg(gap)
                                    .arg(second)));
            loudestGap = std::max(loudestGap, gap);
            ++trackBeeps;
        }
        QVERIFY2(trackBeeps >= 70, qPrintable(QStringLiteral("%1: %2 beeps").arg(path).arg(trackBeeps)));
        beeps += trackBeeps;
    }
    qInfo("%d beeps on 3 audio tracks; worst onset %.2f ms from its whole call second; "
          "loudest sample between beeps %.5f",
          beeps, double(worstOnset_us) / 1000.0, loudestGap);
}

void TestDemoMedia::syncTestFlashesAtWholeCallSeconds()
{
    double darkest = 255, brightestDark = 0, dimmestFlash = 255, smallestJump = 255;
    int videos = 0, flashes = 0;
    for (const model::Track& track : m_sync.manifest.tracks) {
        if (track.kind == model::TrackKind::Audio)
            continue;
        ++videos;
        const QString path = m_sync.directory + QLatin1Char('/') + track.path;
        QString error;
        const QList<LumaFrame> frames = decodeLuma(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(frames.size() > 100);

        QList<qint64> flashSeconds;
        for (qsizetype i = 0; i < frames.size(); ++i) {
            const LumaFrame& frame = frames.at(i);
            if (frame.meanLuma < 128) {
                darkest = std::min(darkest, frame.meanLuma);
                brightestDark = std::max(brightestDark, frame.meanLuma);
                continue;
            }
            // A flash: exactly on a whole call second (frame times are whole ms after rounding down).
            const qint64 call_ms = track.offset_ms + frame.pts_ms;
            QVERIFY2(call_ms % 1000 == 0 || call_ms % 1000 == 999,
                     qPrintable(QStringLiteral("%1: flash at call time %2 ms").arg(path).arg(call_ms)));
            flashSeconds << (call_ms + 1) / 1000;
            dimmestFlash = std::min(dimmestFlash, frame.meanLuma);
            if (i > 0)
                smallestJump = std::min(smallestJump, frame.meanLuma - frames.at(i - 1).meanLuma);
        }
        // One flash for every whole call second the track covers.
        QList<qint64> expected;
        for (qint64 second = (track.offset_ms + 999) / 1000;
             second * 1000 < track.offset_ms + track.duration_ms; ++second)
            expected << second;
        QCOMPARE(flashSeconds, expected);
        flashes += int(flashSeconds.size());
    }
    QCOMPARE(videos, 3);
    QVERIFY2(smallestJump > 100, qPrintable(QString::number(smallestJump)));
    qInfo("%d flashes on 3 video tracks, all on whole call seconds; mean luma: flash frames >= %.1f, "
          "other frames %.1f..%.1f, smallest jump into a flash %.1f",
          flashes, dimmestFlash, darkest, brightestDark, smallestJump);
}

void TestDemoMedia::syncTestCallIsDeterministic()
{
    // Made here after one regular call, in this process: the same bytes as
    // holdfast-cli made alone in another, and the regular call is unchanged.
    const QString local = m_scratch.filePath(QStringLiteral("sync-local"));
    QStringList stages;
    const auto generated = generate(
        local, 7, 1, [&](const capture::DemoProgress& p) { stages << p.stage; }, true);
    QVERIFY2(generated.ok(), qPrintable(generated.errorMessage()));
    QCOMPARE(generated->size(), 2);
    QCOMPARE(generated->last().id, m_sync.manifest.id);
    QVERIFY2(stages.contains(QStringLiteral("call 2/2 (sync test): encoding audio (mixed)")),
             qPrintable(stages.join(QLatin1Char('\n'))));
    QCOMPARE(stages.last(), QStringLiteral("call 2/2: done"));

    const auto sameFiles = [&](const QString& vault, const QString& packageDirectory) {
        const QString relative = QDir(vault).relativeFilePath(packageDirectory);
        return readTree(packageDirectory) == readTree(local + QLatin1Char('/') + relative);
    };
    QVERIFY2(sameFiles(m_syncVault, m_sync.directory), "the sync test call differs between runs with seed 7");
    const QString firstId = generated->first().id.toString(QUuid::WithoutBraces);
    const auto regular = std::find_if(m_packages.begin(), m_packages.end(), [&](const Package& package) {
        return package.manifest.id.toString(QUuid::WithoutBraces) == firstId;
    });
    QVERIFY(regular != m_packages.end());
    QVERIFY2(sameFiles(m_vault, regular->directory), "the sync test call changed the regular call before it");
}

int main(int argc, char** argv)
{
    // Video frames are drawn with QPainter: the generator needs a QGuiApplication.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestDemoMedia test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_demo_media.moc"

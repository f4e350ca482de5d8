// WaveformPeaks on real demo media: the sync test call's beeps show up as
// large peaks exactly at each whole call second and nothing in between, a
// regular call shows speech inside the transcript's segments over a
// near-silent room tone, the encrypted cache's reader gives the very same
// peaks as the file, and damaged serialised peaks are refused with a reason.

#include "CacheTestHelpers.h"
#include "TestSupport.h"
#include "capture/demo/SyncTestCall.h"
#include "media/WaveformPeaks.h"
#include "model/Manifest.h"
#include "model/Transcript.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>
#include <algorithm>
#include <cmath>

using namespace holdfast;
using media::PeakRange;
using media::PlacedWaveform;
using media::WaveformPeaks;

namespace {

constexpr int kBucket_ms = 10;
constexpr int kFullScale = 32767;

struct Package
{
    QString directory;
    model::Manifest manifest;
    model::Transcript transcript;
};

QList<Package> readPackages(const QString& vault)
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
        const auto manifest = model::parseManifestJson(test::readFile(path));
        const auto transcript = model::parseTranscriptJson(
            test::readFile(package.directory + QLatin1Char('/') + QLatin1String(model::kTranscriptFileName)));
        if (!manifest || !transcript)
            qFatal("%s: unreadable package", qPrintable(path));
        package.manifest = *manifest;
        package.transcript = *transcript;
        packages << package;
    }
    return packages;
}

Result<WaveformPeaks> computeFile(const QString& path, int bucket_ms = kBucket_ms,
                                  const WaveformPeaks::ProgressFn& progress = {},
                                  const std::atomic_bool* cancelled = nullptr)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(path + QStringLiteral(": cannot open"));
    return WaveformPeaks::compute(file, bucket_ms, progress, cancelled);
}

// Largest absolute peak of the buckets in [from, to).
int loudest(const WaveformPeaks& peaks, qint64 fromBucket, qint64 toBucket)
{
    int peak = 0;
    for (qint64 i = std::max<qint64>(fromBucket, 0); i < std::min<qint64>(toBucket, peaks.bucketCount());
         ++i) {
        const PeakRange& range = peaks.buckets()[size_t(i)];
        peak = std::max({peak, std::abs(int(range.min)), std::abs(int(range.max))});
    }
    return peak;
}

double dbfs(int peak)
{
    return 20.0 * std::log10(std::max(peak, 1) / double(kFullScale));
}

// Rewrites the trailing SHA-256, so that a test reaches the checks behind it.
QByteArray withChecksum(QByteArray bytes)
{
    bytes.chop(32);
    return bytes + QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

// A device that cannot seek or tell its size, like a pipe.
class SequentialDevice : public QIODevice
{
public:
    explicit SequentialDevice(QIODevice* inner)
        : m_inner(inner)
    {}
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char* data, qint64 maxSize) override { return m_inner->read(data, maxSize); }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QIODevice* m_inner;
};

} // namespace

class TestWaveformPeaks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void beepsArePeaksAtEveryWholeCallSecond();
    void mixPlacesTheTracksOnTheCallTimeline();
    void speechIsLoudAndRoomToneNearSilent();
    void bucketSizesAgree();
    void encryptedCacheGivesTheSamePeaks();
    void sequentialDeviceGivesTheSamePeaks();
    void progressCoversTheDevice();
    void cancelStops();
    void nonAudioIsRefused();
    void serializationRoundTrips();
    void corruptDataIsRefused_data();
    void corruptDataIsRefused();
    void mixEnvelopeAndChecks();

private:
    QString trackPath(const model::Track& track) const
    {
        return m_sync.directory + QLatin1Char('/') + track.path;
    }
    const model::Track& syncTrack(model::TrackKind kind, const QString& participant) const;

    QTemporaryDir m_scratch;
    Package m_sync;
    Package m_regular;     // first call of the demo vault
    WaveformPeaks m_mixed; // peaks of the sync test call's mixed audio
    QByteArray m_serialized;
};

void TestWaveformPeaks::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    const QString syncVault = test::syncTestVaultPath();
    const QString demoVault = test::demoVaultPath();
    QVERIFY2(QFileInfo::exists(syncVault + QStringLiteral("/recordings")) &&
                 QFileInfo::exists(demoVault + QStringLiteral("/recordings")),
             "run through ctest: needs the demo_vault and sync_test_vault fixtures");
    const QList<Package> sync = readPackages(syncVault);
    QCOMPARE(sync.size(), 1);
    m_sync = sync.first();
    m_regular = readPackages(demoVault).first();

    QElapsedTimer timer;
    timer.start();
    const model::Track& mixed =
        syncTrack(model::TrackKind::Audio, QString::fromLatin1(model::kMixedParticipant));
    auto peaks = computeFile(trackPath(mixed));
    QVERIFY2(peaks, qPrintable(peaks.errorMessage()));
    m_mixed = *peaks;
    qInfo("peaks of the %lld ms mixed track (%lld bytes of Opus) in %lld ms", qlonglong(mixed.duration_ms),
          qlonglong(QFileInfo(trackPath(mixed)).size()), qlonglong(timer.elapsed()));
}

const model::Track& TestWaveformPeaks::syncTrack(model::TrackKind kind, const QString& participant) const
{
    for (const model::Track& track : m_sync.manifest.tracks) {
        if (track.kind == kind && track.participant == participant)
            return track;
    }
    qFatal("the sync test call has no %s track of %s", qPrintable(model::trackKindName(kind)),
           qPrintable(participant));
}

void TestWaveformPeaks::beepsArePeaksAtEveryWholeCallSecond()
{
    const int loud = kFullScale / 4; // -12 dBFS; the beep peaks at -6 dBFS
    const int quiet = kFullScale / 100;
    int quietestBeep = kFullScale, loudestGap = 0, loudestBefore = 0, beeps = 0;
    for (const model::Track& track : m_sync.manifest.tracks) {
        if (track.kind != model::TrackKind::Audio)
            continue;
        auto computed = computeFile(trackPath(track));
        QVERIFY2(computed, qPrintable(computed.errorMessage()));
        const WaveformPeaks& peaks = *computed;
        QCOMPARE(peaks.bucket_ms(), kBucket_ms);
        QVERIFY2(std::abs(peaks.duration_ms() - track.duration_ms) <= 20,
                 qPrintable(QStringLiteral("%1 ms decoded, %2 ms in the manifest")
                                .arg(peaks.duration_ms())
                                .arg(track.duration_ms)));
        QCOMPARE(qint64(peaks.bucketCount()), WaveformPeaks::bucketCountFor(peaks.duration_ms(), kBucket_ms));

        for (qint64 second = (track.offset_ms + 999) / 1000;
             second * 1000 + capture::SyncTestCall::kBeep_ms <= track.offset_ms + track.duration_ms;
             ++second) {
            // Offsets are whole buckets: the beep starts exactly at a bucket of the track.
            const qint64 bucket = (second * 1000 - track.offset_ms) / kBucket_ms;
            const QString where = QStringLiteral("track %1, call second %2").arg(track.id).arg(second);
            // Large peaks over the 50 ms of the beep, starting in its very bucket...
            for (qint64 i = bucket; i < bucket + capture::SyncTestCall::kBeep_ms / kBucket_ms; ++i) {
                const int peak = loudest(peaks, i, i + 1);
                QVERIFY2(peak >= loud,
                         qPrintable(where + QStringLiteral(": bucket %1 peaks at %2").arg(i).arg(peak)));
                quietestBeep = std::min(quietestBeep, peak);
            }
            // ...not in the bucket before, and near zero in between the beeps.
            if (bucket > 0) {
                const int before = loudest(peaks, bucket - 1, bucket);
                QVERIFY2(before < loud, qPrintable(where + QStringLiteral(": loud before the beep")));
                loudestBefore = std::max(loudestBefore, before);
            }
            const int gap = loudest(peaks, bucket + 6, bucket + 95);
            QVERIFY2(gap < quiet, qPrintable(where + QStringLiteral(": %1 between the beeps").arg(gap)));
            loudestGap = std::max(loudestGap, gap);
            ++beeps;
        }
    }
    QVERIFY(beeps > 200);
    qInfo("%d beeps: beep buckets >= %.1f dBFS, bucket before a beep <= %.1f dBFS, "
          "between beeps <= %.1f dBFS",
          beeps, dbfs(quietestBeep), dbfs(loudestBefore), dbfs(loudestGap));
}

void TestWaveformPeaks::mixPlacesTheTracksOnTheCallTimeline()
{
    // The two participants' microphones (offsets 1020 and 3260 ms) mixed on
    // the call timeline match the recorded mix, bucket by bucket.
    const model::Track& a = syncTrack(model::TrackKind::Audio, QStringLiteral("p1"));
    const model::Track& b = syncTrack(model::TrackKind::Audio, QStringLiteral("p2"));
    QVERIFY(a.offset_ms != b.offset_ms && a.offset_ms > 0);
    auto peaksA = computeFile(trackPath(a));
    auto peaksB = computeFile(trackPath(b));
    QVERIFY2(peaksA && peaksB, qPrintable(peaksA.errorMessage() + peaksB.errorMessage()));
    const auto mixed = WaveformPeaks::mix({{&*peaksA, a.offset_ms}, {&*peaksB, b.offset_ms}});
    QVERIFY2(mixed, qPrintable(mixed.errorMessage()));
    QVERIFY(std::abs(mixed->duration_ms() - capture::SyncTestCall::kDuration_ms) <= 20);

    const int loud = kFullScale / 10;
    int disagreements = 0, loudBuckets = 0;
    const qint64 from = (a.offset_ms + kBucket_ms - 1) / kBucket_ms; // before p1 joins only the mix has sound
    const qint64 to = std::min(mixed->bucketCount(), m_mixed.bucketCount());
    for (qint64 i = from; i < to; ++i) {
        const bool inMix = loudest(*mixed, i, i + 1) >= loud;
        const bool inRecordedMix = loudest(m_mixed, i, i + 1) >= loud;
        if (inMix != inRecordedMix)
            ++disagreements;
        if (inMix) {
            ++loudBuckets;
            const qint64 sinceSecond_ms = i * kBucket_ms % 1000;
            QVERIFY2(sinceSecond_ms < capture::SyncTestCall::kBeep_ms,
                     qPrintable(QStringLiteral("loud bucket at call time %1 ms").arg(i * kBucket_ms)));
        }
    }
    QCOMPARE(disagreements, 0);
    QVERIFY(loudBuckets >= 70 * 5);
    qInfo("mix of 2 tracks vs recorded mix: %lld buckets compared, %d loud, 0 disagree", qlonglong(to - from),
          loudBuckets);
}

void TestWaveformPeaks::speechIsLoudAndRoomToneNearSilent()
{
    int tracks = 0;
    for (const model::Track& track : m_regular.manifest.tracks) {
        if (track.kind != model::TrackKind::Audio ||
            track.participant == QLatin1String(model::kMixedParticipant))
            continue;
        ++tracks;
        auto peaks = computeFile(m_regular.directory + QLatin1Char('/') + track.path);
        QVERIFY2(peaks, qPrintable(peaks.errorMessage()));
        std::vector<char> nearSpeech(size_t(peaks->bucketCount()), 0);
        int quietestSegment = kFullScale, segments = 0;
        for (const model::TranscriptSegment& segment : m_regular.transcript.segments) {
            if (segment.speaker != track.participant)
                continue;
            const qint64 first = (segment.start_ms - track.offset_ms) / kBucket_ms;
            const qint64 last = (segment.end_ms - track.offset_ms) / kBucket_ms;
            for (qint64 i = std::max<qint64>(0, first - 30); i < std::min(last + 30, peaks->bucketCount());
                 ++i)
                nearSpeech[size_t(i)] = 1;
            const int peak = loudest(*peaks, first, last + 1);
            QVERIFY2(peak >= kFullScale / 20,
                     qPrintable(QStringLiteral("%1: segment at %2 ms peaks at %3 dBFS only")
                                    .arg(track.id)
                                    .arg(segment.start_ms)
                                    .arg(dbfs(peak))));
            quietestSegment = std::min(quietestSegment, peak);
            ++segments;
        }
        QVERIFY(segments > 0);
        int roomTone = 0;
        qint64 silentBuckets = 0;
        for (qint64 i = 0; i < peaks->bucketCount(); ++i) {
            if (nearSpeech[size_t(i)])
                continue;
            roomTone = std::max(roomTone, loudest(*peaks, i, i + 1));
            ++silentBuckets;
        }
        QVERIFY(silentBuckets > 100);
        QVERIFY2(roomTone < kFullScale / 100,
                 qPrintable(QStringLiteral("room tone peaks at %1 dBFS").arg(dbfs(roomTone))));
        QVERIFY(roomTone > 0); // a real noise floor, not digital zero
        qInfo("%s (%s): %d segments peak >= %.1f dBFS; %lld buckets away from speech peak <= %.1f dBFS",
              qPrintable(track.id), qPrintable(track.participant), segments, dbfs(quietestSegment),
              qlonglong(silentBuckets), dbfs(roomTone));
    }
    QVERIFY(tracks >= 2);
}

void TestWaveformPeaks::bucketSizesAgree()
{
    // 10 ms and 100 ms buckets at 48 kHz share their boundaries: each coarse
    // bucket is the envelope of ten fine ones.
    const model::Track& mixed =
        syncTrack(model::TrackKind::Audio, QString::fromLatin1(model::kMixedParticipant));
    auto coarse = computeFile(trackPath(mixed), 100);
    QVERIFY2(coarse, qPrintable(coarse.errorMessage()));
    QCOMPARE(coarse->duration_ms(), m_mixed.duration_ms());
    QCOMPARE(qint64(coarse->bucketCount()), WaveformPeaks::bucketCountFor(m_mixed.duration_ms(), 100));
    for (qsizetype i = 0; i < coarse->bucketCount(); ++i)
        QCOMPARE(coarse->buckets()[size_t(i)], m_mixed.range(i * 100, (i + 1) * 100));
    QCOMPARE(m_mixed.range(-50, 0), PeakRange{});
    QCOMPARE(m_mixed.range(m_mixed.duration_ms() + 10, m_mixed.duration_ms() + 20), PeakRange{});

    QVERIFY(!computeFile(trackPath(mixed), 0));
    QVERIFY(!computeFile(trackPath(mixed), WaveformPeaks::kMaxBucket_ms + 1));
}

void TestWaveformPeaks::encryptedCacheGivesTheSamePeaks()
{
    test::useFastKdf();
    auto workspace = Workspace::create(m_scratch.filePath(QStringLiteral("cache")),
                                       QString::fromLatin1(test::kTestPassphrase), test::identity());
    QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
    const auto imported = (*workspace)->importFolderVault(test::syncTestVaultPath());
    QVERIFY2(imported, qPrintable(imported.errorMessage()));
    const QString id = m_sync.manifest.id.toString(QUuid::WithoutBraces);
    const model::Track& mixed =
        syncTrack(model::TrackKind::Audio, QString::fromLatin1(model::kMixedParticipant));
    auto device = (*workspace)->openTrackMedia(id, mixed.id);
    QVERIFY2(device, qPrintable(device.errorMessage()));
    QVERIFY(!(*device)->isSequential());
    (*device)->seek((*device)->size() / 2); // compute() starts from the beginning wherever the device is
    QElapsedTimer timer;
    timer.start();
    auto peaks = WaveformPeaks::compute(**device);
    QVERIFY2(peaks, qPrintable(peaks.errorMessage()));
    QVERIFY(*peaks == m_mixed);
    qInfo("peaks through the decrypting blob reader in %lld ms, identical to the file's",
          qlonglong(timer.elapsed()));
}

void TestWaveformPeaks::sequentialDeviceGivesTheSamePeaks()
{
    const model::Track& mixed =
        syncTrack(model::TrackKind::Audio, QString::fromLatin1(model::kMixedParticipant));
    QFile file(trackPath(mixed));
    QVERIFY(file.open(QIODevice::ReadOnly));
    SequentialDevice pipe(&file);
    QVERIFY(pipe.open(QIODevice::ReadOnly));
    QList<qint64> totals;
    auto peaks = WaveformPeaks::compute(pipe, kBucket_ms, [&](qint64, qint64 total) { totals << total; });
    QVERIFY2(peaks, qPrintable(peaks.errorMessage()));
    QVERIFY(*peaks == m_mixed);
    QVERIFY(!totals.isEmpty());
    QVERIFY(std::all_of(totals.begin(), totals.end(), [](qint64 total) { return total == -1; }));
}

void TestWaveformPeaks::progressCoversTheDevice()
{
    const model::Track& mixed =
        syncTrack(model::TrackKind::Audio, QString::fromLatin1(model::kMixedParticipant));
    const qint64 size = QFileInfo(trackPath(mixed)).size();
    QList<qint64> done;
    auto peaks = computeFile(trackPath(mixed), kBucket_ms, [&](qint64 bytesRead, qint64 bytesTotal) {
        QCOMPARE(bytesTotal, size);
        done << bytesRead;
    });
    QVERIFY2(peaks, qPrintable(peaks.errorMessage()));
    QVERIFY(done.size() >= 2 && done.size() <= 102);
    QVERIFY(std::is_sorted(done.begin(), done.end()));
    QCOMPARE(done.last(), size);
}

void TestWaveformPeaks::cancelStops()
{
    const model::Track& mixed =
        syncTrack(model::TrackKind::Audio, QString::fromLatin1(model::kMixedParticipant));
    std::atomic_bool cancelled{true};
    auto before = computeFile(trackPath(mixed), kBucket_ms, {}, &cancelled);
    QVERIFY(!before);
    QVERIFY2(before.errorMessage().endsWith(QStringLiteral("cancelled")), qPrintable(before.errorMessage()));

    // Cancelled after the first progress report: stops without reading the rest.
    cancelled = false;
    qint64 lastRead = 0, total = 0;
    QElapsedTimer timer;
    timer.start();
    auto during = computeFile(
        trackPath(mixed), kBucket_ms,
        [&](qint64 bytesRead, qint64 bytesTotal) {
            lastRead = bytesRead;
            total = bytesTotal;
            cancelled = true;
        },
        &cancelled);
    QVERIFY(!during);
    QVERIFY2(during.errorMessage().endsWith(QStringLiteral("cancelled")), qPrintable(during.errorMessage()));
    QVERIFY2(lastRead < total, qPrintable(QStringLiteral("%1 of %2 bytes read").arg(lastRead).arg(total)));
    qInfo("cancelled after %lld of %lld bytes, returned after %lld ms", qlonglong(lastRead), qlonglong(total),
          qlonglong(timer.elapsed()));
}

void TestWaveformPeaks::nonAudioIsRefused()
{
    QByteArray text;
    for (int i = 0; i < 4000; ++i)
        text += "not a media file, line " + QByteArray::number(i) + '\n';
    QBuffer buffer(&text);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const auto garbage = WaveformPeaks::compute(buffer);
    QVERIFY(!garbage);
    QVERIFY2(garbage.errorMessage().startsWith(QStringLiteral("waveform peaks: ")),
             qPrintable(garbage.errorMessage()));
    qInfo("text: %s", qPrintable(garbage.errorMessage()));

    const auto video = computeFile(trackPath(syncTrack(model::TrackKind::Video, QStringLiteral("p1"))));
    QVERIFY(!video);
    QVERIFY2(video.errorMessage().contains(QStringLiteral("no audio stream")),
             qPrintable(video.errorMessage()));
    qInfo("video-only track: %s", qPrintable(video.errorMessage()));

    QFile closed(trackPath(syncTrack(model::TrackKind::Audio, QStringLiteral("p1"))));
    const auto notOpen = WaveformPeaks::compute(closed);
    QVERIFY(!notOpen);
    QVERIFY2(notOpen.errorMessage().contains(QStringLiteral("not open")), qPrintable(notOpen.errorMessage()));
}

void TestWaveformPeaks::serializationRoundTrips()
{
    m_serialized = m_mixed.serialize();
    QCOMPARE(m_serialized.size(), qsizetype(28 + m_mixed.bucketCount() * 4 + 32));
    QVERIFY(m_serialized.startsWith("HFWP"));
    const auto parsed = WaveformPeaks::parse(m_serialized);
    QVERIFY2(parsed, qPrintable(parsed.errorMessage()));
    QVERIFY(*parsed == m_mixed);
    QCOMPARE(parsed->serialize(), m_serialized);
    qInfo("%lld ms at %d ms buckets: %lld bytes serialised", qlonglong(m_mixed.duration_ms()),
          m_mixed.bucket_ms(), qlonglong(m_serialized.size()));

    const WaveformPeaks empty;
    const auto emptyParsed = WaveformPeaks::parse(empty.serialize());
    QVERIFY2(emptyParsed, qPrintable(emptyParsed.errorMessage()));
    QVERIFY(*emptyParsed == empty);
}

void TestWaveformPeaks::corruptDataIsRefused_data()
{
    const QByteArray good = m_mixed.serialize();
    const auto patched = [&](qsizetype offset, auto value, bool fixChecksum = true) {
        QByteArray bytes = good;
        qToLittleEndian(value, bytes.data() + offset);
        return fixChecksum ? withChecksum(bytes) : bytes;
    };
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("0 bytes is too short");
    QTest::newRow("header only") << good.left(28) << QStringLiteral("too short");
    QTest::newRow("truncated") << good.chopped(1) << QStringLiteral("truncated");
    QTest::newRow("trailing data") << good + '\0' << QStringLiteral("trailing data");
    QByteArray magic = good;
    magic[0] = 'X';
    QTest::newRow("magic") << magic << QStringLiteral("no HFWP signature");
    QTest::newRow("version") << patched(4, quint16(2)) << QStringLiteral("format version 2 is not supported");
    QTest::newRow("flags") << patched(6, quint16(0x8000)) << QStringLiteral("unknown flags 0x8000");
    QTest::newRow("bucket size 0") << patched(8, quint32(0)) << QStringLiteral("bucket size 0 ms");
    QTest::newRow("negative duration") << patched(12, qint64(-1)) << QStringLiteral("duration -1 ms");
    QTest::newRow("bucket count") << patched(20, quint64(m_mixed.bucketCount() + 1))
                                  << QStringLiteral("buckets, but");
    // Claims a week at 1 ms: refused on size before anything is allocated.
    QByteArray huge = patched(8, quint32(1));
    qToLittleEndian(WaveformPeaks::kMaxDuration_ms, huge.data() + 12);
    qToLittleEndian(quint64(WaveformPeaks::kMaxDuration_ms), huge.data() + 20);
    QTest::newRow("huge") << huge << QStringLiteral("truncated");
    QByteArray flipped = good;
    flipped[28 + 4 * 100 + 1] = char(flipped[28 + 4 * 100 + 1] ^ 0x10);
    QTest::newRow("flipped peak") << flipped << QStringLiteral("checksum mismatch");
    QTest::newRow("checksum") << patched(good.size() - 1, quint8(good.back() ^ 1), false)
                              << QStringLiteral("checksum mismatch");
    // A consistent checksum over a bucket whose min is above its max.
    QTest::newRow("min above max") << patched(28 + 4 * 7, qint16(1000))
                                   << QStringLiteral("bucket 7: min 1000 is above max");
}

void TestWaveformPeaks::corruptDataIsRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const auto parsed = WaveformPeaks::parse(bytes);
    QVERIFY(!parsed);
    QVERIFY2(parsed.errorMessage().startsWith(QStringLiteral("waveform peaks: ")),
             qPrintable(parsed.errorMessage()));
    QVERIFY2(parsed.errorMessage().contains(message), qPrintable(parsed.errorMessage()));
}

void TestWaveformPeaks::mixEnvelopeAndChecks()
{
    // A: 30 ms from 0; B: 20 ms from 15 ms, so each of B's buckets straddles two of the call's.
    const auto a = WaveformPeaks::fromBuckets(10, 30, {{-1, 1}, {-2, 2}, {-3, 3}});
    const auto b = WaveformPeaks::fromBuckets(10, 20, {{-5, 5}, {0, 7}});
    QVERIFY2(a && b, qPrintable(a.errorMessage() + b.errorMessage()));
    const auto mixed = WaveformPeaks::mix({{&*a, 0}, {&*b, 15}});
    QVERIFY2(mixed, qPrintable(mixed.errorMessage()));
    QCOMPARE(mixed->duration_ms(), qint64(35));
    const std::vector<PeakRange> expected{{-1, 1}, {-5, 5}, {-5, 7}, {0, 7}};
    QVERIFY(mixed->buckets() == expected);
    QCOMPARE(mixed->range(0, 35), (PeakRange{-5, 7}));
    QCOMPARE(mixed->range(30, 35), (PeakRange{0, 7}));
    QCOMPARE(mixed->range(100, 200), PeakRange{});

    // A gap before a late track stays silent.
    const auto late = WaveformPeaks::mix({{&*b, 40}});
    QVERIFY(late);
    QCOMPARE(late->bucketCount(), qsizetype(6));
    QCOMPARE(late->buckets()[0], PeakRange{});
    QCOMPARE(late->buckets()[4], (PeakRange{-5, 5}));

    const auto coarse = WaveformPeaks::fromBuckets(20, 30, {{0, 0}, {0, 0}});
    QVERIFY(coarse);
    const auto mismatch = WaveformPeaks::mix({{&*a, 0}, {&*coarse, 0}});
    QVERIFY(!mismatch);
    QVERIFY2(mismatch.errorMessage().contains(QStringLiteral("20 ms buckets")),
             qPrintable(mismatch.errorMessage()));
    QVERIFY(!WaveformPeaks::mix({{&*a, -10}}));
    QVERIFY(!WaveformPeaks::mix({{nullptr, 0}}));
    QVERIFY(!WaveformPeaks::mix({}));

    QVERIFY(!WaveformPeaks::fromBuckets(10, 31, {{0, 0}, {0, 0}, {0, 0}}));
    QVERIFY(!WaveformPeaks::fromBuckets(10, 10, {{1, 0}}));
    QVERIFY(!WaveformPeaks::fromBuckets(0, 0, {}));
}

QTEST_GUILESS_MAIN(TestWaveformPeaks)

#include "tst_waveform_peaks.moc"

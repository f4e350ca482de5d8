// Waveform peaks through the workspace: decoded once from the encrypted
// cache, stored encrypted (inside the SQLCipher database), read back from
// there afterwards, and never written by a read-only (auditor) workspace.
#include "CacheTestHelpers.h"
#include "capture/demo/SyncTestCall.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace holdfast;

class TestWorkspaceWaveforms : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_cache;
    QString m_recordingId;

    std::unique_ptr<Workspace> open(bool readOnly = false)
    {
        auto workspace =
            Workspace::open(m_cache, QString::fromLatin1(test::kTestPassphrase),
                            readOnly ? test::identity(compliance::Role::Auditor, true) : test::identity());
        if (!workspace)
            qWarning("open: %s", qPrintable(workspace.errorMessage()));
        return workspace ? std::move(workspace).value() : nullptr;
    }

    static QString mixedTrack(const cache::RecordingDetail& detail)
    {
        for (const model::Track& track : detail.manifest.tracks)
            if (track.kind == model::TrackKind::Audio &&
                track.participant == QLatin1String(model::kMixedParticipant))
                return track.id;
        return QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::useFastKdf();
        m_cache = m_dir.path() + QStringLiteral("/cache");
        auto workspace =
            Workspace::create(m_cache, QString::fromLatin1(test::kTestPassphrase), test::identity());
        QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
        const auto imported = (*workspace)->importFolderVault(test::syncTestVaultPath());
        QVERIFY2(imported, qPrintable(imported.errorMessage()));
        const auto recordings = (*workspace)->listRecordings();
        QVERIFY(recordings && recordings->size() == 1);
        m_recordingId = recordings->first().id;
    }

    // An auditor's workspace computes the waveform in memory and leaves every
    // byte of the cache as it was.
    void readOnlyComputesWithoutWriting()
    {
        const auto before = test::hashTree(m_cache);
        {
            auto workspace = open(true);
            QVERIFY(workspace);
            const auto peaks = workspace->callWaveformPeaks(m_recordingId);
            QVERIFY2(peaks, qPrintable(peaks.errorMessage()));
            QVERIFY(!peaks->isEmpty());
        }
        QCOMPARE(test::hashTree(m_cache), before);
    }

    // The call waveform shows the beeps of the sync test call where they are.
    void callWaveformShowsTheBeeps()
    {
        auto workspace = open();
        QVERIFY(workspace);
        const auto peaks = workspace->callWaveformPeaks(m_recordingId);
        QVERIFY2(peaks, qPrintable(peaks.errorMessage()));
        QVERIFY(qAbs(peaks->duration_ms() - capture::SyncTestCall::kDuration_ms) <= 100);
        for (qint64 second : {1, 10, 37, 60}) {
            const media::PeakRange beep = peaks->range(second * 1000 + 5, second * 1000 + 45);
            const media::PeakRange silence = peaks->range(second * 1000 + 300, second * 1000 + 700);
            QVERIFY2(media::WaveformPeaks::toFloat(beep.max) > 0.3f, qPrintable(QString::number(second)));
            QVERIFY2(media::WaveformPeaks::toFloat(silence.max) < 0.05f, qPrintable(QString::number(second)));
        }
    }

    // Stored once: later calls read the summary back even when the media is
    // gone; the stored bytes are nowhere in the cache directory in plaintext.
    void storedOnceAndReadBackEncrypted()
    {
        QString trackId;
        QString blobId;
        QByteArray serialized;
        {
            auto workspace = open();
            QVERIFY(workspace);
            const auto detail = workspace->recording(m_recordingId);
            QVERIFY(detail);
            trackId = mixedTrack(*detail);
            QVERIFY(!trackId.isEmpty());
            blobId = detail->blobIdsByPath.value(detail->manifest.track(trackId)->path);
            QVERIFY(!blobId.isEmpty());
            const auto first = workspace->waveformPeaks(m_recordingId, trackId);
            QVERIFY2(first, qPrintable(first.errorMessage()));
            serialized = first->serialize();
            QElapsedTimer timer;
            timer.start();
            const auto second = workspace->waveformPeaks(m_recordingId, trackId);
            QVERIFY2(second, qPrintable(second.errorMessage()));
            QCOMPARE(*second, *first);
            qInfo("waveform read back from the cache in %lld ms", timer.elapsed());
            const auto events = workspace->auditEvents();
            QVERIFY(events);
            bool audited = false;
            for (const audit::AuditEvent& event : *events)
                audited = audited || (event.target == m_recordingId && event.details.contains(u"waveform"));
            QVERIFY(audited);
        }
        // Not in plaintext anywhere in the cache (64-byte windows of the bucket data).
        const QByteArray window = serialized.mid(serialized.size() / 2, 64);
        for (const QString& file : test::filesUnder(m_cache))
            QVERIFY2(!test::readFile(file).contains(window), qPrintable(file));

        // Without the media, the stored waveform still comes back.
        const QString blobPath = Workspace::blobsPath(m_cache) + QLatin1Char('/') + blobId;
        const QString moved = m_dir.path() + QStringLiteral("/moved-blob");
        QVERIFY(QFile::rename(blobPath, moved));
        {
            auto workspace = open();
            QVERIFY(workspace);
            const auto again = workspace->waveformPeaks(m_recordingId, trackId);
            QVERIFY2(again, qPrintable(again.errorMessage()));
            QCOMPARE(again->serialize(), serialized);
            // Another resolution is not stored yet and needs the media.
            QVERIFY(!workspace->waveformPeaks(m_recordingId, trackId, 20));
        }
        QVERIFY(QFile::rename(moved, blobPath));
    }

    void refusesWhatIsNotAnAudioTrack()
    {
        auto workspace = open();
        QVERIFY(workspace);
        const auto detail = workspace->recording(m_recordingId);
        QVERIFY(detail);
        for (const model::Track& track : detail->manifest.tracks)
            if (track.kind != model::TrackKind::Audio)
                QVERIFY(!workspace->waveformPeaks(m_recordingId, track.id));
        QVERIFY(!workspace->waveformPeaks(m_recordingId, QStringLiteral("no-such-track")));
        QVERIFY(!workspace->callWaveformPeaks(QStringLiteral("no-such-recording")));
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    TestWorkspaceWaveforms test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_workspace_waveforms.moc"

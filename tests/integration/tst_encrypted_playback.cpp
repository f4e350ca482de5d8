// The encrypted blob reader is a random-access QIODevice that Qt Multimedia
// (GStreamer backend) plays from directly: no decrypted file is ever written.
#include "CacheTestHelpers.h"
#include "TestSupport.h"
#include "workspace/Workspace.h"

#include <QGuiApplication>
#include <QMediaPlayer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QVideoFrame>
#include <QVideoSink>

using namespace holdfast;

class TestEncryptedPlayback : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_cache;
    std::unique_ptr<Workspace> m_workspace;
    QString m_recordingId;
    QString m_videoTrackId;
    qint64 m_videoDuration_ms = 0;

private Q_SLOTS:
    void initTestCase()
    {
        test::useFastKdf();
        auto workspace = Workspace::create(m_cache.path() + QStringLiteral("/cache"),
                                           QString::fromLatin1(test::kTestPassphrase), test::identity());
        QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
        m_workspace = std::move(workspace).value();
        const auto imported = m_workspace->importFolderVault(holdfast::test::demoVaultPath());
        QVERIFY2(imported, qPrintable(imported.errorMessage()));
        const auto recordings = m_workspace->listRecordings();
        QVERIFY(recordings);
        for (const auto& summary : *recordings) {
            const auto detail = m_workspace->recording(summary.id);
            QVERIFY(detail);
            for (const model::Track& track : detail->manifest.tracks)
                if (track.kind == model::TrackKind::Video && m_videoTrackId.isEmpty()) {
                    m_recordingId = summary.id;
                    m_videoTrackId = track.id;
                    m_videoDuration_ms = track.duration_ms;
                }
        }
        QVERIFY2(!m_videoTrackId.isEmpty(), "the demo vault fixture has no video track");
    }

    void qMediaPlayerPlaysAndSeeksFromTheEncryptedDevice()
    {
        auto device = m_workspace->openTrackMedia(m_recordingId, m_videoTrackId);
        QVERIFY2(device, qPrintable(device.errorMessage()));
        QVERIFY(!(*device)->isSequential());

        QMediaPlayer player;
        QVideoSink sink;
        player.setVideoSink(&sink);
        QSignalSpy frames(&sink, &QVideoSink::videoFrameChanged);
        QSignalSpy errors(&player, &QMediaPlayer::errorOccurred);
        player.setSourceDevice(device->get(), QUrl(QStringLiteral("encrypted.webm")));
        QTRY_COMPARE_WITH_TIMEOUT(player.mediaStatus(), QMediaPlayer::LoadedMedia, 20000);
        QVERIFY2(errors.isEmpty(), qPrintable(player.errorString()));
        QVERIFY(qAbs(player.duration() - m_videoDuration_ms) <= m_videoDuration_ms / 100 + 100);

        player.play();
        QTRY_VERIFY_WITH_TIMEOUT(player.position() > 500, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), 10000);
        const QVideoFrame frame = sink.videoFrame();
        QVERIFY(frame.isValid());
        QCOMPARE(frame.size(), QSize(320, 180));

        // Seek to the middle: playback continues from there (random access on the device).
        const qint64 target_ms = m_videoDuration_ms / 2;
        player.setPosition(target_ms);
        QTRY_VERIFY_WITH_TIMEOUT(player.position() >= target_ms && player.position() < target_ms + 5000,
                                 20000);
        QVERIFY2(errors.isEmpty(), qPrintable(player.errorString()));
        player.stop();
    }
};

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    TestEncryptedPlayback test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_encrypted_playback.moc"

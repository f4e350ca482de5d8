// Media the on-demand policy has not fetched, in the real player (offscreen):
// the sync test call is synced from its folder vault with media on demand
// into a real encrypted cache, so every track starts "media not downloaded".
// The Download button of the screen share is clicked; the progress bar shows,
// ends at 100 %, the media is verified and stored in the cache, and then the
// track plays: frames are shown and their time advances with the clock.
#include "TestSupport.h"
#include "player/PlayerView.h"
#include "vault/VaultFactory.h"
#include "workspace/Workspace.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <algorithm>

using namespace holdfast;
using desktop::PlayerView;

namespace {

const QString kPassphrase = QStringLiteral("correct horse battery staple");
constexpr int kDownloadTimeout_ms = 60000;

sync::VaultAccount onDemandAccount()
{
    sync::VaultAccount account;
    account.name = QStringLiteral("Sync test vault");
    account.url = QUrl::fromLocalFile(test::syncTestVaultPath()).toString();
    account.media = sync::MediaPolicy::OnDemand;
    return account;
}

QAbstractButton* downloadButton(const PlayerView& view, const QString& trackId)
{
    return view.findChild<QAbstractButton*>(QStringLiteral("download-%1").arg(trackId));
}

QProgressBar* downloadProgress(const PlayerView& view, const QString& trackId)
{
    return view.findChild<QProgressBar*>(QStringLiteral("downloadProgress-%1").arg(trackId));
}

} // namespace

class TestPlayerDownload : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_cache;
    QString m_recordingId;
    model::Manifest m_manifest;

    std::unique_ptr<Workspace> open(bool readOnly)
    {
        auto workspace = Workspace::open(
            m_cache, kPassphrase,
            readOnly ? WorkspaceIdentity{QStringLiteral("auditor"), compliance::Role::Auditor, true}
                     : WorkspaceIdentity{QStringLiteral("reviewer"), compliance::Role::Officer, false});
        return workspace ? std::move(workspace).value() : nullptr;
    }

    const model::Track* trackOf(model::TrackKind kind) const
    {
        for (const model::Track& track : m_manifest.tracks)
            if (track.kind == kind)
                return &track;
        return nullptr;
    }

    // The tracks whose media is in the cache (the transcript is stored too, but is no track).
    QStringList storedTracks(const cache::RecordingDetail& detail) const
    {
        QStringList ids;
        for (const model::Track& track : m_manifest.tracks)
            if (detail.blobIdsByPath.contains(track.path))
                ids << track.id;
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // This test is about the download, not the key derivation.
        qputenv("HOLDFAST_TEST_FAST_KDF", "1");
        QVERIFY(m_dir.isValid());
        m_cache = m_dir.filePath(QStringLiteral("cache"));
        auto created = Workspace::create(m_cache, kPassphrase,
                                         {QStringLiteral("reviewer"), compliance::Role::Officer, false});
        QVERIFY2(created, qPrintable(created.errorMessage()));
        Workspace& workspace = **created;
        // The saved account is where the player fetches from.
        const sync::VaultAccount account = onDemandAccount();
        QVERIFY(workspace.saveVaultAccount(account));
        auto vault = vault::openVault(account.url, account.connectionString, account.extraCaFile);
        QVERIFY2(vault, qPrintable(vault.errorMessage()));
        sync::SyncOptions options;
        options.media = account.media;
        auto report = workspace.syncVault(**vault, account.url, options);
        QVERIFY2(report, qPrintable(report.errorMessage()));
        QCOMPARE(report->count(sync::SyncedItem::Outcome::New), 1);
        QCOMPARE(report->count(sync::SyncedItem::Outcome::MediaStored), 0);
        auto recordings = workspace.listRecordings();
        QVERIFY(recordings && recordings->size() == 1);
        m_recordingId = recordings->at(0).id;
        auto detail = workspace.recording(m_recordingId);
        QVERIFY(detail);
        m_manifest = detail->manifest;
        QCOMPARE(storedTracks(*detail), QStringList()); // no media at all yet
        QVERIFY(trackOf(model::TrackKind::Screen));
    }

    void downloadThenPlay()
    {
        auto workspace = open(false);
        QVERIFY(workspace);
        PlayerView view(*workspace, m_recordingId);
        QVERIFY2(view.errorText().isEmpty(), qPrintable(view.errorText()));
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        // Nothing is in the cache: every picture track offers a Download button.
        for (const model::Track& track : std::as_const(m_manifest.tracks)) {
            QVERIFY(!view.isTrackAvailable(track.id));
            QCOMPARE(view.trackStatus(track.id), QStringLiteral("media not downloaded"));
            QCOMPARE(view.trackPosition_ms(track.id), -1);
            if (track.kind == model::TrackKind::Audio) {
                auto* mute = view.findChild<QCheckBox*>(QStringLiteral("mute-%1").arg(track.id));
                QVERIFY(mute && !mute->isEnabled());
                continue;
            }
            QAbstractButton* button = downloadButton(view, track.id);
            QVERIFY2(button && button->isVisible() && button->isEnabled(), qPrintable(track.id));
            QVERIFY(!downloadProgress(view, track.id)->isVisible());
        }

        const model::Track& screen = *trackOf(model::TrackKind::Screen);
        QAbstractButton* button = downloadButton(view, screen.id);
        QProgressBar* progress = downloadProgress(view, screen.id);
        QSignalSpy percent(progress, &QProgressBar::valueChanged);
        QTest::mouseClick(button, Qt::LeftButton);
        // At once: the button gives way to the progress bar.
        QCOMPARE(view.trackStatus(screen.id), QStringLiteral("downloading…"));
        QVERIFY(!button->isVisible());
        QVERIFY(progress->isVisible());

        QTRY_VERIFY_WITH_TIMEOUT(view.isTrackAvailable(screen.id), kDownloadTimeout_ms);
        // The bar went from its start to 100 %, never backwards.
        QVERIFY(!percent.isEmpty());
        QList<int> seen;
        QStringList shown;
        for (const QList<QVariant>& change : std::as_const(percent)) {
            seen << change.at(0).toInt();
            shown << QString::number(seen.last());
        }
        qInfo("download progress shown (%%): %s", qPrintable(shown.join(QStringLiteral(" → "))));
        QCOMPARE(seen.first(), 0);
        QCOMPARE(seen.last(), 100);
        QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()));
        QVERIFY(!progress->isVisible());
        QVERIFY(!button->isVisible());
        // Stored, verified, in the cache; the other tracks still wait for a click.
        auto detail = workspace->recording(m_recordingId);
        QVERIFY(detail);
        QCOMPARE(storedTracks(*detail), QStringList{screen.id});
        for (const model::Track& track : std::as_const(m_manifest.tracks))
            if (track.id != screen.id)
                QCOMPARE(view.trackStatus(track.id), QStringLiteral("media not downloaded"));

        // Then it plays: frames are shown and their time follows the clock.
        const qint64 from_ms = screen.offset_ms + 2000;
        view.seek(from_ms);
        QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 20000);
        QCOMPARE(view.trackStatus(screen.id), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!view.currentFrame(screen.id).isNull(), 10000);
        QVERIFY(qAbs(view.currentFrameTime_ms(screen.id) - from_ms) <= 100);
        view.play();
        QVERIFY(view.isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(view.position_ms() >= from_ms + 2000, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(view.currentFrameTime_ms(screen.id) >= from_ms + 1500, 5000);
        QVERIFY(qAbs(view.trackPosition_ms(screen.id) - view.position_ms()) <= 150);
        view.pause();
    }

    // An auditor's read-only workspace cannot fetch: no Download button.
    void readOnlyOffersNoDownload()
    {
        auto workspace = open(true);
        QVERIFY(workspace);
        PlayerView view(*workspace, m_recordingId);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const model::Track* video = trackOf(model::TrackKind::Video);
        QVERIFY(video);
        QCOMPARE(view.trackStatus(video->id), QStringLiteral("media not downloaded"));
        QAbstractButton* button = downloadButton(view, video->id);
        QVERIFY(button && !button->isVisible());
        QVERIFY(!workspace->fetchTrackMediaFromSavedVault(m_recordingId, video->id, {}));
    }
};

QTEST_MAIN(TestPlayerDownload)
#include "tst_player_download.moc"

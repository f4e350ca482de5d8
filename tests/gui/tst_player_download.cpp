// Media the on-demand policy has not fetched, in the real player (offscreen):
// the sync test call is synced from its folder vault with media on demand
// into a real encrypted cache, so every track starts "media not downloaded".
// The Download button of the screen share is clicked; the progress bar shows,
// ends at 100 %, the media is verified and stored in the cache, and then the
// track plays: frames are shown and their time advances with the clock. The
// same over Azurite behind a proxy that stalls the download midway, where
// the bar must show a value between 0 and 100 %. An auditor gets no button.
#include "AzuriteServer.h"
#include "FaultProxy.h"
#include "TestSupport.h"
#include "player/PlayerView.h"
#include "vault/FolderVaultUploader.h"
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
    QString m_cache; // the sync test vault synced from its folder, media on demand
    QString m_recordingId;
    model::Manifest m_manifest;

    static std::unique_ptr<Workspace> open(const QString& cacheDir, bool readOnly = false)
    {
        auto workspace = Workspace::open(
            cacheDir, kPassphrase,
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
    QStringList storedTracks(Workspace& workspace) const
    {
        QStringList ids;
        const auto detail = workspace.recording(m_recordingId);
        for (const model::Track& track : m_manifest.tracks)
            if (detail && detail->blobIdsByPath.contains(track.path))
                ids << track.id;
        return ids;
    }

    // A new cache at cacheDir with the account saved (the player fetches from
    // it) and synced with media on demand: the sync test call, and no media.
    void createAndSyncOnDemand(const QString& cacheDir, const sync::VaultAccount& account)
    {
        QCOMPARE(account.media, sync::MediaPolicy::OnDemand);
        auto created = Workspace::create(cacheDir, kPassphrase,
                                         {QStringLiteral("reviewer"), compliance::Role::Officer, false});
        QVERIFY2(created, qPrintable(created.errorMessage()));
        Workspace& workspace = **created;
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
        m_manifest = workspace.recording(m_recordingId)->manifest;
        QCOMPARE(storedTracks(workspace), QStringList());
        QVERIFY(trackOf(model::TrackKind::Screen));
    }

    // Clicks the track's Download button and waits until the track is
    // available; *percent gets every value its progress bar showed.
    static void downloadByClicking(PlayerView& view, const model::Track& track, QList<int>* percent)
    {
        QAbstractButton* button = downloadButton(view, track.id);
        QProgressBar* progress = downloadProgress(view, track.id);
        QVERIFY(button && progress);
        QVERIFY(button->isVisible() && button->isEnabled());
        QVERIFY(!progress->isVisible());
        QSignalSpy changes(progress, &QProgressBar::valueChanged);
        QTest::mouseClick(button, Qt::LeftButton);
        // At once: the button gives way to the progress bar.
        QCOMPARE(view.trackStatus(track.id), QStringLiteral("downloading…"));
        QVERIFY(!button->isVisible());
        QVERIFY(progress->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(view.isTrackAvailable(track.id), kDownloadTimeout_ms);
        QStringList shown;
        for (const QList<QVariant>& change : std::as_const(changes)) {
            percent->append(change.at(0).toInt());
            shown << QString::number(percent->last());
        }
        qInfo("download progress of %s shown (%%): %s", qPrintable(track.id),
              qPrintable(shown.join(QStringLiteral(" → "))));
        // From its start to 100 %, never backwards; then it gives way to the picture.
        QVERIFY(!percent->isEmpty());
        QCOMPARE(percent->first(), 0);
        QCOMPARE(percent->last(), 100);
        QVERIFY(std::is_sorted(percent->cbegin(), percent->cend()));
        QVERIFY(!progress->isVisible());
        QVERIFY(!button->isVisible());
    }

    // A downloaded picture track shows frames whose time follows the clock.
    static void playsAfterwards(PlayerView& view, const model::Track& track)
    {
        const qint64 from_ms = track.offset_ms + 2000;
        view.seek(from_ms);
        QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 20000);
        QCOMPARE(view.trackStatus(track.id), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!view.currentFrame(track.id).isNull(), 10000);
        QVERIFY(qAbs(view.currentFrameTime_ms(track.id) - from_ms) <= 100);
        view.play();
        QVERIFY(view.isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(view.position_ms() >= from_ms + 2000, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(view.currentFrameTime_ms(track.id) >= from_ms + 1500, 5000);
        QVERIFY(qAbs(view.trackPosition_ms(track.id) - view.position_ms()) <= 150);
        view.pause();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // This test is about the download, not the key derivation.
        qputenv("HOLDFAST_TEST_FAST_KDF", "1");
        QVERIFY(m_dir.isValid());
        m_cache = m_dir.filePath(QStringLiteral("cache"));
        createAndSyncOnDemand(m_cache, onDemandAccount());
    }

    void downloadThenPlay()
    {
        auto workspace = open(m_cache);
        QVERIFY(workspace);
        PlayerView view(*workspace, m_recordingId);
        QVERIFY2(view.errorText().isEmpty(), qPrintable(view.errorText()));
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        // Nothing is in the cache: every track offers a Download button.
        for (const model::Track& track : std::as_const(m_manifest.tracks)) {
            QVERIFY(!view.isTrackAvailable(track.id));
            QCOMPARE(view.trackStatus(track.id), QStringLiteral("media not downloaded"));
            QCOMPARE(view.trackPosition_ms(track.id), -1);
            if (track.kind == model::TrackKind::Audio) {
                auto* mute = view.findChild<QCheckBox*>(QStringLiteral("mute-%1").arg(track.id));
                auto* solo = view.findChild<QAbstractButton*>(QStringLiteral("solo-%1").arg(track.id));
                QVERIFY(mute && !mute->isEnabled());
                QVERIFY(solo && !solo->isEnabled());
            }
            QAbstractButton* button = downloadButton(view, track.id);
            QVERIFY2(button && button->isVisible() && button->isEnabled(), qPrintable(track.id));
            QVERIFY(!downloadProgress(view, track.id)->isVisible());
        }

        const model::Track& screen = *trackOf(model::TrackKind::Screen);
        QList<int> percent;
        downloadByClicking(view, screen, &percent);
        if (QTest::currentTestFailed())
            return;
        // Stored, verified, in the cache; the other tracks still wait for a click.
        QCOMPARE(storedTracks(*workspace), QStringList{screen.id});
        for (const model::Track& track : std::as_const(m_manifest.tracks))
            if (track.id != screen.id)
                QCOMPARE(view.trackStatus(track.id), QStringLiteral("media not downloaded"));
        playsAfterwards(view, screen);
        if (QTest::currentTestFailed())
            return;

        // An audio track has its Download button beside its mute and solo;
        // once fetched, they work and the track plays in step with the clock.
        // A participant's own track: muted while the mixed track plays, until soloed.
        const auto own =
            std::find_if(m_manifest.tracks.cbegin(), m_manifest.tracks.cend(), [](const auto& t) {
                return t.kind == model::TrackKind::Audio &&
                       t.participant != QLatin1String(model::kMixedParticipant);
            });
        QVERIFY(own != m_manifest.tracks.cend());
        const model::Track& audio = *own;
        QVERIFY(view.isTrackMuted(audio.id));
        auto* mute = view.findChild<QCheckBox*>(QStringLiteral("mute-%1").arg(audio.id));
        auto* solo = view.findChild<QAbstractButton*>(QStringLiteral("solo-%1").arg(audio.id));
        percent.clear();
        downloadByClicking(view, audio, &percent);
        if (QTest::currentTestFailed())
            return;
        QStringList stored = storedTracks(*workspace);
        stored.sort();
        QStringList expected{audio.id, screen.id};
        expected.sort();
        QCOMPARE(stored, expected);
        QVERIFY(mute->isEnabled() && solo->isEnabled());
        QTest::mouseClick(solo, Qt::LeftButton);
        QCOMPARE(view.soloTrackId(), audio.id);
        QVERIFY(!view.isTrackMuted(audio.id));
        const qint64 from_ms = audio.offset_ms + 3000;
        view.seek(from_ms);
        QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 20000);
        view.play();
        QTRY_VERIFY_WITH_TIMEOUT(view.position_ms() >= from_ms + 2000, 15000);
        QVERIFY(qAbs(view.trackPosition_ms(audio.id) - view.position_ms()) <= 150);
        view.pause();

        // The call's waveform is drawn from the mixed audio: it appears once that arrives.
        const auto mixed =
            std::find_if(m_manifest.tracks.cbegin(), m_manifest.tracks.cend(), [](const auto& t) {
                return t.participant == QLatin1String(model::kMixedParticipant);
            });
        QVERIFY(mixed != m_manifest.tracks.cend());
        QSignalSpy waveform(&view, &PlayerView::waveformLoaded);
        QTest::qWait(200);
        QCOMPARE(waveform.count(), 0); // a participant's own track did not bring it
        percent.clear();
        downloadByClicking(view, *mixed, &percent);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(waveform.count() == 1 || waveform.wait(20000));
    }

    // Over a link that stalls mid-download (Azurite behind a proxy that holds
    // the media's first GET for a while), the bar shows how far it got.
    void slowDownloadShowsItsProgress()
    {
        test::AzuriteServer azurite;
        QVERIFY2(azurite.start(), qPrintable(azurite.errorString()));
        test::FaultProxy proxy(azurite.port());
        QVERIFY(proxy.start());
        const QString container = QStringLiteral("on-demand");
        {
            auto direct =
                vault::openVault(QStringLiteral("azure://") + container, azurite.connectionString(), {});
            QVERIFY2(direct, qPrintable(direct.errorMessage()));
            QVERIFY((*direct)->createIfMissing());
            QVERIFY(vault::uploadFolderVault(test::syncTestVaultPath(), **direct));
        }
        sync::VaultAccount account;
        account.name = QStringLiteral("Azure, slow link");
        account.url = QStringLiteral("azure://") + container;
        // The saved account reaches Azurite through the proxy.
        account.connectionString =
            QString(azurite.connectionString())
                .replace(azurite.blobEndpoint(),
                         QStringLiteral("http://127.0.0.1:%1/devstoreaccount1").arg(proxy.port()));
        account.media = sync::MediaPolicy::OnDemand;
        const QString cacheDir = m_dir.filePath(QStringLiteral("azure-cache"));
        createAndSyncOnDemand(cacheDir, account);
        if (QTest::currentTestFailed())
            return;

        auto workspace = open(cacheDir);
        QVERIFY(workspace);
        PlayerView view(*workspace, m_recordingId);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const model::Track& screen = *trackOf(model::TrackKind::Screen);
        QVERIFY(screen.duration_ms > 0);
        test::FaultProxy::Fault stall;
        stall.type = test::FaultProxy::FaultType::Stall;
        stall.method = "GET";
        stall.afterBodyBytes = 1024 * 1024; // of a 4 MB screen share
        stall.stall_ms = 2000;
        proxy.addFault(stall);
        QList<int> percent;
        downloadByClicking(view, screen, &percent);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(proxy.faultsApplied(), 1);
        // Held at the first mebibyte for two seconds: the bar showed it.
        QVERIFY2(
            std::any_of(percent.cbegin(), percent.cend(), [](int value) { return value > 0 && value < 100; }),
            "no progress between 0 and 100 % was shown");
        QCOMPARE(storedTracks(*workspace), QStringList{screen.id});
        playsAfterwards(view, screen);
    }

    // An auditor's read-only workspace cannot fetch: no Download button.
    void readOnlyOffersNoDownload()
    {
        auto workspace = open(m_cache, true);
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

// Automatic sync on a schedule, offscreen on a real encrypted cache: a
// scheduled sync from the demo (folder) vault stores its recordings; the
// interval counts from the end of the last sync; nothing is synced while
// locked, in auditor mode or while another job runs; a failed scheduled sync
// shows in the error list with Retry. The scheduler's minute is shortened to
// milliseconds through its test hook (SyncScheduler::setMinuteLength).
#include "TestSupport.h"
#include "app/MainWindow.h"
#include "app/UnlockPage.h"
#include "library/LibraryView.h"
#include "library/RecordingListModel.h"
#include "sync/SyncJob.h"
#include "sync/SyncPanel.h"
#include "sync/SyncScheduler.h"
#include "sync/VaultAccountDialog.h"
#include "workspace/Workspace.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUrl>
#include <chrono>

using namespace holdfast;
using namespace std::chrono_literals;
using desktop::MainWindow;
using desktop::SyncPanel;
using desktop::SyncScheduler;
using desktop::UnlockPage;

namespace {

const QString kPassphrase = QStringLiteral("correct horse battery staple");

WorkspaceIdentity officer()
{
    return WorkspaceIdentity{QStringLiteral("tester"), compliance::Role::Officer, false};
}

void unlock(MainWindow& window)
{
    QSignalSpy unlocked(&window, &MainWindow::unlocked);
    UnlockPage* page = window.unlockPage();
    auto* edit = page->findChild<QLineEdit*>(QStringLiteral("passphraseEdit"));
    QVERIFY(edit);
    edit->setText(kPassphrase);
    auto* button = page->findChild<QAbstractButton*>(QStringLiteral("unlockButton"));
    QVERIFY(button && button->isEnabled());
    button->click();
    QVERIFY(unlocked.wait(30000));
    QVERIFY(!window.isLocked());
}

QString demoUrl()
{
    return QUrl::fromLocalFile(test::demoVaultPath()).toString();
}

sync::VaultAccount demoAccount(const QString& name = QStringLiteral("Demo vault"), int interval_min = 0)
{
    sync::VaultAccount account;
    account.name = name;
    account.url = demoUrl();
    account.autoSyncInterval_min = interval_min;
    return account;
}

// A new, empty cache (closed again), optionally with saved accounts.
QString newCache(const QTemporaryDir& tmp, const QList<sync::VaultAccount>& accounts = {})
{
    const QString dir = tmp.filePath(QStringLiteral("cache"));
    auto created = Workspace::create(dir, kPassphrase, officer());
    if (!created)
        return {};
    for (const sync::VaultAccount& account : accounts)
        if (!(*created)->saveVaultAccount(account))
            return {};
    return dir;
}

// What the panel shows for the next automatic sync.
QString nextSyncText(const SyncScheduler::Next& next)
{
    const QDateTime local = next.at.toLocalTime();
    const QString when = local.date() == QDate::currentDate()
                             ? QLocale().toString(local.time(), QLocale::ShortFormat)
                             : QLocale().toString(local, QLocale::ShortFormat);
    return QStringLiteral("Next automatic sync: %1 (\"%2\")").arg(when, next.account);
}

// Ends of syncs of the demo vault that the cache's audit log records.
int syncEndsRecorded(const QString& cacheDir)
{
    auto workspace = Workspace::open(cacheDir, kPassphrase, officer());
    if (!workspace)
        return -1;
    audit::AuditFilter filter;
    filter.action = compliance::actionName(compliance::Action::SyncVault);
    filter.target = demoUrl();
    auto events = (*workspace)->auditEvents(filter, 100000);
    return events ? int(events->size()) : -1;
}

} // namespace

class TestSyncSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QDir(test::demoVaultPath()).exists(), "demo vault fixture missing");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("holdfast-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_sync_schedule"));
        qputenv("HOLDFAST_TEST_FAST_KDF", "1");
    }

    void init() { QSettings().clear(); }

    // The scheduler alone: intervals count from the last end, and nothing is
    // due while disabled, while its account syncs or twice for one attempt.
    void schedulerCountsFromTheLastEnd()
    {
        SyncScheduler scheduler;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        scheduler.setAccounts({{QStringLiteral("a"), 60, now.addSecs(-600)},
                               {QStringLiteral("b"), 0, std::nullopt},
                               {QStringLiteral("c"), 1440, std::nullopt}});
        QVERIFY(!scheduler.isEnabled()); // until the panel of a writable workspace enables it
        QVERIFY(!scheduler.next());
        QVERIFY(!scheduler.isArmed());

        scheduler.setEnabled(true);
        auto next = scheduler.next();
        QVERIFY(next);
        QCOMPARE(next->account, QStringLiteral("a"));
        QCOMPARE(next->at, now.addSecs(-600 + 3600)); // from the cache's record of the last end
        QVERIFY(scheduler.isArmed());
        QVERIFY(!scheduler.nextFor(QStringLiteral("b")));                   // off
        QVERIFY(*scheduler.nextFor(QStringLiteral("c")) >= now.addDays(1)); // never synced: from now

        // While "a" syncs it is not due; "c" is the next one.
        scheduler.setBusy(true, QStringLiteral("a"));
        QCOMPARE(scheduler.next()->account, QStringLiteral("c"));
        const QDateTime ended = QDateTime::currentDateTimeUtc();
        scheduler.syncEnded(QStringLiteral("a"));
        scheduler.setBusy(false);
        QVERIFY(*scheduler.nextFor(QStringLiteral("a")) >= ended.addSecs(3600));
        // Reloading the accounts keeps the later end of this session.
        scheduler.setAccounts(
            {{QStringLiteral("a"), 60, now.addSecs(-600)}, {QStringLiteral("c"), 1440, std::nullopt}});
        QVERIFY(*scheduler.nextFor(QStringLiteral("a")) >= ended.addSecs(3600));

        // Overdue when first seen: due at once, and once (nobody started it here).
        QSignalSpy due(&scheduler, &SyncScheduler::due);
        scheduler.setAccounts(
            {{QStringLiteral("a"), 60, now.addSecs(-600)}, {QStringLiteral("d"), 15, now.addSecs(-3600)}});
        QVERIFY(due.wait(2000));
        QCOMPARE(due.size(), 1);
        QCOMPARE(due.at(0).at(0).toString(), QStringLiteral("d"));
        QVERIFY(*scheduler.nextFor(QStringLiteral("d")) >= now.addSecs(15 * 60));

        scheduler.setEnabled(false);
        QVERIFY(!scheduler.isArmed());
        QCOMPARE(SyncScheduler::intervalText(0), QStringLiteral("Off"));
        QCOMPARE(SyncScheduler::intervalText(240), QStringLiteral("Every 4 hours"));
        QCOMPARE(SyncScheduler::intervalText(1440), QStringLiteral("Daily"));
    }

    // A real scheduled sync from the demo vault, the label, the next one
    // counted from its end, and lock / unlock.
    void scheduledSyncStoresTheRecordings()
    {
        QTemporaryDir tmp;
        const QString cacheDir = newCache(tmp);
        QVERIFY(!cacheDir.isEmpty());
        MainWindow window(desktop::StartupOptions{cacheDir, false, {}, 0});
        window.show();
        unlock(window);
        SyncPanel* panel = window.syncPanel();
        QCOMPARE(window.library()->recordingModel()->rowCount(), 0);
        QVERIFY(panel->addAccount(demoAccount()));
        QCOMPARE(panel->nextSyncLabel()->text(), QStringLiteral("Automatic sync is off."));
        QVERIFY(panel->scheduler()->isEnabled());
        QVERIFY(!panel->scheduler()->isArmed());

        // "Every 15 minutes", chosen in the panel, is kept with the account.
        QSignalSpy started(panel, &SyncPanel::automaticSyncStarted);
        QComboBox* combo = panel->autoSyncCombo();
        QVERIFY(combo->isVisibleTo(panel) && combo->isEnabled());
        const QDateTime before = QDateTime::currentDateTimeUtc();
        QTest::keyClick(combo, Qt::Key_Down);
        const QDateTime after = QDateTime::currentDateTimeUtc();
        QCOMPARE(combo->currentData().toInt(), 15);
        auto accounts = window.workspace()->vaultAccounts();
        QVERIFY(accounts && accounts->size() == 1);
        QCOMPARE(accounts->constFirst().autoSyncInterval_min, 15);
        QCOMPARE(panel->accountList()->topLevelItem(0)->text(3), QStringLiteral("Every 15 minutes"));
        // Never synced: due 15 minutes from now.
        auto next = panel->scheduler()->next();
        QVERIFY(next);
        QCOMPARE(next->account, QStringLiteral("Demo vault"));
        QVERIFY(next->at >= before.addSecs(15 * 60) && next->at <= after.addSecs(15 * 60));
        QCOMPARE(panel->nextSyncLabel()->text(), nextSyncText(*next));
        QVERIFY(panel->scheduler()->isArmed());
        QVERIFY(started.isEmpty());

        // Minutes of 20 ms: 15 minutes are 300 ms.
        QSignalSpy finished(panel, &SyncPanel::syncFinished);
        QDateTime finishedAt;
        connect(panel, &SyncPanel::syncFinished, this,
                [&finishedAt] { finishedAt = QDateTime::currentDateTimeUtc(); });
        panel->scheduler()->setMinuteLength(20ms);
        // (Each wait() returns at the first signal; the checks after it run before any other event.)
        QVERIFY(started.wait(5000));
        QCOMPARE(started.at(0).at(0).toString(), QStringLiteral("Demo vault"));
        QVERIFY(panel->isBusy());
        QVERIFY(!panel->scheduler()->next()); // not due again while it runs
        QVERIFY(finished.wait(180000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        const QString status = panel->statusLabel()->text();
        QVERIFY2(status.startsWith(QStringLiteral("Automatic sync of \"Demo vault\": ")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("3 new")), qPrintable(status));

        // The recordings and their media are in the cache.
        QCOMPARE(window.library()->recordingModel()->rowCount(), 3);
        auto recordings = window.workspace()->listRecordings();
        QVERIFY2(recordings, qPrintable(recordings.errorMessage()));
        QCOMPARE(recordings->size(), 3);
        for (const cache::RecordingSummary& summary : std::as_const(*recordings)) {
            QCOMPARE(summary.verificationState, cache::VerificationState::Verified);
            auto detail = window.workspace()->recording(summary.id);
            QVERIFY(detail);
            for (const model::Track& track : std::as_const(detail->manifest.tracks)) {
                auto media = window.workspace()->openTrackMedia(summary.id, track.id);
                QVERIFY2(media, qPrintable(media.errorMessage()));
            }
        }

        // The next one counts from the end of that sync, not from its start.
        auto ended = window.workspace()->lastSyncEnded(demoUrl());
        QVERIFY(ended && ended->has_value());
        next = panel->scheduler()->next();
        QVERIFY(next);
        const QDateTime countsFrom = next->at.addMSecs(-15 * 20);
        QVERIFY2(
            countsFrom >= **ended && countsFrom <= finishedAt,
            qPrintable(QStringLiteral("%1 not in [%2, %3]")
                           .arg(countsFrom.toString(Qt::ISODateWithMs), (*ended)->toString(Qt::ISODateWithMs),
                                finishedAt.toString(Qt::ISODateWithMs))));
        QCOMPARE(panel->nextSyncLabel()->text(), nextSyncText(*next));

        // And again by itself: nothing changed in the vault.
        QVERIFY(started.wait(5000));
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.size(), 2);
        QCOMPARE(finished.at(1).at(0).toBool(), true);
        QVERIFY2(panel->statusLabel()->text().contains(QStringLiteral("3 unchanged")),
                 qPrintable(panel->statusLabel()->text()));

        // Locking stops it: no scheduler, no job, and nothing synced while locked.
        QPointer<SyncScheduler> scheduler = panel->scheduler();
        window.lock();
        QVERIFY(scheduler.isNull());
        QVERIFY(window.findChildren<SyncScheduler*>().isEmpty());
        QVERIFY(window.findChildren<desktop::SyncJob*>().isEmpty());
        const int endsAtLock = syncEndsRecorded(cacheDir);
        QVERIFY(endsAtLock >= 2);
        QTest::qWait(1000); // more than three intervals of 300 ms
        QCOMPARE(syncEndsRecorded(cacheDir), endsAtLock);

        // Unlocking starts it again, counting from the end of the last sync (in the cache).
        unlock(window);
        panel = window.syncPanel();
        QVERIFY(panel->scheduler()->isEnabled());
        QVERIFY(panel->scheduler()->isArmed());
        ended = window.workspace()->lastSyncEnded(demoUrl());
        QVERIFY(ended && ended->has_value());
        next = panel->scheduler()->next();
        QVERIFY(next);
        QCOMPARE(next->at, (*ended)->addSecs(15 * 60));
        QCOMPARE(panel->nextSyncLabel()->text(), nextSyncText(*next));
        QVERIFY(!panel->isBusy());
    }

    // An auditor sees the setting, but nothing is scheduled or attempted.
    void nothingIsScheduledReadOnly()
    {
        QTemporaryDir tmp;
        const QString cacheDir = newCache(tmp, {demoAccount(QStringLiteral("Demo vault"), 15)});
        QVERIFY(!cacheDir.isEmpty());
        MainWindow window(desktop::StartupOptions{cacheDir, true, {}, 0});
        window.show();
        unlock(window);
        QVERIFY(window.isReadOnly());
        SyncPanel* panel = window.syncPanel();
        QCOMPARE(
            panel->nextSyncLabel()->text(),
            QStringLiteral("Automatic sync is unavailable in auditor mode: the cache is open read-only."));
        QCOMPARE(panel->accountList()->topLevelItem(0)->text(3), QStringLiteral("Every 15 minutes"));
        QVERIFY(!panel->autoSyncCombo()->isVisibleTo(panel));
        QVERIFY(!panel->autoSyncCombo()->isEnabled());
        QVERIFY(!panel->scheduler()->isEnabled());
        QVERIFY(!panel->scheduler()->isArmed());
        QVERIFY(!panel->scheduler()->next());

        QSignalSpy started(panel, &SyncPanel::automaticSyncStarted);
        panel->scheduler()->setMinuteLength(1ms);
        QTest::qWait(500); // many 15 ms intervals
        QVERIFY(started.isEmpty());
        QVERIFY(!panel->isBusy());
        QVERIFY(!panel->scheduler()->isArmed());
        auto ended = window.workspace()->lastSyncEnded(demoUrl());
        QVERIFY(ended && !ended->has_value());
        QCOMPARE(window.library()->recordingModel()->rowCount(), 0);
    }

    // An automatic sync that fails shows in the error list, with Retry, like a manual one.
    void failedScheduledSyncIsListed()
    {
        QTemporaryDir tmp;
        const QString cacheDir = newCache(tmp);
        MainWindow window(desktop::StartupOptions{cacheDir, false, {}, 0});
        window.show();
        unlock(window);
        SyncPanel* panel = window.syncPanel();
        sync::VaultAccount gone;
        gone.name = QStringLiteral("Gone");
        gone.url = QUrl::fromLocalFile(tmp.filePath(QStringLiteral("missing"))).toString();
        QVERIFY(panel->addAccount(gone));
        QSignalSpy started(panel, &SyncPanel::automaticSyncStarted);
        QSignalSpy finished(panel, &SyncPanel::syncFinished);
        panel->scheduler()->setMinuteLength(1ms);
        QVERIFY(panel->setAutoSyncInterval(QStringLiteral("Gone"), 15));
        QVERIFY(finished.wait(30000));
        QCOMPARE(started.size(), 1);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        const QString status = panel->statusLabel()->text();
        QVERIFY2(status.startsWith(QStringLiteral("Automatic sync of \"Gone\" failed: ")),
                 qPrintable(status));
        QTreeWidget* results = panel->resultList();
        QCOMPARE(results->topLevelItemCount(), 1);
        QCOMPARE(results->topLevelItem(0)->text(0), QStringLiteral("Failed"));
        QCOMPARE(results->topLevelItem(0)->text(2), gone.url);
        QVERIFY(!results->topLevelItem(0)->text(3).isEmpty());
        QVERIFY(status.endsWith(results->topLevelItem(0)->text(3)));
        auto* retry = panel->findChild<QAbstractButton*>(QStringLiteral("retrySyncButton"));
        QVERIFY(retry && retry->isVisibleTo(panel) && retry->isEnabled());

        // Turned off, nothing more is scheduled.
        QVERIFY(panel->setAutoSyncInterval(QStringLiteral("Gone"), 0));
        QVERIFY(!panel->scheduler()->isArmed());
        QCOMPARE(panel->nextSyncLabel()->text(), QStringLiteral("Automatic sync is off."));
    }

    // An account that falls due while another sync runs waits for it to end.
    void neverWhileAnotherSyncRuns()
    {
        QTemporaryDir tmp;
        const QString cacheDir =
            newCache(tmp, {demoAccount(), demoAccount(QStringLiteral("Demo vault again"))});
        MainWindow window(desktop::StartupOptions{cacheDir, false, {}, 0});
        window.show();
        unlock(window);
        SyncPanel* panel = window.syncPanel();
        panel->scheduler()->setMinuteLength(1ms);
        QSignalSpy started(panel, &SyncPanel::automaticSyncStarted);
        QSignalSpy finished(panel, &SyncPanel::syncFinished);
        // Read as the first sync's end is announced: the scheduler's timer may
        // start the due sync in the same pass of the event loop, so the spy is
        // not empty any more by the time finished.wait() returns.
        qsizetype startedAtFirstEnd = -1;
        connect(panel, &SyncPanel::syncFinished, panel, [&] {
            if (startedAtFirstEnd < 0)
                startedAtFirstEnd = started.size();
        });
        panel->selectAccount(QStringLiteral("Demo vault"));
        panel->syncSelected();
        QVERIFY(panel->isBusy());
        QVERIFY(panel->setAutoSyncInterval(QStringLiteral("Demo vault again"), 15));
        // Due after 15 ms. The test vault syncs in about 50 ms, and on a loaded
        // machine the job's end and the scheduler's timer can reach the event
        // loop together, in either order. So the GUI thread sleeps past the due
        // time without handling events: the job's end is not handled yet, the
        // panel still holds the job, whether or not its thread has finished.
        QTest::qSleep(40);
        panel->scheduler()->setMinuteLength(1ms); // re-arms: due now, and waits
        QCOMPARE(
            panel->nextSyncLabel()->text(),
            QStringLiteral("Automatic sync of \"Demo vault again\" is due: it starts when the running job "
                           "ends."));
        QVERIFY(panel->isBusy());
        QVERIFY(started.isEmpty());
        QVERIFY(finished.wait(180000));
        QCOMPARE(startedAtFirstEnd, 0); // not while it ran, nor from inside its end
        // With 1 ms minutes the account falls due again 15 ms after each end,
        // so more automatic syncs may follow; the first one is looked at.
        QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty(), 5000);
        QCOMPARE(started.at(0).at(0).toString(), QStringLiteral("Demo vault again"));
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 2, 60000);
        QCOMPARE(finished.at(1).at(0).toBool(), true);
        QVERIFY(panel->setAutoSyncInterval(QStringLiteral("Demo vault again"), 0));
    }

    // The account dialog offers the interval too.
    void accountDialogOffersTheInterval()
    {
        desktop::VaultAccountDialog dialog;
        dialog.nameEdit()->setText(QStringLiteral("Team A"));
        dialog.folderEdit()->setText(test::demoVaultPath());
        QCOMPARE(dialog.autoSyncCombo()->count(), int(std::size(sync::kAutoSyncIntervals_min)));
        QCOMPARE(dialog.account()->autoSyncInterval_min, 0); // off by default
        dialog.autoSyncCombo()->setCurrentIndex(dialog.autoSyncCombo()->findData(240));
        auto account = dialog.account();
        QVERIFY2(account, qPrintable(account.errorMessage()));
        QCOMPARE(account->autoSyncInterval_min, 240);
    }
};

QTEST_MAIN(TestSyncSchedule)
#include "tst_sync_schedule.moc"

// The application shell on a real encrypted cache, real widgets, offscreen:
// create, lock, unlock (wrong then right passphrase), sync the demo vault,
// search, open a hit; auditor mode; the lazy list model.
#include "TestSupport.h"
#include "app/IdleWatcher.h"
#include "app/MainWindow.h"
#include "app/MutatingControl.h"
#include "app/PassphraseStrength.h"
#include "app/SettingsDialog.h"
#include "app/Theme.h"
#include "app/Translations.h"
#include "app/UnlockPage.h"
#include "inspector/InspectorView.h"
#include "inspector/SyntaxHighlighter.h"
#include "library/FilterSidebar.h"
#include "library/LibraryView.h"
#include "library/RecordingListModel.h"
#include "library/SearchResultsModel.h"
#include "player/PlayerView.h"
#include "sync/SyncPanel.h"
#include "sync/VaultAccountDialog.h"
#include "util/LibraryVersions.h"
#include "workspace/Workspace.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUrl>

using namespace holdfast;
using desktop::MainWindow;
using desktop::RecordingListModel;
using desktop::SearchResultsModel;
using desktop::UnlockPage;

namespace {

const QString kPassphrase = QStringLiteral("correct horse battery staple");

WorkspaceIdentity officer()
{
    return WorkspaceIdentity{QStringLiteral("tester"), compliance::Role::Officer, false};
}

// Types the passphrase (twice when creating) and presses the button.
void submitPassphrase(UnlockPage* page, const QString& passphrase)
{
    auto* edit = page->findChild<QLineEdit*>(QStringLiteral("passphraseEdit"));
    auto* confirm = page->findChild<QLineEdit*>(QStringLiteral("confirmPassphraseEdit"));
    QVERIFY(edit && confirm);
    edit->clear();
    QTest::keyClicks(edit, passphrase);
    if (page->mode() == UnlockPage::Mode::Create) {
        confirm->clear();
        QTest::keyClicks(confirm, passphrase);
    }
    auto* button = page->findChild<QAbstractButton*>(QStringLiteral("unlockButton"));
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    button->click();
}

void unlock(MainWindow& window, const QString& passphrase)
{
    QSignalSpy unlocked(&window, &MainWindow::unlocked);
    submitPassphrase(window.unlockPage(), passphrase);
    QVERIFY(unlocked.wait(30000));
    QVERIFY(!window.isLocked());
}

sync::VaultAccount demoAccount()
{
    sync::VaultAccount account;
    account.name = QStringLiteral("Demo vault");
    account.url = QUrl::fromLocalFile(test::demoVaultPath()).toString();
    return account;
}

// Every control marked as changing the cache that is both visible and enabled.
QStringList enabledMutatingControls(const QWidget& window)
{
    QStringList names;
    for (const QAction* action : window.findChildren<QAction*>())
        if (desktop::isMutating(action) && action->isEnabled() && action->isVisible())
            names << action->objectName();
    for (const QAbstractButton* button : window.findChildren<QAbstractButton*>())
        if (desktop::isMutating(button) && button->isEnabled() && button->isVisibleTo(&window))
            names << button->objectName();
    return names;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    // A cache with the demo vault synced into it, made once and copied by the tests that need one.
    QString m_syncedCache;
    QTemporaryDir m_work;
    int m_copies = 0;

    QString freshCopyOfSyncedCache()
    {
        const QString copy = m_work.filePath(QStringLiteral("copy-%1").arg(++m_copies));
        if (!test::copyTree(m_syncedCache, copy))
            return {};
        return copy;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QDir(test::demoVaultPath()).exists(), "demo vault fixture missing");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("holdfast-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
        qputenv("HOLDFAST_TEST_FAST_KDF", "1");
        QVERIFY(m_work.isValid());

        m_syncedCache = m_work.filePath(QStringLiteral("synced"));
        auto workspace = Workspace::create(m_syncedCache, kPassphrase, officer());
        QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
        auto report = (*workspace)->importFolderVault(test::demoVaultPath());
        QVERIFY2(report, qPrintable(report.errorMessage()));
        QCOMPARE(report->count(ImportedPackage::Outcome::New), 3);
    }

    void init() { QSettings().clear(); }

    // The walk a new user takes: create, lock, wrong then right passphrase,
    // sync the demo vault, search a phrase, open the hit at its time.
    void createUnlockSyncSearchOpen()
    {
        QTemporaryDir tmp;
        const QString cacheDir = tmp.filePath(QStringLiteral("cache"));
        MainWindow window(desktop::StartupOptions{cacheDir, false, {}, 0});
        window.show();
        QVERIFY(window.isLocked());
        QCOMPARE(window.unlockPage()->mode(), UnlockPage::Mode::Create);
        unlock(window, kPassphrase);
        QVERIFY(QFileInfo::exists(Workspace::keyFilePath(cacheDir)));
        QVERIFY(window.library());
        QCOMPARE(window.library()->recordingModel()->rowCount(), 0);

        // Ctrl+L locks; the unlock page now unlocks rather than creates.
        auto* lockAction = window.findChild<QAction*>(QStringLiteral("lockAction"));
        QVERIFY(lockAction && lockAction->isEnabled());
        QCOMPARE(lockAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));
        lockAction->trigger();
        QVERIFY(window.isLocked());
        QCOMPARE(window.unlockPage()->mode(), UnlockPage::Mode::Unlock);

        submitPassphrase(window.unlockPage(), QStringLiteral("not the passphrase at all"));
        QTRY_VERIFY_WITH_TIMEOUT(!window.unlockPage()->isBusy(), 30000);
        QVERIFY(window.isLocked());
        QCOMPARE(window.unlockPage()->errorText(), QStringLiteral("Wrong passphrase. Try again."));
        unlock(window, kPassphrase);
        QVERIFY(window.unlockPage()->errorText().isEmpty());

        // Sync the demo vault (file://) through a saved account.
        desktop::SyncPanel* panel = window.syncPanel();
        QVERIFY(panel);
        QVERIFY(panel->addAccount(demoAccount()));
        QCOMPARE(panel->accountList()->topLevelItemCount(), 1);
        auto accounts = window.workspace()->vaultAccounts();
        QVERIFY(accounts && accounts->size() == 1);
        QSignalSpy finished(panel, &desktop::SyncPanel::syncFinished);
        panel->syncSelected();
        QVERIFY(panel->isBusy());
        QVERIFY(finished.wait(180000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY2(panel->statusLabel()->text().contains(QStringLiteral("3 new")),
                 qPrintable(panel->statusLabel()->text()));
        QCOMPARE(window.library()->recordingModel()->rowCount(), 3);
        QCOMPARE(panel->quarantineList()->topLevelItemCount(), 0);

        // A phrase from the middle of a transcript.
        const QString recordingId = window.library()
                                        ->recordingModel()
                                        ->index(0, 0)
                                        .data(RecordingListModel::RecordingIdRole)
                                        .toString();
        auto transcript = window.workspace()->transcript(recordingId);
        QVERIFY2(transcript, qPrintable(transcript.errorMessage()));
        QVERIFY(transcript->segments.size() >= 3);
        const model::TranscriptSegment segment = transcript->segments.at(transcript->segments.size() / 2);
        QVERIFY(segment.start_ms > 0);
        // Split the way the FTS tokenizer does, so the phrase matches consecutive tokens.
        const QStringList words =
            segment.text.split(QRegularExpression(QStringLiteral("\\W+")), Qt::SkipEmptyParts);
        QVERIFY(words.size() >= 3);
        const QString phrase = words.mid(0, 3).join(QLatin1Char(' '));
        const QString query = QLatin1Char('"') + phrase + QLatin1Char('"');

        desktop::LibraryView* library = window.library();
        QTest::keyClicks(library->searchEdit(), query);
        QTest::keyClick(library->searchEdit(), Qt::Key_Return);
        QVERIFY(library->isShowingSearch());
        SearchResultsModel* hits = library->searchModel();
        int row = -1;
        for (int i = 0; i < hits->rowCount(); ++i) {
            const cache::SearchHit& hit = hits->hit(i);
            if (hit.recordingId == recordingId && hit.start_ms == segment.start_ms)
                row = i;
        }
        QVERIFY2(row >= 0,
                 qPrintable(QStringLiteral("no hit for %1 at %2 ms").arg(query).arg(segment.start_ms)));
        const QString html = hits->index(row, SearchResultsModel::SnippetColumn)
                                 .data(SearchResultsModel::SnippetHtmlRole)
                                 .toString();
        QVERIFY2(html.contains(QStringLiteral("<b ")), qPrintable(html));
        QCOMPARE(hits->index(row, SearchResultsModel::TimeColumn).data().toString(),
                 SearchResultsModel::formatTime(segment.start_ms));

        // Enter on the hit asks for the player at the segment's time.
        QSignalSpy open(&window, &MainWindow::openRecordingRequested);
        QTableView* results = library->searchTable();
        results->setFocus();
        results->setCurrentIndex(hits->index(row, SearchResultsModel::SnippetColumn));
        QTest::keyClick(results, Qt::Key_Return);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.at(0).at(0).toString(), recordingId);
        QCOMPARE(open.at(0).at(1).toLongLong(), segment.start_ms);
        // ... and the player tab is there, at the matched segment.
        desktop::PlayerView* player = window.playerFor(recordingId);
        QVERIFY(player);
        QCOMPARE(window.findChild<QTabWidget*>(QStringLiteral("workspaceTabs"))->currentWidget(), player);
        QCOMPARE(player->position_ms(), segment.start_ms);
        QTRY_VERIFY_WITH_TIMEOUT(player->isSettled(), 10000);
        QCOMPARE(player->position_ms(), segment.start_ms);

        // An empty search box shows the list again.
        library->searchEdit()->clear();
        library->runSearch();
        QVERIFY(!library->isShowingSearch());
    }

    void lockWipesTheWorkspace()
    {
        MainWindow window(desktop::StartupOptions{freshCopyOfSyncedCache(), false, {}, 0});
        window.show();
        QCOMPARE(window.unlockPage()->mode(), UnlockPage::Mode::Unlock);
        unlock(window, kPassphrase);
        QPointer<desktop::LibraryView> library = window.library();
        QPointer<desktop::SyncPanel> panel = window.syncPanel();
        QVERIFY(library && panel);
        QCOMPARE(library->recordingModel()->rowCount(), 3);

        QSignalSpy locked(&window, &MainWindow::locked);
        window.lock();
        QCOMPARE(locked.size(), 1);
        QVERIFY(window.workspace() == nullptr);
        QVERIFY(library.isNull());
        QVERIFY(panel.isNull());
        QVERIFY(window.findChildren<desktop::LibraryView*>().isEmpty());
        QVERIFY(window.findChildren<RecordingListModel*>().isEmpty());
        QVERIFY(window.unlockPage()->isVisible());
        // Everything that needs the cache is disabled while locked.
        for (const char* name : {"lockAction", "searchAction", "syncNowAction"})
            QVERIFY2(!window.findChild<QAction*>(QLatin1String(name))->isEnabled(), name);
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Locked")));
    }

    void idleTimeLocks()
    {
        MainWindow window(desktop::StartupOptions{freshCopyOfSyncedCache(), false, {}, 0});
        window.show();
        // On by default.
        QVERIFY(window.idleWatcher()->timeout() > 0);
        unlock(window, kPassphrase);
        QVERIFY(window.idleWatcher()->isActive());
        window.idleWatcher()->setTimeout(200);
        QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), 5000);
        QVERIFY(!window.idleWatcher()->isActive());
        QVERIFY(window.findChildren<desktop::LibraryView*>().isEmpty());
    }

    // Locking while a panel's dialog is open closes the dialog with the panel.
    void lockWithAnOpenDialog()
    {
        MainWindow window(desktop::StartupOptions{freshCopyOfSyncedCache(), false, {}, 0});
        window.show();
        unlock(window, kPassphrase);
        auto* add = window.syncPanel()->findChild<QAbstractButton*>(QStringLiteral("addAccountButton"));
        QVERIFY(add);
        add->click();
        QPointer<QDialog> dialog = window.findChild<QDialog*>(QStringLiteral("vaultAccountDialog"));
        QVERIFY(dialog && dialog->isVisible());
        window.lock();
        QVERIFY(dialog.isNull());
        QVERIFY(window.isLocked());
        unlock(window, kPassphrase);
        QCOMPARE(window.library()->recordingModel()->rowCount(), 3);
    }

    void unreachableVaultFailsWithRetryAndConnectionTest()
    {
        MainWindow window(desktop::StartupOptions{freshCopyOfSyncedCache(), false, {}, 0});
        window.show();
        unlock(window, kPassphrase);
        desktop::SyncPanel* panel = window.syncPanel();
        QTemporaryDir gone;
        sync::VaultAccount account;
        account.name = QStringLiteral("Gone");
        account.url = QUrl::fromLocalFile(gone.filePath(QStringLiteral("missing"))).toString();
        QVERIFY(panel->addAccount(account));
        panel->selectAccount(QStringLiteral("Gone"));

        QSignalSpy tested(panel, &desktop::SyncPanel::connectionTested);
        panel->testSelected();
        QVERIFY(tested.wait(30000));
        QCOMPARE(tested.at(0).at(0).toBool(), false);
        QVERIFY2(panel->statusLabel()->text().contains(QStringLiteral("did not answer")) ||
                     panel->statusLabel()->text().startsWith(QStringLiteral("Failed")),
                 qPrintable(panel->statusLabel()->text()));

        QSignalSpy finished(panel, &desktop::SyncPanel::syncFinished);
        panel->syncSelected();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        auto* retry = panel->findChild<QAbstractButton*>(QStringLiteral("retrySyncButton"));
        QVERIFY(retry && retry->isVisibleTo(panel) && retry->isEnabled());
        // The cache is as it was.
        QCOMPARE(window.library()->recordingModel()->rowCount(), 3);

        // The demo vault answers.
        QVERIFY(panel->addAccount(demoAccount()));
        panel->selectAccount(demoAccount().name);
        panel->testSelected();
        QVERIFY(tested.wait(30000));
        QCOMPARE(tested.last().at(0).toBool(), true);
        QVERIFY(panel->statusLabel()->text().contains(QStringLiteral("the connection works")));
    }

    void settingsAreKeptInQSettings()
    {
        QCOMPARE(desktop::SettingsDialog::idleLockMinutes(),
                 desktop::SettingsDialog::kDefaultIdleLockMinutes);
        {
            desktop::SettingsDialog dialog;
            dialog.idleLockSpin()->setValue(3);
            dialog.languageCombo()->setCurrentIndex(dialog.languageCombo()->findData(QStringLiteral("de")));
            dialog.themeCombo()->setCurrentIndex(dialog.themeCombo()->findData(QStringLiteral("dark")));
            dialog.accept();
        }
        QCOMPARE(desktop::SettingsDialog::idleLockMinutes(), 3);
        QCOMPARE(QSettings().value(desktop::Translations::settingsKey()).toString(), QStringLiteral("de"));
        QCOMPARE(desktop::Theme::configured(), desktop::Theme::Kind::Dark);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
        desktop::Theme::apply(desktop::Theme::Kind::Light);

        MainWindow window;
        QCOMPARE(window.idleWatcher()->timeout(), 3 * 60 * 1000);

        const LibraryVersions versions = libraryVersions();
        QVERIFY(versions.qt.startsWith(QStringLiteral("6.")));
        QVERIFY(versions.gstreamer.startsWith(QStringLiteral("1.")));
        QVERIFY2(!versions.sqlcipher.isEmpty(), "SQLCipher version");
        QVERIFY(versions.openssl.startsWith(QStringLiteral("OpenSSL 3")));
    }

    void auditorModeHasNoEnabledMutatingAction()
    {
        const QString cacheDir = freshCopyOfSyncedCache();
        {
            // Control: an officer has them.
            MainWindow window(desktop::StartupOptions{cacheDir, false, {}, 0});
            window.show();
            unlock(window, kPassphrase);
            QVERIFY(!enabledMutatingControls(window).isEmpty());
            QVERIFY(!window.findChild<QLabel*>(QStringLiteral("auditorBanner")));
        }
        MainWindow window(desktop::StartupOptions{cacheDir, true, {}, 0});
        window.show();
        unlock(window, kPassphrase);
        QVERIFY(window.isReadOnly());
        auto* banner = window.findChild<QLabel*>(QStringLiteral("auditorBanner"));
        QVERIFY(banner && banner->isVisible());
        QVERIFY(banner->text().contains(QStringLiteral("AUDITOR MODE")));
        QVERIFY(window.windowTitle().contains(QStringLiteral("AUDITOR MODE")));
        const QStringList enabled = enabledMutatingControls(window);
        QVERIFY2(enabled.isEmpty(), qPrintable(enabled.join(QStringLiteral(", "))));
        // The list, the search and the quarantine view still work.
        QCOMPARE(window.library()->recordingModel()->rowCount(), 3);
        // And the core refuses anyway.
        QVERIFY(!window.workspace()->saveVaultAccount(demoAccount()));
        QVERIFY(!window.syncPanel()->addAccount(demoAccount()));
    }

    void auditorRoleIsReadOnlyToo()
    {
        QSettings().setValue(QStringLiteral("cache/role"), QStringLiteral("auditor"));
        MainWindow window(desktop::StartupOptions{freshCopyOfSyncedCache(), false, {}, 0});
        window.show();
        unlock(window, kPassphrase);
        QVERIFY(window.workspace()->isReadOnly());
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("auditorBanner")));
        QVERIFY(enabledMutatingControls(window).isEmpty());
    }

    void openOptionRequestsThePlayerAfterUnlock()
    {
        const QString cacheDir = freshCopyOfSyncedCache();
        QString id;
        {
            auto workspace = Workspace::open(cacheDir, kPassphrase, officer());
            QVERIFY(workspace);
            auto list = (*workspace)->listRecordings({}, 1);
            QVERIFY(list && list->size() == 1);
            id = list->at(0).id;
        }
        MainWindow window(desktop::StartupOptions{cacheDir, false, id, 83500});
        QSignalSpy open(&window, &MainWindow::openRecordingRequested);
        window.show();
        QCOMPARE(open.size(), 0);
        unlock(window, kPassphrase);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.at(0).at(0).toString(), id);
        QCOMPARE(open.at(0).at(1).toLongLong(), 83500);
        QVERIFY(window.playerFor(id));
        QCOMPARE(window.playerFor(id)->position_ms(), 83500);
        // Only once, not after every unlock.
        window.lock();
        unlock(window, kPassphrase);
        QCOMPARE(open.size(), 1);
    }

    void inspectorShowsManifestTranscriptAndAudit()
    {
        MainWindow window(desktop::StartupOptions{freshCopyOfSyncedCache(), false, {}, 0});
        window.show();
        unlock(window, kPassphrase);
        desktop::LibraryView* library = window.library();
        library->table()->selectRow(0);
        const QString id = library->recordingModel()->summary(0).id;
        desktop::InspectorView* inspector = library->inspector();
        QSignalSpy loaded(inspector, &desktop::InspectorView::loaded);
        window.findChild<QAction*>(QStringLiteral("inspectAction"))->trigger();
        QCOMPARE(inspector->recordingId(), id);
        QVERIFY(loaded.wait(20000));
        const QString manifest = inspector->manifestView()->toPlainText();
        QVERIFY2(manifest.contains(id), qPrintable(manifest.left(400)));
        QVERIFY(inspector->transcriptView()->toPlainText().contains(QStringLiteral("\"segments\"")));
        const QString audit = inspector->auditView()->toPlainText();
        QVERIFY2(audit.contains(QStringLiteral("\"verified\"")), qPrintable(audit.left(400)));
        QVERIFY(audit.contains(QStringLiteral("recording.import")));
        if (!desktop::SyntaxHighlighter::program().isEmpty())
            QVERIFY(inspector->manifestView()->toHtml().contains(QStringLiteral("color:")));

        // Selecting another recording follows while the inspector is shown.
        library->table()->selectRow(1);
        QCOMPARE(inspector->recordingId(), library->recordingModel()->summary(1).id);
    }

    void listModelPassesTheTesterWhilePaging()
    {
        auto workspace = Workspace::open(freshCopyOfSyncedCache(), kPassphrase, officer());
        QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
        RecordingListModel model(**workspace, nullptr, 2); // pages of two: the third row needs fetchMore
        QCOMPARE(model.totalCount(), 3);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.canFetchMore({}));
        const auto listEvents = [&] {
            audit::AuditFilter filter;
            filter.action = QStringLiteral("recording.list");
            auto events = (*workspace)->auditEvents(filter, 1000);
            return events ? events->size() : -1;
        };
        // The second page is read ahead on a worker thread, not inserted
        // until asked for: then fetchMore() inserts it without a read.
        QTRY_VERIFY(model.hasPageAhead());
        QCOMPARE(model.rowCount(), 2);
        const qsizetype listedBefore = listEvents();
        // The tester fetches too, as a view would.
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.hasPageAhead());
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(listEvents(), listedBefore); // further pages of a listing are not audited again

        // Newest first by default; sorting happens in the cache.
        const auto startedAt = [&](int row) {
            return model.summary(row).startedAt;
        };
        QVERIFY(startedAt(0) >= startedAt(1));
        model.sort(RecordingListModel::DateColumn, Qt::AscendingOrder);
        // Asked for before it arrived, the page is inserted when it does.
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.size(), 1);
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(startedAt(0) <= startedAt(1) && startedAt(1) <= startedAt(2));
        model.sort(RecordingListModel::DurationColumn, Qt::DescendingOrder);
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 3);
        QVERIFY(model.summary(0).duration_ms >= model.summary(2).duration_ms);
        // A reload drops a page of the listing before it that is still being read.
        model.reload();
        model.fetchMore({});
        model.sort(RecordingListModel::DurationColumn, Qt::AscendingOrder);
        QTRY_VERIFY(model.hasPageAhead());
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.summary(0).duration_ms <= model.summary(1).duration_ms);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.summary(1).duration_ms <= model.summary(2).duration_ms);

        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.index(row, RecordingListModel::StatusColumn).data().toString(),
                     QStringLiteral("Verified"));
            QVERIFY(!model.index(row, RecordingListModel::ParticipantsColumn).data().toString().isEmpty());
            QVERIFY(model.index(row, RecordingListModel::TracksColumn)
                        .data()
                        .toString()
                        .contains(QStringLiteral("audio")));
            QVERIFY(!model.index(row, RecordingListModel::TracksColumn).data(Qt::DecorationRole).isNull());
            QVERIFY(model.index(row, RecordingListModel::DurationColumn)
                        .data()
                        .toString()
                        .contains(QLatin1Char(':')));
        }

        // Filters go to the cache: a participant, a tag, track kinds, a date range.
        const QString participant = model.summary(0).participants.value(0);
        cache::SearchFilter filter;
        filter.participant = participant;
        model.setFilter(filter);
        QVERIFY(model.totalCount() >= 1);
        filter.participant = QStringLiteral("no-such-participant-xyz");
        model.setFilter(filter);
        QCOMPARE(model.totalCount(), 0);
        QCOMPARE(model.rowCount(), 0);

        QVERIFY((*workspace)->addTag(newestId(**workspace), QStringLiteral("escalated")));
        filter = {};
        filter.tag = QStringLiteral("escalated");
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, RecordingListModel::TagsColumn).data().toString(),
                 QStringLiteral("escalated"));

        filter = {};
        filter.trackKinds = {model::TrackKind::Audio};
        model.setFilter(filter);
        QCOMPARE(model.totalCount(), 3);
        filter.startedFrom_ms = QDateTime::currentMSecsSinceEpoch() + 86400000;
        model.setFilter(filter);
        QCOMPARE(model.totalCount(), 0);
    }

    void sidebarMapsOntoTheFilter()
    {
        desktop::FilterSidebar sidebar;
        QVERIFY(sidebar.filter().isEmpty());
        QSignalSpy changed(&sidebar, &desktop::FilterSidebar::filterChanged);
        QTest::keyClicks(sidebar.participantEdit(), QStringLiteral("Alice"));
        sidebar.trackKindCheck(model::TrackKind::Video)->setChecked(true);
        sidebar.fromCheck()->setChecked(true);
        sidebar.fromEdit()->setDate(QDate(2026, 1, 2));
        QVERIFY(changed.wait(2000));
        const cache::SearchFilter filter = changed.last().at(0).value<cache::SearchFilter>();
        QCOMPARE(filter.participant, QStringLiteral("Alice"));
        QCOMPARE(filter.trackKinds, QList<model::TrackKind>{model::TrackKind::Video});
        QCOMPARE(*filter.startedFrom_ms, QDate(2026, 1, 2).startOfDay().toMSecsSinceEpoch());
        QVERIFY(!filter.startedBefore_ms);
        sidebar.clear();
        QVERIFY(changed.last().at(0).value<cache::SearchFilter>().isEmpty());
    }

    void snippetMarkersBecomeHighlights()
    {
        const QString snippet = QStringLiteral("a <tag> & \x02match\x03 here\u2026");
        QCOMPARE(SearchResultsModel::snippetToText(snippet), QStringLiteral("a <tag> & match here\u2026"));
        const QString html = SearchResultsModel::snippetToHtml(snippet);
        QVERIFY(html.startsWith(QStringLiteral("a &lt;tag&gt; &amp; <b ")));
        QVERIFY(html.contains(QStringLiteral(">match</b> here")));
        QCOMPARE(SearchResultsModel::formatTime(83500), QStringLiteral("1:23"));
        QCOMPARE(SearchResultsModel::formatTime(3723000), QStringLiteral("1:02:03"));
    }

    void sasUrlBecomesAnAccount()
    {
        auto account = desktop::VaultAccountDialog::accountFromSasUrl(
            QStringLiteral("Team A"),
            QStringLiteral(
                "https://acct.blob.core.windows.net/calls/team-a?sv=2022-11-02&sp=rl&sig=abc%2Fdef"));
        QVERIFY2(account, qPrintable(account.errorMessage()));
        QCOMPARE(account->url, QStringLiteral("azure://calls/team-a"));
        QCOMPARE(account->connectionString,
                 QStringLiteral("BlobEndpoint=https://acct.blob.core.windows.net;"
                                "SharedAccessSignature=sv=2022-11-02&sp=rl&sig=abc%2Fdef"));
        auto azurite = desktop::VaultAccountDialog::accountFromSasUrl(
            QStringLiteral("Local"),
            QStringLiteral("http://127.0.0.1:10000/devstoreaccount1/vault?sv=1&sig=x"));
        QVERIFY2(azurite, qPrintable(azurite.errorMessage()));
        QCOMPARE(azurite->url, QStringLiteral("azure://vault"));
        QVERIFY(azurite->connectionString.startsWith(
            QStringLiteral("BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;")));
        QVERIFY(!desktop::VaultAccountDialog::accountFromSasUrl(
                     QStringLiteral("x"), QStringLiteral("https://acct.blob.core.windows.net/c"))
                     .ok());
    }

    void strengthMeterNeedsAFairPassphrase()
    {
        using Strength = desktop::PassphraseStrength;
        QVERIFY(!Strength::of(QString()).acceptable());
        QVERIFY(!Strength::of(QStringLiteral("password")).acceptable());
        QVERIFY(!Strength::of(QStringLiteral("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).acceptable());
        QVERIFY(Strength::of(kPassphrase).acceptable());
        QVERIFY(Strength::of(kPassphrase).level >= Strength::Level::Strong);

        QTemporaryDir tmp;
        MainWindow window(desktop::StartupOptions{tmp.filePath(QStringLiteral("new")), false, {}, 0});
        UnlockPage* page = window.unlockPage();
        auto* edit = page->findChild<QLineEdit*>(QStringLiteral("passphraseEdit"));
        auto* confirm = page->findChild<QLineEdit*>(QStringLiteral("confirmPassphraseEdit"));
        auto* button = page->findChild<QAbstractButton*>(QStringLiteral("unlockButton"));
        QTest::keyClicks(edit, QStringLiteral("short"));
        QTest::keyClicks(confirm, QStringLiteral("short"));
        QVERIFY(!button->isEnabled());
        edit->setText(kPassphrase);
        confirm->setText(kPassphrase + QStringLiteral("x"));
        QVERIFY(!button->isEnabled()); // the two differ
        confirm->setText(kPassphrase);
        QVERIFY(button->isEnabled());
    }

private:
    static QString newestId(Workspace& workspace)
    {
        auto list = workspace.listRecordings({}, 1);
        return list && !list->isEmpty() ? list->at(0).id : QString();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"

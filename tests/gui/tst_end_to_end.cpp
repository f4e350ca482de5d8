// A new user's first session, driven only through the real window the way a
// user drives it (offscreen): keys typed into the line edits, buttons
// clicked, shortcuts pressed. Create a cache on the first-run page, lock it,
// start the app again, unlock with a wrong then the right passphrase, add the
// demo vault through the account dialog, sync it from the sync panel, search
// a phrase known from the vault's transcripts, double-click the hit, and the
// player starts at the matched segment. The passphrase is derived with the
// real (interactive) Argon2id cost, not the test-only one.
#include "TestSupport.h"
#include "app/MainWindow.h"
#include "app/UnlockPage.h"
#include "library/LibraryView.h"
#include "library/RecordingListModel.h"
#include "library/SearchResultsModel.h"
#include "model/Transcript.h"
#include "player/PlayerView.h"
#include "sync/SyncPanel.h"
#include "sync/VaultAccountDialog.h"
#include "workspace/Workspace.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <algorithm>
#include <memory>
#include <optional>

using namespace holdfast;
using desktop::MainWindow;
using desktop::UnlockPage;

namespace {

const QString kPassphrase = QStringLiteral("correct horse battery staple");
// Argon2id at the interactive cost takes a few seconds on a loaded machine.
constexpr int kKeyDerivationTimeout_ms = 60000;
constexpr int kSyncTimeout_ms = 120000;

template <typename T> T* child(const QObject* parent, const char* name)
{
    return parent->findChild<T*>(QLatin1String(name));
}

// Replaces a line edit's text the way a user does: select all, type.
void retype(QLineEdit* edit, const QString& text)
{
    edit->setFocus(Qt::MouseFocusReason);
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, text);
}

void click(QAbstractButton* button)
{
    QVERIFY(button);
    QVERIFY2(button->isVisible() && button->isEnabled(), qPrintable(button->objectName()));
    QTest::mouseClick(button, Qt::LeftButton);
}

// Every file under dir, by relative path, with its SHA-256.
QMap<QString, QByteArray> fileHashes(const QString& dir)
{
    QMap<QString, QByteArray> hashes;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (file.open(QIODevice::ReadOnly))
            hash.addData(&file);
        hashes.insert(QDir(dir).relativeFilePath(path), hash.result());
    }
    return hashes;
}

// Lower-case words, split the way the FTS tokenizer splits them.
QStringList words(const QString& text)
{
    return text.toLower().split(QRegularExpression(QStringLiteral("\\W+")), Qt::SkipEmptyParts);
}

struct KnownSegment
{
    QString recordingId;
    model::TranscriptSegment segment;
    QString phrase; // four consecutive words found in this segment and nowhere else in the vault
};

// A phrase from the middle of a transcript in the demo vault, read from the
// vault's own files: what the search must find, independent of the cache.
std::optional<KnownSegment> uniquePhraseFromTheVault(const QString& vaultDir)
{
    QList<std::pair<QString, model::Transcript>> transcripts;
    QDirIterator it(vaultDir + QStringLiteral("/recordings"), {QStringLiteral("transcript.json")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        auto transcript = model::parseTranscriptJson(test::readFile(path));
        if (!transcript)
            return std::nullopt;
        // The package directory is named after the recording id.
        transcripts.append({QFileInfo(path).dir().dirName(), *transcript});
    }
    std::sort(transcripts.begin(), transcripts.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    const auto occurrences = [&](const QStringList& phrase) {
        int count = 0;
        for (const auto& [id, transcript] : std::as_const(transcripts))
            for (const model::TranscriptSegment& segment : transcript.segments) {
                const QStringList w = words(segment.text);
                for (qsizetype i = 0; i + phrase.size() <= w.size(); ++i)
                    count += w.mid(i, phrase.size()) == phrase;
            }
        return count;
    };
    for (const auto& [id, transcript] : std::as_const(transcripts)) {
        const qsizetype count = transcript.segments.size();
        // From the middle outwards: neither the first segment nor one at time 0.
        for (qsizetype step = 0; step < count; ++step) {
            const qsizetype index = count / 2 + ((step % 2) ? -(step + 1) / 2 : step / 2);
            if (index <= 0 || index >= count)
                continue;
            const model::TranscriptSegment& segment = transcript.segments.at(index);
            const QStringList w = words(segment.text);
            for (qsizetype at = 0; segment.start_ms > 0 && at + 4 <= w.size(); ++at)
                if (occurrences(w.mid(at, 4)) == 1)
                    return KnownSegment{id, segment, w.mid(at, 4).join(QLatin1Char(' '))};
        }
    }
    return std::nullopt;
}

} // namespace

class TestEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QDir(test::demoVaultPath()).exists(), "demo vault fixture missing");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("holdfast-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_end_to_end"));
        QSettings().clear();
        // The real key derivation cost: this is the walk a user takes.
        qunsetenv("HOLDFAST_TEST_FAST_KDF");
    }

    void createUnlockSyncSearchOpen()
    {
        const auto known = uniquePhraseFromTheVault(test::demoVaultPath());
        QVERIFY2(known, "no phrase of four words that occurs once in the demo vault's transcripts");
        qInfo("searching for \"%s\", said at %lld ms in %s", qPrintable(known->phrase),
              known->segment.start_ms, qPrintable(known->recordingId));
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString cacheDir = tmp.filePath(QStringLiteral("my-cache"));
        QElapsedTimer derivation;

        // First run: the page offers to create a cache.
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowActive(&window));
            UnlockPage* page = window.unlockPage();
            QVERIFY(window.isLocked());
            retype(child<QLineEdit>(page, "cacheDirectoryEdit"), cacheDir);
            QCOMPARE(page->cacheDirectory(), cacheDir);
            QCOMPARE(page->mode(), UnlockPage::Mode::Create);
            QVERIFY(child<QLineEdit>(page, "confirmPassphraseEdit")->isVisible());
            QTest::keyClicks(child<QLineEdit>(page, "passphraseEdit"), kPassphrase);
            QTest::keyClicks(child<QLineEdit>(page, "confirmPassphraseEdit"), kPassphrase);
            // The role is chosen by typing into the combo, as from the keyboard.
            auto* role = child<QComboBox>(page, "roleCombo");
            role->setFocus(Qt::TabFocusReason);
            QTest::keyClicks(role, QStringLiteral("Legal"));
            QCOMPARE(role->currentData().toInt(), int(compliance::Role::Legal));
            QSignalSpy unlocked(&window, &MainWindow::unlocked);
            derivation.start();
            click(child<QAbstractButton>(page, "unlockButton"));
            QVERIFY(unlocked.wait(kKeyDerivationTimeout_ms));
            qInfo("creating the cache took %lld ms", derivation.elapsed());
            QVERIFY(!window.isLocked());
            QCOMPARE(window.workspace()->identity().role, compliance::Role::Legal);
            QVERIFY(QFileInfo::exists(Workspace::keyFilePath(cacheDir)));
            QVERIFY(window.library() && window.library()->isVisible());
            QCOMPARE(window.library()->recordingModel()->rowCount(), 0);

            // Ctrl+L locks: only the unlock page is left.
            QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
            QTRY_VERIFY(window.isLocked());
            QVERIFY(page->isVisible());
            QVERIFY(!window.library());
            QCOMPARE(page->mode(), UnlockPage::Mode::Unlock);
        }

        // The next start remembers the cache and asks for its passphrase.
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        UnlockPage* page = window.unlockPage();
        QCOMPARE(page->cacheDirectory(), cacheDir);
        QCOMPARE(page->mode(), UnlockPage::Mode::Unlock);
        QVERIFY(!child<QLineEdit>(page, "confirmPassphraseEdit")->isVisible());
        auto* passphrase = child<QLineEdit>(page, "passphraseEdit");
        auto* error = child<QLabel>(page, "unlockError");
        QVERIFY(!error->isVisible());

        // A wrong passphrase: a clear message, and the cache is not touched.
        const QMap<QString, QByteArray> before = fileHashes(cacheDir);
        QVERIFY(before.contains(QStringLiteral("holdfast.key")));
        QVERIFY(before.contains(QStringLiteral("cache.db")));
        QTest::keyClicks(passphrase, QStringLiteral("correct horse battery stable"));
        derivation.start();
        QTest::keyClick(passphrase, Qt::Key_Return);
        QVERIFY(page->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), kKeyDerivationTimeout_ms);
        qInfo("refusing the wrong passphrase took %lld ms", derivation.elapsed());
        QVERIFY(window.isLocked());
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("Wrong passphrase. Try again."));
        QVERIFY(passphrase->text().isEmpty());
        QVERIFY(fileHashes(cacheDir) == before);

        // The right one.
        QSignalSpy unlocked(&window, &MainWindow::unlocked);
        QTest::keyClicks(passphrase, kPassphrase);
        derivation.start();
        click(child<QAbstractButton>(page, "unlockButton"));
        QVERIFY(unlocked.wait(kKeyDerivationTimeout_ms));
        qInfo("unlocking took %lld ms", derivation.elapsed());
        QVERIFY(!error->isVisible());
        QCOMPARE(window.workspace()->identity().role, compliance::Role::Legal);

        // Vaults and Sync (Ctrl+2): add the demo vault as a folder account.
        auto* tabs = child<QTabWidget>(&window, "workspaceTabs");
        desktop::SyncPanel* panel = window.syncPanel();
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QTRY_COMPARE(tabs->currentWidget(), panel);
        click(child<QAbstractButton>(panel, "addAccountButton"));
        QPointer<desktop::VaultAccountDialog> dialog;
        QTRY_VERIFY((dialog = window.findChild<desktop::VaultAccountDialog*>()) && dialog->isVisible());
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Demo vault"));
        QCOMPARE(dialog->kindCombo()->currentData().toInt(), int(desktop::VaultAccountDialog::Kind::Folder));
        QTest::keyClicks(dialog->folderEdit(), QDir::toNativeSeparators(test::demoVaultPath()));
        QCOMPARE(child<QComboBox>(dialog, "accountMedia")->currentData().toInt(),
                 int(sync::MediaPolicy::All));
        click(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok));
        QTRY_COMPARE(panel->accountList()->topLevelItemCount(), 1);
        // The window manager gives the focus back to the main window.
        QTRY_VERIFY(dialog.isNull());
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(panel->selectedAccountName(), QStringLiteral("Demo vault"));
        auto saved = window.workspace()->vaultAccounts();
        QVERIFY(saved && saved->size() == 1);
        QCOMPARE(saved->at(0).url, QUrl::fromLocalFile(test::demoVaultPath()).toString());

        // Sync Now, and wait until it is done.
        QSignalSpy finished(panel, &desktop::SyncPanel::syncFinished);
        auto* syncNow = child<QAbstractButton>(panel, "syncNowButton");
        click(syncNow);
        QVERIFY(panel->isBusy());
        QVERIFY(child<QAbstractButton>(panel, "cancelSyncButton")->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, kSyncTimeout_ms);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(syncNow->isEnabled());
        QVERIFY2(panel->statusLabel()->text().contains(QStringLiteral("3 new")),
                 qPrintable(panel->statusLabel()->text()));
        QCOMPARE(panel->quarantineList()->topLevelItemCount(), 0);

        // Library (Ctrl+1): the three calls; type the phrase into the search box.
        desktop::LibraryView* library = window.library();
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QTRY_COMPARE(tabs->currentWidget(), library);
        QTRY_COMPARE_WITH_TIMEOUT(library->recordingModel()->rowCount(), 3, 20000);
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(library->searchEdit()->hasFocus());
        QTest::keyClicks(library->searchEdit(),
                         QLatin1Char('"') + known->phrase + QLatin1Char('"')); // searched as one types
        QTRY_VERIFY_WITH_TIMEOUT(library->isShowingSearch(), 20000);
        desktop::SearchResultsModel* hits = library->searchModel();
        QTRY_COMPARE_WITH_TIMEOUT(hits->rowCount(), 1, 20000);
        QCOMPARE(hits->hit(0).recordingId, known->recordingId);
        QCOMPARE(hits->hit(0).start_ms, known->segment.start_ms);
        QCOMPARE(hits->index(0, desktop::SearchResultsModel::TimeColumn).data().toString(),
                 desktop::SearchResultsModel::formatTime(known->segment.start_ms));

        // Double-click the hit: a player tab for that recording, at the segment.
        QTableView* results = library->searchTable();
        QVERIFY(results->isVisible());
        const QModelIndex hit = hits->index(0, desktop::SearchResultsModel::SnippetColumn);
        results->scrollTo(hit);
        const QPoint where = results->visualRect(hit).center();
        // What a double-click delivers: press, release, double-click, release.
        QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, where);
        QTest::mouseDClick(results->viewport(), Qt::LeftButton, {}, where);
        QTest::mouseRelease(results->viewport(), Qt::LeftButton, {}, where);
        QTRY_VERIFY(window.playerFor(known->recordingId));
        desktop::PlayerView* player = window.playerFor(known->recordingId);
        QCOMPARE(tabs->currentWidget(), player);
        QVERIFY(player->isVisible());
        QVERIFY2(player->errorText().isEmpty(), qPrintable(player->errorText()));
        QCOMPARE(player->recordingId(), known->recordingId);
        QCOMPARE(player->position_ms(), known->segment.start_ms);
        QTRY_VERIFY_WITH_TIMEOUT(player->isSettled(), 20000);
        QCOMPARE(player->position_ms(), known->segment.start_ms);
        // Every track that is inside its span shows that moment too.
        for (const QString& trackId : player->trackIds())
            if (player->isTrackAvailable(trackId) && player->trackStatus(trackId).isEmpty())
                QVERIFY2(
                    qAbs(player->trackPosition_ms(trackId) - known->segment.start_ms) <= 100,
                    qPrintable(
                        QStringLiteral("%1 at %2 ms").arg(trackId).arg(player->trackPosition_ms(trackId))));
    }
};

QTEST_MAIN(TestEndToEnd)
#include "tst_end_to_end.moc"

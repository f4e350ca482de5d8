// The walking-skeleton window on the real demo vault, real widgets, offscreen.
#include "TestSupport.h"
#include "app/MainWindow.h"
#include "library/LibraryView.h"
#include "library/RecordingListModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDir>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace holdfast;
using desktop::RecordingListModel;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    static QString firstMediaFile(const QString& vault)
    {
        QDirIterator it(vault + QStringLiteral("/recordings"), {QStringLiteral("*.webm")}, QDir::Files,
                        QDirIterator::Subdirectories);
        return it.hasNext() ? it.next() : QString();
    }

    static void openAndWait(desktop::MainWindow& window, const QString& vault)
    {
        QSignalSpy loaded(&window, &desktop::MainWindow::vaultLoaded);
        window.openVault(vault);
        QVERIFY(loaded.wait(120000));
        QVERIFY(!window.isScanning());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QDir(test::demoVaultPath()).exists(), "demo vault fixture missing"); }

    void listsAndVerifiesDemoVault()
    {
        QTemporaryDir tmp;
        QVERIFY(test::copyTree(test::demoVaultPath(), tmp.path()));
        desktop::MainWindow window;
        QAbstractItemModelTester tester(window.recordingModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.show();
        openAndWait(window, tmp.path());

        RecordingListModel* model = window.recordingModel();
        QCOMPARE(model->rowCount(), 3);
        for (int row = 0; row < model->rowCount(); ++row) {
            QVERIFY2(model->index(row, 0).data(RecordingListModel::VerifiedRole).toBool(),
                     qPrintable(model->index(row, 0).data(RecordingListModel::ProblemsRole).toString()));
            QCOMPARE(model->index(row, RecordingListModel::StatusColumn).data().toString(),
                     QStringLiteral("Verified"));
            QVERIFY(!model->index(row, RecordingListModel::ParticipantsColumn).data().toString().isEmpty());
            QVERIFY(model->index(row, RecordingListModel::TracksColumn)
                        .data()
                        .toString()
                        .contains(QStringLiteral("audio")));
            QVERIFY(model->index(row, RecordingListModel::DurationColumn)
                        .data()
                        .toString()
                        .contains(QLatin1Char(':')));
        }
        auto* status = window.findChild<QLabel*>(QStringLiteral("statusLabel"));
        QVERIFY(status);
        QCOMPARE(status->text(), QStringLiteral("3 recording(s), all verified"));
        auto* details = window.findChild<QPlainTextEdit*>(QStringLiteral("recordingDetails"));
        QVERIFY(details->toPlainText().contains(QStringLiteral("Verification: every file matches")));
    }

    void tamperedMediaShowsFailedBadgeNamingTheFile()
    {
        QTemporaryDir tmp;
        QVERIFY(test::copyTree(test::demoVaultPath(), tmp.path()));
        desktop::MainWindow window;
        window.show();
        openAndWait(window, tmp.path());

        const QString media = firstMediaFile(tmp.path());
        QVERIFY(!media.isEmpty());
        QByteArray bytes = test::readFile(media);
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01);
        QVERIFY(test::writeFile(media, bytes));

        QAction* reload = window.findChild<QAction*>(QStringLiteral("reloadAction"));
        QVERIFY(reload);
        QSignalSpy loaded(&window, &desktop::MainWindow::vaultLoaded);
        reload->trigger();
        QVERIFY(loaded.wait(120000));

        RecordingListModel* model = window.recordingModel();
        int failed = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(RecordingListModel::VerifiedRole).toBool())
                continue;
            ++failed;
            QCOMPARE(model->index(row, RecordingListModel::StatusColumn).data().toString(),
                     QStringLiteral("Failed"));
            const QString problems = model->index(row, 0).data(RecordingListModel::ProblemsRole).toString();
            QVERIFY2(problems.contains(QFileInfo(media).fileName()), qPrintable(problems));
        }
        QCOMPARE(failed, 1);
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("statusLabel"))
                    ->text()
                    .contains(QStringLiteral("1 FAILED")));
    }

    void filterNarrowsTheList()
    {
        desktop::MainWindow window;
        window.show();
        openAndWait(window, test::demoVaultPath());
        auto* table = window.findChild<QTableView*>(QStringLiteral("recordingTable"));
        auto* filter = window.findChild<QLineEdit*>(QStringLiteral("libraryFilter"));
        QVERIFY(table && filter);
        QCOMPARE(table->model()->rowCount(), 3);
        const QString participants =
            window.recordingModel()->index(0, RecordingListModel::ParticipantsColumn).data().toString();
        const QString firstName = participants.section(QStringLiteral(", "), 0, 0);
        QTest::keyClicks(filter, firstName);
        QVERIFY(table->model()->rowCount() >= 1);
        QTest::keyClicks(filter, QStringLiteral("no-such-participant-xyz"));
        QCOMPARE(table->model()->rowCount(), 0);
    }

    void notAVaultSaysSo()
    {
        QTemporaryDir tmp;
        desktop::MainWindow window;
        openAndWait(window, tmp.path() + QStringLiteral("/missing"));
        QCOMPARE(window.recordingModel()->rowCount(), 0);
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("statusLabel"))
                    ->text()
                    .startsWith(QStringLiteral("Could not open the vault")));
    }

    void cancellingAScanLeavesAnEmptyList()
    {
        desktop::MainWindow window;
        window.openVault(test::demoVaultPath());
        QVERIFY(window.isScanning());
        auto* cancel = window.findChild<QWidget*>(QStringLiteral("cancelScanButton"));
        QVERIFY(cancel);
        QMetaObject::invokeMethod(cancel, "click");
        QVERIFY(!window.isScanning());
        QCoreApplication::processEvents(); // a queued result of the cancelled job must be dropped
        QCOMPARE(window.recordingModel()->rowCount(), 0);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"

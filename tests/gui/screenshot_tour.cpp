// Drives the real window through unlock, library, search, inspector and sync
// on an existing cache, and has ImageMagick's `import -window root` capture
// the (Xvfb) screen after each step. Run by take_screenshots.sh; not a test.
#include "app/MainWindow.h"
#include "app/Theme.h"
#include "app/Translations.h"
#include "app/UnlockPage.h"
#include "inspector/InspectorView.h"
#include "library/LibraryView.h"
#include "library/SearchResultsModel.h"
#include "sync/SyncPanel.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>
#include <cstdio>

using namespace holdfast::desktop;

namespace {

bool capture(const QString& path)
{
    QTest::qWait(600); // let the frame settle
    const int rc = QProcess::execute(QStringLiteral("import"),
                                     {QStringLiteral("-window"), QStringLiteral("root"), path});
    std::fprintf(stderr, "%s %s\n", rc == 0 ? "captured" : "FAILED", qPrintable(path));
    return rc == 0;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("holdfast-screenshots"));
    QApplication::setApplicationName(QStringLiteral("holdfast"));
    QApplication::setApplicationDisplayName(QStringLiteral("Holdfast"));
    Translations translations;
    translations.install();
    Theme::apply(Theme::Kind::Light);

    QCommandLineParser parser;
    const QCommandLineOption cacheOption(QStringLiteral("cache"), QStringLiteral("Cache."),
                                         QStringLiteral("DIR"));
    const QCommandLineOption passphraseOption(QStringLiteral("passphrase-file"),
                                              QStringLiteral("Passphrase file."), QStringLiteral("FILE"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Output directory."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption searchOption(QStringLiteral("search"), QStringLiteral("Search text."),
                                          QStringLiteral("TEXT"));
    const QCommandLineOption suffixOption(QStringLiteral("suffix"),
                                          QStringLiteral("File name suffix (en, de)."),
                                          QStringLiteral("SUFFIX"), QStringLiteral("en"));
    parser.addHelpOption();
    parser.addOptions({cacheOption, passphraseOption, outOption, searchOption, suffixOption});
    parser.process(app);
    QFile passphraseFile(parser.value(passphraseOption));
    if (!passphraseFile.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read the passphrase file\n");
        return 1;
    }
    const QString passphrase = QString::fromUtf8(passphraseFile.readLine()).trimmed();
    const QDir out(parser.value(outOption));
    const QString suffix = parser.value(suffixOption);
    const auto file = [&](const char* name) {
        return out.filePath(QStringLiteral("%1-%2.png").arg(QLatin1String(name), suffix));
    };

    MainWindow window(StartupOptions{parser.value(cacheOption), false, {}, 0});
    window.move(0, 0);
    window.resize(1280, 800);
    window.show();
    bool ok = capture(file("unlock"));

    QSignalSpy unlocked(&window, &MainWindow::unlocked);
    window.unlockPage()->findChild<QLineEdit*>(QStringLiteral("passphraseEdit"))->setText(passphrase);
    window.unlockPage()->findChild<QAbstractButton*>(QStringLiteral("unlockButton"))->click();
    if (!unlocked.wait(30000)) {
        std::fprintf(stderr, "unlock failed: %s\n", qPrintable(window.unlockPage()->errorText()));
        return 1;
    }
    LibraryView* library = window.library();
    library->table()->selectRow(0);
    ok = capture(file("library")) && ok;

    QSignalSpy loaded(library->inspector(), &InspectorView::loaded);
    window.findChild<QAction*>(QStringLiteral("inspectAction"))->trigger();
    loaded.wait(20000);
    ok = capture(file("inspector")) && ok;

    library->searchEdit()->setText(parser.value(searchOption));
    library->runSearch();
    library->searchTable()->setFocus();
    ok = capture(file("search")) && ok;

    window.findChild<QAction*>(QStringLiteral("showSyncAction"))->trigger();
    SyncPanel* panel = window.syncPanel();
    if (panel->accountList()->topLevelItemCount() > 0) {
        QSignalSpy finished(panel, &SyncPanel::syncFinished);
        panel->syncSelected();
        finished.wait(300000);
    }
    ok = capture(file("sync")) && ok;
    return ok ? 0 : 1;
}

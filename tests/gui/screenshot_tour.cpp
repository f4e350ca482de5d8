// Drives the real window through unlock, library, inspector, search, the
// player (opened from a search hit) and sync on an existing cache, and has
// ImageMagick's `import -window root` capture the (Xvfb) screen after each
// step. The UI language comes from the environment ($LANGUAGE), as in the
// app; the tour refuses to name pictures after a language the window does
// not speak. Run by take_screenshots.sh; not a test.
#include "app/MainWindow.h"
#include "app/Theme.h"
#include "app/Translations.h"
#include "app/UnlockPage.h"
#include "inspector/InspectorView.h"
#include "library/LibraryView.h"
#include "library/SearchResultsModel.h"
#include "player/PlayerView.h"
#include "player/TimelineWidget.h"
#include "sync/SyncPanel.h"
#include "workspace/Workspace.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMenuBar>
#include <QProcess>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>
#include <algorithm>
#include <cstdio>

using namespace holdfast::desktop;
using holdfast::Workspace;
namespace cache = holdfast::cache;
namespace model = holdfast::model;

namespace {

bool capture(const QString& path)
{
    QTest::qWait(600); // let the frame settle
    const int rc = QProcess::execute(QStringLiteral("import"),
                                     {QStringLiteral("-window"), QStringLiteral("root"), path});
    std::fprintf(stderr, "%s %s\n", rc == 0 ? "captured" : "FAILED", qPrintable(path));
    return rc == 0;
}

// The hit at which the most picture tracks (participant video and screen
// share) are running, so the player picture shows every kind of track.
int richestHit(Workspace& workspace, const SearchResultsModel& hits)
{
    int best = -1;
    qsizetype bestPictures = -1;
    for (int row = 0; row < hits.rowCount(); ++row) {
        const cache::SearchHit& hit = hits.hit(row);
        const auto detail = workspace.recording(hit.recordingId);
        if (!detail || detail->verificationState != cache::VerificationState::Verified || hit.start_ms < 0)
            continue;
        const auto& tracks = detail->manifest.tracks;
        const qsizetype pictures = std::count_if(tracks.cbegin(), tracks.cend(), [&](const model::Track& t) {
            return (t.kind == model::TrackKind::Video || t.kind == model::TrackKind::Screen) &&
                   t.offset_ms <= hit.start_ms && hit.start_ms < t.offset_ms + t.duration_ms;
        });
        if (pictures > bestPictures) {
            best = row;
            bestPictures = pictures;
        }
    }
    return best;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("holdfast-screenshots"));
    QApplication::setApplicationName(QStringLiteral("holdfast"));
    QApplication::setApplicationDisplayName(QStringLiteral("Holdfast"));
    Translations translations;
    const QString language = translations.install();
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
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QStringLiteral("The language the window must be in (en, de, ru); names the files."),
        QStringLiteral("LANG"), QStringLiteral("en"));
    parser.addHelpOption();
    parser.addOptions({cacheOption, passphraseOption, outOption, searchOption, languageOption});
    parser.process(app);
    QFile passphraseFile(parser.value(passphraseOption));
    if (!passphraseFile.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read the passphrase file\n");
        return 1;
    }
    const QString passphrase = QString::fromUtf8(passphraseFile.readLine()).trimmed();
    const QDir out(parser.value(outOption));
    const QString expectedLanguage = parser.value(languageOption);
    if (language != expectedLanguage) {
        std::fprintf(stderr, "the UI language is %s, not %s (set LANGUAGE)\n", qPrintable(language),
                     qPrintable(expectedLanguage));
        return 1;
    }
    const auto file = [&](const char* name) {
        return out.filePath(QStringLiteral("%1-%2.png").arg(QLatin1String(name), language));
    };

    MainWindow window(StartupOptions{parser.value(cacheOption), false, {}, 0});
    // The translation is really loaded: the first menu is not the English source text.
    const QString fileMenu = window.menuBar()->actions().value(0)->text();
    if ((language == QLatin1String("en")) != (fileMenu == QLatin1String("&File"))) {
        std::fprintf(stderr, "the window is not in %s: its first menu is \"%s\"\n", qPrintable(language),
                     qPrintable(fileMenu));
        return 1;
    }
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

    // Enter on a hit opens the player at its segment, as for a reviewer.
    SearchResultsModel* hits = library->searchModel();
    const int row = richestHit(*window.workspace(), *hits);
    if (row < 0) {
        std::fprintf(stderr, "no search hit to open in the player\n");
        return 1;
    }
    const QString recordingId = hits->hit(row).recordingId;
    library->searchTable()->setCurrentIndex(hits->index(row, SearchResultsModel::SnippetColumn));
    QTest::keyClick(library->searchTable(), Qt::Key_Return);
    PlayerView* player = window.playerFor(recordingId);
    if (!player ||
        !QTest::qWaitFor([&] { return player->isSettled() && player->timeline()->hasWaveform(); }, 60000)) {
        std::fprintf(stderr, "the player did not open %s\n", qPrintable(recordingId));
        return 1;
    }
    player->setPlaybackRate(1.5); // the speed box shows a decimal in the locale's format
    player->play();
    QTest::qWait(3000);
    ok = capture(file("player")) && ok;
    player->pause();

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

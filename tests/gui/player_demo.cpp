// Opens the review player on a recording of an existing cache, for
// screenshots and manual checks. Not part of the application (desktop/main.cpp
// owns that) and not run by CTest.
//
//   holdfast_player_demo CACHE_DIR RECORDING_ID [START_MS] [--play] [--grab OUT.png]
//
// The passphrase is read from HOLDFAST_PASSPHRASE. --grab waits until the
// waveform is in, renders the window with QWidget::grab() and exits. The UI
// language follows $LANGUAGE as in the app (the README's pictures come from
// tests/gui/screenshot_tour.cpp, which shows the player inside the window).
#include "app/Translations.h"
#include "player/PlayerView.h"
#include "workspace/Workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    holdfast::desktop::Translations translations;
    translations.install();
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("cache"), QStringLiteral("cache directory"));
    parser.addPositionalArgument(QStringLiteral("recording"), QStringLiteral("recording id"));
    parser.addPositionalArgument(QStringLiteral("start"), QStringLiteral("start position in ms"),
                                 QStringLiteral("[start]"));
    const QCommandLineOption play(QStringLiteral("play"), QStringLiteral("start playing"));
    const QCommandLineOption grab(QStringLiteral("grab"), QStringLiteral("save a screenshot and quit"),
                                  QStringLiteral("png"));
    const QCommandLineOption after(QStringLiteral("after"), QStringLiteral("ms to wait before --grab"),
                                   QStringLiteral("ms"), QStringLiteral("3000"));
    parser.addOptions({play, grab, after});
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.size() < 2)
        parser.showHelp(2);
    auto workspace = holdfast::Workspace::open(
        args[0], qEnvironmentVariable("HOLDFAST_PASSPHRASE"),
        holdfast::WorkspaceIdentity{qEnvironmentVariable("USER", QStringLiteral("reviewer")),
                                    holdfast::compliance::Role::Officer, false});
    if (!workspace) {
        std::fprintf(stderr, "%s\n", qPrintable(workspace.errorMessage()));
        return 1;
    }
    holdfast::desktop::PlayerView view(**workspace, args[1], args.size() > 2 ? args[2].toLongLong() : 0);
    view.setWindowTitle(QStringLiteral("Holdfast — player"));
    view.resize(1400, 860);
    view.show();
    if (parser.isSet(play))
        view.play();
    if (parser.isSet(grab)) {
        QTimer::singleShot(parser.value(after).toInt(), &view, [&] {
            if (!view.grab().save(parser.value(grab)))
                std::fprintf(stderr, "cannot write %s\n", qPrintable(parser.value(grab)));
            app.quit();
        });
    }
    return app.exec();
}

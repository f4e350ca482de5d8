#include "app/MainWindow.h"
#include "app/Theme.h"
#include "app/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QRegularExpression>
#include <cstdio>

namespace {
int usageError(const QString& message)
{
    std::fprintf(stderr, "holdfast: %s\n", qPrintable(message));
    return 2;
}
} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("holdfast"));
    QApplication::setApplicationDisplayName(QStringLiteral("Holdfast"));
    QApplication::setOrganizationName(QStringLiteral("holdfast"));
    QApplication::setApplicationVersion(QStringLiteral(HOLDFAST_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.holdfast.Holdfast"));
    holdfast::desktop::Translations translations; // after the names above: it reads QSettings
    translations.install();
    holdfast::desktop::Theme::apply(holdfast::desktop::Theme::configured());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Compliance review workstation for recorded calls."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption cacheOption(
        QStringLiteral("cache"),
        QApplication::translate("main",
                                "Open (or create) the encrypted cache in <dir> instead of the last one."),
        QStringLiteral("dir"));
    const QCommandLineOption readOnlyOption(
        QStringLiteral("read-only"),
        QApplication::translate("main", "Auditor mode: open the cache read-only; nothing can be changed."));
    const QCommandLineOption openOption(
        QStringLiteral("open"),
        QApplication::translate("main", "After unlocking, open the recording with this id in the player."),
        QStringLiteral("recording-id"));
    const QCommandLineOption atOption(
        QStringLiteral("at"), QApplication::translate("main", "With --open: start playing at this time."),
        QStringLiteral("seconds"));
    parser.addOptions({cacheOption, readOnlyOption, openOption, atOption});
    parser.process(app);

    holdfast::desktop::StartupOptions options;
    if (parser.isSet(cacheOption))
        options.cacheDirectory = QDir(parser.value(cacheOption)).absolutePath();
    options.readOnly = parser.isSet(readOnlyOption);
    if (parser.isSet(atOption) && !parser.isSet(openOption))
        return usageError(QApplication::translate("main", "--at needs --open"));
    if (parser.isSet(openOption)) {
        options.openRecordingId = parser.value(openOption).trimmed();
        static const QRegularExpression uuid(QStringLiteral("^\\{?[0-9a-fA-F-]{36}\\}?$"));
        if (!uuid.match(options.openRecordingId).hasMatch())
            return usageError(QApplication::translate("main", "--open: \"%1\" is not a recording id")
                                  .arg(options.openRecordingId));
        options.openRecordingId.remove(QLatin1Char('{')).remove(QLatin1Char('}'));
        options.openRecordingId = options.openRecordingId.toLower();
    }
    if (parser.isSet(atOption)) {
        bool ok = false;
        const double seconds = parser.value(atOption).toDouble(&ok);
        if (!ok || seconds < 0)
            return usageError(QApplication::translate("main", "--at: \"%1\" is not a number of seconds")
                                  .arg(parser.value(atOption)));
        options.openAt_ms = qint64(seconds * 1000.0);
    }

    holdfast::desktop::MainWindow window(options);
    window.show();
    return app.exec();
}

// holdfast-cli: the command-line front end of holdfast_core.

#include "CommandRegistry.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <memory>

using namespace holdfast::cli;

int main(int argc, char** argv)
{
    const CommandRegistry registry = CommandRegistry::standard();
    Command* const command = argc > 1 ? registry.find(QString::fromLocal8Bit(argv[1])) : nullptr;

    // QPainter needs a QGuiApplication; headless use must not need a display.
    std::unique_ptr<QCoreApplication> app;
    if (command && command->needsGuiApplication()) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("holdfast-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOLDFAST_VERSION));

    const QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty()) {
        printErr(registry.usage());
        return ExitUsage;
    }
    const QString first = arguments.constFirst();
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        printOut(QStringLiteral("holdfast-cli %1\n").arg(QStringLiteral(HOLDFAST_VERSION)));
        return ExitSuccess;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        if (arguments.size() > 1 && first == QLatin1String("help")) {
            if (Command* const target = registry.find(arguments.at(1)))
                return target->run({QStringLiteral("--help")});
        }
        printOut(registry.usage());
        return ExitSuccess;
    }
    if (!command) {
        printErr(
            first.startsWith(QLatin1Char('-'))
                ? QStringLiteral("holdfast-cli: unknown option %1 (see holdfast-cli --help)\n").arg(first)
                : QStringLiteral("holdfast-cli: unknown command \"%1\" (see holdfast-cli --help)\n")
                      .arg(first));
        return ExitUsage;
    }
    return command->run(arguments.mid(1));
}

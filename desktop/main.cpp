#include "app/MainWindow.h"
#include "app/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QSettings>

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

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Compliance review workstation for recorded calls."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption vaultOption(QStringLiteral("vault"),
                                         QApplication::translate("main", "Open the folder vault in <dir>."),
                                         QStringLiteral("dir"));
    parser.addOption(vaultOption);
    parser.process(app);

    holdfast::desktop::MainWindow window;
    window.show();
    const QString vault = parser.isSet(vaultOption)
                              ? parser.value(vaultOption)
                              : QSettings().value(QStringLiteral("library/lastVault")).toString();
    if (!vault.isEmpty() && QDir(vault).exists())
        window.openVault(vault);
    return app.exec();
}

#include "Command.h"

#include <QJsonDocument>
#include <cstdio>

namespace holdfast::cli {

std::optional<int> Command::parse(QCommandLineParser& parser, const QStringList& arguments) const
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    const QString program = QStringLiteral("holdfast-cli ") + name();
    if (!parser.parse(QStringList{program} + arguments))
        return usageError(parser.errorText() + QStringLiteral(" (see holdfast-cli ") + name() +
                          QStringLiteral(" --help)"));
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // helpText() names the binary from QCoreApplication::arguments(); name the command instead.
        const qsizetype usageEnd = text.indexOf(QLatin1String(" [options]"));
        if (text.startsWith(QLatin1String("Usage: ")) && usageEnd > 0)
            text.replace(7, usageEnd - 7, program);
        printOut(text);
        return ExitSuccess;
    }
    return std::nullopt;
}

int Command::fail(int code, const QString& message) const
{
    printErr(QStringLiteral("holdfast-cli %1: %2\n").arg(name(), message));
    return code;
}

void printOut(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), stderr);
    std::fflush(stderr);
}

void printJson(const QJsonObject& object)
{
    printOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
}

} // namespace holdfast::cli

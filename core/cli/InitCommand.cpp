#include "InitCommand.h"

#include "PassphraseSource.h"

#include <QCommandLineParser>
#include <QDir>

namespace holdfast::cli {

int InitCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Create a new encrypted cache in an empty or missing directory: a key file "
                       "(holdfast.key, the master key wrapped under the passphrase with Argon2id), the "
                       "SQLCipher database and the blob directory. On a terminal the passphrase is asked "
                       "twice. ") +
        passphraseHelp());
    addCacheOptions(parser);
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Machine-readable output on stdout."));
    parser.addOption(jsonOption);
    if (const auto done = parse(parser, arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));
    CacheInvocation invocation;
    if (const auto bad = readCacheOptions(parser, &invocation))
        return *bad;

    const PassphraseSource source(invocation.passphraseFile, QStringLiteral("--passphrase-file"),
                                  QStringLiteral("HOLDFAST_PASSPHRASE"));
    QString passphrase;
    PassphraseSource::Error error;
    if (!source.read(QStringLiteral("New passphrase for %1: ").arg(invocation.cacheDirectory), true,
                     &passphrase, &error))
        return fail(error.failure == PassphraseSource::Failure::Usage ? ExitUsage : ExitFailure,
                    error.message);
    auto workspace = Workspace::create(invocation.cacheDirectory, passphrase, invocation.identity);
    passphrase.fill(QLatin1Char('\0'));
    if (!workspace)
        return failure(workspace.errorMessage());

    const QString directory = (*workspace)->cacheDirectory();
    if (parser.isSet(jsonOption))
        printJson(QJsonObject{{QStringLiteral("cache"), directory},
                              {QStringLiteral("role"), compliance::roleName(invocation.identity.role)},
                              {QStringLiteral("actor"), invocation.identity.actor}});
    else
        printOut(QStringLiteral("Created cache %1\n").arg(directory));
    return ExitSuccess;
}

} // namespace holdfast::cli

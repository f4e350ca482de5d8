#include "PasswdCommand.h"

#include "PassphraseSource.h"

#include <QCommandLineParser>

namespace holdfast::cli {

int PasswdCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Change the passphrase of a cache. Only the key file is rewritten (the master key "
                       "is re-wrapped under the new passphrase), so this is instant whatever the cache "
                       "size, and the change is recorded in the audit log. ") +
        passphraseHelp() +
        QStringLiteral(
            " The new passphrase comes from --new-passphrase-file FILE, else HOLDFAST_NEW_PASSPHRASE "
            "(automation only), else a terminal prompt asked twice."));
    addCacheOptions(parser);
    const QCommandLineOption newFileOption(
        QStringLiteral("new-passphrase-file"),
        QStringLiteral("Read the new passphrase from the first line of FILE."), QStringLiteral("FILE"));
    parser.addOption(newFileOption);
    if (const auto done = parse(parser, arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));
    CacheInvocation invocation;
    if (const auto bad = readCacheOptions(parser, &invocation))
        return *bad;

    // Both passphrases are read before anything is unlocked, so that a missing
    // source is a usage error however the old passphrase was given.
    const PassphraseSource oldSource(invocation.passphraseFile, QStringLiteral("--passphrase-file"),
                                     QStringLiteral("HOLDFAST_PASSPHRASE"));
    const PassphraseSource newSource(parser.value(newFileOption), QStringLiteral("--new-passphrase-file"),
                                     QStringLiteral("HOLDFAST_NEW_PASSPHRASE"));
    QString oldPassphrase;
    QString newPassphrase;
    PassphraseSource::Error error;
    const auto code = [](const PassphraseSource::Error& e) {
        return e.failure == PassphraseSource::Failure::Usage ? ExitUsage : ExitFailure;
    };
    if (!oldSource.read(QStringLiteral("Current passphrase for %1: ").arg(invocation.cacheDirectory), false,
                        &oldPassphrase, &error))
        return fail(code(error), error.message);
    if (!newSource.read(QStringLiteral("New passphrase: "), true, &newPassphrase, &error))
        return fail(code(error), error.message);

    auto workspace = Workspace::open(invocation.cacheDirectory, oldPassphrase, invocation.identity);
    if (!workspace)
        return failure(workspace.errorMessage());
    const Status changed = (*workspace)->changePassphrase(oldPassphrase, newPassphrase);
    oldPassphrase.fill(QLatin1Char('\0'));
    newPassphrase.fill(QLatin1Char('\0'));
    if (!changed)
        return failure(changed.errorMessage());
    printOut(QStringLiteral("Passphrase changed for %1\n").arg((*workspace)->cacheDirectory()));
    return ExitSuccess;
}

} // namespace holdfast::cli

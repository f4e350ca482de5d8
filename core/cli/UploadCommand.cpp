#include "UploadCommand.h"

#include "vault/FolderVaultUploader.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>
#include <atomic>
#include <csignal>
#include <unistd.h>

namespace holdfast::cli {

namespace {

std::atomic_bool s_cancelled{false};

extern "C" void onUploadTerminationSignal(int)
{
    s_cancelled.store(true);
}

} // namespace

int UploadCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral(
            "Upload a folder vault (keys/ and recordings/, e.g. one made by demo-vault) to a vault, "
            "the way capture nodes publish packages: each blob is created only if it does not "
            "exist yet (If-None-Match: *), a package's manifest and signature last. Blobs already "
            "there with the same bytes are skipped; one with different bytes stops the upload "
            "with an error naming it, since vault originals are never overwritten.\n"
            "Exit status 0 on success, 1 on any error, 2 on a usage error.\n") +
        VaultOptions::help());
    m_vaultOptions.addTo(parser);
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("A JSON summary on stdout."));
    parser.addOption(jsonOption);
    parser.addPositionalArgument(QStringLiteral("folder"), QStringLiteral("The folder vault to upload."));
    if (const auto done = parse(parser, arguments))
        return *done;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("give exactly one folder vault to upload"));

    QString vaultError;
    bool usage = false;
    auto opened = m_vaultOptions.open(parser, &vaultError, &usage);
    if (!opened)
        return usage ? usageError(vaultError) : failure(vaultError);

    std::signal(SIGINT, onUploadTerminationSignal);
    std::signal(SIGTERM, onUploadTerminationSignal);
    const bool tty = ::isatty(STDERR_FILENO) == 1 && !parser.isSet(jsonOption);
    auto report = vault::uploadFolderVault(
        parser.positionalArguments().constFirst(), *opened->vault,
        [&](int done, int total, const QString& name) {
            if (tty)
                printErr(QStringLiteral("\r\033[K[%1/%2] %3").arg(done).arg(total).arg(name));
        },
        &s_cancelled);
    if (tty)
        printErr(QStringLiteral("\r\033[K"));
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (!report)
        return failure(report.errorMessage());
    if (parser.isSet(jsonOption))
        printOut(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("vault"), opened->url},
                                                             {QStringLiteral("uploaded"), report->uploaded},
                                                             {QStringLiteral("identical"), report->identical},
                                                             {QStringLiteral("bytes"), report->bytes}})
                                       .toJson(QJsonDocument::Compact)) +
                 QLatin1Char('\n'));
    else
        printOut(QStringLiteral("%1 blobs uploaded (%2 bytes), %3 already there\n")
                     .arg(report->uploaded)
                     .arg(report->bytes)
                     .arg(report->identical));
    return ExitSuccess;
}

} // namespace holdfast::cli

#include "ImportCommand.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <atomic>
#include <csignal>
#include <unistd.h>

namespace holdfast::cli {

namespace {

// Set from the SIGINT/SIGTERM handler; a signal handler can only reach static storage.
std::atomic_bool s_cancelled{false};

extern "C" void onImportTerminationSignal(int)
{
    s_cancelled.store(true);
}

QString outcomeName(ImportedPackage::Outcome outcome)
{
    switch (outcome) {
    case ImportedPackage::Outcome::New:
        return QStringLiteral("new");
    case ImportedPackage::Outcome::Updated:
        return QStringLiteral("updated");
    case ImportedPackage::Outcome::Unchanged:
        return QStringLiteral("unchanged");
    case ImportedPackage::Outcome::Quarantined:
        return QStringLiteral("quarantined");
    case ImportedPackage::Outcome::Failed:
        return QStringLiteral("failed");
    case ImportedPackage::Outcome::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

void printJsonLine(const QJsonObject& object)
{
    printOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
}

} // namespace

int ImportCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral(
            "Import a folder vault into a cache. Each package is verified first (file sizes and "
            "SHA-256, the manifest signature against <vault>/keys), then its files are encrypted into "
            "the blob store and recorded in one transaction: an interrupted import leaves every "
            "package either absent or complete. A package that fails verification is recorded as "
            "quarantined with the reason (never shown as verified, its transcript not indexed).\n"
            "Reports each package as new, updated, unchanged, quarantined or failed. Exit status 0 "
            "when every package was processed, even if some were quarantined (they are listed on "
            "stderr); 1 when the import could not run or a package could not be recorded at all "
            "(failed). A progress line is shown on a terminal; --json prints one JSON object per "
            "package and then a summary object, one per line, on stdout. ") +
        passphraseHelp());
    addCacheOptions(parser);
    const QCommandLineOption vaultOption(QStringLiteral("vault"), QStringLiteral("Folder vault to import."),
                                         QStringLiteral("DIR"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("JSON lines on stdout."));
    parser.addOptions({vaultOption, jsonOption});
    if (const auto done = parse(parser, arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));
    CacheInvocation invocation;
    if (const auto bad = readCacheOptions(parser, &invocation))
        return *bad;
    if (parser.value(vaultOption).isEmpty())
        return usageError(QStringLiteral("--vault is required"));
    if (parser.values(vaultOption).size() > 1)
        return usageError(QStringLiteral("--vault given more than once"));
    const bool json = parser.isSet(jsonOption);

    int exitCode = ExitSuccess;
    const std::unique_ptr<Workspace> workspace = openWorkspace(invocation, &exitCode);
    if (!workspace)
        return exitCode;

    std::signal(SIGINT, onImportTerminationSignal);
    std::signal(SIGTERM, onImportTerminationSignal);
    const bool tty = ::isatty(STDERR_FILENO) == 1;
    bool lineOpen = false;
    const auto progress = [&](const JobProgress& p) {
        if (!tty || json)
            return;
        printErr(QStringLiteral("\r\033[K[%1/%2] %3 %4")
                     .arg(p.done)
                     .arg(p.total)
                     .arg(p.stage, QFileInfo(p.current).fileName()));
        lineOpen = true;
    };
    auto report = workspace->importFolderVault(parser.value(vaultOption), progress, &s_cancelled);
    if (lineOpen)
        printErr(QStringLiteral("\r\033[K"));
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (!report)
        return failure(report.errorMessage());

    using Outcome = ImportedPackage::Outcome;
    for (const ImportedPackage& package : std::as_const(report->packages)) {
        if (json) {
            printJsonLine(QJsonObject{{QStringLiteral("package"), package.packageDirectory},
                                      {QStringLiteral("id"), package.recordingId},
                                      {QStringLiteral("outcome"), outcomeName(package.outcome)},
                                      {QStringLiteral("reason"), package.reason}});
        } else {
            printOut(
                QStringLiteral("%1 %2\n")
                    .arg(outcomeName(package.outcome), -11)
                    .arg(package.recordingId.isEmpty() ? package.packageDirectory : package.recordingId));
        }
        if (package.outcome == Outcome::Quarantined || package.outcome == Outcome::Failed)
            printErr(QStringLiteral("holdfast-cli import: %1: %2: %3\n")
                         .arg(outcomeName(package.outcome), package.packageDirectory, package.reason));
    }
    const int failed = report->count(Outcome::Failed);
    if (json) {
        printJsonLine(QJsonObject{{QStringLiteral("summary"), true},
                                  {QStringLiteral("packages"), int(report->packages.size())},
                                  {QStringLiteral("new"), report->count(Outcome::New)},
                                  {QStringLiteral("updated"), report->count(Outcome::Updated)},
                                  {QStringLiteral("unchanged"), report->count(Outcome::Unchanged)},
                                  {QStringLiteral("quarantined"), report->count(Outcome::Quarantined)},
                                  {QStringLiteral("failed"), failed}});
    } else {
        printOut(QStringLiteral("%1 packages: %2 new, %3 updated, %4 unchanged, %5 quarantined, %6 failed\n")
                     .arg(report->packages.size())
                     .arg(report->count(Outcome::New))
                     .arg(report->count(Outcome::Updated))
                     .arg(report->count(Outcome::Unchanged))
                     .arg(report->count(Outcome::Quarantined))
                     .arg(failed));
    }
    return failed > 0 ? ExitFailure : ExitSuccess;
}

} // namespace holdfast::cli

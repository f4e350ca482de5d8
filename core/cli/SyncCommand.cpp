#include "SyncCommand.h"

#include "vault/Vault.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <atomic>
#include <csignal>
#include <optional>
#include <unistd.h>

namespace holdfast::cli {

namespace {

std::atomic_bool s_cancelled{false};

extern "C" void onSyncTerminationSignal(int)
{
    s_cancelled.store(true);
}

void printJsonLine(const QJsonObject& object)
{
    printOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
}

QString formatBytes(double bytes)
{
    static const char* const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    while (bytes >= 1024 && unit < 4) {
        bytes /= 1024;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(bytes, 0, 'f', unit == 0 ? 0 : 1).arg(QLatin1String(units[unit]));
}

// "10M" -> 10 MiB per second; plain numbers are bytes. -1 when malformed.
qint64 parseRate(QString text)
{
    text = text.trimmed();
    qint64 factor = 1;
    if (!text.isEmpty()) {
        const QChar suffix = text.back().toUpper();
        if (suffix == u'K' || suffix == u'M' || suffix == u'G') {
            factor = suffix == u'K' ? 1024 : suffix == u'M' ? 1024 * 1024 : 1024LL * 1024 * 1024;
            text.chop(1);
        }
    }
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || value <= 0)
        return -1;
    return qint64(value * double(factor));
}

QJsonObject progressJson(const sync::SyncProgress& p)
{
    return QJsonObject{{QStringLiteral("progress"), true},
                       {QStringLiteral("stage"), sync::syncStageName(p.stage)},
                       {QStringLiteral("files_done"), p.filesDone},
                       {QStringLiteral("files_total"), p.filesTotal},
                       {QStringLiteral("bytes_done"), p.bytesDone},
                       {QStringLiteral("bytes_total"), p.bytesTotal},
                       {QStringLiteral("bytes_per_second"), qint64(p.bytesPerSecond)},
                       {QStringLiteral("eta_ms"), p.eta_ms},
                       {QStringLiteral("current"), p.current}};
}

} // namespace

int SyncCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral(
            "Sync the recordings a vault holds into a cache. Metadata first: every manifest in scope is "
            "checked against its signature (keys/<node>.pem in the vault) and the listed sizes, and its "
            "transcript is verified and indexed before any media moves. Then media by --media: all (the "
            "default) downloads every track, on-demand fetches a track when it is first played, none "
            "keeps metadata only. Each file is hashed while it streams into the encrypted blob store "
            "and committed only when it matches the signed manifest; a package that fails is "
            "quarantined with the reason. A second sync compares ETags and downloads nothing that did "
            "not change. An interrupted download (network drop, crash, Ctrl+C) continues from its last "
            "verified chunk on the next run. Recordings outside --from/--to, or gone from the vault, "
            "are evicted unless held.\n"
            "Exit status 0 when the sync completed (quarantined packages are listed on stderr); 1 when "
            "the vault could not be read (nothing in the cache changes then), something failed (retried "
            "next time) or the sync was cancelled. A progress line is shown on a terminal; --json "
            "prints progress objects, one object per item and a summary, one per line, on stdout.\n") +
        VaultOptions::help() + QLatin1Char('\n') + passphraseHelp());
    addCacheOptions(parser);
    m_vaultOptions.addTo(parser);
    const QCommandLineOption mediaOption(
        QStringLiteral("media"), QStringLiteral("Media policy: all, on-demand or none (default all)."),
        QStringLiteral("POLICY"), QStringLiteral("all"));
    const QCommandLineOption jobsOption(
        QStringLiteral("jobs"),
        QStringLiteral("Parallel transfers, 1-%1 (default 4).").arg(sync::SyncOptions::kMaxJobs),
        QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption bandwidthOption(
        QStringLiteral("bandwidth"),
        QStringLiteral("Cap on the combined download rate in bytes per second (K, M, G suffixes: 10M)."),
        QStringLiteral("RATE"));
    const QCommandLineOption fromOption(QStringLiteral("from"),
                                        QStringLiteral("Only recordings of this day (UTC) or later."),
                                        QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption toOption(QStringLiteral("to"),
                                      QStringLiteral("Only recordings of this day (UTC) or earlier."),
                                      QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("JSON lines on stdout."));
    const QCommandLineOption accountOption(
        QStringLiteral("account"),
        QStringLiteral("Sync the vault account saved in the cache under NAME (its URL, credentials, CA, "
                       "media policy and scope; options given here override the policy and scope)."),
        QStringLiteral("NAME"));
    const QCommandLineOption saveAccountOption(
        QStringLiteral("save-account"),
        QStringLiteral(
            "Save --vault, its credentials, --ca-file, --media, --from and --to in the cache under "
            "NAME (inside the encrypted database), once the vault answers."),
        QStringLiteral("NAME"));
    parser.addOptions({mediaOption, jobsOption, bandwidthOption, fromOption, toOption, jsonOption,
                       accountOption, saveAccountOption});
    if (const auto done = parse(parser, arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));
    CacheInvocation invocation;
    if (const auto bad = readCacheOptions(parser, &invocation))
        return *bad;

    sync::SyncOptions options;
    const auto media = sync::mediaPolicyFromName(parser.value(mediaOption));
    if (!media)
        return usageError(
            QStringLiteral("--media: \"%1\" is not all, on-demand or none").arg(parser.value(mediaOption)));
    options.media = *media;
    bool ok = false;
    options.jobs = parser.value(jobsOption).toInt(&ok);
    if (!ok || options.jobs < 1 || options.jobs > sync::SyncOptions::kMaxJobs)
        return usageError(QStringLiteral("--jobs: \"%1\" is not a number from 1 to %2")
                              .arg(parser.value(jobsOption))
                              .arg(sync::SyncOptions::kMaxJobs));
    if (parser.isSet(bandwidthOption)) {
        options.bandwidthLimit_Bps = parseRate(parser.value(bandwidthOption));
        if (options.bandwidthLimit_Bps <= 0)
            return usageError(QStringLiteral("--bandwidth: \"%1\" is not a rate such as 500K or 10M")
                                  .arg(parser.value(bandwidthOption)));
    }
    for (const auto& [option, date] :
         {std::pair{&fromOption, &options.scope.from}, std::pair{&toOption, &options.scope.to}}) {
        if (!parser.isSet(*option))
            continue;
        *date = QDate::fromString(parser.value(*option), Qt::ISODate);
        if (!date->isValid())
            return usageError(QStringLiteral("--%1: \"%2\" is not a date (YYYY-MM-DD)")
                                  .arg(option->names().constFirst(), parser.value(*option)));
    }
    if (options.scope.from.isValid() && options.scope.to.isValid() && options.scope.from > options.scope.to)
        return usageError(QStringLiteral("--from is after --to"));
    const bool json = parser.isSet(jsonOption);

    const bool useAccount = parser.isSet(accountOption);
    if (useAccount && (m_vaultOptions.isSet(parser) || parser.isSet(saveAccountOption)))
        return usageError(QStringLiteral("--account cannot be combined with --vault or --save-account"));
    std::optional<VaultOptions::Opened> opened;
    if (!useAccount) {
        QString vaultError;
        bool usage = false;
        opened = m_vaultOptions.open(parser, &vaultError, &usage);
        if (!opened)
            return usage ? usageError(vaultError) : failure(vaultError);
        // Check access before the cache is unlocked: a wrong key, an expired
        // or too narrow SAS, a missing container, an unreachable host or an
        // untrusted certificate then fails without touching the cache.
        if (auto reachable = opened->vault->list(QStringLiteral("keys/"), {}, 1); !reachable)
            return failure(reachable.errorMessage());
    }

    int exitCode = ExitSuccess;
    const std::unique_ptr<Workspace> workspace = openWorkspace(invocation, &exitCode);
    if (!workspace)
        return exitCode;

    if (useAccount) {
        auto accounts = workspace->vaultAccounts();
        if (!accounts)
            return failure(accounts.errorMessage());
        const QString name = parser.value(accountOption);
        const auto account = std::find_if(accounts->cbegin(), accounts->cend(),
                                          [&](const sync::VaultAccount& a) { return a.name == name; });
        if (account == accounts->cend())
            return failure(
                QStringLiteral("no vault account named \"%1\" in %2").arg(name, invocation.cacheDirectory));
        QString vaultError;
        opened = VaultOptions::open(*account, &vaultError);
        if (!opened)
            return failure(vaultError);
        if (!parser.isSet(mediaOption))
            options.media = account->media;
        if (!parser.isSet(fromOption) && !parser.isSet(toOption))
            options.scope = account->scope;
    } else if (parser.isSet(saveAccountOption)) {
        sync::VaultAccount account{parser.value(saveAccountOption),
                                   opened->url,
                                   opened->connectionString,
                                   opened->extraCaFile,
                                   options.media,
                                   options.scope};
        // The desktop's automatic sync of an account saved again stays as it was.
        auto accounts = workspace->vaultAccounts();
        if (!accounts)
            return failure(accounts.errorMessage());
        for (const sync::VaultAccount& existing : std::as_const(*accounts))
            if (existing.name == account.name.trimmed())
                account.autoSyncInterval_min = existing.autoSyncInterval_min;
        if (const Status saved = workspace->saveVaultAccount(account); !saved)
            return failure(saved.errorMessage());
    }

    std::signal(SIGINT, onSyncTerminationSignal);
    std::signal(SIGTERM, onSyncTerminationSignal);
    const bool tty = ::isatty(STDERR_FILENO) == 1;
    bool lineOpen = false;
    QElapsedTimer sinceJsonProgress;
    sinceJsonProgress.start();
    std::optional<sync::SyncStage> lastJsonStage;
    const auto progress = [&](const sync::SyncProgress& p) {
        if (json) {
            // Each stage as it starts, then at most one line a second.
            if (p.stage != lastJsonStage || sinceJsonProgress.elapsed() >= 1000) {
                printJsonLine(progressJson(p));
                sinceJsonProgress.restart();
                lastJsonStage = p.stage;
            }
            return;
        }
        if (!tty)
            return;
        QString line =
            QStringLiteral("[%1] %2/%3").arg(sync::syncStageName(p.stage)).arg(p.filesDone).arg(p.filesTotal);
        if (p.stage == sync::SyncStage::Listing)
            line = QStringLiteral("[listing] %1 names").arg(p.filesDone);
        if (p.bytesTotal > 0)
            line += QStringLiteral(", %1 of %2")
                        .arg(formatBytes(double(p.bytesDone)), formatBytes(double(p.bytesTotal)));
        if (p.bytesPerSecond > 0)
            line += QStringLiteral(", %1/s").arg(formatBytes(p.bytesPerSecond));
        if (p.eta_ms >= 0)
            line += QStringLiteral(", %1 left").arg(formatPosition(p.eta_ms));
        printErr(QStringLiteral("\r\033[K") + line);
        lineOpen = true;
    };
    auto report = workspace->syncVault(*opened->vault, opened->url, options, progress, &s_cancelled);
    if (lineOpen)
        printErr(QStringLiteral("\r\033[K"));
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (!report)
        return failure(report.errorMessage());

    using Outcome = sync::SyncedItem::Outcome;
    for (const sync::SyncedItem& item : std::as_const(report->items)) {
        if (json)
            printJsonLine(QJsonObject{{QStringLiteral("id"), item.recordingId},
                                      {QStringLiteral("path"), item.path},
                                      {QStringLiteral("outcome"), sync::outcomeName(item.outcome)},
                                      {QStringLiteral("reason"), item.reason}});
        else if (item.outcome != Outcome::Unchanged)
            printOut(QStringLiteral("%1 %2\n").arg(sync::outcomeName(item.outcome), -12).arg(item.path));
        if (item.outcome == Outcome::Quarantined || item.outcome == Outcome::Failed ||
            item.outcome == Outcome::KeptHeld)
            printErr(QStringLiteral("holdfast-cli sync: %1: %2\n")
                         .arg(sync::outcomeName(item.outcome), item.reason));
    }
    const int failed = report->count(Outcome::Failed);
    if (json) {
        printJsonLine(QJsonObject{{QStringLiteral("summary"), true},
                                  {QStringLiteral("vault"), report->vaultUrl},
                                  {QStringLiteral("packages"), report->packagesListed},
                                  {QStringLiteral("new"), report->count(Outcome::New)},
                                  {QStringLiteral("updated"), report->count(Outcome::Updated)},
                                  {QStringLiteral("unchanged"), report->count(Outcome::Unchanged)},
                                  {QStringLiteral("quarantined"), report->count(Outcome::Quarantined)},
                                  {QStringLiteral("failed"), failed},
                                  {QStringLiteral("media_stored"), report->count(Outcome::MediaStored)},
                                  {QStringLiteral("media_bytes"), report->mediaBytes},
                                  {QStringLiteral("evicted"), report->count(Outcome::Evicted)},
                                  {QStringLiteral("kept_held"), report->count(Outcome::KeptHeld)},
                                  {QStringLiteral("cancelled"), report->cancelled},
                                  {QStringLiteral("elapsed_ms"), report->elapsed_ms}});
    } else {
        printOut(QStringLiteral("%1 packages: %2 new, %3 updated, %4 unchanged, %5 quarantined, %6 failed; "
                                "%7 media files (%8) stored; %9 evicted\n")
                     .arg(report->packagesListed)
                     .arg(report->count(Outcome::New))
                     .arg(report->count(Outcome::Updated))
                     .arg(report->count(Outcome::Unchanged))
                     .arg(report->count(Outcome::Quarantined))
                     .arg(failed)
                     .arg(report->count(Outcome::MediaStored))
                     .arg(formatBytes(double(report->mediaBytes)))
                     .arg(report->count(Outcome::Evicted)));
    }
    if (report->cancelled) {
        printErr(QStringLiteral(
            "holdfast-cli sync: cancelled; what was committed stays, the next sync continues\n"));
        return ExitFailure;
    }
    return failed > 0 ? ExitFailure : ExitSuccess;
}

} // namespace holdfast::cli

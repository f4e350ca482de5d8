#include "DemoVaultCommand.h"

#include "capture/demo/DemoVaultGenerator.h"

#include <QDir>
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

extern "C" void onTerminationSignal(int)
{
    s_cancelled.store(true);
}

bool looksLikeVault(const QString& dir)
{
    return QFileInfo(dir + QStringLiteral("/keys")).isDir() &&
           QFileInfo(dir + QStringLiteral("/recordings")).isDir();
}

} // namespace

int DemoVaultCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Generate a folder vault of realistic demo calls through the real capture path. "
                       "Same --seed and --calls give the same bytes.\n"
                       "--sync-test adds one more call after the --calls regular ones (use --calls 0 for "
                       "the sync test call alone): 75 s, two participants with audio and camera each, a "
                       "mixed audio track and a screen share, all starting at different offsets. Every "
                       "track marks each whole second of the call: a 50 ms beep (1 kHz, 2 kHz every tenth "
                       "second) on the audio, a white flash and the call time on the video; its transcript "
                       "reads \"mark <second>\" at each beep."));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Vault directory to create."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption callsOption(QStringLiteral("calls"),
                                         QStringLiteral("Number of regular calls (default 12)."),
                                         QStringLiteral("N"), QStringLiteral("12"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."),
                                        QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption replaceOption(QStringLiteral("replace"),
                                           QStringLiteral("Delete an existing vault at DIR first."));
    const QCommandLineOption syncTestOption(
        QStringLiteral("sync-test"),
        QStringLiteral(
            "Also generate the sync test call (beeps and flashes every second), after the others."));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), QStringLiteral("JSON progress lines on stderr and a JSON result on stdout."));
    parser.addOptions({outOption, callsOption, seedOption, replaceOption, syncTestOption, jsonOption});
    if (const auto done = parse(parser, arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));
    if (parser.value(outOption).isEmpty())
        return usageError(QStringLiteral("--out is required"));
    const bool syncTest = parser.isSet(syncTestOption);
    bool ok = false;
    const int calls = parser.value(callsOption).toInt(&ok);
    const int minimumCalls = syncTest ? 0 : 1;
    if (!ok || calls < minimumCalls || calls > 10000)
        return usageError(QStringLiteral("--calls \"%1\": expected a number from %2 to 10000%3")
                              .arg(parser.value(callsOption))
                              .arg(minimumCalls)
                              .arg(syncTest ? QString() : QStringLiteral(" (0 only with --sync-test)")));
    const quint64 seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        return usageError(
            QStringLiteral("--seed \"%1\": expected a non-negative integer").arg(parser.value(seedOption)));
    const bool json = parser.isSet(jsonOption);

    const QString out = QDir::cleanPath(QDir(parser.value(outOption)).absolutePath());
    const QFileInfo outInfo(out);
    if (outInfo.exists() && !outInfo.isDir())
        return failure(QStringLiteral("%1: exists and is not a directory").arg(out));
    const bool nonEmpty = outInfo.isDir() && !QDir(out).isEmpty(QDir::AllEntries | QDir::Hidden |
                                                                QDir::System | QDir::NoDotAndDotDot);
    if (nonEmpty) {
        if (!parser.isSet(replaceOption))
            return failure(
                QStringLiteral("%1: exists and is not empty (use --replace to regenerate a demo vault)")
                    .arg(out));
        // Only ever delete something that is recognisably a vault.
        if (!looksLikeVault(out))
            return failure(
                QStringLiteral(
                    "%1: refusing to replace: it does not look like a vault (no keys/ and recordings/)")
                    .arg(out));
        if (!QDir(out).removeRecursively())
            return failure(QStringLiteral("%1: cannot delete the existing vault").arg(out));
    }

    std::signal(SIGINT, onTerminationSignal);
    std::signal(SIGTERM, onTerminationSignal);
    const bool tty = ::isatty(STDERR_FILENO) == 1;
    bool lineOpen = false;
    const auto progress = [&](const capture::DemoProgress& p) {
        if (json) {
            const QJsonObject line{{QStringLiteral("calls_done"), p.callsDone},
                                   {QStringLiteral("calls_total"), p.callsTotal},
                                   {QStringLiteral("stage"), p.stage}};
            printErr(QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact)) +
                     QLatin1Char('\n'));
        } else if (tty) {
            printErr(QStringLiteral("\r\033[K[%1/%2] %3").arg(p.callsDone).arg(p.callsTotal).arg(p.stage));
            lineOpen = true;
        } else {
            printErr(QStringLiteral("[%1/%2] %3\n").arg(p.callsDone).arg(p.callsTotal).arg(p.stage));
        }
    };

    capture::DemoVaultOptions options;
    options.outDirectory = out;
    options.calls = calls;
    options.seed = seed;
    options.syncTestCall = syncTest;
    const capture::DemoVaultGenerator generator(options);
    auto manifests = generator.generate(progress, &s_cancelled);
    if (lineOpen)
        printErr(QStringLiteral("\n"));
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (!manifests)
        return failure(manifests.errorMessage());

    if (json) {
        QJsonArray ids;
        for (const model::Manifest& manifest : std::as_const(*manifests))
            ids.append(manifest.id.toString(QUuid::WithoutBraces));
        printJson(QJsonObject{{QStringLiteral("vault"), out},
                              {QStringLiteral("seed"), QString::number(seed)},
                              {QStringLiteral("recordings"), ids}});
    } else {
        printOut(
            QStringLiteral("Generated %1 demo calls in %2%3\n")
                .arg(manifests->size())
                .arg(out, syncTest ? QStringLiteral(" (the last one is the sync test call)") : QString()));
    }
    return ExitSuccess;
}

} // namespace holdfast::cli

#include "ListCommand.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace holdfast::cli {

namespace {

QStringList kindNames(const QList<model::TrackKind>& kinds)
{
    QStringList names;
    for (const model::TrackKind kind : kinds)
        names << model::trackKindName(kind);
    return names;
}

} // namespace

int ListCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List every recording in a cache, newest first: id, start (UTC), duration, "
                       "participants, track kinds, verification state (verified or quarantined), hold "
                       "state and tags. Listing is recorded in the audit log (except read-only). ") +
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

    int exitCode = ExitSuccess;
    const std::unique_ptr<Workspace> workspace = openWorkspace(invocation, &exitCode);
    if (!workspace)
        return exitCode;
    const auto recordings = workspace->listRecordings();
    if (!recordings)
        return failure(recordings.errorMessage());

    if (parser.isSet(jsonOption)) {
        QJsonArray array;
        for (const cache::RecordingSummary& r : *recordings)
            array.append(QJsonObject{
                {QStringLiteral("id"), r.id},
                {QStringLiteral("started_at"), model::formatUtcTimestamp(r.startedAt)},
                {QStringLiteral("duration_ms"), r.duration_ms},
                {QStringLiteral("title"), r.title},
                {QStringLiteral("source"), r.source},
                {QStringLiteral("direction"), model::callDirectionName(r.direction)},
                {QStringLiteral("participants"), QJsonArray::fromStringList(r.participants)},
                {QStringLiteral("track_kinds"), QJsonArray::fromStringList(kindNames(r.trackKinds))},
                {QStringLiteral("verification_state"), cache::verificationStateName(r.verificationState)},
                {QStringLiteral("hold_state"), r.holdState},
                {QStringLiteral("tags"), QJsonArray::fromStringList(r.tags)},
            });
        printJson(QJsonObject{{QStringLiteral("cache"), workspace->cacheDirectory()},
                              {QStringLiteral("recordings"), array}});
        return ExitSuccess;
    }
    for (const cache::RecordingSummary& r : *recordings) {
        QString line = QStringLiteral("%1  %2  %3  %4  [%5]  %6")
                           .arg(r.id, formatUtc(r.startedAt), formatPosition(r.duration_ms),
                                cache::verificationStateName(r.verificationState),
                                kindNames(r.trackKinds).join(QLatin1Char(',')),
                                r.participants.join(QStringLiteral(", ")));
        if (r.holdState != QLatin1String(cache::kHoldStateNone))
            line += QStringLiteral("  hold:%1").arg(r.holdState);
        if (!r.tags.isEmpty())
            line += QStringLiteral("  tags:%1").arg(r.tags.join(QLatin1Char(',')));
        printOut(line + QLatin1Char('\n'));
    }
    if (recordings->isEmpty())
        printErr(QStringLiteral("holdfast-cli list: no recordings in %1\n").arg(workspace->cacheDirectory()));
    return ExitSuccess;
}

} // namespace holdfast::cli

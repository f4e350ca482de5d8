#include "SearchCommand.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QTimeZone>
#include <unistd.h>

namespace holdfast::cli {

namespace {

// A date (whole UTC day) or an ISO 8601 date-time. endOfRange: a bare date
// means "up to the end of that day", so --to 2024-03-01 includes that day.
std::optional<qint64> parseDate(const QString& text, bool endOfRange)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid()) {
        const QDate day = endOfRange ? date.addDays(1) : date;
        return QDateTime(day, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeZone(QTimeZone::utc()); // no offset given: UTC, like every time in the cache
    return time.toMSecsSinceEpoch() + (endOfRange ? 1 : 0);
}

// Snippet without markers and the [start, end) offsets of the highlighted runs in it.
QString stripMarkers(const QString& snippet, QJsonArray* highlights)
{
    QString text;
    qsizetype start = -1;
    for (const QChar c : snippet) {
        if (c == QChar(cache::kHighlightStart)) {
            start = text.size();
        } else if (c == QChar(cache::kHighlightEnd)) {
            if (start >= 0 && highlights)
                highlights->append(QJsonObject{{QStringLiteral("start"), qint64(start)},
                                               {QStringLiteral("end"), qint64(text.size())}});
            start = -1;
        } else {
            text += c;
        }
    }
    return text;
}

QString renderSnippet(QString snippet, bool ansi)
{
    snippet.replace(QChar(cache::kHighlightStart), ansi ? QStringLiteral("\033[1m") : QStringLiteral("["));
    snippet.replace(QChar(cache::kHighlightEnd), ansi ? QStringLiteral("\033[0m") : QStringLiteral("]"));
    return snippet;
}

} // namespace

int SearchCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral(
            "Search the transcripts, participants, tags and bookmark notes of a cache. Words are "
            "ANDed; \"quoted phrases\" match consecutive words; a trailing * matches a prefix. Hits "
            "are ranked (BM25) and shown with the recording id, the time of the matching segment "
            "(mm:ss), the speaker and a snippet with the match in bold on a terminal, otherwise in "
            "[brackets]. --json gives the raw snippet (matches between U+0002 and U+0003), the text "
            "without markers and the highlighted ranges as offsets into that text (UTF-16 code "
            "units, end exclusive). Quarantined recordings have no searchable transcript. Searches "
            "are recorded in the audit log (except read-only). ") +
        passphraseHelp());
    addCacheOptions(parser);
    const QCommandLineOption fromOption(QStringLiteral("from"),
                                        QStringLiteral("Calls started on or after DATE (YYYY-MM-DD or ISO "
                                                       "date-time, UTC)."),
                                        QStringLiteral("DATE"));
    const QCommandLineOption toOption(QStringLiteral("to"),
                                      QStringLiteral("Calls started on or before DATE (a bare date includes "
                                                     "that whole day)."),
                                      QStringLiteral("DATE"));
    const QCommandLineOption participantOption(
        QStringLiteral("participant"),
        QStringLiteral("Calls with this participant (id, phone, e-mail or part of a name)."),
        QStringLiteral("P"));
    const QCommandLineOption directionOption(
        QStringLiteral("direction"), QStringLiteral("inbound, outbound or internal."), QStringLiteral("D"));
    const QCommandLineOption minDurationOption(
        QStringLiteral("min-duration"), QStringLiteral("Calls of at least S seconds."), QStringLiteral("S"));
    const QCommandLineOption maxDurationOption(
        QStringLiteral("max-duration"), QStringLiteral("Calls of at most S seconds."), QStringLiteral("S"));
    const QCommandLineOption trackKindOption(
        QStringLiteral("track-kind"),
        QStringLiteral("Calls with a track of kind K (audio, video, screen); repeat to require several."),
        QStringLiteral("K"));
    const QCommandLineOption holdStateOption(QStringLiteral("hold-state"),
                                             QStringLiteral("Calls in hold state H (e.g. none, held)."),
                                             QStringLiteral("H"));
    const QCommandLineOption limitOption(QStringLiteral("limit"),
                                         QStringLiteral("At most N hits (default 20)."), QStringLiteral("N"),
                                         QStringLiteral("20"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Machine-readable output on stdout."));
    parser.addOptions({fromOption, toOption, participantOption, directionOption, minDurationOption,
                       maxDurationOption, trackKindOption, holdStateOption, limitOption, jsonOption});
    parser.addPositionalArgument(QStringLiteral("QUERY"), QStringLiteral("What to search for."));
    if (const auto done = parse(parser, arguments))
        return *done;
    if (parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("QUERY is required"));
    CacheInvocation invocation;
    if (const auto bad = readCacheOptions(parser, &invocation))
        return *bad;

    cache::SearchRequest request;
    request.text = parser.positionalArguments().join(QLatin1Char(' '));
    if (const auto query = cache::toFtsMatchExpression(request.text); !query)
        return usageError(query.errorMessage());
    cache::SearchFilter& filter = request.filter;
    if (parser.isSet(fromOption)) {
        filter.startedFrom_ms = parseDate(parser.value(fromOption), false);
        if (!filter.startedFrom_ms)
            return usageError(QStringLiteral("--from \"%1\": expected YYYY-MM-DD or an ISO 8601 date-time")
                                  .arg(parser.value(fromOption)));
    }
    if (parser.isSet(toOption)) {
        filter.startedBefore_ms = parseDate(parser.value(toOption), true);
        if (!filter.startedBefore_ms)
            return usageError(QStringLiteral("--to \"%1\": expected YYYY-MM-DD or an ISO 8601 date-time")
                                  .arg(parser.value(toOption)));
    }
    filter.participant = parser.value(participantOption);
    if (parser.isSet(directionOption)) {
        filter.direction = model::callDirectionFromName(parser.value(directionOption));
        if (filter.direction == model::CallDirection::Invalid)
            return usageError(QStringLiteral("--direction \"%1\": expected inbound, outbound or internal")
                                  .arg(parser.value(directionOption)));
    }
    for (const auto& [option, target] : {std::pair{&minDurationOption, &filter.minDuration_ms},
                                         std::pair{&maxDurationOption, &filter.maxDuration_ms}}) {
        if (!parser.isSet(*option))
            continue;
        bool ok = false;
        const double seconds = parser.value(*option).toDouble(&ok);
        if (!ok || seconds < 0)
            return usageError(QStringLiteral("--%1 \"%2\": expected a number of seconds")
                                  .arg(option->names().constFirst(), parser.value(*option)));
        *target = qint64(seconds * 1000.0);
    }
    for (const QString& kindName : parser.values(trackKindOption)) {
        const model::TrackKind kind = model::trackKindFromName(kindName);
        if (kind == model::TrackKind::Invalid)
            return usageError(
                QStringLiteral("--track-kind \"%1\": expected audio, video or screen").arg(kindName));
        filter.trackKinds << kind;
    }
    filter.holdState = parser.value(holdStateOption);
    bool ok = false;
    request.limit = parser.value(limitOption).toInt(&ok);
    if (!ok || request.limit < 1 || request.limit > 10000)
        return usageError(QStringLiteral("--limit \"%1\": expected a number from 1 to 10000")
                              .arg(parser.value(limitOption)));

    int exitCode = ExitSuccess;
    const std::unique_ptr<Workspace> workspace = openWorkspace(invocation, &exitCode);
    if (!workspace)
        return exitCode;
    const auto hits = workspace->search(request);
    if (!hits)
        return failure(hits.errorMessage());

    if (parser.isSet(jsonOption)) {
        QJsonArray array;
        for (const cache::SearchHit& hit : *hits) {
            QJsonArray highlights;
            const QString text = stripMarkers(hit.snippet, &highlights);
            QJsonObject object{{QStringLiteral("kind"), cache::searchHitKindName(hit.kind)},
                               {QStringLiteral("recording_id"), hit.recordingId},
                               {QStringLiteral("start_ms"), hit.start_ms},
                               {QStringLiteral("speaker"), hit.speaker},
                               {QStringLiteral("snippet"), hit.snippet},
                               {QStringLiteral("text"), text},
                               {QStringLiteral("highlights"), highlights},
                               {QStringLiteral("rank"), hit.rank}};
            if (hit.start_ms >= 0)
                object.insert(QStringLiteral("time"), formatPosition(hit.start_ms));
            array.append(object);
        }
        printJson(QJsonObject{{QStringLiteral("query"), request.text}, {QStringLiteral("hits"), array}});
        return ExitSuccess;
    }
    const bool ansi = ::isatty(STDOUT_FILENO) == 1;
    for (const cache::SearchHit& hit : *hits) {
        const QString time = hit.start_ms >= 0 ? formatPosition(hit.start_ms) : QStringLiteral("--:--");
        const QString who = hit.speaker.isEmpty() ? cache::searchHitKindName(hit.kind) : hit.speaker;
        printOut(QStringLiteral("%1  %2  %3: %4\n")
                     .arg(hit.recordingId, time, who, renderSnippet(hit.snippet, ansi)));
    }
    if (hits->isEmpty())
        printErr(QStringLiteral("holdfast-cli search: no matches\n"));
    return ExitSuccess;
}

} // namespace holdfast::cli

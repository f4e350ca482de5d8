#include "AuditCommand.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

namespace holdfast::cli {

namespace {

const QString kUsage = QStringLiteral(
    "Usage: holdfast-cli audit verify --cache DIR [options]\n"
    "       holdfast-cli audit list --cache DIR [--json] [--limit N] [--action A] [--actor X]\n"
    "       holdfast-cli audit <verify|list> --help\n\n"
    "verify  Walk the hash chain of the audit log; exit 1 naming the first bad event.\n"
    "list    Show audit events, newest first.\n");

} // namespace

int AuditCommand::run(const QStringList& arguments)
{
    const QString sub = arguments.isEmpty() ? QString() : arguments.constFirst();
    if (sub == QLatin1String("verify"))
        return runVerify(arguments.mid(1));
    if (sub == QLatin1String("list"))
        return runList(arguments.mid(1));
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        printOut(kUsage);
        return ExitSuccess;
    }
    printErr(kUsage);
    return usageError(sub.isEmpty()
                          ? QStringLiteral("expected verify or list")
                          : QStringLiteral("unknown sub-command \"%1\": expected verify or list").arg(sub));
}

int AuditCommand::runVerify(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Verify the hash chain of the cache's audit log: every event's hash, its link to "
                       "the previous event and the recorded head. Exit 1 on a broken chain, naming the "
                       "first bad event. ") +
        passphraseHelp());
    addCacheOptions(parser);
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Machine-readable output on stdout."));
    parser.addOption(jsonOption);
    if (const auto done = parse(parser, QStringList{QStringLiteral("verify")} + arguments))
        return *done;
    if (parser.positionalArguments() != QStringList{QStringLiteral("verify")})
        return usageError(
            QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().constLast()));
    CacheInvocation invocation;
    if (const auto bad = readCacheOptions(parser, &invocation))
        return *bad;

    int exitCode = ExitSuccess;
    const std::unique_ptr<Workspace> workspace = openWorkspace(invocation, &exitCode);
    if (!workspace)
        return exitCode;
    const auto verification = workspace->verifyAuditLog();
    if (!verification)
        return failure(verification.errorMessage());
    if (parser.isSet(jsonOption)) {
        printJson(QJsonObject{{QStringLiteral("ok"), verification->ok},
                              {QStringLiteral("events_checked"), verification->eventsChecked},
                              {QStringLiteral("first_bad_seq"), verification->firstBadSeq},
                              {QStringLiteral("problem"), verification->problem},
                              {QStringLiteral("head_hash"), QString::fromLatin1(verification->headHash)}});
    } else if (verification->ok) {
        printOut(QStringLiteral("Audit log OK: %1 events, head %2\n")
                     .arg(verification->eventsChecked)
                     .arg(QString::fromLatin1(verification->headHash)));
    }
    if (!verification->ok)
        return failure(QStringLiteral("audit log broken at event %1: %2")
                           .arg(verification->firstBadSeq)
                           .arg(verification->problem));
    return ExitSuccess;
}

int AuditCommand::runList(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List the events of the cache's audit log, newest first. ") + passphraseHelp());
    addCacheOptions(parser);
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Machine-readable output on stdout."));
    const QCommandLineOption limitOption(QStringLiteral("limit"),
                                         QStringLiteral("At most N events (default 100)."),
                                         QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption actionOption(
        QStringLiteral("action"),
        QStringLiteral("Only this action (e.g. recording.import), or a prefix ending in '.' (e.g. tag.)."),
        QStringLiteral("A"));
    parser.addOptions({jsonOption, limitOption, actionOption});
    // Listing is not audited, so --actor (elsewhere: who is working) filters here.
    if (const auto done = parse(parser, QStringList{QStringLiteral("list")} + arguments))
        return *done;
    if (parser.positionalArguments() != QStringList{QStringLiteral("list")})
        return usageError(
            QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().constLast()));
    CacheInvocation invocation;
    if (const auto bad = readCacheOptions(parser, &invocation))
        return *bad;
    bool ok = false;
    const int limit = parser.value(limitOption).toInt(&ok);
    if (!ok || limit < 1 || limit > 1000000)
        return usageError(QStringLiteral("--limit \"%1\": expected a number from 1 to 1000000")
                              .arg(parser.value(limitOption)));
    audit::AuditFilter filter;
    filter.action = parser.value(actionOption);
    filter.actor = parser.value(m_actorOption);

    int exitCode = ExitSuccess;
    const std::unique_ptr<Workspace> workspace = openWorkspace(invocation, &exitCode);
    if (!workspace)
        return exitCode;
    const auto events = workspace->auditEvents(filter, limit);
    if (!events)
        return failure(events.errorMessage());
    if (parser.isSet(jsonOption)) {
        QJsonArray array;
        for (const audit::AuditEvent& e : *events) {
            QJsonObject object{
                {QStringLiteral("seq"), e.seq},
                {QStringLiteral("time_ms"), e.time_ms},
                {QStringLiteral("time"),
                 model::formatUtcTimestamp(QDateTime::fromMSecsSinceEpoch(e.time_ms, QTimeZone::utc()))},
                {QStringLiteral("actor"), e.actor},
                {QStringLiteral("role"), e.role},
                {QStringLiteral("action"), e.action},
                {QStringLiteral("target"), e.target},
                {QStringLiteral("hash"), QString::fromLatin1(e.hash)},
                {QStringLiteral("prev_hash"), QString::fromLatin1(e.prevHash)}};
            const QJsonDocument details = QJsonDocument::fromJson(e.details.toUtf8());
            object.insert(QStringLiteral("details"),
                          details.isObject() ? QJsonValue(details.object()) : QJsonValue(e.details));
            array.append(object);
        }
        printJson(QJsonObject{{QStringLiteral("events"), array}});
        return ExitSuccess;
    }
    for (const audit::AuditEvent& e : *events)
        printOut(QStringLiteral("%1  %2  %3 (%4)  %5  %6  %7\n")
                     .arg(QString::number(e.seq),
                          formatUtc(QDateTime::fromMSecsSinceEpoch(e.time_ms, QTimeZone::utc())), e.actor,
                          e.role, e.action, e.target, e.details));
    return ExitSuccess;
}

} // namespace holdfast::cli

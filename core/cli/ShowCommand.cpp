#include "ShowCommand.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace holdfast::cli {

int ShowCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Show one recording in full: participants, tracks (and whether their media is in "
                       "the cache), transcript segments, bookmarks, tags and, for a quarantined "
                       "recording, the reason. Viewing is recorded in the audit log (except read-only). ") +
        passphraseHelp());
    addCacheOptions(parser);
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Machine-readable output on stdout."));
    parser.addOption(jsonOption);
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Recording id."));
    if (const auto done = parse(parser, arguments))
        return *done;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("expected exactly one recording ID"));
    CacheInvocation invocation;
    if (const auto bad = readCacheOptions(parser, &invocation))
        return *bad;
    const QString id = parser.positionalArguments().constFirst();

    int exitCode = ExitSuccess;
    const std::unique_ptr<Workspace> workspace = openWorkspace(invocation, &exitCode);
    if (!workspace)
        return exitCode;
    const auto detail = workspace->recording(id);
    if (!detail)
        return failure(detail.errorMessage());
    const auto transcript = workspace->transcript(id);
    if (!transcript)
        return failure(transcript.errorMessage());
    const model::Manifest& m = detail->manifest;
    const QString state = cache::verificationStateName(detail->verificationState);

    if (parser.isSet(jsonOption)) {
        QJsonArray participants;
        for (const model::Participant& p : m.participants)
            participants.append(QJsonObject{{QStringLiteral("id"), p.id},
                                            {QStringLiteral("display_name"), p.displayName},
                                            {QStringLiteral("role"), p.role},
                                            {QStringLiteral("phone"), p.phone},
                                            {QStringLiteral("email"), p.email}});
        QJsonArray tracks;
        for (const model::Track& t : m.tracks)
            tracks.append(QJsonObject{{QStringLiteral("id"), t.id},
                                      {QStringLiteral("kind"), model::trackKindName(t.kind)},
                                      {QStringLiteral("participant"), t.participant},
                                      {QStringLiteral("path"), t.path},
                                      {QStringLiteral("media_type"), t.mediaType},
                                      {QStringLiteral("codec"), t.codec},
                                      {QStringLiteral("offset_ms"), t.offset_ms},
                                      {QStringLiteral("duration_ms"), t.duration_ms},
                                      {QStringLiteral("in_cache"), detail->blobIdsByPath.contains(t.path)}});
        QJsonArray segments;
        for (const model::TranscriptSegment& s : transcript->segments)
            segments.append(QJsonObject{{QStringLiteral("speaker"), s.speaker},
                                        {QStringLiteral("start_ms"), s.start_ms},
                                        {QStringLiteral("end_ms"), s.end_ms},
                                        {QStringLiteral("text"), s.text}});
        QJsonArray bookmarks;
        for (const cache::Bookmark& b : detail->bookmarks)
            bookmarks.append(QJsonObject{{QStringLiteral("id"), b.id},
                                         {QStringLiteral("position_ms"), b.position_ms},
                                         {QStringLiteral("note"), b.note},
                                         {QStringLiteral("author"), b.author},
                                         {QStringLiteral("created_at_ms"), b.createdAt_ms}});
        printJson(QJsonObject{
            {QStringLiteral("id"), id},
            {QStringLiteral("title"), m.title},
            {QStringLiteral("source"), m.source},
            {QStringLiteral("direction"), model::callDirectionName(m.direction)},
            {QStringLiteral("capture_node"), m.captureNode},
            {QStringLiteral("started_at"), model::formatUtcTimestamp(m.startedAt)},
            {QStringLiteral("ended_at"), model::formatUtcTimestamp(m.endedAt)},
            {QStringLiteral("duration_ms"), m.durationMs()},
            {QStringLiteral("verification_state"), state},
            {QStringLiteral("quarantine_reason"), detail->quarantineReason},
            {QStringLiteral("hold_state"), detail->holdState},
            {QStringLiteral("imported_at_ms"), detail->importedAt_ms},
            {QStringLiteral("tags"), QJsonArray::fromStringList(detail->tags)},
            {QStringLiteral("participants"), participants},
            {QStringLiteral("tracks"), tracks},
            {QStringLiteral("transcript"), QJsonObject{{QStringLiteral("language"), transcript->language},
                                                       {QStringLiteral("segments"), segments}}},
            {QStringLiteral("bookmarks"), bookmarks},
        });
        return ExitSuccess;
    }

    QString text;
    text += QStringLiteral("Recording   %1\n").arg(id);
    if (!m.title.isEmpty())
        text += QStringLiteral("Title       %1\n").arg(m.title);
    text += QStringLiteral("Started     %1\nDuration    %2\nSource      %3 (%4)\nCapture     %5\n")
                .arg(formatUtc(m.startedAt), formatPosition(m.durationMs()), m.source,
                     model::callDirectionName(m.direction), m.captureNode);
    text += QStringLiteral("State       %1\n").arg(state);
    if (!detail->quarantineReason.isEmpty())
        text += QStringLiteral("Quarantine  %1\n").arg(detail->quarantineReason);
    text += QStringLiteral("Hold        %1\n").arg(detail->holdState);
    if (!detail->tags.isEmpty())
        text += QStringLiteral("Tags        %1\n").arg(detail->tags.join(QStringLiteral(", ")));
    text += QStringLiteral("\nParticipants\n");
    for (const model::Participant& p : m.participants) {
        QStringList contact;
        for (const QString& part : {p.phone, p.email})
            if (!part.isEmpty())
                contact << part;
        text += QStringLiteral("  %1  %2 (%3)%4\n")
                    .arg(p.id, p.displayName, p.role,
                         contact.isEmpty() ? QString()
                                           : QStringLiteral("  ") + contact.join(QStringLiteral(", ")));
    }
    text += QStringLiteral("\nTracks\n");
    for (const model::Track& t : m.tracks)
        text += QStringLiteral("  %1  %2  %3  %4  +%5  %6  %7\n")
                    .arg(t.id, model::trackKindName(t.kind), t.participant, t.path,
                         formatPosition(t.offset_ms), formatPosition(t.duration_ms),
                         detail->blobIdsByPath.contains(t.path) ? QStringLiteral("in cache")
                                                                : QStringLiteral("not in cache"));
    if (!detail->bookmarks.isEmpty()) {
        text += QStringLiteral("\nBookmarks\n");
        for (const cache::Bookmark& b : detail->bookmarks)
            text += QStringLiteral("  #%1  %2  %3  (%4)\n")
                        .arg(QString::number(b.id), formatPosition(b.position_ms), b.note, b.author);
    }
    text += QStringLiteral("\nTranscript (%1 segments)\n").arg(transcript->segments.size());
    for (const model::TranscriptSegment& s : transcript->segments)
        text += QStringLiteral("  %1  %2: %3\n").arg(formatPosition(s.start_ms), s.speaker, s.text);
    printOut(text);
    return ExitSuccess;
}

} // namespace holdfast::cli

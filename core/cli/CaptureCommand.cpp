#include "CaptureCommand.h"

#include "capture/CaptureNodeKeyStore.h"
#include "capture/PackageBuilder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace holdfast::cli {

namespace {

// Value errors in the command line: reported as usage errors (exit 2).
struct TrackSpec
{
    QString participant;
    QString file;
    qint64 offset_ms = 0;
};

enum class ParticipantPart
{
    Required,
    Optional,
    None,
};

Result<model::Participant> parseParticipant(const QString& spec)
{
    model::Participant participant;
    QSet<QString> seen;
    const QStringList parts = spec.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString& rawPart : parts) {
        const QString part = rawPart.trimmed();
        const qsizetype equals = part.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return makeError(
                QStringLiteral("--participant \"%1\": expected key=value, got \"%2\"").arg(spec, part));
        const QString key = part.left(equals).trimmed();
        const QString value = part.mid(equals + 1).trimmed();
        if (seen.contains(key))
            return makeError(QStringLiteral("--participant \"%1\": %2 given twice").arg(spec, key));
        seen.insert(key);
        if (key == QLatin1String("id"))
            participant.id = value;
        else if (key == QLatin1String("name"))
            participant.displayName = value;
        else if (key == QLatin1String("role"))
            participant.role = value;
        else if (key == QLatin1String("phone"))
            participant.phone = value;
        else if (key == QLatin1String("email"))
            participant.email = value;
        else
            return makeError(
                QStringLiteral(
                    "--participant \"%1\": unknown key \"%2\" (known: id, name, role, phone, email)")
                    .arg(spec, key));
    }
    if (participant.id.isEmpty())
        return makeError(QStringLiteral("--participant \"%1\": id is required (id=p1;name=...)").arg(spec));
    if (participant.displayName.isEmpty())
        participant.displayName = participant.id;
    if (participant.role.isEmpty())
        participant.role = QStringLiteral("participant"); // the manifest requires a role
    return participant;
}

// "[P=]FILE[@OFFSET_MS]". P must be a declared participant; a trailing
// @<digits> is the offset, so file names containing '@' still work.
Result<TrackSpec> parseTrackSpec(const QString& option, const QString& value, ParticipantPart participantPart,
                                 const QSet<QString>& participantIds)
{
    TrackSpec spec;
    QString rest = value;
    if (participantPart != ParticipantPart::None) {
        const qsizetype equals = value.indexOf(QLatin1Char('='));
        const QString prefix = equals > 0 ? value.left(equals) : QString();
        if (participantIds.contains(prefix)) {
            spec.participant = prefix;
            rest = value.mid(equals + 1);
        } else if (participantPart == ParticipantPart::Required) {
            if (equals <= 0)
                return makeError(
                    QStringLiteral("%1 \"%2\": expected PARTICIPANT=FILE[@OFFSET_MS]").arg(option, value));
            return makeError(
                QStringLiteral(
                    "%1 \"%2\": unknown participant \"%3\" (declare it with --participant id=%3;...)")
                    .arg(option, value, prefix));
        }
    }
    static const QRegularExpression offsetPattern(QStringLiteral("@(-?[0-9]+)$"));
    const QRegularExpressionMatch match = offsetPattern.match(rest);
    if (match.hasMatch()) {
        bool ok = false;
        spec.offset_ms = match.captured(1).toLongLong(&ok);
        if (!ok || spec.offset_ms < 0)
            return makeError(QStringLiteral("%1 \"%2\": offset must be a non-negative number of milliseconds")
                                 .arg(option, value));
        rest.chop(match.capturedLength(0));
    }
    if (rest.isEmpty())
        return makeError(QStringLiteral("%1 \"%2\": no file given").arg(option, value));
    spec.file = rest;
    return spec;
}

Result<QDateTime> parseTime(const QString& option, const QString& text)
{
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return makeError(QStringLiteral("%1: \"%2\" is not an ISO 8601 date-time (e.g. 2024-05-01T09:30:00Z)")
                             .arg(option, text));
    // A time without zone would silently depend on the capture machine's time zone.
    if (time.timeSpec() == Qt::LocalTime)
        return makeError(QStringLiteral("%1: \"%2\" has no time zone (add Z or +hh:mm)").arg(option, text));
    return time.toUTC();
}

// Operational: reading and parsing the transcript file (exit 1).
Result<model::Transcript> loadTranscript(const QString& path, const QList<model::Participant>& participants)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("%1: cannot open: %2").arg(path, file.errorString()));
    if (file.size() > model::kMaxJsonBytes)
        return makeError(QStringLiteral("%1: too large (%2 bytes)").arg(path).arg(file.size()));
    const QByteArray data = file.readAll();
    Result<model::Transcript> transcript = makeError(QString());
    if (path.endsWith(QLatin1String(".vtt"), Qt::CaseInsensitive)) {
        // WebVTT voices may use the display name or the participant id.
        QHash<QString, QString> speakerIds;
        for (const model::Participant& participant : participants) {
            speakerIds.insert(participant.displayName, participant.id);
            speakerIds.insert(participant.id, participant.id);
        }
        transcript = model::parseWebVtt(data, speakerIds);
    } else {
        transcript = model::parseTranscriptJson(data);
    }
    if (!transcript)
        return makeError(QStringLiteral("%1: %2").arg(path, transcript.errorMessage()));
    return transcript;
}

QJsonObject manifestSummary(const model::Manifest& manifest, const QString& packageDirectory)
{
    QJsonArray tracks;
    for (const model::Track& track : manifest.tracks) {
        tracks.append(QJsonObject{{QStringLiteral("id"), track.id},
                                  {QStringLiteral("kind"), model::trackKindName(track.kind)},
                                  {QStringLiteral("participant"), track.participant},
                                  {QStringLiteral("path"), track.path},
                                  {QStringLiteral("media_type"), track.mediaType},
                                  {QStringLiteral("codec"), track.codec},
                                  {QStringLiteral("offset_ms"), track.offset_ms},
                                  {QStringLiteral("duration_ms"), track.duration_ms}});
    }
    QJsonArray files;
    for (const model::PackageFile& file : manifest.files) {
        files.append(QJsonObject{{QStringLiteral("path"), file.path},
                                 {QStringLiteral("sha256"), QString::fromLatin1(file.sha256)},
                                 {QStringLiteral("bytes"), file.bytes}});
    }
    return QJsonObject{{QStringLiteral("id"), manifest.id.toString(QUuid::WithoutBraces)},
                       {QStringLiteral("package"), packageDirectory},
                       {QStringLiteral("capture_node"), manifest.captureNode},
                       {QStringLiteral("started_at"), model::formatUtcTimestamp(manifest.startedAt)},
                       {QStringLiteral("ended_at"), model::formatUtcTimestamp(manifest.endedAt)},
                       {QStringLiteral("tracks"), tracks},
                       {QStringLiteral("files"), files}};
}

} // namespace

int CaptureCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Package captured media into a signed recording in a folder vault.\n"
        "Tracks: --audio P=FILE[@OFFSET_MS], --mixed FILE[@OFFSET_MS], --video P=FILE[@OFFSET_MS], "
        "--screen [P=]FILE[@OFFSET_MS]; P is a participant id.\n"
        "Track ids t1, t2, ... are assigned in that option order, then command-line order.\n"
        "The capture node's signing key is kept outside the vault in --key-dir "
        "(default $HOLDFAST_CAPTURE_KEY_DIR or $XDG_DATA_HOME/holdfast/capture-nodes) and created on first "
        "use."));
    const QCommandLineOption vaultOption(QStringLiteral("vault"), QStringLiteral("Folder vault to write to."),
                                         QStringLiteral("DIR"));
    const QCommandLineOption nodeOption(QStringLiteral("node"),
                                        QStringLiteral("Capture node id ([A-Za-z0-9._-]{1,64})."),
                                        QStringLiteral("ID"));
    const QCommandLineOption keyDirOption(QStringLiteral("key-dir"),
                                          QStringLiteral("Directory of capture node signing keys."),
                                          QStringLiteral("DIR"));
    const QCommandLineOption idOption(QStringLiteral("id"),
                                      QStringLiteral("Recording id (default: a random UUID)."),
                                      QStringLiteral("UUID"));
    const QCommandLineOption sourceOption(QStringLiteral("source"),
                                          QStringLiteral("Source system: teams, sip, turret, ..."),
                                          QStringLiteral("S"));
    const QCommandLineOption directionOption(QStringLiteral("direction"),
                                             QStringLiteral("inbound, outbound or internal."),
                                             QStringLiteral("DIRECTION"));
    const QCommandLineOption titleOption(
        QStringLiteral("title"), QStringLiteral("Meeting subject or queue name."), QStringLiteral("T"));
    const QCommandLineOption startedOption(QStringLiteral("started-at"),
                                           QStringLiteral("Call start, ISO 8601 with zone."),
                                           QStringLiteral("ISO8601"));
    const QCommandLineOption endedOption(QStringLiteral("ended-at"),
                                         QStringLiteral("Call end (default: end of the latest track)."),
                                         QStringLiteral("ISO8601"));
    const QCommandLineOption participantOption(
        QStringLiteral("participant"),
        QStringLiteral("Repeatable: \"id=p1;name=Alice Smith;role=agent;phone=+441234;email=a@b.c\"."),
        QStringLiteral("SPEC"));
    const QCommandLineOption audioOption(QStringLiteral("audio"),
                                         QStringLiteral("Repeatable: a participant's audio."),
                                         QStringLiteral("P=FILE[@OFFSET_MS]"));
    const QCommandLineOption mixedOption(QStringLiteral("mixed"),
                                         QStringLiteral("The mixed audio of everyone."),
                                         QStringLiteral("FILE[@OFFSET_MS]"));
    const QCommandLineOption videoOption(QStringLiteral("video"),
                                         QStringLiteral("Repeatable: a participant's video."),
                                         QStringLiteral("P=FILE[@OFFSET_MS]"));
    const QCommandLineOption screenOption(QStringLiteral("screen"),
                                          QStringLiteral("Repeatable: a screen share."),
                                          QStringLiteral("[P=]FILE[@OFFSET_MS]"));
    const QCommandLineOption transcriptOption(QStringLiteral("transcript"),
                                              QStringLiteral("transcript.json or WebVTT (.vtt) file."),
                                              QStringLiteral("FILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Machine-readable output on stdout."));
    parser.addOptions({vaultOption, nodeOption, keyDirOption, idOption, sourceOption, directionOption,
                       titleOption, startedOption, endedOption, participantOption, audioOption, mixedOption,
                       videoOption, screenOption, transcriptOption, jsonOption});
    if (const auto done = parse(parser, arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));

    for (const auto* required :
         {&vaultOption, &nodeOption, &sourceOption, &directionOption, &startedOption}) {
        if (parser.value(*required).isEmpty())
            return usageError(QStringLiteral("--%1 is required").arg(required->names().constFirst()));
    }
    for (const auto* single :
         {&vaultOption, &nodeOption, &keyDirOption, &idOption, &sourceOption, &directionOption, &titleOption,
          &startedOption, &endedOption, &mixedOption, &transcriptOption}) {
        if (parser.values(*single).size() > 1)
            return usageError(QStringLiteral("--%1 given more than once").arg(single->names().constFirst()));
    }

    capture::CaptureRequest request;
    const QString vaultDir = parser.value(vaultOption);
    const QString node = parser.value(nodeOption);
    if (!capture::CaptureNodeKeyStore::isValidNodeId(node))
        return usageError(
            QStringLiteral(
                "--node \"%1\": expected 1-64 characters of A-Z a-z 0-9 . _ - (not starting with .)")
                .arg(node));
    if (parser.isSet(idOption)) {
        request.id = QUuid::fromString(parser.value(idOption));
        if (request.id.isNull())
            return usageError(QStringLiteral("--id \"%1\": not a UUID").arg(parser.value(idOption)));
    }
    request.source = parser.value(sourceOption);
    request.direction = model::callDirectionFromName(parser.value(directionOption));
    if (request.direction == model::CallDirection::Invalid)
        return usageError(QStringLiteral("--direction \"%1\": expected inbound, outbound or internal")
                              .arg(parser.value(directionOption)));
    request.title = parser.value(titleOption);
    auto started = parseTime(QStringLiteral("--started-at"), parser.value(startedOption));
    if (!started)
        return usageError(started.errorMessage());
    request.startedAt = *started;
    if (parser.isSet(endedOption)) {
        auto ended = parseTime(QStringLiteral("--ended-at"), parser.value(endedOption));
        if (!ended)
            return usageError(ended.errorMessage());
        request.endedAt = *ended;
    }

    QSet<QString> participantIds;
    for (const QString& spec : parser.values(participantOption)) {
        auto participant = parseParticipant(spec);
        if (!participant)
            return usageError(participant.errorMessage());
        if (participantIds.contains(participant->id))
            return usageError(QStringLiteral("--participant: id \"%1\" given twice").arg(participant->id));
        participantIds.insert(participant->id);
        request.participants.append(*participant);
    }
    if (request.participants.isEmpty())
        return usageError(QStringLiteral("at least one --participant is required"));

    // Tracks keep command-line order within each kind: audio, mixed, video, screen.
    struct TrackOption
    {
        const QCommandLineOption* option;
        model::TrackKind kind;
        ParticipantPart participantPart;
    };
    for (const TrackOption& trackOption :
         {TrackOption{&audioOption, model::TrackKind::Audio, ParticipantPart::Required},
          TrackOption{&mixedOption, model::TrackKind::Audio, ParticipantPart::None},
          TrackOption{&videoOption, model::TrackKind::Video, ParticipantPart::Required},
          TrackOption{&screenOption, model::TrackKind::Screen, ParticipantPart::Optional}}) {
        const QString optionName = QStringLiteral("--") + trackOption.option->names().constFirst();
        for (const QString& value : parser.values(*trackOption.option)) {
            auto spec = parseTrackSpec(optionName, value, trackOption.participantPart, participantIds);
            if (!spec)
                return usageError(spec.errorMessage());
            capture::CaptureTrackInput track;
            track.sourceFile = spec->file;
            track.kind = trackOption.kind;
            track.participant = spec->participant.isEmpty() ? QString::fromLatin1(model::kMixedParticipant)
                                                            : spec->participant;
            track.offset_ms = spec->offset_ms;
            request.tracks.append(track);
        }
    }
    if (request.tracks.isEmpty())
        return usageError(
            QStringLiteral("at least one track is required (--audio, --mixed, --video or --screen)"));

    if (parser.isSet(transcriptOption)) {
        const QString path = parser.value(transcriptOption);
        if (!path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) &&
            !path.endsWith(QLatin1String(".vtt"), Qt::CaseInsensitive))
            return usageError(QStringLiteral("--transcript \"%1\": expected a .json or .vtt file").arg(path));
        auto transcript = loadTranscript(path, request.participants);
        if (!transcript)
            return failure(transcript.errorMessage());
        request.transcript = std::move(transcript).value();
    }

    const capture::CaptureNodeKeyStore keyStore(parser.value(keyDirOption));
    auto key = keyStore.loadOrCreate(node, vaultDir);
    if (!key)
        return failure(key.errorMessage());
    const capture::PackageBuilder builder(vaultDir, node, *key);
    auto manifest = builder.build(request);
    if (!manifest)
        return failure(manifest.errorMessage());

    const QString packageDir = QDir::cleanPath(QDir(vaultDir).absoluteFilePath(manifest->vaultDirectory()));
    if (parser.isSet(jsonOption))
        printJson(manifestSummary(*manifest, packageDir));
    else
        printOut(QStringLiteral("%1 %2\n").arg(manifest->id.toString(QUuid::WithoutBraces), packageDir));
    return ExitSuccess;
}

} // namespace holdfast::cli

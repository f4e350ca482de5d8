#include "model/Manifest.h"

#include "model/JsonReader.h"
#include "model/JsonWriter.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QTime>
#include <optional>

namespace holdfast::model {

using detail::JsonReader;
using detail::JsonWriter;
using detail::Presence;

namespace {

constexpr QLatin1StringView kFormatBase("holdfast.recording/1");

QString quoted(const QString& value)
{
    return detail::quotedForMessage(value);
}

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isHexDigit(QChar c)
{
    return isAsciiDigit(c) || (c >= QLatin1Char('a') && c <= QLatin1Char('f')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('F'));
}

bool isLowerHexSha256(const QByteArray& hex)
{
    if (hex.size() != 64)
        return false;
    for (const char c : hex) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

// Only the canonical 8-4-4-4-12 form: QUuid::fromString would also take
// braces, which would let two spellings of one id exist.
std::optional<QUuid> parseUuid(const QString& text)
{
    if (text.size() != 36)
        return std::nullopt;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool hyphen = i == 8 || i == 13 || i == 18 || i == 23;
        if (hyphen ? text.at(i) != QLatin1Char('-') : !isHexDigit(text.at(i)))
            return std::nullopt;
    }
    return QUuid::fromString(text);
}

QString durationLimitText()
{
    return QStringLiteral("the limit of 7 days (%1 ms)").arg(kMaxDurationMs);
}

// Content checks shared by the parser and validateManifest. Records the
// first problem in errors, in document order.
void checkText(JsonReader& errors, const QString& path, const QString& value, qsizetype maxChars,
               Presence presence = Presence::Required)
{
    if (presence == Presence::Required && value.isEmpty())
        errors.fail(path, QStringLiteral("must not be empty"));
    else if (value.size() > maxChars)
        errors.fail(
            path, QStringLiteral("%1 characters, more than the limit of %2").arg(value.size()).arg(maxChars));
}

void checkMilliseconds(JsonReader& errors, const QString& path, qint64 value)
{
    if (value < 0)
        errors.fail(path, QStringLiteral("must not be negative, found %1").arg(value));
    else if (value > kMaxDurationMs)
        errors.fail(path, QStringLiteral("%1 is more than %2").arg(value).arg(durationLimitText()));
}

QString safePathProblem(const QString& path)
{
    return QStringLiteral("%1 is not a safe package path (relative, '/'-separated, no empty, '.' or '..' "
                          "components, no backslashes or control characters, at most %2 characters)")
        .arg(quoted(path), QString::number(kMaxPathChars));
}

void validateInto(const Manifest& m, JsonReader& errors)
{
    if (!isSupportedManifestFormat(m.format)) {
        errors.fail(
            QStringLiteral("format"),
            QStringLiteral("unsupported format %1: this version reads %2 (and its 1.x minor versions)")
                .arg(quoted(m.format), kFormatBase));
    }
    if (m.id.isNull())
        errors.fail(QStringLiteral("id"), QStringLiteral("must not be the nil UUID"));
    checkText(errors, QStringLiteral("capture_node"), m.captureNode, kMaxCaptureNodeChars);
    if (!isSafeCaptureNodeId(m.captureNode)) {
        errors.fail(
            QStringLiteral("capture_node"),
            QStringLiteral("%1 is not a valid capture node id (A-Z a-z 0-9 . _ -, not starting with '.')")
                .arg(quoted(m.captureNode)));
    }
    if (!m.startedAt.isValid())
        errors.fail(QStringLiteral("started_at"), QStringLiteral("not set"));
    if (!m.endedAt.isValid())
        errors.fail(QStringLiteral("ended_at"), QStringLiteral("not set"));
    const qint64 callMs = m.durationMs();
    if (callMs < 0) {
        errors.fail(QStringLiteral("ended_at"),
                    QStringLiteral("%1 is before started_at %2")
                        .arg(formatUtcTimestamp(m.endedAt), formatUtcTimestamp(m.startedAt)));
    } else if (callMs > kMaxDurationMs) {
        errors.fail(
            QStringLiteral("ended_at"),
            QStringLiteral("the call lasts %1 ms, more than %2").arg(callMs).arg(durationLimitText()));
    }
    checkText(errors, QStringLiteral("source"), m.source, kMaxFieldChars);
    if (m.direction == CallDirection::Invalid)
        errors.fail(QStringLiteral("direction"), QStringLiteral("not set"));
    checkText(errors, QStringLiteral("title"), m.title, kMaxFieldChars, Presence::Optional);

    const auto checkCount = [&](const char* name, qsizetype count) {
        if (count > kMaxManifestEntries) {
            errors.fail(
                QString::fromLatin1(name),
                QStringLiteral("%1 entries, more than the limit of %2").arg(count).arg(kMaxManifestEntries));
        }
    };

    checkCount("participants", m.participants.size());
    QHash<QString, qsizetype> participantIndex;
    for (qsizetype i = 0; i < m.participants.size() && !errors.failed(); ++i) {
        const Participant& p = m.participants.at(i);
        const QString path = JsonReader::index(QStringLiteral("participants"), i);
        checkText(errors, JsonReader::join(path, "id"), p.id, kMaxFieldChars);
        if (p.id == QLatin1StringView(kMixedParticipant)) {
            errors.fail(JsonReader::join(path, "id"),
                        QStringLiteral("\"mixed\" is reserved for tracks that carry everyone"));
        }
        if (const auto it = participantIndex.constFind(p.id); it != participantIndex.constEnd()) {
            errors.fail(JsonReader::join(path, "id"),
                        QStringLiteral("duplicate id %1 (also participants[%2])")
                            .arg(quoted(p.id), QString::number(it.value())));
        }
        participantIndex.insert(p.id, i);
        checkText(errors, JsonReader::join(path, "display_name"), p.displayName, kMaxFieldChars);
        checkText(errors, JsonReader::join(path, "role"), p.role, kMaxFieldChars);
        checkText(errors, JsonReader::join(path, "phone"), p.phone, kMaxFieldChars, Presence::Optional);
        checkText(errors, JsonReader::join(path, "email"), p.email, kMaxFieldChars, Presence::Optional);
    }

    QSet<QString> listedPaths;
    for (const PackageFile& file : m.files)
        listedPaths.insert(file.path);

    checkCount("tracks", m.tracks.size());
    QHash<QString, qsizetype> trackIndex;
    for (qsizetype i = 0; i < m.tracks.size() && !errors.failed(); ++i) {
        const Track& t = m.tracks.at(i);
        const QString path = JsonReader::index(QStringLiteral("tracks"), i);
        checkText(errors, JsonReader::join(path, "id"), t.id, kMaxFieldChars);
        if (const auto it = trackIndex.constFind(t.id); it != trackIndex.constEnd()) {
            errors.fail(JsonReader::join(path, "id"), QStringLiteral("duplicate id %1 (also tracks[%2])")
                                                          .arg(quoted(t.id), QString::number(it.value())));
        }
        trackIndex.insert(t.id, i);
        if (t.kind == TrackKind::Invalid)
            errors.fail(JsonReader::join(path, "kind"), QStringLiteral("not set"));
        checkText(errors, JsonReader::join(path, "participant"), t.participant, kMaxFieldChars);
        if (t.participant != QLatin1StringView(kMixedParticipant) &&
            !participantIndex.contains(t.participant)) {
            errors.fail(
                JsonReader::join(path, "participant"),
                QStringLiteral("%1 is neither a participant id nor \"mixed\"").arg(quoted(t.participant)));
        }
        if (!isSafePackagePath(t.path))
            errors.fail(JsonReader::join(path, "path"), safePathProblem(t.path));
        else if (!listedPaths.contains(t.path))
            errors.fail(JsonReader::join(path, "path"),
                        QStringLiteral("%1 is not listed in files").arg(quoted(t.path)));
        checkText(errors, JsonReader::join(path, "media_type"), t.mediaType, kMaxFieldChars);
        checkText(errors, JsonReader::join(path, "codec"), t.codec, kMaxFieldChars);
        checkMilliseconds(errors, JsonReader::join(path, "offset_ms"), t.offset_ms);
        checkMilliseconds(errors, JsonReader::join(path, "duration_ms"), t.duration_ms);
        // Both are bounded by kMaxDurationMs here, so the sum cannot overflow.
        if (!errors.failed() && callMs >= 0 && t.offset_ms + t.duration_ms > callMs + kTrackEndSlackMs) {
            errors.fail(
                JsonReader::join(path, "duration_ms"),
                QStringLiteral("the track ends at %1 ms, more than %2 ms after the call's end at %3 ms")
                    .arg(t.offset_ms + t.duration_ms)
                    .arg(kTrackEndSlackMs)
                    .arg(callMs));
        }
    }

    checkCount("files", m.files.size());
    QHash<QString, qsizetype> fileIndex;
    for (qsizetype i = 0; i < m.files.size() && !errors.failed(); ++i) {
        const PackageFile& f = m.files.at(i);
        const QString path = JsonReader::index(QStringLiteral("files"), i);
        if (!isSafePackagePath(f.path)) {
            errors.fail(JsonReader::join(path, "path"), safePathProblem(f.path));
        } else if (f.path == QLatin1StringView(kManifestFileName) ||
                   f.path == QLatin1StringView(kSignatureFileName)) {
            errors.fail(JsonReader::join(path, "path"),
                        QStringLiteral("%1 must not be listed: it is the manifest or its signature")
                            .arg(quoted(f.path)));
        }
        if (const auto it = fileIndex.constFind(f.path); it != fileIndex.constEnd()) {
            errors.fail(JsonReader::join(path, "path"),
                        QStringLiteral("duplicate path %1 (also files[%2])")
                            .arg(quoted(f.path), QString::number(it.value())));
        }
        fileIndex.insert(f.path, i);
        if (!isLowerHexSha256(f.sha256)) {
            errors.fail(JsonReader::join(path, "sha256"),
                        QStringLiteral("expected 64 lower-case hex digits, found %1")
                            .arg(quoted(QString::fromLatin1(f.sha256))));
        }
        if (f.bytes < 0) {
            errors.fail(JsonReader::join(path, "bytes"),
                        QStringLiteral("must not be negative, found %1").arg(f.bytes));
        } else if (f.bytes > kMaxFileBytes) {
            errors.fail(JsonReader::join(path, "bytes"),
                        QStringLiteral("%1 is more than the limit of 1 TiB (%2 bytes)")
                            .arg(f.bytes)
                            .arg(kMaxFileBytes));
        }
    }
}

void readTimestamp(JsonReader& reader, const QJsonObject& object, const char* key, QDateTime& out)
{
    QString text;
    if (!reader.readString(object, {}, key, text))
        return;
    out = parseUtcTimestamp(text);
    if (!out.isValid()) {
        reader.fail(
            QString::fromLatin1(key),
            QStringLiteral("expected a UTC time like 2024-05-01T09:30:00Z or 2024-05-01T09:30:00.250Z, "
                           "found %1")
                .arg(quoted(text)));
    }
}

} // namespace

QString callDirectionName(CallDirection direction)
{
    switch (direction) {
    case CallDirection::Inbound:
        return QStringLiteral("inbound");
    case CallDirection::Outbound:
        return QStringLiteral("outbound");
    case CallDirection::Internal:
        return QStringLiteral("internal");
    case CallDirection::Invalid:
        break;
    }
    return {};
}

CallDirection callDirectionFromName(const QString& name)
{
    if (name == QLatin1StringView("inbound"))
        return CallDirection::Inbound;
    if (name == QLatin1StringView("outbound"))
        return CallDirection::Outbound;
    if (name == QLatin1StringView("internal"))
        return CallDirection::Internal;
    return CallDirection::Invalid;
}

const PackageFile* Manifest::file(const QString& path) const
{
    for (const PackageFile& f : files) {
        if (f.path == path)
            return &f;
    }
    return nullptr;
}

const Participant* Manifest::participant(const QString& participantId) const
{
    for (const Participant& p : participants) {
        if (p.id == participantId)
            return &p;
    }
    return nullptr;
}

const Track* Manifest::track(const QString& trackId) const
{
    for (const Track& t : tracks) {
        if (t.id == trackId)
            return &t;
    }
    return nullptr;
}

QString Manifest::vaultDirectory() const
{
    if (id.isNull() || !startedAt.isValid())
        return {};
    const QDate day = startedAt.toUTC().date();
    const QChar zero(QLatin1Char('0'));
    return QStringLiteral("%1/%2/%3/%4/%5")
        .arg(QLatin1StringView(kVaultRecordingsDirectory))
        .arg(day.year(), 4, 10, zero)
        .arg(day.month(), 2, 10, zero)
        .arg(day.day(), 2, 10, zero)
        .arg(id.toString(QUuid::WithoutBraces));
}

bool isSupportedManifestFormat(const QString& format)
{
    if (!format.startsWith(kFormatBase))
        return false;
    const QStringView rest = QStringView(format).mid(kFormatBase.size());
    if (rest.isEmpty())
        return true;
    if (rest.size() < 2 || rest.front() != QLatin1Char('.'))
        return false;
    for (const QChar c : rest.mid(1)) {
        if (!isAsciiDigit(c))
            return false;
    }
    return true;
}

bool isSafePackagePath(const QString& path)
{
    if (path.isEmpty() || path.size() > kMaxPathChars)
        return false;
    for (const QChar c : path) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c == QLatin1Char('\\'))
            return false;
    }
    for (const QStringView component : QStringView(path).split(QLatin1Char('/'))) {
        if (component.isEmpty() || component == QLatin1StringView(".") ||
            component == QLatin1StringView(".."))
            return false;
    }
    return true;
}

bool isSafeCaptureNodeId(const QString& id)
{
    if (id.isEmpty() || id.size() > kMaxCaptureNodeChars || id.front() == QLatin1Char('.'))
        return false;
    for (const QChar c : id) {
        const bool ok = isAsciiDigit(c) || (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                        (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || c == QLatin1Char('.') ||
                        c == QLatin1Char('_') || c == QLatin1Char('-');
        if (!ok)
            return false;
    }
    return true;
}

QString formatUtcTimestamp(const QDateTime& time)
{
    if (!time.isValid())
        return {};
    const QDateTime utc = time.toUTC();
    const int ms = utc.time().msec();
    // Whole seconds are written without a fraction, so that the usual form stays the usual form.
    return ms == 0 ? utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"))
                   : utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QDateTime parseUtcTimestamp(const QString& text)
{
    // yyyy-MM-ddTHH:mm:ss[.f{1,3}]Z
    const qsizetype n = text.size();
    if (n < 20 || n > 24 || n == 21 || text.back() != QLatin1Char('Z'))
        return {};
    const auto number = [&](qsizetype pos, qsizetype count, int& out) {
        out = 0;
        for (qsizetype i = pos; i < pos + count; ++i) {
            if (!isAsciiDigit(text.at(i)))
                return false;
            out = out * 10 + text.at(i).digitValue();
        }
        return true;
    };
    const auto separator = [&](qsizetype pos, char c) {
        return text.at(pos) == QLatin1Char(c);
    };
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, ms = 0;
    if (!number(0, 4, year) || !separator(4, '-') || !number(5, 2, month) || !separator(7, '-') ||
        !number(8, 2, day) || !separator(10, 'T') || !number(11, 2, hour) || !separator(13, ':') ||
        !number(14, 2, minute) || !separator(16, ':') || !number(17, 2, second)) {
        return {};
    }
    if (n > 20) {
        const qsizetype fractionDigits = n - 21;
        if (!separator(19, '.') || !number(20, fractionDigits, ms))
            return {};
        for (qsizetype i = fractionDigits; i < 3; ++i)
            ms *= 10;
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, ms);
    if (year < 1 || !date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

Result<Manifest> parseManifestJson(const QByteArray& json)
{
    JsonReader reader(QString::fromLatin1(kManifestFileName));
    const std::optional<QJsonObject> root = reader.parseDocument(json, kMaxJsonBytes);
    if (!root)
        return reader.error();

    Manifest m;
    // The format first: a future major version must be reported as such,
    // not as whichever of its fields this version does not understand.
    reader.readString(*root, {}, "format", m.format);
    if (!reader.failed() && !isSupportedManifestFormat(m.format)) {
        reader.fail(
            QStringLiteral("format"),
            QStringLiteral("unsupported format %1: this version reads %2 (and its 1.x minor versions)")
                .arg(quoted(m.format), kFormatBase));
    }
    if (reader.failed())
        return reader.error();

    QString idText;
    if (reader.readString(*root, {}, "id", idText)) {
        if (const auto uuid = parseUuid(idText))
            m.id = *uuid;
        else
            reader.fail(QStringLiteral("id"),
                        QStringLiteral("expected a UUID like 0f8fad5b-d9cb-469f-a165-70867728950e, found %1")
                            .arg(quoted(idText)));
    }
    reader.readString(*root, {}, "capture_node", m.captureNode);
    readTimestamp(reader, *root, "started_at", m.startedAt);
    readTimestamp(reader, *root, "ended_at", m.endedAt);
    reader.readString(*root, {}, "source", m.source);
    QString direction;
    if (reader.readString(*root, {}, "direction", direction)) {
        m.direction = callDirectionFromName(direction);
        if (m.direction == CallDirection::Invalid) {
            reader.fail(
                QStringLiteral("direction"),
                QStringLiteral("expected inbound, outbound or internal, found %1").arg(quoted(direction)));
        }
    }
    reader.readString(*root, {}, "title", m.title, Presence::Optional);

    QJsonArray participants;
    reader.readArray(*root, {}, "participants", participants, kMaxManifestEntries);
    for (qsizetype i = 0; i < participants.size() && !reader.failed(); ++i) {
        const QString path = JsonReader::index(QStringLiteral("participants"), i);
        QJsonObject object;
        reader.readObject(participants.at(i), path, object);
        Participant p;
        reader.readString(object, path, "id", p.id);
        reader.readString(object, path, "display_name", p.displayName);
        reader.readString(object, path, "role", p.role);
        reader.readString(object, path, "phone", p.phone, Presence::Optional);
        reader.readString(object, path, "email", p.email, Presence::Optional);
        m.participants.append(std::move(p));
    }

    QJsonArray tracks;
    reader.readArray(*root, {}, "tracks", tracks, kMaxManifestEntries);
    for (qsizetype i = 0; i < tracks.size() && !reader.failed(); ++i) {
        const QString path = JsonReader::index(QStringLiteral("tracks"), i);
        QJsonObject object;
        reader.readObject(tracks.at(i), path, object);
        Track t;
        reader.readString(object, path, "id", t.id);
        QString kind;
        if (reader.readString(object, path, "kind", kind)) {
            t.kind = trackKindFromName(kind);
            if (t.kind == TrackKind::Invalid) {
                reader.fail(JsonReader::join(path, "kind"),
                            QStringLiteral("expected audio, video or screen, found %1").arg(quoted(kind)));
            }
        }
        reader.readString(object, path, "participant", t.participant);
        reader.readString(object, path, "path", t.path);
        reader.readString(object, path, "media_type", t.mediaType);
        reader.readString(object, path, "codec", t.codec);
        reader.readInteger(object, path, "offset_ms", t.offset_ms);
        reader.readInteger(object, path, "duration_ms", t.duration_ms);
        m.tracks.append(std::move(t));
    }

    QJsonArray files;
    reader.readArray(*root, {}, "files", files, kMaxManifestEntries);
    for (qsizetype i = 0; i < files.size() && !reader.failed(); ++i) {
        const QString path = JsonReader::index(QStringLiteral("files"), i);
        QJsonObject object;
        reader.readObject(files.at(i), path, object);
        PackageFile f;
        reader.readString(object, path, "path", f.path);
        QString sha256;
        reader.readString(object, path, "sha256", sha256);
        f.sha256 = sha256.toUtf8();
        reader.readInteger(object, path, "bytes", f.bytes);
        m.files.append(std::move(f));
    }
    if (reader.failed())
        return reader.error();

    validateInto(m, reader);
    if (reader.failed())
        return reader.error();
    return m;
}

Status validateManifest(const Manifest& manifest)
{
    JsonReader errors(QString::fromLatin1(kManifestFileName));
    validateInto(manifest, errors);
    if (errors.failed())
        return errors.error();
    return {};
}

QByteArray serializeManifestJson(const Manifest& m)
{
    JsonWriter w;
    w.beginObject();
    w.key("format");
    w.value(m.format);
    w.key("id");
    w.value(m.id.toString(QUuid::WithoutBraces));
    w.key("capture_node");
    w.value(m.captureNode);
    w.key("started_at");
    w.value(formatUtcTimestamp(m.startedAt));
    w.key("ended_at");
    w.value(formatUtcTimestamp(m.endedAt));
    w.key("source");
    w.value(m.source);
    w.key("direction");
    w.value(callDirectionName(m.direction));
    if (!m.title.isEmpty()) {
        w.key("title");
        w.value(m.title);
    }

    w.key("participants");
    w.beginArray();
    for (const Participant& p : m.participants) {
        w.beginObject();
        w.key("id");
        w.value(p.id);
        w.key("display_name");
        w.value(p.displayName);
        w.key("role");
        w.value(p.role);
        if (!p.phone.isEmpty()) {
            w.key("phone");
            w.value(p.phone);
        }
        if (!p.email.isEmpty()) {
            w.key("email");
            w.value(p.email);
        }
        w.endObject();
    }
    w.endArray();

    w.key("tracks");
    w.beginArray();
    for (const Track& t : m.tracks) {
        w.beginObject();
        w.key("id");
        w.value(t.id);
        w.key("kind");
        w.value(trackKindName(t.kind));
        w.key("participant");
        w.value(t.participant);
        w.key("path");
        w.value(t.path);
        w.key("media_type");
        w.value(t.mediaType);
        w.key("codec");
        w.value(t.codec);
        w.key("offset_ms");
        w.value(t.offset_ms);
        w.key("duration_ms");
        w.value(t.duration_ms);
        w.endObject();
    }
    w.endArray();

    w.key("files");
    w.beginArray();
    for (const PackageFile& f : m.files) {
        w.beginObject();
        w.key("path");
        w.value(f.path);
        w.key("sha256");
        w.value(QString::fromLatin1(f.sha256));
        w.key("bytes");
        w.value(f.bytes);
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.finish();
}

} // namespace holdfast::model

#include "model/Transcript.h"

#include "model/JsonReader.h"
#include "model/JsonWriter.h"
#include "model/Manifest.h"
#include "model/TranscriptValidation.h"

#include <QLocale>
#include <QSet>
#include <optional>

namespace holdfast::model {

using detail::JsonReader;
using detail::JsonWriter;
using detail::Presence;

namespace {

constexpr QLatin1StringView kFormatBase("holdfast.transcript/1");

QString quoted(const QString& value)
{
    return detail::quotedForMessage(value);
}

void checkMilliseconds(JsonReader& errors, const QString& path, qint64 value)
{
    if (value < 0)
        errors.fail(path, QStringLiteral("must not be negative, found %1").arg(value));
    else if (value > kMaxDurationMs)
        errors.fail(
            path,
            QStringLiteral("%1 is more than the limit of 7 days (%2 ms)").arg(value).arg(kMaxDurationMs));
}

void checkText(JsonReader& errors, const QString& path, const QString& text)
{
    if (text.isEmpty())
        errors.fail(path, QStringLiteral("must not be empty"));
    else if (const qsizetype bytes = detail::utf8Bytes(text); bytes > kMaxTextBytes)
        errors.fail(path,
                    QStringLiteral("%1 bytes, more than the limit of %2").arg(bytes).arg(kMaxTextBytes));
}

} // namespace

namespace detail {

// Registry checks are not our job: the shape is enough to keep junk out.
bool isLanguageTag(QStringView tag)
{
    if (tag.size() > 35)
        return false;
    const QList<QStringView> subtags = tag.split(QLatin1Char('-'));
    for (qsizetype i = 0; i < subtags.size(); ++i) {
        const QStringView subtag = subtags.at(i);
        if (subtag.isEmpty() || subtag.size() > 8)
            return false;
        for (const QChar c : subtag) {
            const bool letter = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                                (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
            const bool digit = c >= QLatin1Char('0') && c <= QLatin1Char('9');
            if (!(letter || (digit && i > 0)))
                return false;
        }
    }
    return true;
}

qsizetype utf8Bytes(QStringView text)
{
    qsizetype bytes = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x80)
            bytes += 1;
        else if (u < 0x800)
            bytes += 2;
        else if (QChar::isHighSurrogate(u))
            bytes += 4; // the pair; its low half adds nothing
        else if (QChar::isLowSurrogate(u))
            bytes += 0;
        else
            bytes += 3;
    }
    return bytes;
}

void validateTranscriptInto(const Transcript& t, JsonReader& errors)
{
    if (!t.language.isEmpty() && !detail::isLanguageTag(t.language)) {
        errors.fail(
            QStringLiteral("language"),
            QStringLiteral("expected a BCP 47 language tag like en-GB, found %1").arg(quoted(t.language)));
    }
    if (t.segments.size() > kMaxTranscriptSegments) {
        errors.fail(QStringLiteral("segments"), QStringLiteral("%1 entries, more than the limit of %2")
                                                    .arg(t.segments.size())
                                                    .arg(kMaxTranscriptSegments));
    }
    qint64 previousStartMs = 0;
    for (qsizetype i = 0; i < t.segments.size() && !errors.failed(); ++i) {
        const TranscriptSegment& s = t.segments.at(i);
        const QString path = JsonReader::index(QStringLiteral("segments"), i);
        if (s.speaker.isEmpty())
            errors.fail(JsonReader::join(path, "speaker"), QStringLiteral("must not be empty"));
        else if (s.speaker.size() > kMaxFieldChars)
            errors.fail(JsonReader::join(path, "speaker"),
                        QStringLiteral("longer than %1 characters").arg(kMaxFieldChars));
        checkMilliseconds(errors, JsonReader::join(path, "start_ms"), s.start_ms);
        checkMilliseconds(errors, JsonReader::join(path, "end_ms"), s.end_ms);
        if (s.end_ms < s.start_ms) {
            errors.fail(JsonReader::join(path, "end_ms"),
                        QStringLiteral("%1 is before start_ms %2").arg(s.end_ms).arg(s.start_ms));
        }
        if (i > 0 && s.start_ms < previousStartMs) {
            errors.fail(
                JsonReader::join(path, "start_ms"),
                QStringLiteral("%1 is before the start of the previous segment (%2): segments must be "
                               "in order of start time")
                    .arg(s.start_ms)
                    .arg(previousStartMs));
        }
        previousStartMs = s.start_ms;
        checkText(errors, JsonReader::join(path, "text"), s.text);

        const QString wordsPath = JsonReader::join(path, "words");
        if (s.words.size() > kMaxWordsPerSegment) {
            errors.fail(wordsPath, QStringLiteral("%1 entries, more than the limit of %2")
                                       .arg(s.words.size())
                                       .arg(kMaxWordsPerSegment));
        }
        qint64 previousWordStartMs = s.start_ms;
        for (qsizetype j = 0; j < s.words.size() && !errors.failed(); ++j) {
            const TranscriptWord& w = s.words.at(j);
            const QString wordPath = JsonReader::index(wordsPath, j);
            checkText(errors, JsonReader::join(wordPath, "text"), w.text);
            checkMilliseconds(errors, JsonReader::join(wordPath, "start_ms"), w.start_ms);
            checkMilliseconds(errors, JsonReader::join(wordPath, "end_ms"), w.end_ms);
            if (w.end_ms < w.start_ms) {
                errors.fail(JsonReader::join(wordPath, "end_ms"),
                            QStringLiteral("%1 is before start_ms %2").arg(w.end_ms).arg(w.start_ms));
            }
            if (w.start_ms < s.start_ms || w.start_ms > s.end_ms) {
                errors.fail(JsonReader::join(wordPath, "start_ms"),
                            QStringLiteral("%1 is outside its segment (%2..%3 ms)")
                                .arg(w.start_ms)
                                .arg(s.start_ms)
                                .arg(s.end_ms));
            }
            if (w.end_ms > s.end_ms) {
                errors.fail(JsonReader::join(wordPath, "end_ms"),
                            QStringLiteral("%1 is outside its segment (%2..%3 ms)")
                                .arg(w.end_ms)
                                .arg(s.start_ms)
                                .arg(s.end_ms));
            }
            if (w.start_ms < previousWordStartMs) {
                errors.fail(
                    JsonReader::join(wordPath, "start_ms"),
                    QStringLiteral("%1 is before the start of the previous word (%2): words must be in "
                                   "order of start time")
                        .arg(w.start_ms)
                        .arg(previousWordStartMs));
            }
            previousWordStartMs = w.start_ms;
            // Written negated so that NaN fails too.
            if (!(w.confidence >= 0.0 && w.confidence <= 1.0)) {
                errors.fail(JsonReader::join(wordPath, "confidence"),
                            QStringLiteral("expected a number from 0 to 1, found %1")
                                .arg(QString::number(w.confidence, 'g', QLocale::FloatingPointShortest)));
            }
        }
    }
}

} // namespace detail

bool isSupportedTranscriptFormat(const QString& format)
{
    if (!format.startsWith(kFormatBase))
        return false;
    const QStringView rest = QStringView(format).mid(kFormatBase.size());
    if (rest.isEmpty())
        return true;
    if (rest.size() < 2 || rest.front() != QLatin1Char('.'))
        return false;
    for (const QChar c : rest.mid(1)) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

Result<Transcript> parseTranscriptJson(const QByteArray& json)
{
    JsonReader reader(QString::fromLatin1(kTranscriptFileName));
    const std::optional<QJsonObject> root = reader.parseDocument(json, kMaxJsonBytes);
    if (!root)
        return reader.error();

    QString format;
    reader.readString(*root, {}, "format", format);
    if (!reader.failed() && !isSupportedTranscriptFormat(format)) {
        reader.fail(
            QStringLiteral("format"),
            QStringLiteral("unsupported format %1: this version reads %2 (and its 1.x minor versions)")
                .arg(quoted(format), kFormatBase));
    }
    if (reader.failed())
        return reader.error();

    Transcript t;
    reader.readString(*root, {}, "language", t.language, Presence::Optional);
    QJsonArray segments;
    reader.readArray(*root, {}, "segments", segments, kMaxTranscriptSegments);
    t.segments.reserve(segments.size());
    for (qsizetype i = 0; i < segments.size() && !reader.failed(); ++i) {
        const QString path = JsonReader::index(QStringLiteral("segments"), i);
        QJsonObject object;
        reader.readObject(segments.at(i), path, object);
        TranscriptSegment s;
        reader.readString(object, path, "speaker", s.speaker);
        reader.readInteger(object, path, "start_ms", s.start_ms);
        reader.readInteger(object, path, "end_ms", s.end_ms);
        reader.readString(object, path, "text", s.text);
        QJsonArray words;
        reader.readArray(object, path, "words", words, kMaxWordsPerSegment, Presence::Optional);
        const QString wordsPath = JsonReader::join(path, "words");
        s.words.reserve(words.size());
        for (qsizetype j = 0; j < words.size() && !reader.failed(); ++j) {
            const QString wordPath = JsonReader::index(wordsPath, j);
            QJsonObject wordObject;
            reader.readObject(words.at(j), wordPath, wordObject);
            TranscriptWord w;
            reader.readString(wordObject, wordPath, "text", w.text);
            reader.readInteger(wordObject, wordPath, "start_ms", w.start_ms);
            reader.readInteger(wordObject, wordPath, "end_ms", w.end_ms);
            reader.readNumber(wordObject, wordPath, "confidence", w.confidence, Presence::Optional);
            s.words.append(std::move(w));
        }
        t.segments.append(std::move(s));
    }
    if (reader.failed())
        return reader.error();

    detail::validateTranscriptInto(t, reader);
    if (reader.failed())
        return reader.error();
    return t;
}

Status validateTranscript(const Transcript& transcript)
{
    JsonReader errors(QString::fromLatin1(kTranscriptFileName));
    detail::validateTranscriptInto(transcript, errors);
    if (errors.failed())
        return errors.error();
    return {};
}

Status validateTranscriptAgainstManifest(const Transcript& transcript, const Manifest& manifest)
{
    JsonReader errors(QString::fromLatin1(kTranscriptFileName));
    QSet<QString> participantIds;
    for (const Participant& p : manifest.participants)
        participantIds.insert(p.id);
    const qint64 callMs = manifest.durationMs();
    for (qsizetype i = 0; i < transcript.segments.size() && !errors.failed(); ++i) {
        const TranscriptSegment& s = transcript.segments.at(i);
        const QString path = JsonReader::index(QStringLiteral("segments"), i);
        if (!participantIds.contains(s.speaker)) {
            errors.fail(JsonReader::join(path, "speaker"),
                        QStringLiteral("%1 is not a participant of the recording").arg(quoted(s.speaker)));
        } else if (s.end_ms > callMs + kTrackEndSlackMs) {
            errors.fail(JsonReader::join(path, "end_ms"),
                        QStringLiteral("%1 is more than %2 ms after the end of the call at %3 ms")
                            .arg(s.end_ms)
                            .arg(kTrackEndSlackMs)
                            .arg(callMs));
        }
    }
    if (errors.failed())
        return errors.error();
    return {};
}

QByteArray serializeTranscriptJson(const Transcript& t)
{
    JsonWriter w;
    w.beginObject();
    w.key("format");
    w.value(QString::fromLatin1(kTranscriptFormat));
    if (!t.language.isEmpty()) {
        w.key("language");
        w.value(t.language);
    }
    w.key("segments");
    w.beginArray();
    for (const TranscriptSegment& s : t.segments) {
        w.beginObject();
        w.key("speaker");
        w.value(s.speaker);
        w.key("start_ms");
        w.value(s.start_ms);
        w.key("end_ms");
        w.value(s.end_ms);
        w.key("text");
        w.value(s.text);
        w.key("words");
        w.beginArray();
        for (const TranscriptWord& word : s.words) {
            w.beginObject();
            w.key("text");
            w.value(word.text);
            w.key("start_ms");
            w.value(word.start_ms);
            w.key("end_ms");
            w.value(word.end_ms);
            w.key("confidence");
            w.value(word.confidence);
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.finish();
}

} // namespace holdfast::model

#include "model/JsonReader.h"
#include "model/Manifest.h"
#include "model/Transcript.h"
#include "model/TranscriptValidation.h"

#include <QStringDecoder>
#include <QStringList>
#include <optional>

namespace holdfast::model {

namespace {

constexpr auto kVttFileName = "transcript.vtt";

Error lineError(qsizetype line, const QString& problem)
{
    return makeError(QStringLiteral("%1: line %2: %3")
                         .arg(QLatin1StringView(kVttFileName), QString::number(line), problem));
}

QString quoted(QStringView value)
{
    return detail::quotedForMessage(value);
}

bool isVttSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t');
}

QStringView trimmedSpaces(QStringView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isVttSpace(text.at(begin)))
        ++begin;
    while (end > begin && isVttSpace(text.at(end - 1)))
        --end;
    return text.mid(begin, end - begin);
}

bool isDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

// "hh:mm:ss.ttt" (two or more hour digits) or "mm:ss.ttt", in milliseconds.
std::optional<qint64> parseVttTimestamp(QStringView text)
{
    const QList<QStringView> parts = text.split(QLatin1Char(':'));
    if (parts.size() != 2 && parts.size() != 3)
        return std::nullopt;
    const QStringView secondsPart = parts.last();
    if (secondsPart.size() != 6 || secondsPart.at(2) != QLatin1Char('.'))
        return std::nullopt;
    const QStringView seconds = secondsPart.left(2);
    const QStringView millis = secondsPart.mid(3);
    const QStringView minutes = parts.at(parts.size() - 2);
    qint64 hours = 0;
    if (parts.size() == 3) {
        const QStringView hoursText = parts.first();
        // More than 9 digits could overflow and is far beyond any call anyway.
        if (hoursText.size() < 2 || hoursText.size() > 9 || !isDigits(hoursText))
            return std::nullopt;
        hours = hoursText.toLongLong();
    }
    if (minutes.size() != 2 || !isDigits(minutes) || !isDigits(seconds) || !isDigits(millis))
        return std::nullopt;
    const qint64 mm = minutes.toLongLong();
    const qint64 ss = seconds.toLongLong();
    if (mm > 59 || ss > 59)
        return std::nullopt;
    return ((hours * 60 + mm) * 60 + ss) * 1000 + millis.toLongLong();
}

// Character references WebVTT defines for cue text; others stay literal.
void appendDecoded(QString& out, QStringView text)
{
    static const struct
    {
        QLatin1StringView name;
        char16_t character;
    } kEntities[] = {
        {QLatin1StringView("&amp;"), u'&'},      {QLatin1StringView("&lt;"), u'<'},
        {QLatin1StringView("&gt;"), u'>'},       {QLatin1StringView("&nbsp;"), u'\u00a0'},
        {QLatin1StringView("&lrm;"), u'\u200e'}, {QLatin1StringView("&rlm;"), u'\u200f'},
    };
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i) == QLatin1Char('&')) {
            bool decoded = false;
            for (const auto& entity : kEntities) {
                if (text.mid(i).startsWith(entity.name)) {
                    out += QChar(entity.character);
                    i += entity.name.size();
                    decoded = true;
                    break;
                }
            }
            if (decoded)
                continue;
        }
        out += text.at(i);
        ++i;
    }
}

// Text of one cue attributed to one voice (or to none yet).
struct Piece
{
    QString speakerId; // empty: outside any <v> span
    QString text;
    qsizetype firstTextLine = 0; // where non-blank text started, for errors
};

bool isBlank(QStringView text)
{
    return trimmedSpaces(text).isEmpty();
}

} // namespace

Result<Transcript> parseWebVtt(const QByteArray& vtt, const QHash<QString, QString>& speakerIdsByName)
{
    if (vtt.size() > kMaxJsonBytes) {
        return makeError(QStringLiteral("%1: document is %2 bytes, more than the limit of %3 bytes")
                             .arg(QLatin1StringView(kVttFileName))
                             .arg(vtt.size())
                             .arg(kMaxJsonBytes));
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(vtt);
    if (decoder.hasError())
        return makeError(QStringLiteral("%1: not valid UTF-8").arg(QLatin1StringView(kVttFileName)));
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    text.replace(QChar(0), QChar(0xfffd)); // as the WebVTT parser does
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    const QList<QStringView> lines = QStringView(text).split(QLatin1Char('\n'));
    const qsizetype lineCount = lines.size();

    // Signature: "WEBVTT" alone or followed by a space or tab and free text.
    const QStringView first = lines.first();
    if (!first.startsWith(QLatin1StringView("WEBVTT")) || (first.size() > 6 && !isVttSpace(first.at(6))))
        return lineError(1, QStringLiteral("expected the WEBVTT signature"));

    Transcript transcript;
    qsizetype i = 1;
    // Header: metadata lines up to the first blank line (or the first cue timing line).
    for (; i < lineCount && !isBlank(lines.at(i)) && !lines.at(i).contains(QLatin1StringView("-->")); ++i) {
        const QStringView header = lines.at(i);
        const qsizetype colon = header.indexOf(QLatin1Char(':'));
        if (colon > 0 &&
            header.left(colon).trimmed().compare(QLatin1StringView("Language"), Qt::CaseInsensitive) == 0) {
            const QStringView language = header.mid(colon + 1).trimmed();
            if (detail::isLanguageTag(language))
                transcript.language = language.toString();
        }
    }

    qint64 previousStartMs = 0;
    while (i < lineCount) {
        if (isBlank(lines.at(i))) { // whitespace-only lines separate blocks too, as editors leave them
            ++i;
            continue;
        }
        const qsizetype blockBegin = i;
        qsizetype blockEnd = i;
        while (blockEnd < lineCount && !isBlank(lines.at(blockEnd)))
            ++blockEnd;
        i = blockEnd;

        const QStringView head = lines.at(blockBegin);
        const bool isNote =
            head.startsWith(QLatin1StringView("NOTE")) && (head.size() == 4 || isVttSpace(head.at(4)));
        const QStringView headWord = trimmedSpaces(head);
        if (isNote || headWord == QLatin1StringView("STYLE") || headWord == QLatin1StringView("REGION"))
            continue;

        // A cue: optional identifier line, timing line, payload lines.
        qsizetype timingIndex = blockBegin;
        if (!head.contains(QLatin1StringView("-->"))) {
            timingIndex = blockBegin + 1;
            if (timingIndex >= blockEnd || !lines.at(timingIndex).contains(QLatin1StringView("-->"))) {
                return lineError(
                    timingIndex + 1,
                    QStringLiteral("expected a cue timing line like 00:00:01.000 --> 00:00:04.000"));
            }
        }
        const qsizetype timingLine = timingIndex + 1; // 1-based, for messages
        const QStringView timing = lines.at(timingIndex);
        const qsizetype arrow = timing.indexOf(QLatin1StringView("-->"));
        const QStringView startText = trimmedSpaces(timing.left(arrow));
        QStringView rest = trimmedSpaces(timing.mid(arrow + 3));
        qsizetype endLength = 0;
        while (endLength < rest.size() && !isVttSpace(rest.at(endLength)))
            ++endLength;
        const QStringView endText = rest.left(endLength); // cue settings after it are ignored
        const std::optional<qint64> startMs = parseVttTimestamp(startText);
        if (!startMs) {
            return lineError(timingLine,
                             QStringLiteral("bad cue start time %1 (expected hh:mm:ss.ttt or mm:ss.ttt)")
                                 .arg(quoted(startText)));
        }
        const std::optional<qint64> endMs = parseVttTimestamp(endText);
        if (!endMs) {
            return lineError(timingLine,
                             QStringLiteral("bad cue end time %1 (expected hh:mm:ss.ttt or mm:ss.ttt)")
                                 .arg(quoted(endText)));
        }
        if (*endMs > kMaxDurationMs)
            return lineError(timingLine, QStringLiteral("cue ends after the limit of 7 days"));
        if (*endMs < *startMs)
            return lineError(timingLine, QStringLiteral("cue ends before it starts"));
        if (*startMs < previousStartMs) {
            return lineError(
                timingLine,
                QStringLiteral("cue starts before the previous cue: cues must be in order of start time"));
        }
        previousStartMs = *startMs;

        QList<Piece> pieces{Piece{}};
        for (qsizetype lineIndex = timingIndex + 1; lineIndex < blockEnd; ++lineIndex) {
            const QStringView line = lines.at(lineIndex);
            const qsizetype lineNumber = lineIndex + 1;
            if (lineIndex > timingIndex + 1)
                pieces.last().text += QLatin1Char(' ');
            qsizetype pos = 0;
            while (pos < line.size()) {
                if (line.at(pos) == QLatin1Char('<')) {
                    qsizetype close = line.indexOf(QLatin1Char('>'), pos + 1);
                    if (close < 0)
                        close = line.size(); // an unterminated tag runs to the end of the line
                    const QStringView tag = line.mid(pos + 1, close - pos - 1);
                    pos = close + 1;
                    const bool isVoice =
                        tag.startsWith(QLatin1Char('v')) &&
                        (tag.size() == 1 || isVttSpace(tag.at(1)) || tag.at(1) == QLatin1Char('.'));
                    if (isVoice) {
                        qsizetype nameStart = 1;
                        while (nameStart < tag.size() && !isVttSpace(tag.at(nameStart)))
                            ++nameStart; // skip ".class" annotations
                        const QString name = trimmedSpaces(tag.mid(nameStart)).toString();
                        if (name.isEmpty())
                            return lineError(lineNumber,
                                             QStringLiteral("voice span <v> without a speaker name"));
                        const auto it = speakerIdsByName.constFind(name);
                        if (it == speakerIdsByName.constEnd()) {
                            return lineError(
                                lineNumber, QStringLiteral("unknown speaker %1: no participant has that name")
                                                .arg(quoted(name)));
                        }
                        pieces.append(Piece{it.value(), {}, 0});
                    } else if (tag == QLatin1StringView("/v")) {
                        pieces.append(Piece{});
                    }
                    // Every other tag (<b>, <i>, <c.x>, <00:00:01.000>, </b>, ...) is dropped.
                    continue;
                }
                qsizetype next = line.indexOf(QLatin1Char('<'), pos);
                if (next < 0)
                    next = line.size();
                const QStringView run = line.mid(pos, next - pos);
                Piece& piece = pieces.last();
                if (piece.firstTextLine == 0 && !isBlank(run))
                    piece.firstTextLine = lineNumber;
                appendDecoded(piece.text, run);
                pos = next;
            }
        }

        qsizetype previousOfCue = -1; // index of this cue's last segment
        for (const Piece& piece : std::as_const(pieces)) {
            const QString pieceText = trimmedSpaces(piece.text).toString();
            if (pieceText.isEmpty())
                continue;
            if (piece.speakerId.isEmpty()) {
                return lineError(
                    piece.firstTextLine > 0 ? piece.firstTextLine : timingLine,
                    QStringLiteral("cue text without a voice span (<v Name>) naming the speaker"));
            }
            if (previousOfCue >= 0 && transcript.segments.at(previousOfCue).speaker == piece.speakerId) {
                transcript.segments[previousOfCue].text += QLatin1Char(' ') + pieceText;
                continue;
            }
            if (transcript.segments.size() >= kMaxTranscriptSegments) {
                return lineError(timingLine, QStringLiteral("more than the limit of %1 transcript segments")
                                                 .arg(kMaxTranscriptSegments));
            }
            transcript.segments.append(TranscriptSegment{piece.speakerId, *startMs, *endMs, pieceText, {}});
            previousOfCue = transcript.segments.size() - 1;
        }
    }

    // The line checks above cover order and times; this catches what only the
    // model knows (text size limits, empty speaker ids in the map, ...).
    detail::JsonReader errors(QString::fromLatin1(kVttFileName));
    detail::validateTranscriptInto(transcript, errors);
    if (errors.failed())
        return errors.error();
    return transcript;
}

} // namespace holdfast::model

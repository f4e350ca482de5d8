#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QtGlobal>

namespace holdfast::model {

struct TranscriptWord
{
    QString text;
    qint64 start_ms = 0;
    qint64 end_ms = 0;
    double confidence = 1.0; // 0..1

    bool operator==(const TranscriptWord&) const = default;
};

// One speaker turn. Times are relative to the call start (not to a track).
struct TranscriptSegment
{
    QString speaker; // participant id
    qint64 start_ms = 0;
    qint64 end_ms = 0;
    QString text;
    QList<TranscriptWord> words; // may be empty when the source has no word timing (WebVTT)

    bool operator==(const TranscriptSegment&) const = default;
};

struct Transcript
{
    QString language; // BCP 47, e.g. "en-GB"; empty when unknown
    QList<TranscriptSegment> segments;

    bool operator==(const Transcript&) const = default;
};

// transcript.json <-> Transcript. Parsing is strict: every problem is reported
// with the JSON path of the field at fault, e.g. "segments[3].words[2].end_ms".
Result<Transcript> parseTranscriptJson(const QByteArray& json);
QByteArray serializeTranscriptJson(const Transcript& transcript);

// WebVTT (cues with <v Speaker> voice spans) -> Transcript. Speaker names are
// mapped to participant ids through speakerIdsByName; unknown names are an error
// naming the line.
Result<Transcript> parseWebVtt(const QByteArray& vtt, const QHash<QString, QString>& speakerIdsByName);

} // namespace holdfast::model

#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QtGlobal>

namespace holdfast::model {

struct Manifest;

inline constexpr auto kTranscriptFormat = "holdfast.transcript/1";

// Limits that bound the work done on hostile input (documented in FORMAT.md).
inline constexpr qsizetype kMaxTranscriptSegments = 1000000;
inline constexpr qsizetype kMaxWordsPerSegment = 10000;
inline constexpr qsizetype kMaxTextBytes = 1024 * 1024; // UTF-8 bytes of one segment or word text

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
    QString language; // BCP 47, e.g. "en-GB"; empty when unknown (WebVTT: from a "Language:" header)
    QList<TranscriptSegment> segments;

    bool operator==(const Transcript&) const = default;
};

// transcript.json <-> Transcript. Parsing is strict: every problem is reported
// with the JSON path of the field at fault, e.g. "segments[3].words[2].end_ms".
// Accepts "holdfast.transcript/1" and any 1.x minor; unknown keys are ignored.
Result<Transcript> parseTranscriptJson(const QByteArray& json);
// Deterministic, like serializeManifestJson; always writes format 1.
QByteArray serializeTranscriptJson(const Transcript& transcript);

// True for "holdfast.transcript/1" and any "holdfast.transcript/1.<minor>".
bool isSupportedTranscriptFormat(const QString& format);

// The semantic checks of parseTranscriptJson on a Transcript built in code.
Status validateTranscript(const Transcript& transcript);

// Cross-checks that need the manifest: every speaker is a participant id of
// the recording and no segment ends after the call (+ kTrackEndSlackMs).
Status validateTranscriptAgainstManifest(const Transcript& transcript, const Manifest& manifest);

// WebVTT (cues with <v Speaker> voice spans) -> Transcript. Speaker names are
// mapped to participant ids through speakerIdsByName; unknown names are an error
// naming the line, as is a cue without a voice. Cues must start in order.
// Other tags are stripped, &amp; &lt; &gt; &nbsp; &lrm; &rlm; decoded, the
// lines of a cue joined with a space, and words left empty. A cue with several
// voices becomes one segment per voice, all with the cue's times.
// Errors read "transcript.vtt: line <n>: <problem>".
Result<Transcript> parseWebVtt(const QByteArray& vtt, const QHash<QString, QString>& speakerIdsByName);

} // namespace holdfast::model

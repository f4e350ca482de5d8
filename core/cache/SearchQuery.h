#pragma once

#include "model/Manifest.h"
#include "model/Track.h"
#include "util/Result.h"

#include <QList>
#include <QString>
#include <QtGlobal>
#include <optional>

namespace holdfast::cache {

// Highlight markers around matched words in SearchHit::snippet. Control
// characters never appear in indexed text, so the UI can replace them with
// its own markup after escaping the rest; kSnippetEllipsis marks cut text.
inline constexpr char16_t kHighlightStart = u'\x02';
inline constexpr char16_t kHighlightEnd = u'\x03';
inline constexpr auto kSnippetEllipsis = u"\u2026";

// Recording filters shared by the recording list and search. Empty or unset
// fields do not filter.
struct SearchFilter
{
    std::optional<qint64> startedFrom_ms;   // started_at >= this (ms since epoch, UTC)
    std::optional<qint64> startedBefore_ms; // started_at < this
    QString participant; // participant id, phone or e-mail (exact) or part of a display name
    model::CallDirection direction = model::CallDirection::Invalid; // Invalid: any
    std::optional<qint64> minDuration_ms;
    std::optional<qint64> maxDuration_ms;
    QList<model::TrackKind> trackKinds; // every kind listed must be present
    QString holdState;                  // e.g. "none", "held"; empty: any
    QString verificationState;          // "verified" | "quarantined"; empty: any
    QString tag;                        // recordings carrying this tag (exact); empty: any

    bool isEmpty() const;
};

// Order of the recording list; ties keep the order the cache stored them in.
enum class RecordingOrder
{
    NewestFirst = 0,
    OldestFirst,
    LongestFirst,
    ShortestFirst,
};

enum class SearchHitKind
{
    Invalid = 0,
    Transcript,  // a transcript segment: start_ms and speaker are set
    Participant, // a participant's name, phone or e-mail
    Tag,
    Note, // a bookmark note: start_ms is the bookmark position
};
QString searchHitKindName(SearchHitKind kind); // "transcript" | "participant" | "tag" | "note"

struct SearchRequest
{
    QString text; // user syntax, see toFtsMatchExpression()
    SearchFilter filter;
    QList<SearchHitKind> kinds; // empty: all kinds
    int limit = 50;
    int offset = 0;
};

struct SearchHit
{
    SearchHitKind kind = SearchHitKind::Invalid;
    QString recordingId;
    qint64 rowId = -1;    // segment, participant, tag or bookmark row
    qint64 start_ms = -1; // segment start or bookmark position; -1 for participants and tags
    QString speaker;      // transcript: participant id; participant hits: the participant id
    QString snippet;      // with kHighlightStart / kHighlightEnd around matches
    double rank = 0.0;    // BM25; higher is more relevant

    bool operator==(const SearchHit&) const = default;
};

// Turns user input into a safe FTS4 MATCH expression. Syntax: words are
// ANDed; "quoted phrases" match consecutive words; a trailing * makes a word
// or the last word of a phrase a prefix; a bare AND is accepted and ignored.
// Everything else (OR, NOT, NEAR/, -, :, parentheses, stray quotes) is taken as
// text, so no input reaches FTS as an operator. Each term becomes a quoted
// phrase. Fails with "bad search query: ..." when nothing searchable remains.
Result<QString> toFtsMatchExpression(const QString& userQuery);

} // namespace holdfast::cache

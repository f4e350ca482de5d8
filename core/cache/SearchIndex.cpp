#include "cache/SearchIndex.h"

#include "cache/Database.h"
#include "cache/SearchFilterSql.h"
#include "cache/Statement.h"

#include <QHash>
#include <QStringList>
#include <algorithm>

namespace holdfast::cache {

namespace {

constexpr int kMaxPageEnd = 10000; // offset + limit

// How one kind of hit maps onto its FTS table and content table. FTS4 only
// accepts the table's own name (not an alias) on the left of MATCH.
struct KindSql
{
    SearchHitKind kind;
    const char* fts;           // FTS4 table
    const char* content;       // content table, joined as "c"
    const char* detailColumns; // c.recording_id, then start_ms and speaker
    int snippetTokens;
};

const KindSql kKinds[] = {
    {SearchHitKind::Transcript, "segments_fts", "transcript_segments",
     "c.recording_id, c.start_ms, c.speaker", 16},
    {SearchHitKind::Participant, "participants_fts", "participants", "c.recording_id, -1, c.participant_id",
     8},
    {SearchHitKind::Tag, "tags_fts", "tags", "c.recording_id, -1, ''", 8},
    {SearchHitKind::Note, "notes_fts", "bookmarks", "c.recording_id, c.position_ms, c.author", 16},
};

struct Candidate
{
    const KindSql* kind;
    qint64 rowId;
    double rank;
};

// FTS reports a malformed expression as a generic SQL error; the sanitiser
// should make that impossible, but the user still gets a search message.
Error searchError(const Error& error, const QString& userQuery)
{
    if (error.message.startsWith(QLatin1String("cache damaged")))
        return error;
    if (error.message.contains(QLatin1String("MATCH")) || error.message.contains(QLatin1String("fts")))
        return makeError(QStringLiteral("bad search query: \"%1\" cannot be searched").arg(userQuery));
    return makeError(QStringLiteral("search failed: %1").arg(error.message));
}

} // namespace

Result<QList<SearchHit>> SearchIndex::search(const SearchRequest& request)
{
    if (request.limit <= 0 || request.offset < 0 || request.limit + request.offset > kMaxPageEnd)
        return makeError(
            QStringLiteral("bad search query: limit and offset must be positive, limit + offset at "
                           "most %1")
                .arg(kMaxPageEnd));
    Result<QString> match = toFtsMatchExpression(request.text);
    if (!match)
        return match.error();
    const int pageEnd = request.limit + request.offset;
    const QString filterSql = searchFilterSql(request.filter);

    // Pass 1: rank every match of every kind, keep the best pageEnd per kind.
    QList<Candidate> candidates;
    for (const KindSql& kind : kKinds) {
        if (!request.kinds.isEmpty() && !request.kinds.contains(kind.kind))
            continue;
        const QString fts = QLatin1String(kind.fts);
        // CROSS JOIN keeps the FTS table outermost: one full-text query, then
        // rowid lookups, rather than one full-text query per content row.
        QString sql =
            QStringLiteral("SELECT %1.docid, holdfast_bm25(matchinfo(%1, 'pcnalx')) AS rank FROM %1")
                .arg(fts);
        if (!filterSql.isEmpty())
            sql += QStringLiteral(" CROSS JOIN %1 c ON c.rowid = %2.docid CROSS JOIN recordings r ON r.id = "
                                  "c.recording_id")
                       .arg(QLatin1String(kind.content), fts);
        sql += QStringLiteral(" WHERE %1 MATCH :match").arg(fts);
        if (!filterSql.isEmpty())
            sql += QStringLiteral(" AND ") + filterSql;
        sql += QStringLiteral(" ORDER BY rank DESC, %1.docid LIMIT :limit").arg(fts);

        const QString purpose = QStringLiteral("search %1").arg(searchHitKindName(kind.kind));
        Result<Statement> stmt = m_database.prepare(sql, purpose);
        if (!stmt)
            return searchError(stmt.error(), request.text);
        Status s = stmt->bindText(":match", *match);
        if (s)
            s = stmt->bindInt64(":limit", pageEnd);
        if (s)
            s = bindSearchFilter(*stmt, request.filter);
        if (!s)
            return searchError(s.error(), request.text);
        for (;;) {
            Result<bool> row = stmt->step();
            if (!row)
                return searchError(row.error(), request.text);
            if (!*row)
                break;
            candidates.append({&kind, stmt->columnInt64(0), stmt->columnDouble(1)});
        }
    }

    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.rank != b.rank)
            return a.rank > b.rank;
        if (a.kind->kind != b.kind->kind)
            return a.kind->kind < b.kind->kind;
        return a.rowId < b.rowId;
    });
    if (candidates.size() <= request.offset)
        return QList<SearchHit>();
    candidates = candidates.mid(request.offset, request.limit);

    // Pass 2: details and snippets for the page only.
    QList<SearchHit> hits(candidates.size());
    for (const KindSql& kind : kKinds) {
        QHash<qint64, qsizetype> positionByRowId;
        QStringList ids;
        for (qsizetype i = 0; i < candidates.size(); ++i) {
            if (candidates[i].kind == &kind) {
                positionByRowId.insert(candidates[i].rowId, i);
                ids << QString::number(candidates[i].rowId);
            }
        }
        if (ids.isEmpty())
            continue;
        const QString fts = QLatin1String(kind.fts);
        const QString sql =
            QStringLiteral("SELECT %1.docid, %2, snippet(%1, char(2), char(3), '%3', -1, %4) FROM %1 "
                           "CROSS JOIN %5 c ON c.rowid = %1.docid WHERE %1 MATCH :match AND %1.docid IN (%6)")
                .arg(fts, QLatin1String(kind.detailColumns), QString::fromUtf16(kSnippetEllipsis))
                .arg(kind.snippetTokens)
                .arg(QLatin1String(kind.content), ids.join(u','));
        Result<Statement> stmt =
            m_database.prepare(sql, QStringLiteral("search %1 snippets").arg(searchHitKindName(kind.kind)));
        if (!stmt)
            return searchError(stmt.error(), request.text);
        if (Status s = stmt->bindText(":match", *match); !s)
            return searchError(s.error(), request.text);
        for (;;) {
            Result<bool> row = stmt->step();
            if (!row)
                return searchError(row.error(), request.text);
            if (!*row)
                break;
            const qint64 rowId = stmt->columnInt64(0);
            const qsizetype position = positionByRowId.value(rowId, -1);
            if (position < 0)
                continue;
            SearchHit& hit = hits[position];
            hit.kind = kind.kind;
            hit.rowId = rowId;
            hit.recordingId = stmt->columnText(1);
            hit.start_ms = stmt->columnInt64(2);
            hit.speaker = stmt->columnText(3);
            hit.snippet = stmt->columnText(4);
            hit.rank = candidates[position].rank;
        }
    }
    // A row deleted between the passes cannot happen inside one connection,
    // but never return half-filled hits.
    hits.removeIf([](const SearchHit& hit) { return hit.kind == SearchHitKind::Invalid; });
    return hits;
}

} // namespace holdfast::cache

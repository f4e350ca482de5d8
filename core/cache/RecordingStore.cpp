#include "cache/RecordingStore.h"

#include "cache/Database.h"
#include "cache/SearchFilterSql.h"
#include "cache/Statement.h"
#include "cache/StatementMacros.h"

#include <QUuid>
#include <algorithm>

namespace holdfast::cache {

namespace {

constexpr QChar kListSeparator = u'\x1f';

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

int trackKindsMask(const model::Manifest& manifest)
{
    int mask = 0;
    for (const model::Track& track : manifest.tracks)
        mask |= trackKindBit(track.kind);
    return mask;
}

QList<model::TrackKind> trackKindsFromMask(qint64 mask)
{
    QList<model::TrackKind> kinds;
    for (const model::TrackKind kind :
         {model::TrackKind::Audio, model::TrackKind::Video, model::TrackKind::Screen}) {
        if (mask & trackKindBit(kind))
            kinds << kind;
    }
    return kinds;
}

QDateTime utcFromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

QString verificationStateName(VerificationState state)
{
    switch (state) {
    case VerificationState::Verified:
        return QStringLiteral("verified");
    case VerificationState::Quarantined:
        return QStringLiteral("quarantined");
    case VerificationState::Invalid:
        break;
    }
    return QString();
}

VerificationState verificationStateFromName(const QString& name)
{
    if (name == QLatin1String("verified"))
        return VerificationState::Verified;
    if (name == QLatin1String("quarantined"))
        return VerificationState::Quarantined;
    return VerificationState::Invalid;
}

QString RecordingStore::recordingId(const model::Manifest& manifest)
{
    return manifest.id.toString(QUuid::WithoutBraces);
}

Status RecordingStore::requireTransaction(const QString& purpose) const
{
    if (m_database.isReadOnly())
        return makeError(
            QStringLiteral("%1: the cache is open read-only (%2)").arg(purpose, m_database.path()));
    if (!m_database.inTransaction())
        return makeError(QStringLiteral("%1: must run inside a transaction").arg(purpose));
    return {};
}

Status RecordingStore::requireRecording(const QString& recordingId, const QString& purpose)
{
    Result<bool> exists = contains(recordingId);
    if (!exists)
        return exists.error();
    if (!*exists)
        return makeError(QStringLiteral("%1: recording %2 is not in the cache").arg(purpose, recordingId));
    return {};
}

Status RecordingStore::insertRecording(const model::Manifest& manifest, const QByteArray& manifestBytes,
                                       const QByteArray& signatureBytes, const model::Transcript& transcript,
                                       VerificationState verificationState, const QString& quarantineReason,
                                       qint64 importedAt_ms)
{
    const QString id = recordingId(manifest);
    const QString purpose = QStringLiteral("store recording %1").arg(id);
    HOLDFAST_TRY(requireTransaction(purpose));
    if (manifest.id.isNull())
        return makeError(QStringLiteral("store recording: the manifest has no id"));
    if (verificationState == VerificationState::Invalid)
        return makeError(QStringLiteral("%1: no verification state").arg(purpose));
    if (verificationState == VerificationState::Quarantined && quarantineReason.isEmpty())
        return makeError(QStringLiteral("%1: a quarantined recording needs a reason").arg(purpose));
    Result<bool> exists = contains(id);
    if (!exists)
        return exists.error();
    if (*exists)
        return makeError(QStringLiteral("%1: already in the cache").arg(purpose));

    {
        HOLDFAST_CACHED(
            stmt,
            "INSERT INTO recordings (id, started_at, ended_at, duration_ms, source, direction, title, "
            "capture_node, manifest_json, signature, verification_state, quarantine_reason, "
            "hold_state, imported_at, track_kinds) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
            "?11, ?12, 'none', ?13, ?14)",
            purpose);
        HOLDFAST_TRY(stmt.bindText(1, id));
        HOLDFAST_TRY(stmt.bindInt64(2, manifest.startedAt.toMSecsSinceEpoch()));
        HOLDFAST_TRY(stmt.bindInt64(3, manifest.endedAt.toMSecsSinceEpoch()));
        HOLDFAST_TRY(stmt.bindInt64(4, manifest.durationMs()));
        HOLDFAST_TRY(stmt.bindText(5, manifest.source));
        HOLDFAST_TRY(stmt.bindText(6, model::callDirectionName(manifest.direction)));
        HOLDFAST_TRY(stmt.bindText(7, manifest.title));
        HOLDFAST_TRY(stmt.bindText(8, manifest.captureNode));
        HOLDFAST_TRY(stmt.bindBlob(9, manifestBytes));
        HOLDFAST_TRY(stmt.bindBlob(10, signatureBytes));
        HOLDFAST_TRY(stmt.bindText(11, verificationStateName(verificationState)));
        HOLDFAST_TRY(stmt.bindOptionalText(
            12, verificationState == VerificationState::Quarantined ? quarantineReason : QString()));
        HOLDFAST_TRY(stmt.bindInt64(13, importedAt_ms >= 0 ? importedAt_ms : nowMs()));
        HOLDFAST_TRY(stmt.bindInt64(14, trackKindsMask(manifest)));
        HOLDFAST_TRY(stmt.exec());
    }
    {
        HOLDFAST_CACHED(stmt,
                        "INSERT INTO participants (recording_id, participant_id, display_name, role, phone, "
                        "email) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        purpose + QStringLiteral(": participants"));
        HOLDFAST_CACHED(
            ftsStmt,
            "INSERT INTO participants_fts (docid, display_name, phone, email) VALUES (?1, ?2, ?3, ?4)",
            purpose + QStringLiteral(": participant index"));
        for (const model::Participant& p : manifest.participants) {
            stmt.reset();
            HOLDFAST_TRY(stmt.bindText(1, id));
            HOLDFAST_TRY(stmt.bindText(2, p.id));
            HOLDFAST_TRY(stmt.bindText(3, p.displayName));
            HOLDFAST_TRY(stmt.bindText(4, p.role));
            HOLDFAST_TRY(stmt.bindText(5, p.phone));
            HOLDFAST_TRY(stmt.bindText(6, p.email));
            HOLDFAST_TRY(stmt.exec());
            ftsStmt.reset();
            HOLDFAST_TRY(ftsStmt.bindInt64(1, m_database.lastInsertRowId()));
            HOLDFAST_TRY(ftsStmt.bindText(2, p.displayName));
            HOLDFAST_TRY(ftsStmt.bindText(3, p.phone));
            HOLDFAST_TRY(ftsStmt.bindText(4, p.email));
            HOLDFAST_TRY(ftsStmt.exec());
        }
    }
    {
        HOLDFAST_CACHED(stmt, "INSERT INTO files (recording_id, path, sha256, bytes) VALUES (?1, ?2, ?3, ?4)",
                        purpose + QStringLiteral(": files"));
        for (const model::PackageFile& f : manifest.files) {
            stmt.reset();
            HOLDFAST_TRY(stmt.bindText(1, id));
            HOLDFAST_TRY(stmt.bindText(2, f.path));
            HOLDFAST_TRY(stmt.bindText(3, QString::fromLatin1(f.sha256)));
            HOLDFAST_TRY(stmt.bindInt64(4, f.bytes));
            HOLDFAST_TRY(stmt.exec());
        }
    }
    {
        HOLDFAST_CACHED(
            stmt,
            "INSERT INTO tracks (recording_id, track_id, kind, participant_id, path, media_type, "
            "codec, offset_ms, duration_ms, bytes, sha256) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
            "?9, ?10, ?11)",
            purpose + QStringLiteral(": tracks"));
        for (const model::Track& t : manifest.tracks) {
            const model::PackageFile* file = manifest.file(t.path);
            stmt.reset();
            HOLDFAST_TRY(stmt.bindText(1, id));
            HOLDFAST_TRY(stmt.bindText(2, t.id));
            HOLDFAST_TRY(stmt.bindText(3, model::trackKindName(t.kind)));
            HOLDFAST_TRY(stmt.bindText(4, t.participant));
            HOLDFAST_TRY(stmt.bindText(5, t.path));
            HOLDFAST_TRY(stmt.bindText(6, t.mediaType));
            HOLDFAST_TRY(stmt.bindText(7, t.codec));
            HOLDFAST_TRY(stmt.bindInt64(8, t.offset_ms));
            HOLDFAST_TRY(stmt.bindInt64(9, t.duration_ms));
            HOLDFAST_TRY(stmt.bindInt64(10, file ? file->bytes : 0));
            HOLDFAST_TRY(stmt.bindText(11, file ? QString::fromLatin1(file->sha256) : QString()));
            HOLDFAST_TRY(stmt.exec());
        }
    }
    {
        HOLDFAST_CACHED(
            segmentStmt,
            "INSERT INTO transcript_segments (recording_id, seq, speaker, start_ms, end_ms, text) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            purpose + QStringLiteral(": transcript segments"));
        HOLDFAST_CACHED(ftsStmt, "INSERT INTO segments_fts (docid, text) VALUES (?1, ?2)",
                        purpose + QStringLiteral(": transcript index"));
        HOLDFAST_CACHED(wordStmt,
                        "INSERT INTO transcript_words (segment_id, seq, text, start_ms, end_ms, confidence) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        purpose + QStringLiteral(": transcript words"));
        for (qsizetype i = 0; i < transcript.segments.size(); ++i) {
            const model::TranscriptSegment& segment = transcript.segments[i];
            segmentStmt.reset();
            HOLDFAST_TRY(segmentStmt.bindText(1, id));
            HOLDFAST_TRY(segmentStmt.bindInt64(2, i));
            HOLDFAST_TRY(segmentStmt.bindText(3, segment.speaker));
            HOLDFAST_TRY(segmentStmt.bindInt64(4, segment.start_ms));
            HOLDFAST_TRY(segmentStmt.bindInt64(5, segment.end_ms));
            HOLDFAST_TRY(segmentStmt.bindText(6, segment.text));
            HOLDFAST_TRY(segmentStmt.exec());
            const qint64 segmentId = m_database.lastInsertRowId();
            ftsStmt.reset();
            HOLDFAST_TRY(ftsStmt.bindInt64(1, segmentId));
            HOLDFAST_TRY(ftsStmt.bindText(2, segment.text));
            HOLDFAST_TRY(ftsStmt.exec());
            for (qsizetype w = 0; w < segment.words.size(); ++w) {
                const model::TranscriptWord& word = segment.words[w];
                wordStmt.reset();
                HOLDFAST_TRY(wordStmt.bindInt64(1, segmentId));
                HOLDFAST_TRY(wordStmt.bindInt64(2, w));
                HOLDFAST_TRY(wordStmt.bindText(3, word.text));
                HOLDFAST_TRY(wordStmt.bindInt64(4, word.start_ms));
                HOLDFAST_TRY(wordStmt.bindInt64(5, word.end_ms));
                HOLDFAST_TRY(wordStmt.bindDouble(6, word.confidence));
                HOLDFAST_TRY(wordStmt.exec());
            }
        }
    }
    return {};
}

Status RecordingStore::deleteRecording(const QString& recordingId)
{
    const QString purpose = QStringLiteral("delete recording %1").arg(recordingId);
    HOLDFAST_TRY(requireTransaction(purpose));
    HOLDFAST_TRY(requireRecording(recordingId, purpose));
    // Index entries first: external-content FTS4 reads the row being removed.
    static const struct
    {
        const char* rows;
        const char* index;
    } kIndexes[] = {
        {"SELECT id FROM transcript_segments WHERE recording_id = ?1",
         "DELETE FROM segments_fts WHERE docid = ?1"},
        {"SELECT id FROM participants WHERE recording_id = ?1",
         "DELETE FROM participants_fts WHERE docid = ?1"},
        {"SELECT id FROM tags WHERE recording_id = ?1", "DELETE FROM tags_fts WHERE docid = ?1"},
        {"SELECT id FROM bookmarks WHERE recording_id = ?1", "DELETE FROM notes_fts WHERE docid = ?1"},
    };
    for (const auto& index : kIndexes) {
        QList<qint64> rowIds;
        {
            HOLDFAST_CACHED(rows, index.rows, purpose);
            HOLDFAST_TRY(rows.bindText(1, recordingId));
            for (;;) {
                Result<bool> row = rows.step();
                if (!row)
                    return row.error();
                if (!*row)
                    break;
                rowIds << rows.columnInt64(0);
            }
        }
        HOLDFAST_CACHED(stmt, index.index, purpose);
        for (const qint64 rowId : rowIds) {
            stmt.reset();
            HOLDFAST_TRY(stmt.bindInt64(1, rowId));
            HOLDFAST_TRY(stmt.exec());
        }
    }
    // Then the rows, children first (words before their segments).
    static const char* const kDeletes[] = {
        "DELETE FROM transcript_words WHERE segment_id IN "
        "(SELECT id FROM transcript_segments WHERE recording_id = ?1)",
        "DELETE FROM transcript_segments WHERE recording_id = ?1",
        "DELETE FROM participants WHERE recording_id = ?1",
        "DELETE FROM tracks WHERE recording_id = ?1",
        "DELETE FROM files WHERE recording_id = ?1",
        "DELETE FROM tags WHERE recording_id = ?1",
        "DELETE FROM bookmarks WHERE recording_id = ?1",
        "DELETE FROM recordings WHERE id = ?1",
    };
    for (const char* sql : kDeletes) {
        HOLDFAST_CACHED(stmt, sql, purpose);
        HOLDFAST_TRY(stmt.bindText(1, recordingId));
        HOLDFAST_TRY(stmt.exec());
    }
    return {};
}

Status RecordingStore::setBlobId(const QString& recordingId, const QString& path, const QString& blobId)
{
    const QString purpose = QStringLiteral("record blob of %1 in recording %2").arg(path, recordingId);
    HOLDFAST_TRY(requireTransaction(purpose));
    {
        HOLDFAST_CACHED(stmt, "UPDATE files SET blob_id = ?3 WHERE recording_id = ?1 AND path = ?2", purpose);
        HOLDFAST_TRY(stmt.bindText(1, recordingId));
        HOLDFAST_TRY(stmt.bindText(2, path));
        HOLDFAST_TRY(stmt.bindOptionalText(3, blobId));
        HOLDFAST_TRY(stmt.exec());
        if (m_database.changes() == 0)
            return makeError(QStringLiteral("%1: no such file in the cache").arg(purpose));
    }
    HOLDFAST_CACHED(stmt, "UPDATE tracks SET blob_id = ?3 WHERE recording_id = ?1 AND path = ?2", purpose);
    HOLDFAST_TRY(stmt.bindText(1, recordingId));
    HOLDFAST_TRY(stmt.bindText(2, path));
    HOLDFAST_TRY(stmt.bindOptionalText(3, blobId));
    return stmt.exec();
}

Status RecordingStore::setHoldState(const QString& recordingId, const QString& holdState)
{
    const QString purpose = QStringLiteral("set hold state of recording %1").arg(recordingId);
    HOLDFAST_TRY(requireTransaction(purpose));
    if (holdState.isEmpty())
        return makeError(QStringLiteral("%1: empty hold state").arg(purpose));
    HOLDFAST_CACHED(stmt, "UPDATE recordings SET hold_state = ?2 WHERE id = ?1", purpose);
    HOLDFAST_TRY(stmt.bindText(1, recordingId));
    HOLDFAST_TRY(stmt.bindText(2, holdState));
    HOLDFAST_TRY(stmt.exec());
    if (m_database.changes() == 0)
        return makeError(QStringLiteral("%1: recording is not in the cache").arg(purpose));
    return {};
}

Status RecordingStore::addTag(const QString& recordingId, const QString& tag)
{
    const QString purpose = QStringLiteral("tag recording %1").arg(recordingId);
    HOLDFAST_TRY(requireTransaction(purpose));
    if (tag.trimmed().isEmpty())
        return makeError(QStringLiteral("%1: empty tag").arg(purpose));
    HOLDFAST_TRY(requireRecording(recordingId, purpose));
    {
        HOLDFAST_CACHED(stmt, "INSERT OR IGNORE INTO tags (recording_id, tag) VALUES (?1, ?2)", purpose);
        HOLDFAST_TRY(stmt.bindText(1, recordingId));
        HOLDFAST_TRY(stmt.bindText(2, tag.trimmed()));
        HOLDFAST_TRY(stmt.exec());
        if (m_database.changes() == 0)
            return {}; // already tagged
    }
    HOLDFAST_CACHED(stmt, "INSERT INTO tags_fts (docid, tag) VALUES (?1, ?2)", purpose);
    HOLDFAST_TRY(stmt.bindInt64(1, m_database.lastInsertRowId()));
    HOLDFAST_TRY(stmt.bindText(2, tag.trimmed()));
    return stmt.exec();
}

Status RecordingStore::removeTag(const QString& recordingId, const QString& tag)
{
    const QString purpose = QStringLiteral("untag recording %1").arg(recordingId);
    HOLDFAST_TRY(requireTransaction(purpose));
    qint64 tagId = -1;
    {
        HOLDFAST_CACHED(stmt, "SELECT id FROM tags WHERE recording_id = ?1 AND tag = ?2", purpose);
        HOLDFAST_TRY(stmt.bindText(1, recordingId));
        HOLDFAST_TRY(stmt.bindText(2, tag.trimmed()));
        Result<bool> row = stmt.step();
        if (!row)
            return row.error();
        if (!*row)
            return {}; // not tagged
        tagId = stmt.columnInt64(0);
        stmt.reset();
    }
    {
        HOLDFAST_CACHED(stmt, "DELETE FROM tags_fts WHERE docid = ?1", purpose);
        HOLDFAST_TRY(stmt.bindInt64(1, tagId));
        HOLDFAST_TRY(stmt.exec());
    }
    HOLDFAST_CACHED(stmt, "DELETE FROM tags WHERE id = ?1", purpose);
    HOLDFAST_TRY(stmt.bindInt64(1, tagId));
    return stmt.exec();
}

Result<qint64> RecordingStore::addBookmark(const QString& recordingId, qint64 position_ms,
                                           const QString& note, const QString& author, qint64 createdAt_ms)
{
    const QString purpose = QStringLiteral("bookmark recording %1").arg(recordingId);
    HOLDFAST_TRY(requireTransaction(purpose));
    HOLDFAST_TRY(requireRecording(recordingId, purpose));
    if (position_ms < 0)
        return makeError(QStringLiteral("%1: negative position").arg(purpose));
    HOLDFAST_CACHED(stmt,
                    "INSERT INTO bookmarks (recording_id, position_ms, note, created_at, author) "
                    "VALUES (?1, ?2, ?3, ?4, ?5)",
                    purpose);
    HOLDFAST_TRY(stmt.bindText(1, recordingId));
    HOLDFAST_TRY(stmt.bindInt64(2, position_ms));
    HOLDFAST_TRY(stmt.bindText(3, note));
    HOLDFAST_TRY(stmt.bindInt64(4, createdAt_ms >= 0 ? createdAt_ms : nowMs()));
    HOLDFAST_TRY(stmt.bindText(5, author));
    HOLDFAST_TRY(stmt.exec());
    const qint64 bookmarkId = m_database.lastInsertRowId();
    HOLDFAST_CACHED(ftsStmt, "INSERT INTO notes_fts (docid, note) VALUES (?1, ?2)", purpose);
    HOLDFAST_TRY(ftsStmt.bindInt64(1, bookmarkId));
    HOLDFAST_TRY(ftsStmt.bindText(2, note));
    HOLDFAST_TRY(ftsStmt.exec());
    return bookmarkId;
}

Status RecordingStore::updateBookmarkNote(qint64 bookmarkId, const QString& note)
{
    const QString purpose = QStringLiteral("edit bookmark %1").arg(bookmarkId);
    HOLDFAST_TRY(requireTransaction(purpose));
    {
        // While the old note is still in the row: FTS4 reads it to unindex it.
        HOLDFAST_CACHED(stmt, "DELETE FROM notes_fts WHERE docid = ?1", purpose);
        HOLDFAST_TRY(stmt.bindInt64(1, bookmarkId));
        HOLDFAST_TRY(stmt.exec());
    }
    {
        HOLDFAST_CACHED(stmt, "UPDATE bookmarks SET note = ?2 WHERE id = ?1", purpose);
        HOLDFAST_TRY(stmt.bindInt64(1, bookmarkId));
        HOLDFAST_TRY(stmt.bindText(2, note));
        HOLDFAST_TRY(stmt.exec());
        if (m_database.changes() == 0)
            return makeError(QStringLiteral("%1: no such bookmark").arg(purpose));
    }
    HOLDFAST_CACHED(stmt, "INSERT INTO notes_fts (docid, note) VALUES (?1, ?2)", purpose);
    HOLDFAST_TRY(stmt.bindInt64(1, bookmarkId));
    HOLDFAST_TRY(stmt.bindText(2, note));
    return stmt.exec();
}

Status RecordingStore::deleteBookmark(qint64 bookmarkId)
{
    const QString purpose = QStringLiteral("delete bookmark %1").arg(bookmarkId);
    HOLDFAST_TRY(requireTransaction(purpose));
    {
        HOLDFAST_CACHED(stmt, "DELETE FROM notes_fts WHERE docid = ?1", purpose);
        HOLDFAST_TRY(stmt.bindInt64(1, bookmarkId));
        HOLDFAST_TRY(stmt.exec());
    }
    HOLDFAST_CACHED(stmt, "DELETE FROM bookmarks WHERE id = ?1", purpose);
    HOLDFAST_TRY(stmt.bindInt64(1, bookmarkId));
    return stmt.exec();
}

Result<bool> RecordingStore::contains(const QString& recordingId)
{
    HOLDFAST_CACHED(stmt, "SELECT 1 FROM recordings WHERE id = ?1",
                    QStringLiteral("look up recording %1").arg(recordingId));
    HOLDFAST_TRY(stmt.bindText(1, recordingId));
    Result<bool> row = stmt.step();
    stmt.reset();
    return row;
}

Result<qint64> RecordingStore::count()
{
    HOLDFAST_CACHED(stmt, "SELECT count(*) FROM recordings", QStringLiteral("count recordings"));
    Result<bool> row = stmt.step();
    if (!row)
        return row.error();
    const qint64 n = stmt.columnInt64(0);
    stmt.reset();
    return n;
}

Result<qint64> RecordingStore::count(const SearchFilter& filter)
{
    const QString filterSql = searchFilterSql(filter);
    if (filterSql.isEmpty())
        return count();
    Result<Statement> stmt =
        m_database.prepare(QStringLiteral("SELECT count(*) FROM recordings r WHERE ") + filterSql,
                           QStringLiteral("count recordings"));
    if (!stmt)
        return stmt.error();
    HOLDFAST_TRY(bindSearchFilter(*stmt, filter));
    Result<bool> row = stmt->step();
    if (!row)
        return row.error();
    return stmt->columnInt64(0);
}

Result<QList<RecordingSummary>> RecordingStore::summaries(const SearchFilter& filter, int limit, int offset,
                                                          RecordingOrder order, const RecordingSummary* after)
{
    QString filterSql = searchFilterSql(filter);
    // Ties are broken by rowid, which every index carries: the order is then
    // read straight from the started_at (or duration) index, and OFFSET skips
    // rows without computing their participant and tag lists.
    QString orderSql;
    switch (order) {
    case RecordingOrder::NewestFirst:
        orderSql = QStringLiteral("r.started_at DESC, r.rowid DESC");
        break;
    case RecordingOrder::OldestFirst:
        orderSql = QStringLiteral("r.started_at ASC, r.rowid ASC");
        break;
    case RecordingOrder::LongestFirst:
        orderSql = QStringLiteral("r.duration_ms DESC, r.rowid DESC");
        break;
    case RecordingOrder::ShortestFirst:
        orderSql = QStringLiteral("r.duration_ms ASC, r.rowid ASC");
        break;
    }
    // Keyset paging: "key <= k AND (key < k OR rowid < r)" (or the mirror
    // image) keeps an index range on the key, so the page starts right there.
    qint64 afterKey = 0;
    if (after) {
        const bool byDate = order == RecordingOrder::NewestFirst || order == RecordingOrder::OldestFirst;
        const bool descending = order == RecordingOrder::NewestFirst || order == RecordingOrder::LongestFirst;
        const QString key = byDate ? QStringLiteral("r.started_at") : QStringLiteral("r.duration_ms");
        afterKey = byDate ? after->startedAt.toMSecsSinceEpoch() : after->duration_ms;
        const QString clause =
            descending ? QStringLiteral("(%1 <= :after_key AND (%1 < :after_key OR r.rowid < :after_row))")
                       : QStringLiteral("(%1 >= :after_key AND (%1 > :after_key OR r.rowid > :after_row))");
        filterSql =
            filterSql.isEmpty() ? clause.arg(key) : filterSql + QStringLiteral(" AND ") + clause.arg(key);
        offset = 0;
    }
    const QString sql =
        QStringLiteral(
            "SELECT r.id, r.started_at, r.duration_ms, r.title, r.source, r.direction, r.track_kinds, "
            "r.verification_state, r.hold_state, "
            "(SELECT group_concat(display_name, char(31)) FROM "
            "(SELECT display_name FROM participants p WHERE p.recording_id = r.id ORDER BY p.id)), "
            "(SELECT group_concat(tag, char(31)) FROM tags t WHERE t.recording_id = r.id), "
            "r.quarantine_reason, r.rowid "
            "FROM recordings r %1 ORDER BY %2 LIMIT :limit OFFSET :offset")
            .arg(filterSql.isEmpty() ? QString() : QStringLiteral("WHERE ") + filterSql, orderSql);
    Result<Statement> stmt = m_database.prepare(sql, QStringLiteral("list recordings"));
    if (!stmt)
        return stmt.error();
    HOLDFAST_TRY(bindSearchFilter(*stmt, filter));
    HOLDFAST_TRY(stmt->bindInt64(":limit", limit));
    HOLDFAST_TRY(stmt->bindInt64(":offset", std::max(0, offset)));
    if (after) {
        HOLDFAST_TRY(stmt->bindInt64(":after_key", afterKey));
        HOLDFAST_TRY(stmt->bindInt64(":after_row", after->rowId));
    }
    QList<RecordingSummary> list;
    for (;;) {
        Result<bool> row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        RecordingSummary s;
        s.id = stmt->columnText(0);
        s.startedAt = utcFromMs(stmt->columnInt64(1));
        s.duration_ms = stmt->columnInt64(2);
        s.title = stmt->columnText(3);
        s.source = stmt->columnText(4);
        s.direction = model::callDirectionFromName(stmt->columnText(5));
        s.trackKinds = trackKindsFromMask(stmt->columnInt64(6));
        s.verificationState = verificationStateFromName(stmt->columnText(7));
        s.holdState = stmt->columnText(8);
        if (!stmt->columnIsNull(9))
            s.participants = stmt->columnText(9).split(kListSeparator);
        if (!stmt->columnIsNull(10)) {
            s.tags = stmt->columnText(10).split(kListSeparator);
            s.tags.sort();
        }
        s.quarantineReason = stmt->columnText(11);
        s.rowId = stmt->columnInt64(12);
        list.append(std::move(s));
    }
    return list;
}

Result<RecordingDetail> RecordingStore::detail(const QString& recordingId)
{
    const QString purpose = QStringLiteral("read recording %1").arg(recordingId);
    RecordingDetail detail;
    model::Manifest& m = detail.manifest;
    {
        HOLDFAST_CACHED(stmt,
                        "SELECT started_at, ended_at, source, direction, title, capture_node, manifest_json, "
                        "signature, verification_state, quarantine_reason, hold_state, imported_at "
                        "FROM recordings WHERE id = ?1",
                        purpose);
        HOLDFAST_TRY(stmt.bindText(1, recordingId));
        Result<bool> row = stmt.step();
        if (!row)
            return row.error();
        if (!*row)
            return makeError(QStringLiteral("%1: not in the cache").arg(purpose));
        m.id = QUuid::fromString(recordingId);
        m.startedAt = utcFromMs(stmt.columnInt64(0));
        m.endedAt = utcFromMs(stmt.columnInt64(1));
        m.source = stmt.columnText(2);
        m.direction = model::callDirectionFromName(stmt.columnText(3));
        m.title = stmt.columnText(4);
        m.captureNode = stmt.columnText(5);
        detail.manifestJson = stmt.columnBlob(6);
        detail.signature = stmt.columnBlob(7);
        detail.verificationState = verificationStateFromName(stmt.columnText(8));
        detail.quarantineReason = stmt.columnText(9);
        detail.holdState = stmt.columnText(10);
        detail.importedAt_ms = stmt.columnInt64(11);
        stmt.reset();
    }
    {
        HOLDFAST_CACHED(stmt,
                        "SELECT participant_id, display_name, role, phone, email FROM participants "
                        "WHERE recording_id = ?1 ORDER BY id",
                        purpose);
        HOLDFAST_TRY(stmt.bindText(1, recordingId));
        for (;;) {
            Result<bool> row = stmt.step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            m.participants.append({stmt.columnText(0), stmt.columnText(1), stmt.columnText(2),
                                   stmt.columnText(3), stmt.columnText(4)});
        }
    }
    {
        HOLDFAST_CACHED(
            stmt, "SELECT path, sha256, bytes, blob_id FROM files WHERE recording_id = ?1 ORDER BY rowid",
            purpose);
        HOLDFAST_TRY(stmt.bindText(1, recordingId));
        for (;;) {
            Result<bool> row = stmt.step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            m.files.append({stmt.columnText(0), stmt.columnText(1).toLatin1(), stmt.columnInt64(2)});
            if (!stmt.columnIsNull(3))
                detail.blobIdsByPath.insert(stmt.columnText(0), stmt.columnText(3));
        }
    }
    {
        HOLDFAST_CACHED(
            stmt,
            "SELECT track_id, kind, participant_id, path, media_type, codec, offset_ms, duration_ms "
            "FROM tracks WHERE recording_id = ?1 ORDER BY rowid",
            purpose);
        HOLDFAST_TRY(stmt.bindText(1, recordingId));
        for (;;) {
            Result<bool> row = stmt.step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            model::Track t;
            t.id = stmt.columnText(0);
            t.kind = model::trackKindFromName(stmt.columnText(1));
            t.participant = stmt.columnText(2);
            t.path = stmt.columnText(3);
            t.mediaType = stmt.columnText(4);
            t.codec = stmt.columnText(5);
            t.offset_ms = stmt.columnInt64(6);
            t.duration_ms = stmt.columnInt64(7);
            m.tracks.append(t);
        }
    }
    {
        HOLDFAST_CACHED(stmt, "SELECT tag FROM tags WHERE recording_id = ?1 ORDER BY tag", purpose);
        HOLDFAST_TRY(stmt.bindText(1, recordingId));
        for (;;) {
            Result<bool> row = stmt.step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            detail.tags << stmt.columnText(0);
        }
    }
    {
        HOLDFAST_CACHED(
            stmt,
            "SELECT id, position_ms, note, created_at, author FROM bookmarks WHERE recording_id = ?1 "
            "ORDER BY position_ms, id",
            purpose);
        HOLDFAST_TRY(stmt.bindText(1, recordingId));
        for (;;) {
            Result<bool> row = stmt.step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            detail.bookmarks.append({stmt.columnInt64(0), recordingId, stmt.columnInt64(1),
                                     stmt.columnText(2), stmt.columnInt64(3), stmt.columnText(4)});
        }
    }
    return detail;
}

Result<model::Transcript> RecordingStore::transcript(const QString& recordingId)
{
    const QString purpose = QStringLiteral("read transcript of recording %1").arg(recordingId);
    HOLDFAST_TRY(requireRecording(recordingId, purpose));
    model::Transcript transcript;
    QList<qint64> segmentIds;
    {
        HOLDFAST_CACHED(stmt,
                        "SELECT id, speaker, start_ms, end_ms, text FROM transcript_segments "
                        "WHERE recording_id = ?1 ORDER BY seq",
                        purpose);
        HOLDFAST_TRY(stmt.bindText(1, recordingId));
        for (;;) {
            Result<bool> row = stmt.step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            segmentIds << stmt.columnInt64(0);
            model::TranscriptSegment segment;
            segment.speaker = stmt.columnText(1);
            segment.start_ms = stmt.columnInt64(2);
            segment.end_ms = stmt.columnInt64(3);
            segment.text = stmt.columnText(4);
            transcript.segments.append(segment);
        }
    }
    HOLDFAST_CACHED(stmt,
                    "SELECT text, start_ms, end_ms, confidence FROM transcript_words WHERE segment_id = ?1 "
                    "ORDER BY seq",
                    purpose);
    for (qsizetype i = 0; i < segmentIds.size(); ++i) {
        stmt.reset();
        HOLDFAST_TRY(stmt.bindInt64(1, segmentIds[i]));
        for (;;) {
            Result<bool> row = stmt.step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            transcript.segments[i].words.append(
                {stmt.columnText(0), stmt.columnInt64(1), stmt.columnInt64(2), stmt.columnDouble(3)});
        }
    }
    return transcript;
}

} // namespace holdfast::cache

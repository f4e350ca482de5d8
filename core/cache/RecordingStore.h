#pragma once

#include "cache/SearchQuery.h"
#include "model/Manifest.h"
#include "model/Track.h"
#include "model/Transcript.h"
#include "util/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace holdfast::cache {

class Database;

enum class VerificationState
{
    Invalid = 0,
    Verified,
    Quarantined,
};
QString verificationStateName(VerificationState state); // "verified" | "quarantined"
VerificationState verificationStateFromName(const QString& name);

inline constexpr auto kHoldStateNone = "none";
inline constexpr auto kHoldStateHeld = "held"; // a legal hold is in effect

// One row of the recording list.
struct RecordingSummary
{
    QString id;          // manifest UUID without braces
    QDateTime startedAt; // UTC
    qint64 duration_ms = 0;
    QString title;
    QString source;
    model::CallDirection direction = model::CallDirection::Invalid;
    QStringList participants;           // display names, in manifest order
    QList<model::TrackKind> trackKinds; // kinds present, audio/video/screen order
    VerificationState verificationState = VerificationState::Invalid;
    QString quarantineReason; // why verification failed; empty when verified
    QString holdState;
    QStringList tags; // sorted
    qint64 rowId = 0; // the cache's row: a cursor for paging (summaries' `after`)
};

struct Bookmark
{
    qint64 id = 0;
    QString recordingId;
    qint64 position_ms = 0;
    QString note;
    qint64 createdAt_ms = 0;
    QString author;
};

// Everything the cache holds about one recording.
struct RecordingDetail
{
    model::Manifest manifest; // rebuilt from the tables
    QByteArray manifestJson;  // the exact signed bytes
    QByteArray signature;
    VerificationState verificationState = VerificationState::Invalid;
    QString quarantineReason;
    QString holdState;
    qint64 importedAt_ms = 0;
    QStringList tags;
    QList<Bookmark> bookmarks;
    QHash<QString, QString> blobIdsByPath; // files with stored media only
};

// Reads and writes recordings in the cache, and keeps the full-text indexes
// (segments_fts, participants_fts, tags_fts, notes_fts) in step: it is the
// only writer of their content tables. Writers require an open
// transaction (DatabaseTransaction) owned by the caller, so that the
// workspace can add its audit event to the same commit. Prepared statements
// are cached on the Database and reused, so bulk imports stay cheap.
class RecordingStore
{
public:
    explicit RecordingStore(Database& database)
        : m_database(database)
    {}

    Status insertRecording(const model::Manifest& manifest, const QByteArray& manifestBytes,
                           const QByteArray& signatureBytes, const model::Transcript& transcript,
                           VerificationState verificationState, const QString& quarantineReason,
                           qint64 importedAt_ms = -1 /* now */);
    Status deleteRecording(const QString& recordingId);
    // Records where the media of one package file (and its track) is stored.
    Status setBlobId(const QString& recordingId, const QString& path, const QString& blobId);
    Status setHoldState(const QString& recordingId, const QString& holdState);
    Status addTag(const QString& recordingId, const QString& tag);
    Status removeTag(const QString& recordingId, const QString& tag);
    Result<qint64> addBookmark(const QString& recordingId, qint64 position_ms, const QString& note,
                               const QString& author, qint64 createdAt_ms = -1 /* now */);
    Status updateBookmarkNote(qint64 bookmarkId, const QString& note);
    Status deleteBookmark(qint64 bookmarkId);

    Result<bool> contains(const QString& recordingId);
    Result<qint64> count();
    Result<qint64> count(const SearchFilter& filter);
    // Newest first unless `order` says otherwise. limit < 0: all. With
    // `after` (a row of the previous page in the same order), the page starts
    // right after it and offset is ignored: deep pages cost what the first does.
    Result<QList<RecordingSummary>> summaries(const SearchFilter& filter = {}, int limit = -1, int offset = 0,
                                              RecordingOrder order = RecordingOrder::NewestFirst,
                                              const RecordingSummary* after = nullptr);
    Result<RecordingDetail> detail(const QString& recordingId);
    Result<model::Transcript> transcript(const QString& recordingId);

    static QString recordingId(const model::Manifest& manifest); // UUID without braces

private:
    Status requireTransaction(const QString& purpose) const;
    Status requireRecording(const QString& recordingId, const QString& purpose);

    Database& m_database;
};

} // namespace holdfast::cache

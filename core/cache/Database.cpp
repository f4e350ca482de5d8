// sqlite3_key() is only declared when the codec is enabled.
#define SQLITE_HAS_CODEC 1

#include "cache/Database.h"

#include "cache/DatabasePrivate.h"
#include "cache/Migrator.h"
#include "cache/Statement.h"
#include "crypto/SecureMemory.h"

#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace holdfast::cache {

namespace {

constexpr auto kExpectedCipherMajorMinor = "3.4.";

// BM25 over FTS4 matchinfo(fts, 'pcnalx'); optional further arguments weight
// the columns (default 1.0). Higher is better. FTS4 has no built-in ranking.
// Layout (32-bit unsigned): p, c, n, a[c], l[c], then x[3 * p * c] where x holds
// (hits in this row, hits in all rows, rows with hits) per phrase and column.
void bm25Function(sqlite3_context* context, int argc, sqlite3_value** argv)
{
    if (argc < 1 || sqlite3_value_type(argv[0]) != SQLITE_BLOB) {
        sqlite3_result_error(context, "holdfast_bm25: expects matchinfo(table, 'pcnalx')", -1);
        return;
    }
    const auto* info = static_cast<const unsigned int*>(sqlite3_value_blob(argv[0]));
    const int words = sqlite3_value_bytes(argv[0]) / int(sizeof(unsigned int));
    if (info == nullptr || words < 3) {
        sqlite3_result_double(context, 0.0);
        return;
    }
    const int phrases = int(info[0]);
    const int columns = int(info[1]);
    const double rows = double(info[2]);
    if (phrases < 0 || columns <= 0 || words < 3 + 2 * columns + 3 * phrases * columns) {
        sqlite3_result_error(context, "holdfast_bm25: matchinfo blob is not 'pcnalx'", -1);
        return;
    }
    const unsigned int* averageLength = info + 3;
    const unsigned int* rowLength = averageLength + columns;
    const unsigned int* hits = rowLength + columns;

    constexpr double k1 = 1.2;
    constexpr double b = 0.75;
    double score = 0.0;
    for (int p = 0; p < phrases; ++p) {
        for (int c = 0; c < columns; ++c) {
            const unsigned int* x = hits + 3 * (p * columns + c);
            const double tf = double(x[0]);
            if (tf <= 0.0)
                continue;
            const double docsWithHits = double(x[2]);
            // Floor the idf so that very common words still count a little.
            const double idf = std::max(1e-3, std::log((rows - docsWithHits + 0.5) / (docsWithHits + 0.5)));
            const double avg = averageLength[c] > 0 ? double(averageLength[c]) : 1.0;
            const double norm = 1.0 - b + b * double(rowLength[c]) / avg;
            double weight = 1.0;
            if (c + 1 < argc)
                weight = sqlite3_value_double(argv[c + 1]);
            score += weight * idf * (tf * (k1 + 1.0)) / (tf + k1 * norm);
        }
    }
    sqlite3_result_double(context, score);
}

Status execRaw(sqlite3* db, const char* sql, const QString& purpose, const QString& path)
{
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return makeError(sqliteErrorMessage(db, rc, purpose, path));
    return {};
}

// First column of the first row as text (PRAGMA readers).
Result<QString> queryText(sqlite3* db, const char* sql, const QString& purpose, const QString& path)
{
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return makeError(sqliteErrorMessage(db, rc, purpose, path));
    }
    QString value;
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        value = text ? QString::fromUtf8(text) : QString();
    } else if (rc != SQLITE_DONE) {
        const QString message = sqliteErrorMessage(db, rc, purpose, path);
        sqlite3_finalize(stmt);
        return makeError(message);
    }
    sqlite3_finalize(stmt);
    return value;
}

QString modeName(OpenMode mode)
{
    switch (mode) {
    case OpenMode::ReadWrite:
        return QStringLiteral("read-write");
    case OpenMode::ReadOnly:
        return QStringLiteral("read-only");
    case OpenMode::Create:
        return QStringLiteral("create");
    case OpenMode::Invalid:
        break;
    }
    return QStringLiteral("invalid");
}

} // namespace

bool isDamageCode(int code)
{
    const int primary = code & 0xff;
    return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT;
}

QString sqliteErrorMessage(sqlite3* db, int code, const QString& purpose, const QString& path)
{
    const QString sqliteMessage =
        QString::fromUtf8(db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code));
    const int primary = code & 0xff;
    if (primary == SQLITE_NOTADB)
        return QStringLiteral("cache damaged: %1: not a database or wrong key (%2: %3)")
            .arg(path, purpose, sqliteMessage);
    if (primary == SQLITE_CORRUPT)
        return QStringLiteral("cache damaged: %1: %2 (%3)").arg(path, sqliteMessage, purpose);
    if (primary == SQLITE_READONLY)
        return QStringLiteral("%1: the cache is open read-only: %2 (%3)").arg(purpose, sqliteMessage, path);
    return QStringLiteral("%1: %2 (%3)").arg(purpose, sqliteMessage, path);
}

sqlite3* rawHandle(Database& database)
{
    return database.handle()->db;
}

Database::Database()
    : d(std::make_unique<DatabaseHandle>())
{}

Database::~Database()
{
    // Statements first: sqlite3_close refuses a connection with live statements.
    d->statementCache.clear();
    if (d->db != nullptr)
        sqlite3_close_v2(d->db);
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const QByteArray& rawKey32,
                                                 OpenMode mode, const DatabaseOptions& options)
{
    if (rawKey32.size() != kRawKeyBytes)
        return makeError(QStringLiteral("cannot open cache %1: the database key must be %2 bytes, not %3")
                             .arg(path)
                             .arg(kRawKeyBytes)
                             .arg(rawKey32.size()));
    return openImpl(path, &rawKey32, mode, options);
}

Result<std::unique_ptr<Database>> Database::openUnencrypted(const QString& path, OpenMode mode,
                                                            const DatabaseOptions& options)
{
    return openImpl(path, nullptr, mode, options);
}

Result<std::unique_ptr<Database>> Database::openImpl(const QString& path, const QByteArray* rawKey32,
                                                     OpenMode mode, const DatabaseOptions& options)
{
    if (mode == OpenMode::Invalid)
        return makeError(QStringLiteral("cannot open cache %1: no open mode given").arg(path));
    const bool exists = QFileInfo::exists(path);
    if (!exists && mode != OpenMode::Create)
        return makeError(QStringLiteral("cannot open cache %1: no such file").arg(path));

    std::unique_ptr<Database> database(new Database());
    DatabaseHandle& h = *database->d;
    h.path = path;
    h.readOnly = mode == OpenMode::ReadOnly;
    h.encrypted = rawKey32 != nullptr;

    // NOMUTEX: one thread at a time uses a connection (see the class comment).
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_PRIVATECACHE;
    flags |= h.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (mode == OpenMode::Create)
        flags |= SQLITE_OPEN_CREATE;
    const QByteArray pathUtf8 = path.toUtf8();
    const int rc = sqlite3_open_v2(pathUtf8.constData(), &h.db, flags, nullptr);
    if (rc != SQLITE_OK) {
        return makeError(
            sqliteErrorMessage(h.db, rc, QStringLiteral("open cache (%1)").arg(modeName(mode)), path));
    }
    sqlite3_extended_result_codes(h.db, 1);
    sqlite3_busy_timeout(h.db, options.busyTimeout_ms);

    if (rawKey32 != nullptr) {
        // x'<64 hex>' makes SQLCipher use the bytes as the key itself (no PBKDF2).
        QByteArray keySpec = "x'" + rawKey32->toHex() + "'";
        const int keyRc = sqlite3_key(h.db, keySpec.constData(), int(keySpec.size()));
        crypto::secureWipe(keySpec);
        if (keyRc != SQLITE_OK)
            return makeError(sqliteErrorMessage(h.db, keyRc, QStringLiteral("set the cache key"), path));
        // Not stored in the file: must be set on every open, before the first read.
        if (Status s =
                execRaw(h.db, "PRAGMA cipher_page_size = 4096", QStringLiteral("set cipher page size"), path);
            !s)
            return s.error();
    } else if (mode == OpenMode::Create && !exists) {
        if (Status s = execRaw(h.db, "PRAGMA page_size = 4096", QStringLiteral("set page size"), path); !s)
            return s.error();
    }

    const QByteArray cacheSql = "PRAGMA cache_size = -" + QByteArray::number(options.cacheSizeBytes / 1024);
    if (Status s = execRaw(h.db, cacheSql.constData(), QStringLiteral("set cache size"), path); !s)
        return s.error();

    // The library must be the SQLCipher we were built for (format 3 files).
    Result<QString> version =
        queryText(h.db, "PRAGMA cipher_version", QStringLiteral("read cipher version"), path);
    if (!version)
        return version.error();
    if (!version->startsWith(QLatin1String(kExpectedCipherMajorMinor)))
        return makeError(QStringLiteral("cannot open cache %1: SQLCipher %2 found, 3.4.x required")
                             .arg(path, version->isEmpty() ? QStringLiteral("(none)") : *version));

    // The first real read: a wrong key or a damaged first page fails here.
    Result<QString> objects =
        queryText(h.db, "SELECT count(*) FROM sqlite_master", QStringLiteral("read schema"), path);
    if (!objects)
        return objects.error();

    if (h.encrypted) {
        Result<int> pageSize = database->cipherPageSize();
        if (!pageSize)
            return pageSize.error();
        if (*pageSize != kCipherPageSize)
            return makeError(QStringLiteral("cannot open cache %1: cipher_page_size is %2, expected %3")
                                 .arg(path)
                                 .arg(*pageSize)
                                 .arg(kCipherPageSize));
    }

    Result<QString> userVersion =
        queryText(h.db, "PRAGMA user_version", QStringLiteral("read schema version"), path);
    if (!userVersion)
        return userVersion.error();
    h.schemaVersion = userVersion->toInt();
    const int latest = Migrator::latestVersion();
    // Refuse before anything writes (journal mode included): the file stays byte-identical.
    if (h.schemaVersion > latest)
        return makeError(QStringLiteral("cannot open cache %1: its schema version %2 is newer than this "
                                        "Holdfast supports (%3); upgrade Holdfast")
                             .arg(path)
                             .arg(h.schemaVersion)
                             .arg(latest));
    if (h.readOnly && h.schemaVersion < latest)
        return makeError(
            QStringLiteral("cannot open cache %1 read-only: its schema version %2 is older than %3 "
                           "and read-only mode never migrates; open it once read-write")
                .arg(path)
                .arg(h.schemaVersion)
                .arg(latest));

    if (h.readOnly) {
        // Belt and braces on top of SQLITE_OPEN_READONLY.
        if (Status s = execRaw(h.db, "PRAGMA query_only = ON", QStringLiteral("set query-only"), path); !s)
            return s.error();
    } else {
        Result<QString> journal =
            queryText(h.db, "PRAGMA journal_mode = WAL", QStringLiteral("set WAL journal"), path);
        if (!journal)
            return journal.error();
        if (journal->compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            return makeError(
                QStringLiteral("cannot open cache %1: journal mode is %2, WAL required").arg(path, *journal));
        if (Status s = execRaw(h.db, "PRAGMA synchronous = FULL", QStringLiteral("set synchronous"), path);
            !s)
            return s.error();
    }
    if (Status s = execRaw(h.db, "PRAGMA foreign_keys = ON", QStringLiteral("enable foreign keys"), path); !s)
        return s.error();

    const int fnRc = sqlite3_create_function_v2(h.db, "holdfast_bm25", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                                nullptr, &bm25Function, nullptr, nullptr, nullptr);
    if (fnRc != SQLITE_OK)
        return makeError(sqliteErrorMessage(h.db, fnRc, QStringLiteral("register rank function"), path));

    if (!h.readOnly) {
        if (Status s = Migrator::migrate(*database); !s)
            return s.error();
    }
    return database;
}

QString Database::path() const
{
    return d->path;
}

bool Database::isReadOnly() const
{
    return d->readOnly;
}

bool Database::isEncrypted() const
{
    return d->encrypted;
}

int Database::schemaVersion() const
{
    return d->schemaVersion;
}

Status Database::exec(const QString& sql, const QString& purpose)
{
    const QByteArray utf8 = sql.toUtf8();
    return execRaw(d->db, utf8.constData(), purpose, d->path);
}

Result<Statement> Database::prepare(const QString& sql, const QString& purpose)
{
    return Statement::prepare(*this, sql, purpose);
}

Result<Statement*> Database::cached(const char* sql, const QString& purpose)
{
    const QByteArray key(sql);
    auto it = d->statementCache.find(key);
    if (it == d->statementCache.end()) {
        Result<Statement> prepared = Statement::prepare(*this, QString::fromUtf8(key), purpose);
        if (!prepared)
            return prepared.error();
        it = d->statementCache.emplace(key, std::make_unique<Statement>(std::move(prepared).value())).first;
    } else {
        it->second->reset();
    }
    return it->second.get();
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(d->db) == 0;
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(d->db);
}

int Database::changes() const
{
    return sqlite3_changes(d->db);
}

Result<QString> Database::cipherVersion()
{
    return queryText(d->db, "PRAGMA cipher_version", QStringLiteral("read cipher version"), d->path);
}

Result<int> Database::cipherPageSize()
{
    Result<QString> text =
        queryText(d->db, "PRAGMA cipher_page_size", QStringLiteral("read cipher page size"), d->path);
    if (!text)
        return text.error();
    return text->toInt();
}

Status Database::checkIntegrity()
{
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(d->db, "PRAGMA quick_check", -1, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return makeError(sqliteErrorMessage(d->db, rc, QStringLiteral("check integrity"), d->path));
    }
    QStringList problems;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        const QString line = text ? QString::fromUtf8(text) : QString();
        if (line != QLatin1String("ok") && problems.size() < 5)
            problems << line;
    }
    if (rc != SQLITE_DONE) {
        const QString message = sqliteErrorMessage(d->db, rc, QStringLiteral("check integrity"), d->path);
        sqlite3_finalize(stmt);
        return makeError(message);
    }
    sqlite3_finalize(stmt);
    if (!problems.isEmpty())
        return makeError(
            QStringLiteral("cache damaged: %1: %2").arg(d->path, problems.join(QStringLiteral("; "))));
    return {};
}

Status Database::checkpoint()
{
    int logFrames = 0;
    int checkpointed = 0;
    const int rc =
        sqlite3_wal_checkpoint_v2(d->db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &checkpointed);
    if (rc != SQLITE_OK)
        return makeError(sqliteErrorMessage(d->db, rc, QStringLiteral("checkpoint WAL"), d->path));
    return {};
}

} // namespace holdfast::cache

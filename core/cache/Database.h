#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>
#include <memory>

namespace holdfast::cache {

class Statement;
struct DatabaseHandle;

enum class OpenMode
{
    Invalid = 0,
    ReadWrite, // existing database, migrated to the current schema
    ReadOnly,  // existing database, never written (the auditor's workspace)
    Create,    // created when missing, then as ReadWrite
};

struct DatabaseOptions
{
    // Page cache for this connection. The benchmark raises it so that both the
    // encrypted and the keyless database run from memory once warm.
    qint64 cacheSizeBytes = 64LL * 1024 * 1024;
    int busyTimeout_ms = 10000;
};

// One connection to the SQLCipher cache database. Not a QObject and not bound
// to a thread: use it from one thread at a time (the workspace worker thread).
// Opening checks the key, the cipher settings and the schema up front, so a
// wrong key or a damaged file fails here with "cache damaged: <path>: ...".
class Database
{
public:
    static constexpr int kRawKeyBytes = 32;
    static constexpr int kCipherPageSize = 4096;

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // rawKey32 is the 32-byte raw SQLCipher key (from HKDF over the master key):
    // it is handed over in SQLCipher's x'..' form, so no PBKDF2 is applied.
    static Result<std::unique_ptr<Database>> open(const QString& path, const QByteArray& rawKey32,
                                                  OpenMode mode, const DatabaseOptions& options = {});
    // Plain SQLite through the same library, same schema and page size. Only
    // for the benchmark baseline: the cache itself is never stored unencrypted.
    static Result<std::unique_ptr<Database>> openUnencrypted(const QString& path, OpenMode mode,
                                                             const DatabaseOptions& options = {});

    QString path() const;
    bool isReadOnly() const;
    bool isEncrypted() const;
    int schemaVersion() const; // PRAGMA user_version after migrations

    // Runs one or more statements without results; purpose names the work in
    // the error message ("create schema: ...").
    Status exec(const QString& sql, const QString& purpose);
    Result<Statement> prepare(const QString& sql, const QString& purpose);
    // A statement prepared once per connection and reset before it is handed
    // out: for hot paths (bulk inserts). The pointer lives as long as this
    // Database; do not use the same cached statement in two nested loops.
    Result<Statement*> cached(const char* sql, const QString& purpose);

    bool inTransaction() const;
    qint64 lastInsertRowId() const;
    int changes() const; // rows changed by the last statement

    Result<QString> cipherVersion(); // e.g. "3.4.1"; empty when keyless
    Result<int> cipherPageSize();    // 4096 for an encrypted cache
    // Reads every page in use (PRAGMA quick_check): "cache damaged: ..." on failure.
    Status checkIntegrity();
    // Copies the WAL into the database file (TRUNCATE mode).
    Status checkpoint();

private:
    Database();
    static Result<std::unique_ptr<Database>> openImpl(const QString& path, const QByteArray* rawKey32,
                                                      OpenMode mode, const DatabaseOptions& options);
    std::unique_ptr<DatabaseHandle> d;

public:
    // Internal (core/cache, core/audit): see DatabasePrivate.h.
    DatabaseHandle* handle() const { return d.get(); }
};

} // namespace holdfast::cache

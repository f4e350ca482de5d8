#pragma once

// Internal to core/cache and core/audit: the only header that names sqlite3
// types. Never include it from a public header.

#include "cache/Statement.h"

#include <QByteArray>
#include <QString>
#include <map>
#include <memory>
#include <sqlite3.h>

namespace holdfast::cache {

class Database;

struct DatabaseHandle
{
    sqlite3* db = nullptr;
    QString path;
    bool readOnly = false;
    bool encrypted = false;
    int schemaVersion = 0;
    // Statements reused across calls (bulk inserts); finalized before close.
    std::map<QByteArray, std::unique_ptr<Statement>> statementCache;
};

// The raw connection of a database (for Statement and the rank function).
sqlite3* rawHandle(Database& database);

// "<purpose>: <sqlite message> (<db path>)", or "cache damaged: <db path>: ..."
// when the code says the file is not a database or is corrupt.
QString sqliteErrorMessage(sqlite3* db, int code, const QString& purpose, const QString& path);

// True for the result codes that mean the file (or the key) is bad.
bool isDamageCode(int code);

} // namespace holdfast::cache

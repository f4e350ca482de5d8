#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

struct sqlite3_stmt;

namespace holdfast::cache {

class Database;

// A prepared statement, finalized on destruction. Binding indexes are
// 1-based, column indexes 0-based (as in SQLite). Errors carry SQLite's
// message and the purpose given at prepare time.
class Statement
{
public:
    Statement() = default;
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    static Result<Statement> prepare(Database& database, const QString& sql, const QString& purpose);

    bool isValid() const { return m_stmt != nullptr; }
    const QString& purpose() const { return m_purpose; }

    Status bindInt64(int index, qint64 value);
    Status bindDouble(int index, double value);
    Status bindText(int index, const QString& value);         // a null QString binds ''
    Status bindOptionalText(int index, const QString& value); // a null QString binds NULL
    Status bindBlob(int index, const QByteArray& value);
    Status bindNull(int index);
    // By name (":name", "@name" or "$name"); an unknown name is an error.
    Status bindInt64(const char* name, qint64 value);
    Status bindDouble(const char* name, double value);
    Status bindText(const char* name, const QString& value);
    Status bindOptionalText(const char* name, const QString& value);
    Status bindBlob(const char* name, const QByteArray& value);
    Status bindNull(const char* name);

    // true: a row is available; false: done.
    Result<bool> step();
    // Steps to completion, ignoring rows (INSERT/UPDATE/DELETE).
    Status exec();
    // Ready to run again; bindings are cleared.
    void reset();

    int columnCount() const;
    bool columnIsNull(int column) const;
    qint64 columnInt64(int column) const;
    double columnDouble(int column) const;
    QString columnText(int column) const;
    QByteArray columnBlob(int column) const;

private:
    int parameterIndex(const char* name, Status& status) const;
    Status check(int code, const char* what) const;

    sqlite3_stmt* m_stmt = nullptr;
    Database* m_database = nullptr;
    QString m_purpose;
};

} // namespace holdfast::cache

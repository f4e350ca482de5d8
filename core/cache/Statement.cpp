#include "cache/Statement.h"

#include "cache/Database.h"
#include "cache/DatabasePrivate.h"

#include <utility>

namespace holdfast::cache {

Statement::~Statement()
{
    if (m_stmt != nullptr)
        sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_database(std::exchange(other.m_database, nullptr))
    , m_purpose(std::move(other.m_purpose))
{}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        if (m_stmt != nullptr)
            sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_database = std::exchange(other.m_database, nullptr);
        m_purpose = std::move(other.m_purpose);
    }
    return *this;
}

Result<Statement> Statement::prepare(Database& database, const QString& sql, const QString& purpose)
{
    sqlite3* db = rawHandle(database);
    const QByteArray utf8 = sql.toUtf8();
    Statement statement;
    statement.m_database = &database;
    statement.m_purpose = purpose;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &statement.m_stmt, &tail);
    if (rc != SQLITE_OK)
        return makeError(sqliteErrorMessage(db, rc, purpose, database.path()));
    if (statement.m_stmt == nullptr)
        return makeError(QStringLiteral("%1: empty SQL statement").arg(purpose));
    // A statement list would silently run only its first part.
    if (tail != nullptr && QByteArray(tail).trimmed().size() > 0)
        return makeError(QStringLiteral("%1: more than one SQL statement given to prepare").arg(purpose));
    return statement;
}

Status Statement::check(int code, const char* what) const
{
    if (code == SQLITE_OK)
        return {};
    sqlite3* db = m_database ? rawHandle(*m_database) : nullptr;
    return makeError(sqliteErrorMessage(db, code,
                                        QStringLiteral("%1 (%2)").arg(m_purpose, QLatin1String(what)),
                                        m_database ? m_database->path() : QString()));
}

int Statement::parameterIndex(const char* name, Status& status) const
{
    const int index = m_stmt ? sqlite3_bind_parameter_index(m_stmt, name) : 0;
    if (index == 0)
        status =
            makeError(QStringLiteral("%1: no SQL parameter named %2").arg(m_purpose, QLatin1String(name)));
    return index;
}

Status Statement::bindInt64(int index, qint64 value)
{
    return check(sqlite3_bind_int64(m_stmt, index, value), "bind");
}

Status Statement::bindDouble(int index, double value)
{
    return check(sqlite3_bind_double(m_stmt, index, value), "bind");
}

Status Statement::bindText(int index, const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    return check(sqlite3_bind_text64(m_stmt, index, utf8.constData(), sqlite3_uint64(utf8.size()),
                                     SQLITE_TRANSIENT, SQLITE_UTF8),
                 "bind");
}

Status Statement::bindOptionalText(int index, const QString& value)
{
    return value.isNull() ? bindNull(index) : bindText(index, value);
}

Status Statement::bindBlob(int index, const QByteArray& value)
{
    // An empty QByteArray may have a null data pointer, which SQLite binds as NULL.
    static const char empty = 0;
    const char* data = value.isEmpty() ? &empty : value.constData();
    return check(sqlite3_bind_blob64(m_stmt, index, data, sqlite3_uint64(value.size()), SQLITE_TRANSIENT),
                 "bind");
}

Status Statement::bindNull(int index)
{
    return check(sqlite3_bind_null(m_stmt, index), "bind");
}

#define HOLDFAST_BIND_BY_NAME(method, type)                                                                  \
    Status Statement::method(const char* name, type value)                                                   \
    {                                                                                                        \
        Status status;                                                                                       \
        const int index = parameterIndex(name, status);                                                      \
        if (!status)                                                                                         \
            return status;                                                                                   \
        return method(index, value);                                                                         \
    }

HOLDFAST_BIND_BY_NAME(bindInt64, qint64)
HOLDFAST_BIND_BY_NAME(bindDouble, double)
HOLDFAST_BIND_BY_NAME(bindText, const QString&)
HOLDFAST_BIND_BY_NAME(bindOptionalText, const QString&)
HOLDFAST_BIND_BY_NAME(bindBlob, const QByteArray&)
#undef HOLDFAST_BIND_BY_NAME

Status Statement::bindNull(const char* name)
{
    Status status;
    const int index = parameterIndex(name, status);
    if (!status)
        return status;
    return bindNull(index);
}

Result<bool> Statement::step()
{
    if (m_stmt == nullptr)
        return makeError(QStringLiteral("%1: statement not prepared").arg(m_purpose));
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Status status = check(rc, "step");
    // Leave the statement reusable after an error (and release its read lock).
    sqlite3_reset(m_stmt);
    return status.error();
}

Status Statement::exec()
{
    for (;;) {
        Result<bool> row = step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
    }
}

void Statement::reset()
{
    if (m_stmt == nullptr)
        return;
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

bool Statement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 Statement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::columnDouble(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::columnText(int column) const
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    const int bytes = sqlite3_column_bytes(m_stmt, column);
    return text ? QString::fromUtf8(text, bytes) : QString();
}

QByteArray Statement::columnBlob(int column) const
{
    const void* data = sqlite3_column_blob(m_stmt, column);
    const int bytes = sqlite3_column_bytes(m_stmt, column);
    return data ? QByteArray(static_cast<const char*>(data), bytes) : QByteArray();
}

} // namespace holdfast::cache

#include "cache/DatabaseTransaction.h"

#include "cache/Database.h"

#include <utility>

namespace holdfast::cache {

Result<DatabaseTransaction> DatabaseTransaction::begin(Database& database)
{
    if (database.inTransaction())
        return makeError(
            QStringLiteral("begin transaction: a transaction is already open (%1)").arg(database.path()));
    if (database.isReadOnly())
        return makeError(
            QStringLiteral("begin transaction: the cache is open read-only (%1)").arg(database.path()));
    if (Status s = database.exec(QStringLiteral("BEGIN IMMEDIATE"), QStringLiteral("begin transaction")); !s)
        return s.error();
    return DatabaseTransaction(&database);
}

DatabaseTransaction::~DatabaseTransaction()
{
    rollback();
}

DatabaseTransaction::DatabaseTransaction(DatabaseTransaction&& other) noexcept
    : m_database(std::exchange(other.m_database, nullptr))
{}

Status DatabaseTransaction::commit()
{
    if (m_database == nullptr)
        return makeError(QStringLiteral("commit: no open transaction"));
    Status s = m_database->exec(QStringLiteral("COMMIT"), QStringLiteral("commit transaction"));
    if (!s) {
        rollback();
        return s;
    }
    m_database = nullptr;
    return {};
}

void DatabaseTransaction::rollback()
{
    if (m_database == nullptr)
        return;
    // SQLite may already have rolled back on some errors (e.g. SQLITE_FULL).
    if (m_database->inTransaction())
        (void)m_database->exec(QStringLiteral("ROLLBACK"), QStringLiteral("roll back transaction"));
    m_database = nullptr;
}

} // namespace holdfast::cache

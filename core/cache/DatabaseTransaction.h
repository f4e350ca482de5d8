#pragma once

#include "util/Result.h"

namespace holdfast::cache {

class Database;

// BEGIN IMMEDIATE on construction (the write lock is taken up front, so a
// busy database fails here rather than half-way through), ROLLBACK on
// destruction unless commit() succeeded. Not nestable.
class DatabaseTransaction
{
public:
    static Result<DatabaseTransaction> begin(Database& database);

    ~DatabaseTransaction();
    DatabaseTransaction(DatabaseTransaction&& other) noexcept;
    DatabaseTransaction& operator=(DatabaseTransaction&& other) = delete;
    DatabaseTransaction(const DatabaseTransaction&) = delete;
    DatabaseTransaction& operator=(const DatabaseTransaction&) = delete;

    Status commit();
    void rollback();
    bool isActive() const { return m_database != nullptr; }

private:
    explicit DatabaseTransaction(Database* database)
        : m_database(database)
    {}
    Database* m_database = nullptr;
};

} // namespace holdfast::cache

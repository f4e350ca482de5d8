#pragma once

// Early returns for the cache's stores (RecordingStore, SyncStateStore,
// VaultAccountStore), whose functions return Status or Result<T>.

#include "cache/Database.h"
#include "cache/Statement.h"
#include "util/Result.h"

// Returns the error of a failed Status from the enclosing function.
#define HOLDFAST_TRY(expr)                                                                                   \
    do {                                                                                                     \
        if (::holdfast::Status status_ = (expr); !status_)                                                   \
            return status_.error();                                                                          \
    } while (false)

// Declares `var`, the statement cached on m_database for sql, or returns the
// error of preparing it.
#define HOLDFAST_CACHED(var, sql, purpose)                                                                   \
    ::holdfast::Result<::holdfast::cache::Statement*> var##Result = m_database.cached(sql, purpose);         \
    if (!var##Result)                                                                                        \
        return var##Result.error();                                                                          \
    ::holdfast::cache::Statement& var = **var##Result

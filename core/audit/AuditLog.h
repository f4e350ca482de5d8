#pragma once

#include "audit/AuditEvent.h"
#include "util/Result.h"

#include <QList>
#include <QString>
#include <optional>

namespace holdfast::cache {
class Database;
}

namespace holdfast::audit {

struct AuditFilter
{
    QString actor;  // exact; empty: any
    QString action; // exact, or a prefix ending in '.' ("hold." matches "hold.place"); empty: any
    QString target; // exact; empty: any
    std::optional<qint64> from_ms;   // time_ms >= this
    std::optional<qint64> before_ms; // time_ms < this
    bool newestFirst = true;
};

// The append-only audit log, stored in the cache database (audit_events) and
// chained by SHA-256: each event's hash covers its fields and the previous
// event's hash. append() runs inside the caller's transaction, so an action
// and its audit event commit (or roll back) together.
class AuditLog
{
public:
    explicit AuditLog(cache::Database& database)
        : m_database(database)
    {}

    // Assigns seq, prev_hash and hash (and time_ms when 0); details must be
    // a JSON object (empty: "{}"). Fails outside a transaction.
    Result<AuditEvent> append(AuditEvent event);

    Result<QList<AuditEvent>> list(const AuditFilter& filter = {}, int limit = 100);
    Result<qint64> count();
    // The last event's seq and hash (0 and kGenesisHash when empty): anchor it
    // outside the cache (e.g. in an evidence pack) to detect a rewritten chain.
    Result<std::pair<qint64, QByteArray>> head();

private:
    cache::Database& m_database;
};

} // namespace holdfast::audit

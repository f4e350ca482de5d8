#include "audit/AuditLog.h"

#include "cache/Database.h"
#include "cache/Statement.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>

namespace holdfast::audit {

namespace {

#define HOLDFAST_AUDIT_TRY(expr)                                                                             \
    do {                                                                                                     \
        if (::holdfast::Status status_ = (expr); !status_)                                                   \
            return status_.error();                                                                          \
    } while (false)

} // namespace

Result<std::pair<qint64, QByteArray>> AuditLog::head()
{
    Result<cache::Statement*> stmt =
        m_database.cached("SELECT seq, hash FROM audit_head WHERE id = 1", QStringLiteral("read audit head"));
    if (!stmt)
        return stmt.error();
    Result<bool> row = (*stmt)->step();
    if (!row)
        return row.error();
    std::pair<qint64, QByteArray> result{0, QByteArray(kGenesisHash)};
    if (*row)
        result = {(*stmt)->columnInt64(0), (*stmt)->columnText(1).toLatin1()};
    (*stmt)->reset();
    return result;
}

Result<AuditEvent> AuditLog::append(AuditEvent event)
{
    const QString purpose = QStringLiteral("append audit event %1").arg(event.action);
    if (m_database.isReadOnly())
        return makeError(
            QStringLiteral("%1: the cache is open read-only (%2)").arg(purpose, m_database.path()));
    if (!m_database.inTransaction())
        return makeError(
            QStringLiteral("%1: must run inside the transaction of the audited change").arg(purpose));
    if (event.actor.isEmpty() || event.role.isEmpty() || event.action.isEmpty())
        return makeError(QStringLiteral("%1: actor, role and action are required").arg(purpose));
    if (event.details.trimmed().isEmpty()) {
        event.details = QStringLiteral("{}");
    } else {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(event.details.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return makeError(QStringLiteral("%1: details must be a JSON object").arg(purpose));
    }
    if (event.time_ms == 0)
        event.time_ms = QDateTime::currentMSecsSinceEpoch();

    Result<std::pair<qint64, QByteArray>> last = head();
    if (!last)
        return last.error();
    event.seq = last->first + 1;
    event.prevHash = last->second;
    event.hash = event.computeHash();

    {
        Result<cache::Statement*> stmt = m_database.cached(
            "INSERT INTO audit_events (seq, actor, role, time_ms, action, target, details, prev_hash, hash) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            purpose);
        if (!stmt)
            return stmt.error();
        cache::Statement& s = **stmt;
        HOLDFAST_AUDIT_TRY(s.bindInt64(1, event.seq));
        HOLDFAST_AUDIT_TRY(s.bindText(2, event.actor));
        HOLDFAST_AUDIT_TRY(s.bindText(3, event.role));
        HOLDFAST_AUDIT_TRY(s.bindInt64(4, event.time_ms));
        HOLDFAST_AUDIT_TRY(s.bindText(5, event.action));
        HOLDFAST_AUDIT_TRY(s.bindText(6, event.target));
        HOLDFAST_AUDIT_TRY(s.bindText(7, event.details));
        HOLDFAST_AUDIT_TRY(s.bindText(8, QString::fromLatin1(event.prevHash)));
        HOLDFAST_AUDIT_TRY(s.bindText(9, QString::fromLatin1(event.hash)));
        HOLDFAST_AUDIT_TRY(s.exec());
    }
    // SQLite 3.15 has no upsert; the head row has no triggers or dependents.
    Result<cache::Statement*> stmt =
        m_database.cached("INSERT OR REPLACE INTO audit_head (id, seq, hash) VALUES (1, ?1, ?2)", purpose);
    if (!stmt)
        return stmt.error();
    HOLDFAST_AUDIT_TRY((*stmt)->bindInt64(1, event.seq));
    HOLDFAST_AUDIT_TRY((*stmt)->bindText(2, QString::fromLatin1(event.hash)));
    HOLDFAST_AUDIT_TRY((*stmt)->exec());
    return event;
}

Result<qint64> AuditLog::count()
{
    Result<cache::Statement*> stmt =
        m_database.cached("SELECT count(*) FROM audit_events", QStringLiteral("count audit events"));
    if (!stmt)
        return stmt.error();
    Result<bool> row = (*stmt)->step();
    if (!row)
        return row.error();
    const qint64 n = (*stmt)->columnInt64(0);
    (*stmt)->reset();
    return n;
}

Result<QList<AuditEvent>> AuditLog::list(const AuditFilter& filter, int limit)
{
    QStringList where;
    if (!filter.actor.isEmpty())
        where << QStringLiteral("actor = :actor");
    if (!filter.action.isEmpty())
        where << (filter.action.endsWith(u'.')
                      ? QStringLiteral("substr(action, 1, length(:action)) = :action")
                      : QStringLiteral("action = :action"));
    if (!filter.target.isEmpty())
        where << QStringLiteral("target = :target");
    if (filter.from_ms)
        where << QStringLiteral("time_ms >= :from");
    if (filter.before_ms)
        where << QStringLiteral("time_ms < :before");
    const QString sql =
        QStringLiteral("SELECT seq, actor, role, time_ms, action, target, details, prev_hash, hash FROM "
                       "audit_events %1 ORDER BY seq %2 LIMIT :limit")
            .arg(where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")),
                 filter.newestFirst ? QStringLiteral("DESC") : QStringLiteral("ASC"));
    Result<cache::Statement> stmt = m_database.prepare(sql, QStringLiteral("list audit events"));
    if (!stmt)
        return stmt.error();
    if (!filter.actor.isEmpty())
        HOLDFAST_AUDIT_TRY(stmt->bindText(":actor", filter.actor));
    if (!filter.action.isEmpty())
        HOLDFAST_AUDIT_TRY(stmt->bindText(":action", filter.action));
    if (!filter.target.isEmpty())
        HOLDFAST_AUDIT_TRY(stmt->bindText(":target", filter.target));
    if (filter.from_ms)
        HOLDFAST_AUDIT_TRY(stmt->bindInt64(":from", *filter.from_ms));
    if (filter.before_ms)
        HOLDFAST_AUDIT_TRY(stmt->bindInt64(":before", *filter.before_ms));
    HOLDFAST_AUDIT_TRY(stmt->bindInt64(":limit", limit));
    QList<AuditEvent> events;
    for (;;) {
        Result<bool> row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        AuditEvent e;
        e.seq = stmt->columnInt64(0);
        e.actor = stmt->columnText(1);
        e.role = stmt->columnText(2);
        e.time_ms = stmt->columnInt64(3);
        e.action = stmt->columnText(4);
        e.target = stmt->columnText(5);
        e.details = stmt->columnText(6);
        e.prevHash = stmt->columnText(7).toLatin1();
        e.hash = stmt->columnText(8).toLatin1();
        events.append(e);
    }
    return events;
}

} // namespace holdfast::audit

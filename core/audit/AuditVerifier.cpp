#include "audit/AuditVerifier.h"

#include "audit/AuditEvent.h"
#include "cache/Database.h"
#include "cache/Statement.h"

namespace holdfast::audit {

namespace {

AuditVerification broken(qint64 checked, qint64 seq, const QString& problem)
{
    AuditVerification v;
    v.ok = false;
    v.eventsChecked = checked;
    v.firstBadSeq = seq;
    v.problem = QStringLiteral("seq %1: %2").arg(seq).arg(problem);
    return v;
}

} // namespace

Result<AuditVerification> AuditVerifier::verify()
{
    Result<cache::Statement> stmt = m_database.prepare(
        QStringLiteral("SELECT seq, actor, role, time_ms, action, target, details, prev_hash, hash "
                       "FROM audit_events ORDER BY seq"),
        QStringLiteral("verify audit log"));
    if (!stmt)
        return stmt.error();

    qint64 expectedSeq = 1;
    QByteArray expectedPrev(kGenesisHash);
    qint64 checked = 0;
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

        if (e.seq != expectedSeq) {
            return broken(checked, expectedSeq,
                          QStringLiteral("missing: the chain jumps from %1 to %2 (event deleted)")
                              .arg(expectedSeq - 1)
                              .arg(e.seq));
        }
        if (e.computeHash() != e.hash) {
            return broken(checked, e.seq,
                          QStringLiteral("contents do not match the stored hash (event %1 \"%2\" modified, "
                                         "forged or moved)")
                              .arg(e.seq)
                              .arg(e.action));
        }
        if (e.prevHash != expectedPrev) {
            return broken(
                checked, e.seq,
                QStringLiteral("prev_hash does not match the hash of seq %1 (an event was inserted, "
                               "deleted or reordered before it)")
                    .arg(e.seq - 1));
        }
        expectedPrev = e.hash;
        ++expectedSeq;
        ++checked;
    }

    const qint64 lastSeq = expectedSeq - 1;
    Result<cache::Statement> headStmt = m_database.prepare(
        QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1"), QStringLiteral("read audit head"));
    if (!headStmt)
        return headStmt.error();
    Result<bool> headRow = headStmt->step();
    if (!headRow)
        return headRow.error();
    const qint64 headSeq = *headRow ? headStmt->columnInt64(0) : 0;
    const QByteArray headHash = *headRow ? headStmt->columnText(1).toLatin1() : QByteArray(kGenesisHash);
    if (headSeq > lastSeq)
        return broken(
            checked, lastSeq + 1,
            QStringLiteral("missing: the log ends at %1 but %2 events were appended (events deleted "
                           "from the end)")
                .arg(lastSeq)
                .arg(headSeq));
    if (headSeq < lastSeq)
        return broken(
            checked, headSeq + 1,
            QStringLiteral("not recorded by the audit log (event inserted after seq %1)").arg(headSeq));
    if (headHash != expectedPrev)
        return broken(
            checked, lastSeq,
            QStringLiteral("hash differs from the one recorded at append time (last event replaced)"));

    AuditVerification v;
    v.ok = true;
    v.eventsChecked = checked;
    v.headHash = expectedPrev;
    return v;
}

} // namespace holdfast::audit

#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace holdfast::cache {
class Database;
}

namespace holdfast::audit {

struct AuditVerification
{
    bool ok = false;
    qint64 eventsChecked = 0;
    qint64 firstBadSeq = 0; // 0 when ok
    QString problem;        // "seq 7: ..." when not ok
    QByteArray headHash;    // hash of the last event (kGenesisHash when empty)
};

// Walks the chain in seq order and reports the first event that is missing,
// out of place, altered, or not linked to its predecessor:
//  - modified:  the stored hash differs from the recomputed one
//  - deleted:   a gap in seq (or a head beyond the last event)
//  - inserted / reordered: prev_hash differs from the previous event's hash,
//    or a renumbered event no longer matches its own hash
// Without a secret the chain cannot stop someone who rewrites every later
// event; compare headHash with an anchor kept elsewhere for that.
class AuditVerifier
{
public:
    explicit AuditVerifier(cache::Database& database)
        : m_database(database)
    {}

    // An error only when the database cannot be read; a broken chain is a
    // result with ok == false.
    Result<AuditVerification> verify();

private:
    cache::Database& m_database;
};

} // namespace holdfast::audit

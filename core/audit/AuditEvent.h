#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace holdfast::audit {

// 64 zeros: the prev_hash of the first event of a chain.
inline constexpr auto kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

// One entry of the hash-chained audit log.
struct AuditEvent
{
    qint64 seq = 0;      // 1, 2, 3, ... assigned by AuditLog::append
    QString actor;       // user name
    QString role;        // "compliance_officer", "legal", "auditor", ...
    qint64 time_ms = 0;  // UTC ms since epoch; 0 on append: now
    QString action;      // e.g. "hold.place", "recording.import"
    QString target;      // e.g. a recording id
    QString details;     // JSON object text, hashed exactly as stored
    QByteArray prevHash; // lower-case hex SHA-256 of the previous event
    QByteArray hash;     // lower-case hex SHA-256 of canonicalBytes()

    // The hashed serialisation (version 1): the line "holdfast.audit/1", then
    // for each of seq, actor, role, time_ms, action, target, details, prev_hash
    // the UTF-8 byte length in decimal, ':', the UTF-8 bytes and '\n'. Numbers
    // are decimal ASCII. Length prefixes make every field boundary unambiguous.
    QByteArray canonicalBytes() const;
    QByteArray computeHash() const; // lower-case hex

    bool operator==(const AuditEvent&) const = default;
};

} // namespace holdfast::audit

#include "audit/AuditEvent.h"

#include "crypto/Sha256.h"

namespace holdfast::audit {

namespace {

void appendField(QByteArray& out, const QByteArray& value)
{
    out += QByteArray::number(value.size());
    out += ':';
    out += value;
    out += '\n';
}

} // namespace

QByteArray AuditEvent::canonicalBytes() const
{
    QByteArray out("holdfast.audit/1\n");
    appendField(out, QByteArray::number(seq));
    appendField(out, actor.toUtf8());
    appendField(out, role.toUtf8());
    appendField(out, QByteArray::number(time_ms));
    appendField(out, action.toUtf8());
    appendField(out, target.toUtf8());
    appendField(out, details.toUtf8());
    appendField(out, prevHash);
    return out;
}

QByteArray AuditEvent::computeHash() const
{
    return crypto::Sha256::hashHex(canonicalBytes());
}

} // namespace holdfast::audit

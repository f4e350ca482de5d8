#include "vault/Vault.h"

#include <QBuffer>

namespace holdfast::vault {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Invalid:
        return QStringLiteral("invalid");
    case ErrorKind::NotFound:
        return QStringLiteral("not_found");
    case ErrorKind::PreconditionFailed:
        return QStringLiteral("precondition_failed");
    case ErrorKind::AuthenticationFailed:
        return QStringLiteral("authentication_failed");
    case ErrorKind::PermissionDenied:
        return QStringLiteral("permission_denied");
    case ErrorKind::ContainerNotFound:
        return QStringLiteral("container_not_found");
    case ErrorKind::Network:
        return QStringLiteral("network");
    case ErrorKind::Tls:
        return QStringLiteral("tls");
    case ErrorKind::Timeout:
        return QStringLiteral("timeout");
    case ErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorKind::Protocol:
        return QStringLiteral("protocol");
    case ErrorKind::ServerBusy:
        return QStringLiteral("server_busy");
    case ErrorKind::Integrity:
        return QStringLiteral("integrity");
    case ErrorKind::InvalidArgument:
        return QStringLiteral("invalid_argument");
    case ErrorKind::Io:
        return QStringLiteral("io");
    }
    return QStringLiteral("invalid");
}

VaultStatus validateBlobName(const QString& name)
{
    const auto bad = [&](const QString& why) {
        return makeVaultError(ErrorKind::InvalidArgument,
                              QStringLiteral("invalid blob name '%1': %2").arg(name.left(200), why));
    };
    if (name.isEmpty())
        return bad(QStringLiteral("empty"));
    if (name.size() > 1024)
        return bad(QStringLiteral("longer than 1024 characters"));
    for (const QChar c : name) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return bad(QStringLiteral("contains a control character"));
        if (c == QLatin1Char('\\'))
            return bad(QStringLiteral("contains a backslash"));
    }
    const QStringList parts = name.split(QLatin1Char('/'));
    for (const QString& part : parts) {
        if (part.isEmpty())
            return bad(QStringLiteral("has an empty path component"));
        if (part == QLatin1String(".") || part == QLatin1String(".."))
            return bad(QStringLiteral("has a '.' or '..' component"));
    }
    return {};
}

VaultStatus validateMetadata(const Metadata& metadata)
{
    for (auto it = metadata.cbegin(); it != metadata.cend(); ++it) {
        const QString& key = it.key();
        bool valid = !key.isEmpty() && !key.at(0).isDigit();
        for (const QChar c : key)
            valid = valid && c.unicode() < 0x80 && (c.isLetterOrNumber() || c == QLatin1Char('_'));
        if (!valid)
            return makeVaultError(
                ErrorKind::InvalidArgument,
                QStringLiteral("invalid metadata name '%1': use letters, digits and '_'").arg(key.left(100)));
        for (const QChar c : it.value()) {
            if (c.unicode() < 0x20 || c.unicode() >= 0x7f)
                return makeVaultError(
                    ErrorKind::InvalidArgument,
                    QStringLiteral("metadata value of '%1' must be printable ASCII").arg(key));
        }
    }
    return {};
}

VaultResult<QByteArray> Vault::read(const QString& name, qint64 offset_bytes, qint64 length_bytes,
                                    const std::atomic_bool* cancel)
{
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    auto written = doReadTo(name, &buffer, offset_bytes, length_bytes, {}, cancel);
    if (!written)
        return written.error();
    buffer.close();
    return data;
}

VaultResult<QString> Vault::put(const QString& name, const QByteArray& data, const Condition& condition,
                                const PutOptions& options, const std::atomic_bool* cancel)
{
    QByteArray copy = data; // QBuffer needs a non-const array; implicit sharing keeps this cheap
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return doPut(name, &buffer, copy.size(), condition, options, {}, cancel);
}

VaultResult<Metadata> Vault::getMetadata(const QString& name, const std::atomic_bool* cancel)
{
    auto entry = doStat(name, cancel);
    if (!entry)
        return entry.error();
    return entry->metadata;
}

} // namespace holdfast::vault

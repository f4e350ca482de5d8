#include "vault/AzureConnectionString.h"

#include <QHash>
#include <QProcessEnvironment>

namespace holdfast::vault {

namespace {

VaultError invalid(const QString& why)
{
    return makeVaultError(ErrorKind::InvalidArgument,
                          QStringLiteral("invalid Azure Storage connection string: %1").arg(why));
}

QUrl cleanEndpoint(const QString& text)
{
    QString s = text.trimmed();
    while (s.endsWith(QLatin1Char('/')))
        s.chop(1);
    return QUrl(s, QUrl::StrictMode);
}

} // namespace

AzureConnectionString AzureConnectionString::developmentStorage(const QString& blobEndpoint)
{
    AzureConnectionString result;
    result.accountName = QString::fromLatin1(kDevelopmentAccountName);
    result.accountKey = QByteArray::fromBase64(kDevelopmentAccountKeyBase64);
    result.blobEndpoint =
        cleanEndpoint(blobEndpoint.isEmpty() ? QString::fromLatin1(kDevelopmentBlobEndpoint) : blobEndpoint);
    return result;
}

VaultResult<AzureConnectionString> AzureConnectionString::parse(const QString& text)
{
    QHash<QString, QString> values;
    const QStringList parts = text.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString& rawPart : parts) {
        const QString part = rawPart.trimmed();
        if (part.isEmpty())
            continue;
        const int eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return invalid(QStringLiteral("expected Key=Value, found a part without '='"));
        const QString key = part.left(eq).trimmed().toLower();
        if (values.contains(key))
            return invalid(QStringLiteral("'%1' appears twice").arg(part.left(eq).trimmed()));
        values.insert(key, part.mid(eq + 1).trimmed());
    }
    if (values.isEmpty())
        return invalid(QStringLiteral("empty"));

    if (values.value(QStringLiteral("usedevelopmentstorage"))
            .compare(QLatin1String("true"), Qt::CaseInsensitive) == 0) {
        // DevelopmentStorageProxyUri moves the emulator elsewhere (host and scheme only).
        QString endpoint;
        const QString proxy = values.value(QStringLiteral("developmentstorageproxyuri"));
        if (!proxy.isEmpty()) {
            QUrl proxyUrl(proxy);
            if (!proxyUrl.isValid() || proxyUrl.host().isEmpty())
                return invalid(QStringLiteral("DevelopmentStorageProxyUri is not a URL"));
            endpoint =
                QStringLiteral("%1://%2:10000/%3")
                    .arg(proxyUrl.scheme(), proxyUrl.host(), QString::fromLatin1(kDevelopmentAccountName));
        }
        return developmentStorage(endpoint);
    }

    AzureConnectionString result;
    result.accountName = values.value(QStringLiteral("accountname"));
    const QString key = values.value(QStringLiteral("accountkey"));
    if (!key.isEmpty()) {
        result.accountKey = QByteArray::fromBase64(key.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (result.accountKey.isEmpty())
            return invalid(QStringLiteral("AccountKey is not valid base64"));
    }
    QString sas = values.value(QStringLiteral("sharedaccesssignature"));
    if (sas.startsWith(QLatin1Char('?')))
        sas.remove(0, 1);
    result.sharedAccessSignature = sas;

    const QString blobEndpoint = values.value(QStringLiteral("blobendpoint"));
    if (!blobEndpoint.isEmpty()) {
        result.blobEndpoint = cleanEndpoint(blobEndpoint);
        if (!result.blobEndpoint.isValid() || result.blobEndpoint.host().isEmpty() ||
            (result.blobEndpoint.scheme() != QLatin1String("http") &&
             result.blobEndpoint.scheme() != QLatin1String("https")))
            return invalid(QStringLiteral("BlobEndpoint '%1' is not an http(s) URL").arg(blobEndpoint));
    } else {
        if (result.accountName.isEmpty())
            return invalid(QStringLiteral("neither AccountName nor BlobEndpoint is given"));
        const QString protocol =
            values.value(QStringLiteral("defaultendpointsprotocol"), QStringLiteral("https")).toLower();
        if (protocol != QLatin1String("https") && protocol != QLatin1String("http"))
            return invalid(QStringLiteral("DefaultEndpointsProtocol must be https or http"));
        const QString suffix =
            values.value(QStringLiteral("endpointsuffix"), QStringLiteral("core.windows.net"));
        result.blobEndpoint = QUrl(
            QStringLiteral("%1://%2.blob.%3").arg(protocol, result.accountName, suffix), QUrl::StrictMode);
        if (!result.blobEndpoint.isValid())
            return invalid(QStringLiteral("AccountName/EndpointSuffix do not form a host name"));
    }
    if (result.accountName.isEmpty()) {
        // Shared Key signs with the account name: take it from the endpoint's host or path.
        const QString host = result.blobEndpoint.host();
        const QString path = result.blobEndpoint.path();
        if (host.contains(QLatin1String(".blob.")))
            result.accountName = host.section(QLatin1Char('.'), 0, 0);
        else if (path.size() > 1)
            result.accountName = path.mid(1).section(QLatin1Char('/'), 0, 0);
    }
    if (!result.hasSharedKey() && !result.hasSas())
        return invalid(QStringLiteral("neither AccountKey nor SharedAccessSignature is given"));
    if (result.hasSharedKey() && result.accountName.isEmpty())
        return invalid(QStringLiteral("AccountKey needs AccountName"));
    return result;
}

VaultResult<AzureConnectionString> AzureConnectionString::fromEnvironment()
{
    const QString text =
        QProcessEnvironment::systemEnvironment().value(QStringLiteral("AZURE_STORAGE_CONNECTION_STRING"));
    if (text.isEmpty())
        return makeVaultError(ErrorKind::InvalidArgument,
                              QStringLiteral("AZURE_STORAGE_CONNECTION_STRING is not set"));
    return parse(text);
}

} // namespace holdfast::vault

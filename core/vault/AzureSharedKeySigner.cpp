#include "vault/AzureSharedKeySigner.h"

#include <QLocale>
#include <QMap>
#include <QMessageAuthenticationCode>
#include <QUrlQuery>
#include <algorithm>

namespace holdfast::vault {

namespace {

QByteArray headerValue(const HttpHeaders& headers, const char* name)
{
    for (const auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

// Collapses runs of linear white space to one space and trims, as the
// canonicalised-headers rule asks.
QByteArray collapseWhitespace(const QByteArray& value)
{
    return value.simplified();
}

QByteArray isoSecondsUtc(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")).toLatin1();
}

} // namespace

AzureSharedKeySigner::AzureSharedKeySigner(QString accountName, QByteArray accountKey)
    : m_accountName(std::move(accountName))
    , m_accountKey(std::move(accountKey))
{}

QByteArray AzureSharedKeySigner::httpDate(const QDateTime& time)
{
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
}

QByteArray AzureSharedKeySigner::stringToSign(const QByteArray& verb, const QUrl& url,
                                              const HttpHeaders& headers) const
{
    QByteArray out = verb.toUpper() + '\n';
    out += headerValue(headers, "Content-Encoding") + '\n';
    out += headerValue(headers, "Content-Language") + '\n';
    // Since version 2015-02-21 a zero length is signed as an empty string.
    const QByteArray length = headerValue(headers, "Content-Length");
    out += (length == "0" ? QByteArray() : length) + '\n';
    out += headerValue(headers, "Content-MD5") + '\n';
    out += headerValue(headers, "Content-Type") + '\n';
    out += headerValue(headers, "Date") + '\n';
    out += headerValue(headers, "If-Modified-Since") + '\n';
    out += headerValue(headers, "If-Match") + '\n';
    out += headerValue(headers, "If-None-Match") + '\n';
    out += headerValue(headers, "If-Unmodified-Since") + '\n';
    out += headerValue(headers, "Range") + '\n';

    // Canonicalised headers: every x-ms-* header, lower-case names, sorted.
    QMap<QByteArray, QByteArray> msHeaders;
    for (const auto& header : headers) {
        const QByteArray name = header.first.toLower().trimmed();
        if (name.startsWith("x-ms-"))
            msHeaders.insert(name, collapseWhitespace(header.second));
    }
    for (auto it = msHeaders.cbegin(); it != msHeaders.cend(); ++it)
        out += it.key() + ':' + it.value() + '\n';

    // Canonicalised resource: /account + the encoded path as sent, then each
    // query parameter (lower-case name, decoded values sorted and comma-joined).
    out += '/' + m_accountName.toUtf8() + url.path(QUrl::FullyEncoded).toUtf8();
    QMap<QString, QStringList> params;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto& item : items)
        params[item.first.toLower()].append(item.second);
    for (auto it = params.begin(); it != params.end(); ++it) {
        QStringList values = it.value();
        std::sort(values.begin(), values.end());
        out += '\n' + it.key().toUtf8() + ':' + values.join(QLatin1Char(',')).toUtf8();
    }
    return out;
}

QByteArray AzureSharedKeySigner::authorization(const QByteArray& verb, const QUrl& url,
                                               const HttpHeaders& headers) const
{
    const QByteArray signature = QMessageAuthenticationCode::hash(stringToSign(verb, url, headers),
                                                                  m_accountKey, QCryptographicHash::Sha256)
                                     .toBase64();
    return "SharedKey " + m_accountName.toUtf8() + ':' + signature;
}

QString AzureSharedKeySigner::accountSas(const AccountSas& sas) const
{
    const QByteArray start = sas.start.isValid() ? isoSecondsUtc(sas.start) : QByteArray();
    const QByteArray expiry = isoSecondsUtc(sas.expiry);
    // Version 2020-12-06 and later sign the (empty) encryption scope too.
    const QByteArray toSign = m_accountName.toUtf8() + '\n' + sas.permissions.toUtf8() + '\n' +
                              sas.services.toUtf8() + '\n' + sas.resourceTypes.toUtf8() + '\n' + start +
                              '\n' + expiry + '\n' + /* signedIP */ '\n' + sas.protocol.toUtf8() + '\n' +
                              sas.version.toUtf8() + '\n' + /* signedEncryptionScope */ '\n';
    const QByteArray signature =
        QMessageAuthenticationCode::hash(toSign, m_accountKey, QCryptographicHash::Sha256).toBase64();

    QStringList parts;
    const auto add = [&](const char* key, const QString& value) {
        if (!value.isEmpty())
            parts.append(QString::fromLatin1(key) + u'=' +
                         QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    add("sv", sas.version);
    add("ss", sas.services);
    add("srt", sas.resourceTypes);
    add("sp", sas.permissions);
    add("st", QString::fromLatin1(start));
    add("se", QString::fromLatin1(expiry));
    add("spr", sas.protocol);
    add("sig", QString::fromLatin1(signature));
    return parts.join(u'&');
}

} // namespace holdfast::vault

#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace holdfast::vault {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// Azure Storage "Shared Key" request signing (Blob service, version 2009-09-19
// and later) and account SAS generation, both HMAC-SHA256 with the account key.
class AzureSharedKeySigner
{
public:
    AzureSharedKeySigner(QString accountName, QByteArray accountKey);

    // Value of the Authorization header for a request with exactly these
    // headers (names case-insensitive) sent to url (sent as url.toEncoded()).
    QByteArray authorization(const QByteArray& verb, const QUrl& url, const HttpHeaders& headers) const;

    // The string the signature covers; public for tests and diagnostics.
    QByteArray stringToSign(const QByteArray& verb, const QUrl& url, const HttpHeaders& headers) const;

    struct AccountSas
    {
        QString permissions = QStringLiteral("rl"); // subset of "rwdlacup" in that order
        QString services = QStringLiteral("b");
        QString resourceTypes = QStringLiteral("sco");
        QDateTime start;  // optional
        QDateTime expiry; // required
        QString protocol; // "", "https" or "https,http"
        QString version = QStringLiteral("2024-11-04");
    };
    // A SAS token (query string without '?') granting AccountSas to the account.
    QString accountSas(const AccountSas& sas) const;

    // "Mon, 01 Jan 2024 09:30:00 GMT", the format of x-ms-date.
    static QByteArray httpDate(const QDateTime& time);

private:
    QString m_accountName;
    QByteArray m_accountKey;
};

} // namespace holdfast::vault

#include "crypto/OpenSslSupport.h"

#include <QStringList>
#include <openssl/err.h>

namespace holdfast::crypto::detail {

QString takeOpenSslErrors()
{
    QStringList parts;
    unsigned long code = 0;
    while ((code = ERR_get_error()) != 0) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        parts << QString::fromLatin1(buffer);
    }
    return parts.isEmpty() ? QStringLiteral("unknown OpenSSL error") : parts.join(QStringLiteral("; "));
}

QByteArray bioContents(BIO* bio)
{
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    if (length <= 0 || data == nullptr)
        return {};
    return QByteArray(data, static_cast<qsizetype>(length));
}

} // namespace holdfast::crypto::detail

#include "crypto/SecureMemory.h"

#include <openssl/crypto.h>

namespace holdfast::crypto {

void secureWipe(QByteArray& secret)
{
    if (!secret.isEmpty() && secret.isDetached())
        OPENSSL_cleanse(secret.data(), static_cast<size_t>(secret.size()));
    secret.clear();
}

} // namespace holdfast::crypto

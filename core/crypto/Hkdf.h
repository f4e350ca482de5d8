#pragma once

#include "util/Result.h"

#include <QByteArrayView>

namespace holdfast::crypto {

// HKDF-SHA256 (RFC 5869, extract-then-expand) over OpenSSL's EVP_KDF "HKDF".
class Hkdf
{
public:
    // Derives outBytes (at most 255 * 32) into out. An empty salt means the
    // RFC default (a block of zeros). The input key is not retained.
    static Status deriveSha256(QByteArrayView inputKey, QByteArrayView salt, QByteArrayView info,
                               unsigned char* out, qsizetype outBytes);
};

} // namespace holdfast::crypto

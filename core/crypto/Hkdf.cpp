#include "crypto/Hkdf.h"

#include "crypto/OpenSslSupport.h"

#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

namespace holdfast::crypto {

namespace {

struct KdfCtxDeleter
{
    void operator()(EVP_KDF_CTX* ctx) const { EVP_KDF_CTX_free(ctx); }
};

// Fetched once per process (a fetch is a provider lookup); never freed.
EVP_KDF* hkdfAlgorithm()
{
    static EVP_KDF* const kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
    return kdf;
}

void* mutableBytes(QByteArrayView view)
{
    // OSSL_PARAM is not const-correct; HKDF only reads these octet strings.
    return const_cast<char*>(view.data());
}

} // namespace

Status Hkdf::deriveSha256(QByteArrayView inputKey, QByteArrayView salt, QByteArrayView info,
                          unsigned char* out, qsizetype outBytes)
{
    if (inputKey.isEmpty() || out == nullptr || outBytes <= 0 || outBytes > 255 * 32)
        return makeError(QStringLiteral("HKDF: invalid arguments"));
    EVP_KDF* kdf = hkdfAlgorithm();
    if (kdf == nullptr)
        return makeError(QStringLiteral("HKDF unavailable: %1").arg(detail::takeOpenSslErrors()));
    std::unique_ptr<EVP_KDF_CTX, KdfCtxDeleter> ctx(EVP_KDF_CTX_new(kdf));
    if (!ctx)
        return makeError(QStringLiteral("HKDF: %1").arg(detail::takeOpenSslErrors()));

    char digest[] = "SHA256";
    OSSL_PARAM params[5];
    int count = 0;
    params[count++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0);
    params[count++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, mutableBytes(inputKey),
                                                        static_cast<size_t>(inputKey.size()));
    if (!salt.isEmpty())
        params[count++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, mutableBytes(salt),
                                                            static_cast<size_t>(salt.size()));
    if (!info.isEmpty())
        params[count++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, mutableBytes(info),
                                                            static_cast<size_t>(info.size()));
    params[count] = OSSL_PARAM_construct_end();

    if (EVP_KDF_derive(ctx.get(), out, static_cast<size_t>(outBytes), params) != 1)
        return makeError(QStringLiteral("HKDF: %1").arg(detail::takeOpenSslErrors()));
    return {};
}

} // namespace holdfast::crypto

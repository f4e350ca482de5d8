#include "crypto/AesGcm.h"

#include "crypto/OpenSslSupport.h"

#include <climits>
#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace holdfast::crypto {

namespace {

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};

// Fetched once per process: an explicit fetch avoids OpenSSL 3's per-init
// implicit lookup of EVP_aes_256_gcm(). Never freed (process lifetime).
const EVP_CIPHER* aes256Gcm()
{
    static EVP_CIPHER* const cipher = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
    return cipher;
}

} // namespace

struct AesGcm::Private
{
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter> ctx;
    Direction direction = Direction::Invalid;
};

AesGcm::AesGcm(std::unique_ptr<Private> p)
    : d(std::move(p))
{}

AesGcm::~AesGcm() = default;
AesGcm::AesGcm(AesGcm&&) noexcept = default;
AesGcm& AesGcm::operator=(AesGcm&&) noexcept = default;

Result<AesGcm> AesGcm::create(Direction direction, const unsigned char* key)
{
    if (direction == Direction::Invalid || key == nullptr)
        return makeError(QStringLiteral("AES-GCM: invalid arguments"));
    const EVP_CIPHER* cipher = aes256Gcm();
    if (cipher == nullptr)
        return makeError(QStringLiteral("AES-GCM unavailable: %1").arg(detail::takeOpenSslErrors()));
    auto p = std::make_unique<Private>();
    p->ctx.reset(EVP_CIPHER_CTX_new());
    p->direction = direction;
    const int encrypting = direction == Direction::Encrypt ? 1 : 0;
    if (!p->ctx || EVP_CipherInit_ex2(p->ctx.get(), cipher, key, nullptr, encrypting, nullptr) != 1)
        return makeError(QStringLiteral("AES-GCM: cannot initialise: %1").arg(detail::takeOpenSslErrors()));
    return AesGcm(std::move(p));
}

bool AesGcm::encrypt(const unsigned char* nonce, QByteArrayView associatedData, const unsigned char* in,
                     qsizetype bytes, unsigned char* out, unsigned char* tag)
{
    if (!d || d->direction != Direction::Encrypt || bytes < 0 || bytes > INT_MAX)
        return false;
    EVP_CIPHER_CTX* ctx = d->ctx.get();
    int length = 0;
    if (EVP_EncryptInit_ex2(ctx, nullptr, nullptr, nonce, nullptr) != 1)
        return false;
    if (!associatedData.isEmpty() &&
        EVP_EncryptUpdate(ctx, nullptr, &length,
                          reinterpret_cast<const unsigned char*>(associatedData.data()),
                          static_cast<int>(associatedData.size())) != 1)
        return false;
    int produced = 0;
    if (bytes > 0) {
        if (EVP_EncryptUpdate(ctx, out, &produced, in, static_cast<int>(bytes)) != 1)
            return false;
    }
    if (EVP_EncryptFinal_ex(ctx, out + produced, &length) != 1)
        return false;
    return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, kTagBytes, tag) == 1;
}

bool AesGcm::decrypt(const unsigned char* nonce, QByteArrayView associatedData, const unsigned char* in,
                     qsizetype bytes, unsigned char* out, const unsigned char* tag)
{
    if (!d || d->direction != Direction::Decrypt || bytes < 0 || bytes > INT_MAX)
        return false;
    EVP_CIPHER_CTX* ctx = d->ctx.get();
    int length = 0;
    int produced = 0;
    bool ok = EVP_DecryptInit_ex2(ctx, nullptr, nullptr, nonce, nullptr) == 1;
    if (ok && !associatedData.isEmpty())
        ok = EVP_DecryptUpdate(ctx, nullptr, &length,
                               reinterpret_cast<const unsigned char*>(associatedData.data()),
                               static_cast<int>(associatedData.size())) == 1;
    if (ok && bytes > 0)
        ok = EVP_DecryptUpdate(ctx, out, &produced, in, static_cast<int>(bytes)) == 1;
    // OpenSSL only reads the expected tag, the cast is an API artefact.
    if (ok)
        ok = EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, kTagBytes, const_cast<unsigned char*>(tag)) == 1;
    if (ok)
        ok = EVP_DecryptFinal_ex(ctx, out + produced, &length) == 1;
    if (!ok) {
        if (bytes > 0)
            OPENSSL_cleanse(out, static_cast<size_t>(bytes));
        ERR_clear_error();
    }
    return ok;
}

} // namespace holdfast::crypto

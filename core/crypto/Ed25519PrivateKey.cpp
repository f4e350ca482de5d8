#include "crypto/Ed25519PrivateKey.h"

#include "crypto/OpenSslSupport.h"
#include "crypto/SecureMemory.h"

#include <QFile>
#include <openssl/pem.h>

namespace holdfast::crypto {

using detail::BioPtr;
using detail::EvpPkeyPtr;

// EVP_PKEY_free() wipes Ed25519 key material itself (OPENSSL_secure_clear_free),
// so the deleter needs no extra cleanse.
struct Ed25519PrivateKey::Private
{
    EvpPkeyPtr key;
};

namespace {

constexpr qint64 kMaxPemBytes = 64 * 1024;

struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

struct PkeyCtxDeleter
{
    void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};

} // namespace

Ed25519PrivateKey::Ed25519PrivateKey() = default;
Ed25519PrivateKey::Ed25519PrivateKey(std::unique_ptr<Private> priv)
    : d(std::move(priv))
{}
Ed25519PrivateKey::~Ed25519PrivateKey() = default;
Ed25519PrivateKey::Ed25519PrivateKey(Ed25519PrivateKey&&) noexcept = default;
Ed25519PrivateKey& Ed25519PrivateKey::operator=(Ed25519PrivateKey&&) noexcept = default;

Result<Ed25519PrivateKey> Ed25519PrivateKey::generate()
{
    ERR_clear_error();
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter> ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr));
    EVP_PKEY* raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &raw) != 1)
        return makeError(
            QStringLiteral("cannot generate an Ed25519 key (%1)").arg(detail::takeOpenSslErrors()));
    auto priv = std::make_unique<Private>();
    priv->key.reset(raw);
    return Ed25519PrivateKey(std::move(priv));
}

Result<Ed25519PrivateKey> Ed25519PrivateKey::fromSeed(const QByteArray& seed32)
{
    ERR_clear_error();
    if (seed32.size() != kSeedBytes)
        return makeError(
            QStringLiteral("Ed25519 seed must be %1 bytes, not %2").arg(kSeedBytes).arg(seed32.size()));
    EvpPkeyPtr key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
                                                reinterpret_cast<const unsigned char*>(seed32.constData()),
                                                static_cast<size_t>(seed32.size())));
    if (!key)
        return makeError(QStringLiteral("invalid Ed25519 seed (%1)").arg(detail::takeOpenSslErrors()));
    auto priv = std::make_unique<Private>();
    priv->key = std::move(key);
    return Ed25519PrivateKey(std::move(priv));
}

Result<Ed25519PrivateKey> Ed25519PrivateKey::fromPem(const QByteArray& pem)
{
    ERR_clear_error();
    if (pem.isEmpty() || pem.size() > kMaxPemBytes)
        return makeError(QStringLiteral("not an Ed25519 private key PEM (size %1 bytes)").arg(pem.size()));
    BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    // An empty passphrase callback result makes encrypted PEM fail instead of prompting on the TTY.
    EvpPkeyPtr key(bio ? PEM_read_bio_PrivateKey(
                             bio.get(), nullptr, [](char*, int, int, void*) { return 0; }, nullptr)
                       : nullptr);
    if (!key)
        return makeError(
            QStringLiteral("not an unencrypted PEM private key (%1)").arg(detail::takeOpenSslErrors()));
    if (EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519)
        return makeError(QStringLiteral("private key is %1, not Ed25519")
                             .arg(QString::fromLatin1(EVP_PKEY_get0_type_name(key.get()))));
    auto priv = std::make_unique<Private>();
    priv->key = std::move(key);
    return Ed25519PrivateKey(std::move(priv));
}

Result<Ed25519PrivateKey> Ed25519PrivateKey::loadPem(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("%1: cannot open: %2").arg(path, file.errorString()));
    QByteArray pem = file.read(kMaxPemBytes + 1);
    auto key = fromPem(pem);
    secureWipe(pem);
    if (!key)
        return makeError(QStringLiteral("%1: %2").arg(path, key.errorMessage()));
    return key;
}

bool Ed25519PrivateKey::isNull() const
{
    return !d || !d->key;
}

QByteArray Ed25519PrivateKey::toPem() const
{
    if (isNull())
        return {};
    // The memory BIO's buffer is freed with OPENSSL_clear_free, so only the returned copy holds the secret.
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio ||
        PEM_write_bio_PrivateKey(bio.get(), d->key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        ERR_clear_error();
        return {};
    }
    return detail::bioContents(bio.get());
}

QByteArray Ed25519PrivateKey::publicKeyPem() const
{
    return publicKey().toPem();
}

Ed25519PublicKey Ed25519PrivateKey::publicKey() const
{
    if (isNull())
        return {};
    QByteArray raw(Ed25519PublicKey::kPublicKeyBytes, Qt::Uninitialized);
    size_t length = static_cast<size_t>(raw.size());
    if (EVP_PKEY_get_raw_public_key(d->key.get(), reinterpret_cast<unsigned char*>(raw.data()), &length) !=
        1) {
        ERR_clear_error();
        return {};
    }
    raw.resize(static_cast<qsizetype>(length));
    auto key = Ed25519PublicKey::fromRaw(raw);
    return key ? std::move(key).value() : Ed25519PublicKey();
}

QByteArray Ed25519PrivateKey::sign(const QByteArray& data) const
{
    if (isNull())
        return {};
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    QByteArray signature(kSignatureBytes, Qt::Uninitialized);
    size_t length = static_cast<size_t>(signature.size());
    // Ed25519 is PureEdDSA: no separate digest, one-shot sign over the whole message.
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, d->key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                       reinterpret_cast<const unsigned char*>(data.constData()),
                       static_cast<size_t>(data.size())) != 1 ||
        length != static_cast<size_t>(kSignatureBytes)) {
        ERR_clear_error();
        return {};
    }
    return signature;
}

} // namespace holdfast::crypto

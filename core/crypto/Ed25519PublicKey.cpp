#include "crypto/Ed25519PublicKey.h"

#include "crypto/OpenSslSupport.h"

#include <QFile>
#include <openssl/pem.h>

namespace holdfast::crypto {

using detail::BioPtr;
using detail::EvpPkeyPtr;

struct Ed25519PublicKey::Private
{
    EvpPkeyPtr key;
};

namespace {

constexpr qint64 kMaxPemBytes = 64 * 1024;

struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

} // namespace

Ed25519PublicKey::Ed25519PublicKey() = default;
Ed25519PublicKey::Ed25519PublicKey(std::unique_ptr<Private> priv)
    : d(std::move(priv))
{}
Ed25519PublicKey::~Ed25519PublicKey() = default;
Ed25519PublicKey::Ed25519PublicKey(Ed25519PublicKey&&) noexcept = default;
Ed25519PublicKey& Ed25519PublicKey::operator=(Ed25519PublicKey&&) noexcept = default;

Result<Ed25519PublicKey> Ed25519PublicKey::fromPem(const QByteArray& pem)
{
    ERR_clear_error();
    if (pem.isEmpty() || pem.size() > kMaxPemBytes)
        return makeError(QStringLiteral("not an Ed25519 public key PEM (size %1 bytes)").arg(pem.size()));
    BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    EvpPkeyPtr key(bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!key)
        return makeError(QStringLiteral("not a PEM public key (%1)").arg(detail::takeOpenSslErrors()));
    if (EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519)
        return makeError(QStringLiteral("public key is %1, not Ed25519")
                             .arg(QString::fromLatin1(EVP_PKEY_get0_type_name(key.get()))));
    auto priv = std::make_unique<Private>();
    priv->key = std::move(key);
    return Ed25519PublicKey(std::move(priv));
}

Result<Ed25519PublicKey> Ed25519PublicKey::loadPem(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("%1: cannot open: %2").arg(path, file.errorString()));
    const QByteArray pem = file.read(kMaxPemBytes + 1);
    auto key = fromPem(pem);
    if (!key)
        return makeError(QStringLiteral("%1: %2").arg(path, key.errorMessage()));
    return key;
}

Result<Ed25519PublicKey> Ed25519PublicKey::fromRaw(const QByteArray& raw32)
{
    ERR_clear_error();
    if (raw32.size() != kPublicKeyBytes)
        return makeError(QStringLiteral("Ed25519 public key must be %1 bytes, not %2")
                             .arg(kPublicKeyBytes)
                             .arg(raw32.size()));
    EvpPkeyPtr key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                               reinterpret_cast<const unsigned char*>(raw32.constData()),
                                               static_cast<size_t>(raw32.size())));
    if (!key)
        return makeError(QStringLiteral("invalid Ed25519 public key (%1)").arg(detail::takeOpenSslErrors()));
    auto priv = std::make_unique<Private>();
    priv->key = std::move(key);
    return Ed25519PublicKey(std::move(priv));
}

bool Ed25519PublicKey::isNull() const
{
    return !d || !d->key;
}

QByteArray Ed25519PublicKey::toPem() const
{
    if (isNull())
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), d->key.get()) != 1) {
        ERR_clear_error();
        return {};
    }
    return detail::bioContents(bio.get());
}

QByteArray Ed25519PublicKey::raw() const
{
    if (isNull())
        return {};
    QByteArray raw(kPublicKeyBytes, Qt::Uninitialized);
    size_t length = static_cast<size_t>(raw.size());
    if (EVP_PKEY_get_raw_public_key(d->key.get(), reinterpret_cast<unsigned char*>(raw.data()), &length) !=
            1 ||
        length != static_cast<size_t>(kPublicKeyBytes)) {
        ERR_clear_error();
        return {};
    }
    return raw;
}

bool Ed25519PublicKey::verify(const QByteArray& data, const QByteArray& signature) const
{
    if (isNull() || signature.size() != kSignatureBytes)
        return false;
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    // Ed25519 is PureEdDSA: no separate digest, one-shot verify over the whole message.
    const bool valid =
        ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, d->key.get()) == 1 &&
        EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.constData()),
                         static_cast<size_t>(signature.size()),
                         reinterpret_cast<const unsigned char*>(data.constData()),
                         static_cast<size_t>(data.size())) == 1;
    ERR_clear_error();
    return valid;
}

bool Ed25519PublicKey::operator==(const Ed25519PublicKey& other) const
{
    if (isNull() || other.isNull())
        return isNull() == other.isNull();
    return raw() == other.raw();
}

} // namespace holdfast::crypto

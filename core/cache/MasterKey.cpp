#include "cache/MasterKey.h"

#include "crypto/Hkdf.h"

#include <cerrno>
#include <cstring>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <sys/prctl.h>
#include <sys/resource.h>

namespace holdfast::cache {

void SecretKey::Wiper::operator()(unsigned char* bytes) const
{
    OPENSSL_cleanse(bytes, kBytes);
    delete[] bytes;
}

SecretKey::SecretKey()
    : m_bytes(new unsigned char[kBytes]())
{}

SecretKey::~SecretKey() = default;
SecretKey::SecretKey(SecretKey&&) noexcept = default;
SecretKey& SecretKey::operator=(SecretKey&&) noexcept = default;

bool SecretKey::equals(const SecretKey& other) const
{
    if (isNull() || other.isNull())
        return isNull() == other.isNull();
    return CRYPTO_memcmp(data(), other.data(), kBytes) == 0;
}

MasterKey::MasterKey(SecretKey secret)
    : m_secret(std::move(secret))
{}

MasterKey::~MasterKey() = default;
MasterKey::MasterKey(MasterKey&&) noexcept = default;
MasterKey& MasterKey::operator=(MasterKey&&) noexcept = default;

Result<MasterKey> MasterKey::generate()
{
    SecretKey secret;
    if (RAND_priv_bytes(secret.data(), SecretKey::kBytes) != 1)
        return makeError(QStringLiteral("cannot generate a master key: the system random generator failed"));
    return MasterKey(std::move(secret));
}

MasterKey MasterKey::fromSecret(SecretKey secret)
{
    return MasterKey(std::move(secret));
}

Result<SecretKey> MasterKey::deriveSubKey(QByteArrayView info) const
{
    if (m_secret.isNull())
        return makeError(QStringLiteral("key derivation: the master key is not set"));
    SecretKey subKey;
    if (Status derived =
            crypto::Hkdf::deriveSha256(m_secret.view(), {}, info, subKey.data(), SecretKey::kBytes);
        !derived)
        return derived.error();
    return subKey;
}

Result<SecretKey> MasterKey::deriveDatabaseKey() const
{
    return deriveSubKey(QByteArrayView(kDatabaseLabel));
}

Result<SecretKey> MasterKey::deriveBlobKey(QByteArrayView blobIdBytes) const
{
    // Fixed-size label plus fixed-size id: no ambiguity, no allocation needed
    // beyond this small stack buffer.
    constexpr qsizetype kLabelBytes = sizeof("holdfast/blob/v1") - 1;
    constexpr qsizetype kMaxIdBytes = 64;
    if (blobIdBytes.isEmpty() || blobIdBytes.size() > kMaxIdBytes)
        return makeError(QStringLiteral("key derivation: invalid blob id"));
    char info[kLabelBytes + kMaxIdBytes];
    std::memcpy(info, kBlobLabel, kLabelBytes);
    std::memcpy(info + kLabelBytes, blobIdBytes.data(), static_cast<size_t>(blobIdBytes.size()));
    return deriveSubKey(QByteArrayView(info, kLabelBytes + blobIdBytes.size()));
}

Status disableCoreDumps()
{
    const rlimit none{0, 0};
    if (setrlimit(RLIMIT_CORE, &none) != 0)
        return makeError(
            QStringLiteral("cannot disable core dumps: %1").arg(QString::fromLocal8Bit(strerror(errno))));
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        return makeError(QStringLiteral("cannot mark the process non-dumpable: %1")
                             .arg(QString::fromLocal8Bit(strerror(errno))));
    return {};
}

} // namespace holdfast::cache

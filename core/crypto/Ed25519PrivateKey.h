#pragma once

#include "crypto/Ed25519PublicKey.h"
#include "util/Result.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace holdfast::crypto {

// An Ed25519 signing key (RFC 8032) over an OpenSSL EVP_PKEY. Move-only, so
// key material has exactly one owner; OpenSSL wipes the key when it is freed
// and every temporary copy made here (seed, PEM text) is cleansed.
class Ed25519PrivateKey
{
public:
    static constexpr int kSeedBytes = 32;
    static constexpr int kSignatureBytes = Ed25519PublicKey::kSignatureBytes;

    Ed25519PrivateKey();
    ~Ed25519PrivateKey();
    Ed25519PrivateKey(Ed25519PrivateKey&&) noexcept;
    Ed25519PrivateKey& operator=(Ed25519PrivateKey&&) noexcept;
    Ed25519PrivateKey(const Ed25519PrivateKey&) = delete;
    Ed25519PrivateKey& operator=(const Ed25519PrivateKey&) = delete;

    // A fresh key from OpenSSL's CSPRNG.
    static Result<Ed25519PrivateKey> generate();
    // The key whose RFC 8032 private seed is seed32 (deterministic: demo data, tests).
    static Result<Ed25519PrivateKey> fromSeed(const QByteArray& seed32);
    // Unencrypted PKCS#8 PEM ("BEGIN PRIVATE KEY"); refuses other key types.
    static Result<Ed25519PrivateKey> fromPem(const QByteArray& pem);
    // Reads fromPem() from a file; errors name the file.
    static Result<Ed25519PrivateKey> loadPem(const QString& path);

    bool isNull() const;
    // PKCS#8 PEM of the private key. The caller owns the secret it returns.
    QByteArray toPem() const;
    // SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY") of the matching public key.
    QByteArray publicKeyPem() const;
    Ed25519PublicKey publicKey() const;

    // Raw 64-byte signature of data (PureEdDSA); empty only when the key is null.
    QByteArray sign(const QByteArray& data) const;

private:
    struct Private;
    explicit Ed25519PrivateKey(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace holdfast::crypto

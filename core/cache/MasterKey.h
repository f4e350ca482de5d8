#pragma once

#include "util/Result.h"

#include <QByteArrayView>
#include <memory>

namespace holdfast::cache {

// 256 bits of key material in a heap block that never moves (moving the
// object moves the pointer, not the bytes, so no stray copies are left
// behind) and is wiped with OPENSSL_cleanse when released. Move-only. Used
// for the master key and every sub-key derived from it. Never print it.
class SecretKey
{
public:
    static constexpr int kBytes = 32;

    // A zero-filled key, to be filled through data().
    SecretKey();
    ~SecretKey();
    SecretKey(SecretKey&&) noexcept;
    SecretKey& operator=(SecretKey&&) noexcept;
    SecretKey(const SecretKey&) = delete;
    SecretKey& operator=(const SecretKey&) = delete;

    // True only for a moved-from key.
    bool isNull() const { return !m_bytes; }
    const unsigned char* data() const { return m_bytes.get(); }
    unsigned char* data() { return m_bytes.get(); }
    QByteArrayView view() const { return {reinterpret_cast<const char*>(m_bytes.get()), kBytes}; }
    // Constant-time comparison.
    bool equals(const SecretKey& other) const;

private:
    struct Wiper
    {
        void operator()(unsigned char* bytes) const;
    };
    std::unique_ptr<unsigned char[], Wiper> m_bytes;
};

// The random 256-bit key of one cache. It never leaves memory unwrapped: the
// key file holds it encrypted under the passphrase, and everything on disk is
// encrypted under sub-keys derived from it with HKDF-SHA256, one per purpose.
// Move-only.
class MasterKey
{
public:
    static constexpr auto kDatabaseLabel = "holdfast/database/v1";
    static constexpr auto kBlobLabel = "holdfast/blob/v1";

    ~MasterKey();
    MasterKey(MasterKey&&) noexcept;
    MasterKey& operator=(MasterKey&&) noexcept;
    MasterKey(const MasterKey&) = delete;
    MasterKey& operator=(const MasterKey&) = delete;

    // A fresh key from OpenSSL's private CSPRNG.
    static Result<MasterKey> generate();
    // Adopts existing key material (the key file's unwrapped key, tests).
    static MasterKey fromSecret(SecretKey secret);

    // Raw key for SQLCipher (info "holdfast/database/v1"). SQLCipher treats a
    // key of the form x'<64 hex digits>' as raw, skipping its own PBKDF2.
    Result<SecretKey> deriveDatabaseKey() const;
    // Per-blob key (info "holdfast/blob/v1" followed by the raw blob id bytes).
    Result<SecretKey> deriveBlobKey(QByteArrayView blobIdBytes) const;
    // HKDF-SHA256 with an empty salt and the given info string.
    Result<SecretKey> deriveSubKey(QByteArrayView info) const;

    // Constant-time comparison (a change of passphrase keeps the key).
    bool sameKeyAs(const MasterKey& other) const { return m_secret.equals(other.m_secret); }

private:
    friend class CacheKeyFile; // wraps the raw key
    explicit MasterKey(SecretKey secret);
    const SecretKey& secret() const { return m_secret; }

    SecretKey m_secret;
};

// Hardens the process while a cache is unlocked: no core file (RLIMIT_CORE 0)
// and not dumpable (PR_SET_DUMPABLE 0, which also blocks ptrace attach by
// same-user processes and /proc/<pid>/mem reads). Process-wide and not undone.
Status disableCoreDumps();

} // namespace holdfast::cache

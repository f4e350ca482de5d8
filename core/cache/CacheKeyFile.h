#pragma once

// The key file of a cache (<cache>/holdfast.key): the cache's random master
// key wrapped under a passphrase. Format version 1, UTF-8 JSON:
//
//   {
//       "format": "holdfast-cache-key",
//       "version": 1,
//       "kdf": {
//           "name": "argon2id",
//           "argon2_version": 19,               // 0x13, RFC 9106
//           "memory_kib": 262144,
//           "iterations": 2,
//           "parallelism": 2,
//           "salt": "<base64, 16 random bytes>"
//       },
//       "wrapped_master_key": {
//           "cipher": "aes-256-gcm",
//           "nonce": "<base64, 12 random bytes>",
//           "ciphertext": "<base64, 32 bytes>",
//           "tag": "<base64, 16 bytes>"
//       },
//       "checksum_sha256": "<lower-case hex>"
//   }
//
// Wrapping key = Argon2id(passphrase as UTF-8, salt, params), 32 bytes.
// AES-256-GCM associated data = the canonical header: the lines
//   holdfast-cache-key / version=1 / kdf=argon2id / argon2_version=19 /
//   memory_kib=N / iterations=N / parallelism=N / salt=<b64> /
//   cipher=aes-256-gcm / nonce=<b64>
// each ending in "\n", so no KDF parameter or salt can be swapped or weakened
// without the unwrap failing.
// checksum_sha256 = SHA-256(canonical header || ciphertext || tag): it holds
// nothing secret and exists so that accidental damage is told apart from a
// wrong passphrase before any KDF runs.
//
// What is distinguishable:
//   - unreadable, truncated or garbage file, bad JSON, a missing or extra
//     field, wrong types, non-canonical base64, wrong lengths, out-of-range
//     parameters, or any changed byte in any field (salt, parameters, nonce,
//     wrapped key, tag, checksum) -> "cache damaged: <path>: <what>", without
//     running the KDF;
//   - consistent file, GCM tag does not verify -> "wrong passphrase". That is
//     also what a deliberate forgery with a recomputed checksum reads as: GCM
//     cannot tell it from a wrong passphrase, and it is refused all the same.
// Unlocking runs the KDF exactly once and never writes. Every write goes to
// a temporary file, is fsynced, then renamed over (or linked to) the key file
// and the directory fsynced: after a crash the old or the new file is whole.

#include "cache/MasterKey.h"
#include "crypto/Argon2idKdf.h"
#include "util/Result.h"

#include <QString>

namespace holdfast::cache {

class CacheKeyFile
{
public:
    static constexpr int kFormatVersion = 1;
    static constexpr int kSaltBytes = 16;
    static constexpr qint64 kMaxFileBytes = 64 * 1024;

    static QString defaultFileName() { return QStringLiteral("holdfast.key"); }

    // Writes a new key file wrapping a fresh random master key and returns
    // that key. Refuses an empty passphrase and an existing file.
    static Result<MasterKey>
    create(const QString& path, const QString& passphrase,
           const crypto::Argon2idParams& params = crypto::Argon2idParams::defaults());
    // Unwraps the master key: "wrong passphrase" or "cache damaged: ...".
    static Result<MasterKey> unlock(const QString& path, const QString& passphrase);
    // Re-wraps the same master key under a new passphrase (new salt, new
    // nonce, possibly new cost): instant whatever the cache size.
    static Status changePassphrase(const QString& path, const QString& oldPassphrase,
                                   const QString& newPassphrase,
                                   const crypto::Argon2idParams& params = crypto::Argon2idParams::defaults());
    // The KDF cost recorded in the file (checked like unlock, without the KDF).
    static Result<crypto::Argon2idParams> readParams(const QString& path);
};

} // namespace holdfast::cache

#pragma once

#include "util/Result.h"

#include <QByteArrayView>
#include <QString>

namespace holdfast::crypto {

// Cost parameters of Argon2id (RFC 9106), as stored in a cache key file.
struct Argon2idParams
{
    quint32 memoryKib = 0;
    quint32 iterations = 0;
    quint32 parallelism = 0;

    // The cost every new key file gets: 256 MiB, 2 passes, 2 lanes. Measured
    // on the 2-core reference machine (Debian 12 libargon2, threads on):
    // 0.6 s when idle, 1.1-1.9 s while parallel builds load both cores;
    // t = 3 took 0.9-1.5 s, 128 MiB / t = 2 took 0.3 s.
    static Argon2idParams interactive();
    // 1 MiB, 1 pass, 1 lane: a few milliseconds. For tests only, never for a
    // real cache: it offers no resistance to guessing.
    static Argon2idParams fastForTests();
    // interactive(), unless the environment variable HOLDFAST_TEST_FAST_KDF is
    // "1": then fastForTests(), so integration tests and CI can create caches
    // cheaply without plumbing parameters through every layer. A warning is
    // logged whenever the weak parameters are chosen this way.
    static Argon2idParams defaults();

    // Empty when the parameters are within the bounds this build accepts
    // (they come from a file, so they are checked before any memory is
    // allocated); otherwise what is wrong.
    QString validate() const;

    friend bool operator==(const Argon2idParams&, const Argon2idParams&) = default;
};

// Argon2id through Debian's libargon2 (OpenSSL 3.0 has no Argon2).
class Argon2idKdf
{
public:
    static constexpr int kMinSaltBytes = 16;
    static constexpr quint32 kMaxMemoryKib = 4u * 1024 * 1024; // 4 GiB
    static constexpr quint32 kMaxIterations = 64;
    static constexpr quint32 kMaxParallelism = 16;

    // Derives outBytes into out. secret and associatedData are Argon2's
    // optional inputs K and X (used by the RFC 9106 known-answer test).
    static Status derive(QByteArrayView password, QByteArrayView salt, const Argon2idParams& params,
                         unsigned char* out, qsizetype outBytes, QByteArrayView secret = {},
                         QByteArrayView associatedData = {});
};

} // namespace holdfast::crypto

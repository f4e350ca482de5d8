#include "crypto/Argon2idKdf.h"

#include <QtGlobal>
#include <argon2.h>

namespace holdfast::crypto {

Argon2idParams Argon2idParams::interactive()
{
    return {256u * 1024, 2, 2};
}

Argon2idParams Argon2idParams::fastForTests()
{
    return {1024, 1, 1};
}

Argon2idParams Argon2idParams::defaults()
{
    if (qEnvironmentVariable("HOLDFAST_TEST_FAST_KDF") == QLatin1String("1")) {
        qWarning("HOLDFAST_TEST_FAST_KDF=1: using the weak test-only Argon2id cost");
        return fastForTests();
    }
    return interactive();
}

QString Argon2idParams::validate() const
{
    if (parallelism < 1 || parallelism > Argon2idKdf::kMaxParallelism)
        return QStringLiteral("parallelism %1 outside 1..%2")
            .arg(parallelism)
            .arg(Argon2idKdf::kMaxParallelism);
    if (iterations < 1 || iterations > Argon2idKdf::kMaxIterations)
        return QStringLiteral("iterations %1 outside 1..%2").arg(iterations).arg(Argon2idKdf::kMaxIterations);
    // Argon2 needs at least 8 KiB per lane.
    if (memoryKib < 8 * parallelism || memoryKib > Argon2idKdf::kMaxMemoryKib)
        return QStringLiteral("memory %1 KiB outside %2..%3 KiB")
            .arg(memoryKib)
            .arg(8 * parallelism)
            .arg(Argon2idKdf::kMaxMemoryKib);
    return {};
}

Status Argon2idKdf::derive(QByteArrayView password, QByteArrayView salt, const Argon2idParams& params,
                           unsigned char* out, qsizetype outBytes, QByteArrayView secret,
                           QByteArrayView associatedData)
{
    if (const QString problem = params.validate(); !problem.isEmpty())
        return makeError(QStringLiteral("Argon2id: %1").arg(problem));
    if (salt.size() < 8 || out == nullptr || outBytes < 4 || outBytes > 1024)
        return makeError(QStringLiteral("Argon2id: invalid arguments"));

    // argon2_ctx is what argon2id_hash_raw() calls; using it directly allows
    // the optional secret and associated data of the RFC test vectors.
    argon2_context context{};
    context.out = out;
    context.outlen = static_cast<uint32_t>(outBytes);
    // libargon2 takes non-const pointers but only reads these inputs (no
    // ARGON2_FLAG_CLEAR_* flags are set).
    context.pwd = reinterpret_cast<uint8_t*>(const_cast<char*>(password.data()));
    context.pwdlen = static_cast<uint32_t>(password.size());
    context.salt = reinterpret_cast<uint8_t*>(const_cast<char*>(salt.data()));
    context.saltlen = static_cast<uint32_t>(salt.size());
    context.secret = reinterpret_cast<uint8_t*>(const_cast<char*>(secret.data()));
    context.secretlen = static_cast<uint32_t>(secret.size());
    context.ad = reinterpret_cast<uint8_t*>(const_cast<char*>(associatedData.data()));
    context.adlen = static_cast<uint32_t>(associatedData.size());
    context.t_cost = params.iterations;
    context.m_cost = params.memoryKib;
    context.lanes = params.parallelism;
    context.threads = params.parallelism;
    context.version = ARGON2_VERSION_13;
    context.flags = ARGON2_DEFAULT_FLAGS;

    const int rc = argon2_ctx(&context, Argon2_id);
    if (rc == ARGON2_MEMORY_ALLOCATION_ERROR)
        return makeError(
            QStringLiteral("Argon2id: not enough memory for %1 MiB").arg(params.memoryKib / 1024));
    if (rc != ARGON2_OK)
        return makeError(QStringLiteral("Argon2id: %1").arg(QString::fromLatin1(argon2_error_message(rc))));
    return {};
}

} // namespace holdfast::crypto

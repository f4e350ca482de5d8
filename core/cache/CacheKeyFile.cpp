#include "cache/CacheKeyFile.h"

#include "crypto/AesGcm.h"
#include "crypto/SecureMemory.h"
#include "crypto/Sha256.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <openssl/rand.h>
#include <unistd.h>

namespace holdfast::cache {

namespace {

using crypto::AesGcm;
using crypto::Argon2idParams;

const QString kFormatName = QStringLiteral("holdfast-cache-key");
const QString kKdfName = QStringLiteral("argon2id");
const QString kCipherName = QStringLiteral("aes-256-gcm");
constexpr int kArgon2Version = 0x13;

// Everything the file says, decoded and checked (no secret in here).
struct KeyFileContents
{
    Argon2idParams params;
    QByteArray salt;
    QByteArray nonce;
    QByteArray ciphertext;
    QByteArray tag;
};

// The passphrase's UTF-8 copy, wiped however the function leaves.
class Utf8Passphrase
{
public:
    explicit Utf8Passphrase(const QString& passphrase)
        : m_bytes(passphrase.toUtf8())
    {}
    ~Utf8Passphrase() { crypto::secureWipe(m_bytes); }
    Utf8Passphrase(const Utf8Passphrase&) = delete;
    Utf8Passphrase& operator=(const Utf8Passphrase&) = delete;
    QByteArrayView view() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

Error damaged(const QString& path, const QString& what)
{
    return makeError(QStringLiteral("cache damaged: %1: %2").arg(path, what));
}

QString errnoText()
{
    return QString::fromLocal8Bit(strerror(errno));
}

QByteArray canonicalHeader(const KeyFileContents& c)
{
    QByteArray header;
    header += kFormatName.toLatin1() + '\n';
    header += "version=" + QByteArray::number(CacheKeyFile::kFormatVersion) + '\n';
    header += "kdf=" + kKdfName.toLatin1() + '\n';
    header += "argon2_version=" + QByteArray::number(kArgon2Version) + '\n';
    header += "memory_kib=" + QByteArray::number(c.params.memoryKib) + '\n';
    header += "iterations=" + QByteArray::number(c.params.iterations) + '\n';
    header += "parallelism=" + QByteArray::number(c.params.parallelism) + '\n';
    header += "salt=" + c.salt.toBase64() + '\n';
    header += "cipher=" + kCipherName.toLatin1() + '\n';
    header += "nonce=" + c.nonce.toBase64() + '\n';
    return header;
}

QByteArray checksumHex(const KeyFileContents& c)
{
    crypto::Sha256 sha;
    sha.addData(canonicalHeader(c));
    sha.addData(c.ciphertext);
    sha.addData(c.tag);
    return sha.result().toHex();
}

QByteArray serialise(const KeyFileContents& c)
{
    QJsonObject kdf{
        {QStringLiteral("name"), kKdfName},
        {QStringLiteral("argon2_version"), kArgon2Version},
        {QStringLiteral("memory_kib"), static_cast<qint64>(c.params.memoryKib)},
        {QStringLiteral("iterations"), static_cast<qint64>(c.params.iterations)},
        {QStringLiteral("parallelism"), static_cast<qint64>(c.params.parallelism)},
        {QStringLiteral("salt"), QString::fromLatin1(c.salt.toBase64())},
    };
    QJsonObject wrapped{
        {QStringLiteral("cipher"), kCipherName},
        {QStringLiteral("nonce"), QString::fromLatin1(c.nonce.toBase64())},
        {QStringLiteral("ciphertext"), QString::fromLatin1(c.ciphertext.toBase64())},
        {QStringLiteral("tag"), QString::fromLatin1(c.tag.toBase64())},
    };
    QJsonObject root{
        {QStringLiteral("format"), kFormatName},
        {QStringLiteral("version"), CacheKeyFile::kFormatVersion},
        {QStringLiteral("kdf"), kdf},
        {QStringLiteral("wrapped_master_key"), wrapped},
        {QStringLiteral("checksum_sha256"), QString::fromLatin1(checksumHex(c))},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

// Strict field readers: every problem is reported as "<field>: <what>".
class FieldReader
{
public:
    FieldReader(const QJsonObject& object, QString prefix)
        : m_object(object)
        , m_prefix(std::move(prefix))
    {}

    QString problem() const { return m_problem; }

    bool exactKeys(const QStringList& expected)
    {
        const QStringList keys = m_object.keys();
        for (const QString& key : keys) {
            if (!expected.contains(key))
                return fail(m_prefix + key, QStringLiteral("unexpected field"));
        }
        for (const QString& key : expected) {
            if (!m_object.contains(key))
                return fail(m_prefix + key, QStringLiteral("missing"));
        }
        return true;
    }

    bool text(const QString& key, const QString& expected)
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isString() || value.toString() != expected)
            return fail(m_prefix + key, QStringLiteral("expected \"%1\"").arg(expected));
        return true;
    }

    bool number(const QString& key, quint32* out)
    {
        const QJsonValue value = m_object.value(key);
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 0 || number > 4294967295.0 || std::floor(number) != number)
            return fail(m_prefix + key, QStringLiteral("not an unsigned 32-bit integer"));
        *out = static_cast<quint32>(number);
        return true;
    }

    bool bytes(const QString& key, int expectedBytes, QByteArray* out)
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isString())
            return fail(m_prefix + key, QStringLiteral("not a string"));
        const QByteArray encoded = value.toString().toLatin1();
        auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
        // Canonical encoding only, so that every change of text is a change of value.
        if (!decoded || decoded.decoded.toBase64() != encoded)
            return fail(m_prefix + key, QStringLiteral("bad base64"));
        if (decoded.decoded.size() != expectedBytes)
            return fail(
                m_prefix + key,
                QStringLiteral("%1 bytes, expected %2").arg(decoded.decoded.size()).arg(expectedBytes));
        *out = decoded.decoded;
        return true;
    }

    QJsonObject object(const QString& key)
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isObject()) {
            fail(m_prefix + key, QStringLiteral("not an object"));
            return {};
        }
        return value.toObject();
    }

private:
    bool fail(const QString& field, const QString& what)
    {
        if (m_problem.isEmpty())
            m_problem = QStringLiteral("%1: %2").arg(field, what);
        return false;
    }

    QJsonObject m_object;
    QString m_prefix;
    QString m_problem;
};

Result<KeyFileContents> readKeyFile(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return damaged(path, QStringLiteral("key file missing"));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("%1: cannot read the key file: %2").arg(path, file.errorString()));
    const QByteArray data = file.read(CacheKeyFile::kMaxFileBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return makeError(QStringLiteral("%1: cannot read the key file: %2").arg(path, file.errorString()));
    if (data.isEmpty())
        return damaged(path, QStringLiteral("empty key file"));
    if (data.size() > CacheKeyFile::kMaxFileBytes)
        return damaged(path, QStringLiteral("key file too large"));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return damaged(path, QStringLiteral("not valid JSON (%1 at byte %2)")
                                 .arg(parseError.errorString())
                                 .arg(parseError.offset));
    if (!document.isObject())
        return damaged(path, QStringLiteral("not a JSON object"));

    FieldReader root(document.object(), QString());
    const QJsonObject rootObject = document.object();
    KeyFileContents c;
    quint32 formatVersion = 0;
    quint32 argon2Version = 0;
    QString checksum;
    bool ok = root.exactKeys({QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("kdf"),
                              QStringLiteral("wrapped_master_key"), QStringLiteral("checksum_sha256")}) &&
              root.text(QStringLiteral("format"), kFormatName) &&
              root.number(QStringLiteral("version"), &formatVersion);
    if (ok && formatVersion != CacheKeyFile::kFormatVersion)
        return damaged(path, QStringLiteral("version: unsupported value %1 (this build reads %2)")
                                 .arg(formatVersion)
                                 .arg(CacheKeyFile::kFormatVersion));

    QJsonObject kdfObject = ok ? root.object(QStringLiteral("kdf")) : QJsonObject();
    ok = ok && root.problem().isEmpty();
    FieldReader kdf(kdfObject, QStringLiteral("kdf."));
    ok = ok &&
         kdf.exactKeys({QStringLiteral("name"), QStringLiteral("argon2_version"),
                        QStringLiteral("memory_kib"), QStringLiteral("iterations"),
                        QStringLiteral("parallelism"), QStringLiteral("salt")}) &&
         kdf.text(QStringLiteral("name"), kKdfName) &&
         kdf.number(QStringLiteral("argon2_version"), &argon2Version) &&
         kdf.number(QStringLiteral("memory_kib"), &c.params.memoryKib) &&
         kdf.number(QStringLiteral("iterations"), &c.params.iterations) &&
         kdf.number(QStringLiteral("parallelism"), &c.params.parallelism) &&
         kdf.bytes(QStringLiteral("salt"), CacheKeyFile::kSaltBytes, &c.salt);
    if (!kdf.problem().isEmpty())
        return damaged(path, kdf.problem());

    QJsonObject wrappedObject = ok ? root.object(QStringLiteral("wrapped_master_key")) : QJsonObject();
    ok = ok && root.problem().isEmpty();
    FieldReader wrapped(wrappedObject, QStringLiteral("wrapped_master_key."));
    ok = ok &&
         wrapped.exactKeys({QStringLiteral("cipher"), QStringLiteral("nonce"), QStringLiteral("ciphertext"),
                            QStringLiteral("tag")}) &&
         wrapped.text(QStringLiteral("cipher"), kCipherName) &&
         wrapped.bytes(QStringLiteral("nonce"), AesGcm::kNonceBytes, &c.nonce) &&
         wrapped.bytes(QStringLiteral("ciphertext"), SecretKey::kBytes, &c.ciphertext) &&
         wrapped.bytes(QStringLiteral("tag"), AesGcm::kTagBytes, &c.tag);
    if (!wrapped.problem().isEmpty())
        return damaged(path, wrapped.problem());
    if (!ok || !root.problem().isEmpty())
        return damaged(path, root.problem());

    const QJsonValue checksumValue = rootObject.value(QStringLiteral("checksum_sha256"));
    if (!checksumValue.isString())
        return damaged(path, QStringLiteral("checksum_sha256: not a string"));
    if (checksumValue.toString().toLatin1() != checksumHex(c))
        return damaged(path, QStringLiteral("checksum mismatch (the file was changed or damaged)"));
    // Checked only now: a consistent file with odd values was written by
    // something else, but it still must not make us allocate 100 GiB.
    if (argon2Version != kArgon2Version)
        return damaged(path, QStringLiteral("kdf.argon2_version: unsupported value %1").arg(argon2Version));
    if (const QString problem = c.params.validate(); !problem.isEmpty())
        return damaged(path, QStringLiteral("kdf: %1").arg(problem));
    return c;
}

Result<SecretKey> deriveWrappingKey(const QString& passphrase, const KeyFileContents& c)
{
    const Utf8Passphrase utf8(passphrase);
    SecretKey wrappingKey;
    if (Status derived =
            crypto::Argon2idKdf::derive(utf8.view(), c.salt, c.params, wrappingKey.data(), SecretKey::kBytes);
        !derived)
        return derived.error();
    return wrappingKey;
}

// Fills salt, nonce, ciphertext and tag for masterKey under passphrase.
Result<KeyFileContents> wrap(const SecretKey& masterKey, const QString& passphrase,
                             const Argon2idParams& params)
{
    if (passphrase.isEmpty())
        return makeError(QStringLiteral("the passphrase is empty"));
    if (const QString problem = params.validate(); !problem.isEmpty())
        return makeError(QStringLiteral("key derivation: %1").arg(problem));
    KeyFileContents c;
    c.params = params;
    c.salt.resize(CacheKeyFile::kSaltBytes);
    c.nonce.resize(AesGcm::kNonceBytes);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(c.salt.data()), CacheKeyFile::kSaltBytes) != 1 ||
        RAND_bytes(reinterpret_cast<unsigned char*>(c.nonce.data()), AesGcm::kNonceBytes) != 1)
        return makeError(QStringLiteral("the system random generator failed"));

    Result<SecretKey> wrappingKey = deriveWrappingKey(passphrase, c);
    if (!wrappingKey)
        return wrappingKey.error();
    Result<AesGcm> gcm = AesGcm::create(AesGcm::Direction::Encrypt, wrappingKey->data());
    if (!gcm)
        return gcm.error();
    c.ciphertext.resize(SecretKey::kBytes);
    c.tag.resize(AesGcm::kTagBytes);
    if (!gcm->encrypt(reinterpret_cast<const unsigned char*>(c.nonce.constData()), canonicalHeader(c),
                      masterKey.data(), SecretKey::kBytes,
                      reinterpret_cast<unsigned char*>(c.ciphertext.data()),
                      reinterpret_cast<unsigned char*>(c.tag.data())))
        return makeError(QStringLiteral("cannot wrap the master key"));
    return c;
}

Result<SecretKey> unwrap(const KeyFileContents& c, const QString& passphrase)
{
    Result<SecretKey> wrappingKey = deriveWrappingKey(passphrase, c);
    if (!wrappingKey)
        return wrappingKey.error();
    Result<AesGcm> gcm = AesGcm::create(AesGcm::Direction::Decrypt, wrappingKey->data());
    if (!gcm)
        return gcm.error();
    SecretKey masterKey;
    if (!gcm->decrypt(reinterpret_cast<const unsigned char*>(c.nonce.constData()), canonicalHeader(c),
                      reinterpret_cast<const unsigned char*>(c.ciphertext.constData()), SecretKey::kBytes,
                      masterKey.data(), reinterpret_cast<const unsigned char*>(c.tag.constData())))
        return makeError(QStringLiteral("wrong passphrase"));
    return masterKey;
}

bool writeAll(int fd, const QByteArray& data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t written = ::write(fd, data.constData() + done, static_cast<size_t>(data.size() - done));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        done += written;
    }
    return true;
}

// temp file + fsync + rename (replace) or link (create: never overwrites),
// then fsync of the directory so the new name itself is durable.
Status writeAtomically(const QString& path, const QByteArray& data, bool replace)
{
    const QFileInfo info(path);
    unsigned char random[8];
    if (RAND_bytes(random, sizeof random) != 1)
        return makeError(QStringLiteral("the system random generator failed"));
    const QByteArray target = QFile::encodeName(info.absoluteFilePath());
    const QByteArray temp =
        target + ".tmp-" + QByteArray(reinterpret_cast<char*>(random), sizeof random).toHex();

    const int fd = ::open(temp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return makeError(QStringLiteral("%1: cannot write the key file: %2").arg(path, errnoText()));
    bool ok = writeAll(fd, data) && ::fsync(fd) == 0;
    const QString writeError = ok ? QString() : errnoText();
    ok = (::close(fd) == 0) && ok;
    if (!ok) {
        ::unlink(temp.constData());
        return makeError(QStringLiteral("%1: cannot write the key file: %2").arg(path, writeError));
    }
    if (replace) {
        if (::rename(temp.constData(), target.constData()) != 0) {
            const QString error = errnoText();
            ::unlink(temp.constData());
            return makeError(QStringLiteral("%1: cannot replace the key file: %2").arg(path, error));
        }
    } else {
        const bool linked = ::link(temp.constData(), target.constData()) == 0;
        const int linkErrno = errno;
        ::unlink(temp.constData());
        if (!linked) {
            if (linkErrno == EEXIST)
                return makeError(QStringLiteral("%1: a key file already exists").arg(path));
            return makeError(QStringLiteral("%1: cannot create the key file: %2")
                                 .arg(path, QString::fromLocal8Bit(strerror(linkErrno))));
        }
    }
    const int dirFd =
        ::open(QFile::encodeName(info.absolutePath()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        const bool synced = ::fsync(dirFd) == 0;
        ::close(dirFd);
        if (!synced)
            return makeError(QStringLiteral("%1: cannot sync the directory: %2").arg(path, errnoText()));
    }
    return {};
}

} // namespace

Result<MasterKey> CacheKeyFile::create(const QString& path, const QString& passphrase,
                                       const crypto::Argon2idParams& params)
{
    if (QFileInfo::exists(path))
        return makeError(QStringLiteral("%1: a key file already exists").arg(path));
    Result<MasterKey> masterKey = MasterKey::generate();
    if (!masterKey)
        return masterKey.error();
    Result<KeyFileContents> contents = wrap(masterKey->secret(), passphrase, params);
    if (!contents)
        return contents.error();
    if (Status written = writeAtomically(path, serialise(*contents), false); !written)
        return written.error();
    return std::move(masterKey).value();
}

Result<MasterKey> CacheKeyFile::unlock(const QString& path, const QString& passphrase)
{
    Result<KeyFileContents> contents = readKeyFile(path);
    if (!contents)
        return contents.error();
    Result<SecretKey> secret = unwrap(*contents, passphrase);
    if (!secret)
        return secret.error();
    return MasterKey::fromSecret(std::move(secret).value());
}

Status CacheKeyFile::changePassphrase(const QString& path, const QString& oldPassphrase,
                                      const QString& newPassphrase, const crypto::Argon2idParams& params)
{
    Result<MasterKey> masterKey = unlock(path, oldPassphrase);
    if (!masterKey)
        return masterKey.error();
    Result<KeyFileContents> contents = wrap(masterKey->secret(), newPassphrase, params);
    if (!contents)
        return contents.error();
    return writeAtomically(path, serialise(*contents), true);
}

Result<crypto::Argon2idParams> CacheKeyFile::readParams(const QString& path)
{
    Result<KeyFileContents> contents = readKeyFile(path);
    if (!contents)
        return contents.error();
    return contents->params;
}

} // namespace holdfast::cache

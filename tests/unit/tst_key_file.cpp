// Cache key file, master key and the crypto primitives under it.

#include "cache/CacheKeyFile.h"
#include "cache/MasterKey.h"
#include "crypto/AesGcm.h"
#include "crypto/Argon2idKdf.h"
#include "crypto/Hkdf.h"
#include "crypto/Sha256.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <sys/prctl.h>
#include <sys/resource.h>

using namespace holdfast;
using namespace holdfast::cache;
using crypto::Argon2idParams;

namespace {

const QString kPassphrase = QStringLiteral("correct horse battery staple ✓");

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeAll(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QByteArray bytesOf(const SecretKey& key)
{
    return key.view().toByteArray();
}

// The documented checksum, recomputed from the documented canonical header, to
// forge files that are consistent but wrong.
QByteArray documentedChecksum(const QJsonObject& root)
{
    const QJsonObject kdf = root.value(QStringLiteral("kdf")).toObject();
    const QJsonObject wrapped = root.value(QStringLiteral("wrapped_master_key")).toObject();
    QByteArray header = "holdfast-cache-key\nversion=1\nkdf=argon2id\nargon2_version=19\n";
    header += "memory_kib=" + QByteArray::number(kdf.value(QStringLiteral("memory_kib")).toInteger()) + '\n';
    header += "iterations=" + QByteArray::number(kdf.value(QStringLiteral("iterations")).toInteger()) + '\n';
    header +=
        "parallelism=" + QByteArray::number(kdf.value(QStringLiteral("parallelism")).toInteger()) + '\n';
    header += "salt=" + kdf.value(QStringLiteral("salt")).toString().toLatin1() + '\n';
    header += "cipher=aes-256-gcm\n";
    header += "nonce=" + wrapped.value(QStringLiteral("nonce")).toString().toLatin1() + '\n';
    header += QByteArray::fromBase64(wrapped.value(QStringLiteral("ciphertext")).toString().toLatin1());
    header += QByteArray::fromBase64(wrapped.value(QStringLiteral("tag")).toString().toLatin1());
    return crypto::Sha256::hashHex(header);
}

QString flipBase64Bit(const QString& base64)
{
    QByteArray raw = QByteArray::fromBase64(base64.toLatin1());
    raw[0] = static_cast<char>(raw[0] ^ 0x01);
    return QString::fromLatin1(raw.toBase64());
}

} // namespace

class TestKeyFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void createAndUnlock();
    void createRefusesExistingFileAndEmptyPassphrase();
    void wrongPassphraseIsRefusedAndNothingWritten();
    void changePassphraseKeepsTheMasterKey();
    void missingFileIsDamage();
    void truncatedFileIsDamage();
    void garbageIsDamage();
    void everyFlippedByteIsDamage();
    void everyChangedFieldIsDamage_data();
    void everyChangedFieldIsDamage();
    void consistentForgeryReadsAsWrongPassphrase();
    void defaultCostIsSane();
    void argon2idRfc9106Vector();
    void hkdfRfc5869TestCase1();
    void subKeysDifferPerLabelAndBlob();
    void aesGcmRejectsTamperingAndZeroesOutput();
    void coreDumpsCanBeDisabled();

private:
    QString createKeyFile();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestKeyFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(CacheKeyFile::defaultFileName());
}

QString TestKeyFile::createKeyFile()
{
    Result<MasterKey> created = CacheKeyFile::create(m_path, kPassphrase, Argon2idParams::fastForTests());
    if (!created)
        qFatal("cannot create key file: %s", qPrintable(created.errorMessage()));
    return m_path;
}

void TestKeyFile::createAndUnlock()
{
    Result<MasterKey> created = CacheKeyFile::create(m_path, kPassphrase, Argon2idParams::fastForTests());
    QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
    Result<MasterKey> unlocked = CacheKeyFile::unlock(m_path, kPassphrase);
    QVERIFY2(unlocked.ok(), qPrintable(unlocked.errorMessage()));
    QVERIFY(created->sameKeyAs(*unlocked));

    const QByteArray text = readAll(m_path);
    QVERIFY(!text.contains(kPassphrase.toUtf8()));
    QVERIFY(!text.contains(bytesOf(*created->deriveDatabaseKey()).toBase64()));
    QCOMPARE(QFile::permissions(m_path) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    Result<Argon2idParams> params = CacheKeyFile::readParams(m_path);
    QVERIFY(params.ok());
    QCOMPARE(*params, Argon2idParams::fastForTests());
    // Only the key file: no temporary left behind.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{CacheKeyFile::defaultFileName()});

    // Two caches never share a master key.
    Result<MasterKey> other = CacheKeyFile::create(m_dir->filePath(QStringLiteral("other.key")), kPassphrase,
                                                   Argon2idParams::fastForTests());
    QVERIFY(other.ok());
    QVERIFY(!other->sameKeyAs(*created));
}

void TestKeyFile::createRefusesExistingFileAndEmptyPassphrase()
{
    createKeyFile();
    const QByteArray before = readAll(m_path);
    Result<MasterKey> again = CacheKeyFile::create(m_path, kPassphrase, Argon2idParams::fastForTests());
    QVERIFY(!again.ok());
    QVERIFY(again.errorMessage().contains(QStringLiteral("already exists")));
    QCOMPARE(readAll(m_path), before);

    const QString emptyPath = m_dir->filePath(QStringLiteral("empty.key"));
    Result<MasterKey> empty = CacheKeyFile::create(emptyPath, QString(), Argon2idParams::fastForTests());
    QVERIFY(!empty.ok());
    QVERIFY(!QFile::exists(emptyPath));
}

void TestKeyFile::wrongPassphraseIsRefusedAndNothingWritten()
{
    createKeyFile();
    const QByteArray before = readAll(m_path);
    const QDateTime modified = QFileInfo(m_path).lastModified();
    for (int i = 0; i < 100; ++i) {
        const QString guess =
            i == 0 ? QString()
                   : (i == 1 ? kPassphrase + QLatin1Char(' ') : QStringLiteral("guess %1").arg(i));
        Result<MasterKey> unlocked = CacheKeyFile::unlock(m_path, guess);
        QVERIFY(!unlocked.ok());
        QCOMPARE(unlocked.errorMessage(), QStringLiteral("wrong passphrase"));
    }
    QCOMPARE(readAll(m_path), before);
    QCOMPARE(QFileInfo(m_path).lastModified(), modified);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{CacheKeyFile::defaultFileName()});
    QVERIFY(CacheKeyFile::unlock(m_path, kPassphrase).ok());
}

void TestKeyFile::changePassphraseKeepsTheMasterKey()
{
    Result<MasterKey> original = CacheKeyFile::create(m_path, kPassphrase, Argon2idParams::fastForTests());
    QVERIFY(original.ok());
    const QByteArray before = readAll(m_path);

    // Wrong old passphrase: refused, file untouched.
    Status refused = CacheKeyFile::changePassphrase(m_path, QStringLiteral("nope"), QStringLiteral("new"),
                                                    Argon2idParams::fastForTests());
    QCOMPARE(refused.errorMessage(), QStringLiteral("wrong passphrase"));
    QCOMPARE(readAll(m_path), before);

    const QString newPassphrase = QStringLiteral("a new passphrase");
    Argon2idParams newParams = Argon2idParams::fastForTests();
    newParams.iterations = 2;
    Status changed = CacheKeyFile::changePassphrase(m_path, kPassphrase, newPassphrase, newParams);
    QVERIFY2(changed.ok(), qPrintable(changed.errorMessage()));
    QVERIFY(readAll(m_path) != before);

    QCOMPARE(CacheKeyFile::unlock(m_path, kPassphrase).errorMessage(), QStringLiteral("wrong passphrase"));
    Result<MasterKey> unlocked = CacheKeyFile::unlock(m_path, newPassphrase);
    QVERIFY2(unlocked.ok(), qPrintable(unlocked.errorMessage()));
    QVERIFY(unlocked->sameKeyAs(*original));
    QCOMPARE(bytesOf(*unlocked->deriveDatabaseKey()), bytesOf(*original->deriveDatabaseKey()));
    QCOMPARE(*CacheKeyFile::readParams(m_path), newParams);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{CacheKeyFile::defaultFileName()});
}

void TestKeyFile::missingFileIsDamage()
{
    Result<MasterKey> unlocked = CacheKeyFile::unlock(m_path, kPassphrase);
    QVERIFY(!unlocked.ok());
    QVERIFY2(unlocked.errorMessage().startsWith(QStringLiteral("cache damaged: %1: ").arg(m_path)),
             qPrintable(unlocked.errorMessage()));
}

void TestKeyFile::truncatedFileIsDamage()
{
    createKeyFile();
    const QByteArray original = readAll(m_path);
    const qsizetype n = original.size();
    // n - 1 only drops the final newline, which JSON does not care about.
    for (const qsizetype keep : {qsizetype(0), qsizetype(1), qsizetype(2), qsizetype(10), n / 4, n / 3, n / 2,
                                 2 * n / 3, 3 * n / 4, n - 20, n - 2}) {
        QVERIFY(writeAll(m_path, original.left(keep)));
        Result<MasterKey> unlocked = CacheKeyFile::unlock(m_path, kPassphrase);
        QVERIFY(!unlocked.ok());
        QVERIFY2(unlocked.errorMessage().startsWith(QStringLiteral("cache damaged: %1: ").arg(m_path)),
                 qPrintable(QStringLiteral("kept %1: %2").arg(keep).arg(unlocked.errorMessage())));
    }
}

void TestKeyFile::garbageIsDamage()
{
    createKeyFile();
    QRandomGenerator random(7);
    QByteArray noise(300, Qt::Uninitialized);
    for (char& c : noise)
        c = static_cast<char>(random.bounded(256));
    const QList<QByteArray> garbage{noise,
                                    QByteArray(1000, '\0'),
                                    "not json at all",
                                    "[]",
                                    "{}",
                                    "null",
                                    R"({"format": "holdfast-cache-key", "version": 1})",
                                    R"({"format": "holdfast-cache-key", "version": "1", "kdf": 3})",
                                    QByteArray(CacheKeyFile::kMaxFileBytes + 10, ' ')};
    for (const QByteArray& content : garbage) {
        QVERIFY(writeAll(m_path, content));
        Result<MasterKey> unlocked = CacheKeyFile::unlock(m_path, kPassphrase);
        QVERIFY(!unlocked.ok());
        QVERIFY2(unlocked.errorMessage().startsWith(QStringLiteral("cache damaged: %1: ").arg(m_path)),
                 qPrintable(unlocked.errorMessage()));
    }
}

void TestKeyFile::everyFlippedByteIsDamage()
{
    // With the checksum over every field, any single changed byte is reported
    // as damage, before the KDF runs, whichever field it hits.
    createKeyFile();
    const QByteArray original = readAll(m_path);
    int cases = 0;
    for (qsizetype i = 0; i < original.size(); ++i) {
        for (const unsigned char mask : {0x01, 0x04, 0x20, 0x80}) {
            QByteArray damagedBytes = original;
            damagedBytes[i] = static_cast<char>(damagedBytes[i] ^ mask);
            QVERIFY(writeAll(m_path, damagedBytes));
            Result<MasterKey> unlocked = CacheKeyFile::unlock(m_path, kPassphrase);
            QVERIFY2(!unlocked.ok(), qPrintable(QStringLiteral("byte %1 mask %2 accepted").arg(i).arg(mask)));
            QVERIFY2(
                unlocked.errorMessage().startsWith(QStringLiteral("cache damaged: %1: ").arg(m_path)),
                qPrintable(
                    QStringLiteral("byte %1 mask %2: %3").arg(i).arg(mask).arg(unlocked.errorMessage())));
            ++cases;
        }
    }
    QVERIFY(cases > 1000);
}

void TestKeyFile::everyChangedFieldIsDamage_data()
{
    QTest::addColumn<QString>("object");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("kind"); // "bytes": one bit flipped; "number": +1; "text": changed

    QTest::newRow("format") << QString() << "format"
                            << "text";
    QTest::newRow("version") << QString() << "version"
                             << "number";
    QTest::newRow("checksum") << QString() << "checksum_sha256"
                              << "text";
    QTest::newRow("kdf.name") << "kdf"
                              << "name"
                              << "text";
    QTest::newRow("kdf.argon2_version") << "kdf"
                                        << "argon2_version"
                                        << "number";
    QTest::newRow("kdf.memory_kib") << "kdf"
                                    << "memory_kib"
                                    << "number";
    QTest::newRow("kdf.iterations") << "kdf"
                                    << "iterations"
                                    << "number";
    QTest::newRow("kdf.parallelism") << "kdf"
                                     << "parallelism"
                                     << "number";
    QTest::newRow("kdf.salt") << "kdf"
                              << "salt"
                              << "bytes";
    QTest::newRow("wrapped.cipher") << "wrapped_master_key"
                                    << "cipher"
                                    << "text";
    QTest::newRow("wrapped.nonce") << "wrapped_master_key"
                                   << "nonce"
                                   << "bytes";
    QTest::newRow("wrapped.ciphertext") << "wrapped_master_key"
                                        << "ciphertext"
                                        << "bytes";
    QTest::newRow("wrapped.tag") << "wrapped_master_key"
                                 << "tag"
                                 << "bytes";
    QTest::newRow("salt too short") << "kdf"
                                    << "salt"
                                    << "short";
    QTest::newRow("tag too short") << "wrapped_master_key"
                                   << "tag"
                                   << "short";
    QTest::newRow("salt not base64") << "kdf"
                                     << "salt"
                                     << "notbase64";
    QTest::newRow("memory_kib string") << "kdf"
                                       << "memory_kib"
                                       << "wrongtype";
    QTest::newRow("nonce number") << "wrapped_master_key"
                                  << "nonce"
                                  << "wrongtype";
    QTest::newRow("salt removed") << "kdf"
                                  << "salt"
                                  << "remove";
    QTest::newRow("kdf removed") << QString() << "kdf"
                                 << "remove";
}

void TestKeyFile::everyChangedFieldIsDamage()
{
    QFETCH(QString, object);
    QFETCH(QString, field);
    QFETCH(QString, kind);
    createKeyFile();
    QJsonObject root = QJsonDocument::fromJson(readAll(m_path)).object();
    QJsonObject target = object.isEmpty() ? root : root.value(object).toObject();
    const QJsonValue value = target.value(field);
    if (kind == QLatin1String("bytes"))
        target[field] = flipBase64Bit(value.toString());
    else if (kind == QLatin1String("number"))
        target[field] = value.toInteger() + 1;
    else if (kind == QLatin1String("text"))
        target[field] = value.toString() + QLatin1Char('0');
    else if (kind == QLatin1String("short"))
        target[field] =
            QString::fromLatin1(QByteArray::fromBase64(value.toString().toLatin1()).left(8).toBase64());
    else if (kind == QLatin1String("notbase64"))
        target[field] = QStringLiteral("!!!not base64!!!");
    else if (kind == QLatin1String("wrongtype"))
        target[field] = value.isString() ? QJsonValue(12) : QJsonValue(QStringLiteral("12"));
    else if (kind == QLatin1String("remove"))
        target.remove(field);
    if (object.isEmpty())
        root = target;
    else
        root[object] = target;
    QVERIFY(writeAll(m_path, QJsonDocument(root).toJson()));

    Result<MasterKey> unlocked = CacheKeyFile::unlock(m_path, kPassphrase);
    QVERIFY(!unlocked.ok());
    QVERIFY2(unlocked.errorMessage().startsWith(QStringLiteral("cache damaged: %1: ").arg(m_path)),
             qPrintable(unlocked.errorMessage()));
    QVERIFY(!unlocked.errorMessage().contains(kPassphrase));
}

void TestKeyFile::consistentForgeryReadsAsWrongPassphrase()
{
    // A forger who recomputes the checksum gets past the damage check, but
    // GCM (key from the salt and parameters, AAD binding all of them) refuses.
    struct Forgery
    {
        const char* object;
        const char* field;
    };
    for (const Forgery& forgery :
         {Forgery{"wrapped_master_key", "ciphertext"}, Forgery{"wrapped_master_key", "tag"},
          Forgery{"wrapped_master_key", "nonce"}, Forgery{"kdf", "salt"}, Forgery{"kdf", "iterations"},
          Forgery{"kdf", "memory_kib"}}) {
        QFile::remove(m_path);
        createKeyFile();
        QJsonObject root = QJsonDocument::fromJson(readAll(m_path)).object();
        QJsonObject target = root.value(QLatin1String(forgery.object)).toObject();
        const QString field = QLatin1String(forgery.field);
        if (target.value(field).isString())
            target[field] = flipBase64Bit(target.value(field).toString());
        else
            target[field] = target.value(field).toInteger() + 8;
        root[QLatin1String(forgery.object)] = target;
        root[QStringLiteral("checksum_sha256")] = QString::fromLatin1(documentedChecksum(root));
        QVERIFY(writeAll(m_path, QJsonDocument(root).toJson()));
        Result<MasterKey> unlocked = CacheKeyFile::unlock(m_path, kPassphrase);
        QVERIFY(!unlocked.ok());
        QCOMPARE(unlocked.errorMessage(), QStringLiteral("wrong passphrase"));
    }
    // And the documented checksum matches what the code writes.
    QFile::remove(m_path);
    createKeyFile();
    const QJsonObject root = QJsonDocument::fromJson(readAll(m_path)).object();
    QCOMPARE(root.value(QStringLiteral("checksum_sha256")).toString().toLatin1(), documentedChecksum(root));
}

void TestKeyFile::defaultCostIsSane()
{
    const Argon2idParams interactive = Argon2idParams::interactive();
    QVERIFY(interactive.validate().isEmpty());
    QVERIFY(interactive.memoryKib >= 64 * 1024);
    QVERIFY(interactive.iterations >= 2);
    QVERIFY(Argon2idParams::fastForTests().validate().isEmpty());
    QVERIFY(!Argon2idParams({7, 1, 1}).validate().isEmpty());
    QVERIFY(!Argon2idParams({1024, 0, 1}).validate().isEmpty());
    QVERIFY(!Argon2idParams({1024, 1, 0}).validate().isEmpty());
    QVERIFY(!Argon2idParams({0xFFFFFFFFu, 1, 1}).validate().isEmpty());

    qputenv("HOLDFAST_TEST_FAST_KDF", "1");
    QCOMPARE(Argon2idParams::defaults(), Argon2idParams::fastForTests());
    qunsetenv("HOLDFAST_TEST_FAST_KDF");
    QCOMPARE(Argon2idParams::defaults(), interactive);
}

void TestKeyFile::argon2idRfc9106Vector()
{
    // RFC 9106 section 5.3: Argon2id, version 0x13, m = 32 KiB, t = 3, p = 4,
    // password 32 x 0x01, salt 16 x 0x02, secret 8 x 0x03, associated data 12 x 0x04.
    unsigned char tag[32];
    Status derived =
        crypto::Argon2idKdf::derive(QByteArray(32, '\x01'), QByteArray(16, '\x02'), {32, 3, 4}, tag,
                                    sizeof tag, QByteArray(8, '\x03'), QByteArray(12, '\x04'));
    QVERIFY2(derived.ok(), qPrintable(derived.errorMessage()));
    QCOMPARE(QByteArray(reinterpret_cast<char*>(tag), sizeof tag).toHex(),
             QByteArray("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"));
}

void TestKeyFile::hkdfRfc5869TestCase1()
{
    const QByteArray ikm(22, '\x0b');
    const QByteArray salt = QByteArray::fromHex("000102030405060708090a0b0c");
    const QByteArray info = QByteArray::fromHex("f0f1f2f3f4f5f6f7f8f9");
    unsigned char okm[42];
    QVERIFY(crypto::Hkdf::deriveSha256(ikm, salt, info, okm, sizeof okm).ok());
    QCOMPARE(
        QByteArray(reinterpret_cast<char*>(okm), sizeof okm).toHex(),
        QByteArray("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"));
}

void TestKeyFile::subKeysDifferPerLabelAndBlob()
{
    SecretKey secret;
    for (int i = 0; i < SecretKey::kBytes; ++i)
        secret.data()[i] = static_cast<unsigned char>(i);
    const MasterKey master = MasterKey::fromSecret(std::move(secret));
    const QByteArray database = bytesOf(*master.deriveDatabaseKey());
    const QByteArray blobA = bytesOf(*master.deriveBlobKey(QByteArray(16, 'a')));
    const QByteArray blobB = bytesOf(*master.deriveBlobKey(QByteArray(16, 'b')));
    QCOMPARE(database.size(), 32);
    QVERIFY(database != blobA);
    QVERIFY(blobA != blobB);
    QVERIFY(database != master.deriveSubKey("holdfast/other/v1")->view().toByteArray());
    // Deterministic, and exactly HKDF-SHA256 with the documented labels.
    QCOMPARE(bytesOf(*master.deriveBlobKey(QByteArray(16, 'a'))), blobA);
    unsigned char expected[32];
    SecretKey raw;
    for (int i = 0; i < SecretKey::kBytes; ++i)
        raw.data()[i] = static_cast<unsigned char>(i);
    QVERIFY(crypto::Hkdf::deriveSha256(raw.view(), {}, "holdfast/database/v1", expected, 32).ok());
    QCOMPARE(database, QByteArray(reinterpret_cast<char*>(expected), 32));
    QVERIFY(crypto::Hkdf::deriveSha256(raw.view(), {}, QByteArray("holdfast/blob/v1") + QByteArray(16, 'a'),
                                       expected, 32)
                .ok());
    QCOMPARE(blobA, QByteArray(reinterpret_cast<char*>(expected), 32));

    // A different master key gives different sub-keys.
    Result<MasterKey> other = MasterKey::generate();
    QVERIFY(other.ok());
    QVERIFY(bytesOf(*other->deriveDatabaseKey()) != database);

    // Moving keeps the bytes in place and leaves the source empty.
    SecretKey moved = std::move(raw);
    QVERIFY(raw.isNull()); // NOLINT(bugprone-use-after-move)
    QVERIFY(!moved.isNull());
}

void TestKeyFile::aesGcmRejectsTamperingAndZeroesOutput()
{
    const QByteArray key(32, '\x42');
    const QByteArray nonce(12, '\x01');
    const QByteArray plaintext("attack at dawn, card 4111 1111 1111 1111");
    auto encryptor = crypto::AesGcm::create(crypto::AesGcm::Direction::Encrypt,
                                            reinterpret_cast<const unsigned char*>(key.data()));
    auto decryptor = crypto::AesGcm::create(crypto::AesGcm::Direction::Decrypt,
                                            reinterpret_cast<const unsigned char*>(key.data()));
    QVERIFY(encryptor.ok() && decryptor.ok());
    QByteArray ciphertext(plaintext.size(), '\0');
    unsigned char tag[16];
    auto u = [](const QByteArray& b) {
        return reinterpret_cast<const unsigned char*>(b.constData());
    };
    auto w = [](QByteArray& b) {
        return reinterpret_cast<unsigned char*>(b.data());
    };
    QVERIFY(encryptor->encrypt(u(nonce), "aad", u(plaintext), plaintext.size(), w(ciphertext), tag));
    QByteArray out(plaintext.size(), '\0');
    QVERIFY(decryptor->decrypt(u(nonce), "aad", u(ciphertext), ciphertext.size(), w(out), tag));
    QCOMPARE(out, plaintext);
    QVERIFY(!decryptor->decrypt(u(nonce), "aaD", u(ciphertext), ciphertext.size(), w(out), tag));
    QCOMPARE(out, QByteArray(plaintext.size(), '\0'));
    ciphertext[3] = static_cast<char>(ciphertext[3] ^ 0x10);
    out.fill('x');
    QVERIFY(!decryptor->decrypt(u(nonce), "aad", u(ciphertext), ciphertext.size(), w(out), tag));
    QCOMPARE(out, QByteArray(plaintext.size(), '\0'));
}

void TestKeyFile::coreDumpsCanBeDisabled()
{
    QVERIFY(disableCoreDumps().ok());
    rlimit limit{};
    QCOMPARE(getrlimit(RLIMIT_CORE, &limit), 0);
    QCOMPARE(limit.rlim_cur, rlim_t(0));
    QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
}

QTEST_GUILESS_MAIN(TestKeyFile)
#include "tst_key_file.moc"

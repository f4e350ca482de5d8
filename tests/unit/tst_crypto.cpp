#include "TestSupport.h"
#include "crypto/Ed25519.h"
#include "crypto/Sha256.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace holdfast;
using namespace holdfast::crypto;

class TestCrypto : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sha256KnownAnswers();
    void sha256Streaming();
    void sha256File();
    void sha256FileMissing();
    void ed25519Rfc8032Vector1();
    void ed25519SignVerifyRoundTrip();
    void ed25519RejectsFlippedBits();
    void ed25519PemRoundTrip();
    void ed25519GarbagePemIsError();
    void ed25519WrongKeyTypeIsError();
    void ed25519MoveOnly();
    void interopSignedByClassVerifiedByOpenSsl();
    void interopSignedByOpenSslVerifiedByClass();

private:
    static QString openssl();
    static bool runOpenSsl(const QStringList& args, QByteArray* output = nullptr, bool expectSuccess = true);
};

QString TestCrypto::openssl()
{
    return QStandardPaths::findExecutable(QStringLiteral("openssl"));
}

bool TestCrypto::runOpenSsl(const QStringList& args, QByteArray* output, bool expectSuccess)
{
    QProcess process;
    process.start(openssl(), args);
    if (!process.waitForFinished(30000))
        return false;
    if (output)
        *output = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (expectSuccess)
            qWarning("openssl %s: %s", qPrintable(args.join(QLatin1Char(' '))),
                     process.readAllStandardError().constData());
        return false;
    }
    return true;
}

void TestCrypto::sha256KnownAnswers()
{
    // FIPS 180-2 examples.
    QCOMPARE(Sha256::hashHex("abc"),
             QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(Sha256::hashHex(QByteArray()),
             QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(Sha256::hash("abc").size(), 32);
}

void TestCrypto::sha256Streaming()
{
    const QByteArray message("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
    Sha256 sha;
    for (qsizetype i = 0; i < message.size(); i += 5)
        sha.addData(message.mid(i, 5));
    QCOMPARE(sha.result().toHex(),
             QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
    // The object is reset after result().
    sha.addData("abc");
    QCOMPARE(sha.result(), Sha256::hash("abc"));
    QCOMPARE(Sha256::fromHex("zz"), QByteArray());
    QCOMPARE(Sha256::fromHex(Sha256::hashHex("abc")), Sha256::hash("abc"));
}

void TestCrypto::sha256File()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Larger than one 1 MiB chunk, not a multiple of it.
    QByteArray data(3 * 1024 * 1024 + 17, Qt::Uninitialized);
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = static_cast<char>((i * 31) ^ (i >> 9));
    const QString path = dir.filePath(QStringLiteral("big.bin"));
    QVERIFY(test::writeFile(path, data));
    const auto digest = Sha256::hashFile(path);
    QVERIFY2(digest.ok(), qPrintable(digest.errorMessage()));
    QCOMPARE(*digest, Sha256::hash(data));
}

void TestCrypto::sha256FileMissing()
{
    const auto digest = Sha256::hashFile(QStringLiteral("/nonexistent/holdfast-file"));
    QVERIFY(!digest.ok());
    QVERIFY(digest.errorMessage().contains(QStringLiteral("/nonexistent/holdfast-file")));
}

void TestCrypto::ed25519Rfc8032Vector1()
{
    // RFC 8032 section 7.1, TEST 1 (empty message).
    const QByteArray seed =
        QByteArray::fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    const QByteArray publicKey =
        QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    const QByteArray signature =
        QByteArray::fromHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bac"
                            "c61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    auto key = Ed25519PrivateKey::fromSeed(seed);
    QVERIFY2(key.ok(), qPrintable(key.errorMessage()));
    QCOMPARE(key->publicKey().raw(), publicKey);
    QCOMPARE(key->sign(QByteArray()), signature);
    auto pub = Ed25519PublicKey::fromRaw(publicKey);
    QVERIFY(pub.ok());
    QVERIFY(pub->verify(QByteArray(), signature));

    QVERIFY(!Ed25519PrivateKey::fromSeed(seed.left(31)).ok());
}

void TestCrypto::ed25519SignVerifyRoundTrip()
{
    auto key = Ed25519PrivateKey::generate();
    QVERIFY2(key.ok(), qPrintable(key.errorMessage()));
    const QByteArray message("manifest bytes to sign");
    const QByteArray signature = key->sign(message);
    QCOMPARE(signature.size(), 64);
    QVERIFY(key->publicKey().verify(message, signature));
    // Ed25519 is deterministic.
    QCOMPARE(key->sign(message), signature);
    // A different key does not verify it.
    auto other = Ed25519PrivateKey::generate();
    QVERIFY(other.ok());
    QVERIFY(!other->publicKey().verify(message, signature));
    QVERIFY(!(other->publicKey() == key->publicKey()));
}

void TestCrypto::ed25519RejectsFlippedBits()
{
    auto key = Ed25519PrivateKey::generate();
    QVERIFY(key.ok());
    const Ed25519PublicKey pub = key->publicKey();
    const QByteArray message("The quick brown fox");
    const QByteArray signature = key->sign(message);
    for (qsizetype i = 0; i < message.size(); ++i) {
        QByteArray tampered = message;
        tampered[i] = static_cast<char>(tampered[i] ^ 0x01);
        QVERIFY2(!pub.verify(tampered, signature), qPrintable(QStringLiteral("message byte %1").arg(i)));
    }
    for (qsizetype i = 0; i < signature.size(); ++i) {
        QByteArray tampered = signature;
        tampered[i] = static_cast<char>(tampered[i] ^ 0x80);
        QVERIFY2(!pub.verify(message, tampered), qPrintable(QStringLiteral("signature byte %1").arg(i)));
    }
    QVERIFY(!pub.verify(message, signature.left(63)));
    QVERIFY(!pub.verify(message, signature + '\0'));
    QVERIFY(!pub.verify(message, QByteArray()));
}

void TestCrypto::ed25519PemRoundTrip()
{
    auto key = Ed25519PrivateKey::generate();
    QVERIFY(key.ok());
    const QByteArray pem = key->toPem();
    QVERIFY(pem.startsWith("-----BEGIN PRIVATE KEY-----"));
    const QByteArray publicPem = key->publicKeyPem();
    QVERIFY(publicPem.startsWith("-----BEGIN PUBLIC KEY-----"));

    auto reloaded = Ed25519PrivateKey::fromPem(pem);
    QVERIFY2(reloaded.ok(), qPrintable(reloaded.errorMessage()));
    QCOMPARE(reloaded->toPem(), pem);
    QCOMPARE(reloaded->sign("x"), key->sign("x"));

    auto pub = Ed25519PublicKey::fromPem(publicPem);
    QVERIFY2(pub.ok(), qPrintable(pub.errorMessage()));
    QCOMPARE(pub->toPem(), publicPem);
    QVERIFY(*pub == key->publicKey());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("key.pem"));
    QVERIFY(test::writeFile(path, pem));
    auto loaded = Ed25519PrivateKey::loadPem(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorMessage()));
    QCOMPARE(loaded->publicKeyPem(), publicPem);
}

void TestCrypto::ed25519GarbagePemIsError()
{
    for (const QByteArray& garbage :
         {QByteArray(), QByteArray("garbage"),
          QByteArray("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"),
          QByteArray(100000, 'A')}) {
        QVERIFY(!Ed25519PrivateKey::fromPem(garbage).ok());
        QVERIFY(!Ed25519PublicKey::fromPem(garbage).ok());
    }
    auto key = Ed25519PrivateKey::generate();
    QVERIFY(key.ok());
    // A public key is not a private key and vice versa.
    QVERIFY(!Ed25519PrivateKey::fromPem(key->publicKeyPem()).ok());
    QVERIFY(!Ed25519PublicKey::fromPem(key->toPem()).ok());

    const auto missing = Ed25519PublicKey::loadPem(QStringLiteral("/nonexistent/node.pem"));
    QVERIFY(!missing.ok());
    QVERIFY(missing.errorMessage().contains(QStringLiteral("/nonexistent/node.pem")));
}

void TestCrypto::ed25519WrongKeyTypeIsError()
{
    if (openssl().isEmpty())
        QSKIP("openssl command not found");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ec.pem"));
    QVERIFY(runOpenSsl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                        QStringLiteral("-out"), path}));
    const auto key = Ed25519PrivateKey::loadPem(path);
    QVERIFY(!key.ok());
    QVERIFY2(key.errorMessage().contains(QStringLiteral("not Ed25519")), qPrintable(key.errorMessage()));
}

void TestCrypto::ed25519MoveOnly()
{
    static_assert(!std::is_copy_constructible_v<Ed25519PrivateKey>);
    static_assert(std::is_nothrow_move_constructible_v<Ed25519PrivateKey>);
    auto key = Ed25519PrivateKey::generate();
    QVERIFY(key.ok());
    Ed25519PrivateKey moved = std::move(*key);
    QVERIFY(!moved.isNull());
    QVERIFY(key->isNull()); // NOLINT(bugprone-use-after-move): moved-from keys are null by contract
    QVERIFY(key->sign("x").isEmpty());
    QCOMPARE(moved.sign("x").size(), 64);
}

void TestCrypto::interopSignedByClassVerifiedByOpenSsl()
{
    if (openssl().isEmpty())
        QSKIP("openssl command not found");
    QTemporaryDir dir;
    auto key = Ed25519PrivateKey::generate();
    QVERIFY(key.ok());
    const QByteArray message("{\"format\":\"holdfast.recording/1\"}\n");
    const QString pubPath = dir.filePath(QStringLiteral("pub.pem"));
    const QString msgPath = dir.filePath(QStringLiteral("msg"));
    const QString sigPath = dir.filePath(QStringLiteral("sig"));
    QVERIFY(test::writeFile(pubPath, key->publicKeyPem()));
    QVERIFY(test::writeFile(msgPath, message));
    QVERIFY(test::writeFile(sigPath, key->sign(message)));
    const QStringList verify{QStringLiteral("pkeyutl"),
                             QStringLiteral("-verify"),
                             QStringLiteral("-pubin"),
                             QStringLiteral("-inkey"),
                             pubPath,
                             QStringLiteral("-rawin"),
                             QStringLiteral("-in"),
                             msgPath,
                             QStringLiteral("-sigfile"),
                             sigPath};
    QVERIFY(runOpenSsl(verify));

    // And openssl rejects a tampered message.
    QByteArray tampered = message;
    tampered[3] = 'X';
    QVERIFY(test::writeFile(msgPath, tampered));
    QVERIFY(!runOpenSsl(verify, nullptr, false));
}

void TestCrypto::interopSignedByOpenSslVerifiedByClass()
{
    if (openssl().isEmpty())
        QSKIP("openssl command not found");
    QTemporaryDir dir;
    const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
    const QString msgPath = dir.filePath(QStringLiteral("msg"));
    const QString sigPath = dir.filePath(QStringLiteral("sig"));
    QVERIFY(runOpenSsl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("ED25519"),
                        QStringLiteral("-out"), keyPath}));
    const QByteArray message("signed by the openssl command line");
    QVERIFY(test::writeFile(msgPath, message));
    QVERIFY(runOpenSsl({QStringLiteral("pkeyutl"), QStringLiteral("-sign"), QStringLiteral("-inkey"), keyPath,
                        QStringLiteral("-rawin"), QStringLiteral("-in"), msgPath, QStringLiteral("-out"),
                        sigPath}));
    QByteArray publicPem;
    QVERIFY(runOpenSsl({QStringLiteral("pkey"), QStringLiteral("-in"), keyPath, QStringLiteral("-pubout")},
                       &publicPem));

    auto pub = Ed25519PublicKey::fromPem(publicPem);
    QVERIFY2(pub.ok(), qPrintable(pub.errorMessage()));
    const QByteArray signature = test::readFile(sigPath);
    QCOMPARE(signature.size(), 64);
    QVERIFY(pub->verify(message, signature));
    QVERIFY(!pub->verify(message + '!', signature));

    // The class reads openssl's PKCS#8 file and produces the same signature (deterministic).
    auto key = Ed25519PrivateKey::loadPem(keyPath);
    QVERIFY2(key.ok(), qPrintable(key.errorMessage()));
    QCOMPARE(key->sign(message), signature);
    QCOMPARE(key->publicKeyPem(), publicPem);
}

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"

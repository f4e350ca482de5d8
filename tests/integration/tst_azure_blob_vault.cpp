// AzureBlobVault against a real Azurite on loopback: REST calls, paging,
// conditions, SAS, error kinds, HTTPS trust, injected network faults and
// interop with the official JS SDK.

#include "AzuriteServer.h"
#include "FaultProxy.h"
#include "vault/AzureBlobVault.h"
#include "vault/AzureConnectionString.h"
#include "vault/AzureSharedKeySigner.h"
#include "vault/RetryPolicy.h"
#include "vault/VaultFactory.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <thread>
#include <vector>

using namespace holdfast::vault;
using holdfast::test::AzuriteServer;
using holdfast::test::FaultProxy;

namespace {

QByteArray pattern(qint64 bytes, int seed)
{
    QByteArray data(bytes, Qt::Uninitialized);
    quint32 x = 2463534242u ^ quint32(seed);
    for (qint64 i = 0; i < bytes; ++i) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        data[i] = char(x & 0xff);
    }
    return data;
}

QByteArray sha256(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

RetryPolicy fastRetries()
{
    RetryPolicy policy;
    policy.maxAttempts = 5;
    policy.baseDelay_ms = 20;
    policy.maxDelay_ms = 500;
    policy.maxTotal_ms = 30000;
    return policy;
}

} // namespace

class TestAzureBlobVault : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void connectionStrings();
    void retryAfterParsing();
    void createContainerTwice();
    void putAndListWithPaging();
    void statReportsEtagSizeMd5AndMetadata();
    void rangedReads();
    void streamingReadToFile();
    void conditionalPut();
    void metadataRoundTrip();
    void unusualBlobNames();
    void prefixedVault();
    void concurrentWorkers();
    void cancelStopsAReadPromptly();
    void sasTokenAccess();
    void wrongAccountKey();
    void expiredSas();
    void sasWithoutListPermission();
    void missingContainerAndBlob();
    void unreachableHost();
    void httpsWithTrustedCa();
    void faultResetMidBody();
    void fault503WithRetryAfter();
    void faultStallTimesOutThenRetries();
    void faultTruncation();
    void faultSmallRangeAndPut();
    void faultRetriesExhausted();
    void interopWithAzureSdk();

private:
    std::unique_ptr<AzureBlobVault> makeVault(const AzureConnectionString& credentials,
                                              const QString& container, const QString& prefix = {},
                                              const QString& caFile = {}, HttpTimeouts timeouts = {});
    AzureConnectionString devCredentials(quint16 port) const;
    QString accountSas(const QString& permissions, const QDateTime& expiry) const;
    QJsonObject runNode(const QString& script, const QStringList& args);

    AzuriteServer m_azurite;
    std::unique_ptr<AzureBlobVault> m_vault;
    const QString m_container = QStringLiteral("holdfast-test");
};

AzureConnectionString TestAzureBlobVault::devCredentials(quint16 port) const
{
    return AzureConnectionString::developmentStorage(
        QStringLiteral("http://127.0.0.1:%1/devstoreaccount1").arg(port));
}

std::unique_ptr<AzureBlobVault> TestAzureBlobVault::makeVault(const AzureConnectionString& credentials,
                                                              const QString& container, const QString& prefix,
                                                              const QString& caFile, HttpTimeouts timeouts)
{
    AzureBlobVault::Options options;
    options.credentials = credentials;
    options.container = container;
    options.prefix = prefix;
    options.extraCaFile = caFile;
    options.retry = fastRetries();
    options.timeouts = timeouts;
    auto vault = AzureBlobVault::create(options);
    if (!vault)
        qWarning("%s", qPrintable(vault.errorMessage()));
    return vault ? std::move(vault).value() : nullptr;
}

QString TestAzureBlobVault::accountSas(const QString& permissions, const QDateTime& expiry) const
{
    AzureSharedKeySigner signer(QString::fromLatin1(kDevelopmentAccountName),
                                QByteArray::fromBase64(kDevelopmentAccountKeyBase64));
    AzureSharedKeySigner::AccountSas sas;
    sas.permissions = permissions;
    sas.expiry = expiry;
    sas.start = QDateTime::currentDateTimeUtc().addSecs(-3600);
    return signer.accountSas(sas);
}

void TestAzureBlobVault::initTestCase()
{
    if (AzuriteServer::azuritePath().isEmpty())
        QFAIL("tests/node_modules/.bin/azurite-blob not found: run `npm ci` in tests/ (HOLDFAST_SOURCE_DIR "
              "must be set)");
    QVERIFY2(m_azurite.start(), qPrintable(m_azurite.errorString()));
    m_vault = makeVault(devCredentials(m_azurite.port()), m_container);
    QVERIFY(m_vault);
    auto created = m_vault->createContainer();
    QVERIFY2(created, qPrintable(created.errorMessage()));
}

void TestAzureBlobVault::connectionStrings()
{
    auto dev = AzureConnectionString::parse(QStringLiteral("UseDevelopmentStorage=true"));
    QVERIFY(dev);
    QCOMPARE(dev->accountName, QStringLiteral("devstoreaccount1"));
    QCOMPARE(dev->blobEndpoint.toString(), QStringLiteral("http://127.0.0.1:10000/devstoreaccount1"));
    QCOMPARE(dev->accountKey.size(), 64);

    auto full = AzureConnectionString::parse(
        QStringLiteral(
            "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=%1;EndpointSuffix=core.windows.net")
            .arg(QString::fromLatin1(kDevelopmentAccountKeyBase64)));
    QVERIFY2(full, qPrintable(full.errorMessage()));
    QCOMPARE(full->blobEndpoint.toString(), QStringLiteral("https://acct.blob.core.windows.net"));

    auto sas = AzureConnectionString::parse(QStringLiteral(
        "BlobEndpoint=https://acct.blob.core.windows.net/;SharedAccessSignature=sv=2024-11-04&sig=a%2Bb="));
    QVERIFY2(sas, qPrintable(sas.errorMessage()));
    QVERIFY(!sas->hasSharedKey());
    QCOMPARE(sas->sharedAccessSignature, QStringLiteral("sv=2024-11-04&sig=a%2Bb="));
    QCOMPARE(sas->accountName, QStringLiteral("acct"));

    auto noCredentials = AzureConnectionString::parse(QStringLiteral("AccountName=acct"));
    QCOMPARE(noCredentials.kind(), ErrorKind::InvalidArgument);
    auto badKey = AzureConnectionString::parse(QStringLiteral("AccountName=acct;AccountKey=not*base64"));
    QCOMPARE(badKey.kind(), ErrorKind::InvalidArgument);
    QVERIFY(!badKey.errorMessage().contains(QLatin1String("not*base64"))); // never echo a key
}

void TestAzureBlobVault::retryAfterParsing()
{
    const QDateTime now = QDateTime(QDate(2024, 5, 1), QTime(9, 30, 0), Qt::UTC);
    QCOMPARE(RetryPolicy::parseRetryAfter_ms("2", now), std::optional<qint64>(2000));
    QCOMPARE(RetryPolicy::parseRetryAfter_ms("Wed, 01 May 2024 09:30:05 GMT", now),
             std::optional<qint64>(5000));
    QCOMPARE(RetryPolicy::parseRetryAfter_ms("garbage", now), std::nullopt);
    RetryPolicy policy;
    for (int retry = 1; retry < 20; ++retry) {
        const qint64 delay = policy.backoff_ms(retry);
        QVERIFY(delay >= 0 && delay <= policy.maxDelay_ms);
    }
}

void TestAzureBlobVault::createContainerTwice()
{
    auto again = m_vault->createContainer();
    QVERIFY2(again, qPrintable(again.errorMessage()));
}

void TestAzureBlobVault::putAndListWithPaging()
{
    for (int i = 0; i < 25; ++i) {
        auto etag = m_vault->put(QStringLiteral("paging/blob-%1.bin").arg(i, 2, 10, QLatin1Char('0')),
                                 pattern(100 + i, i));
        QVERIFY2(etag, qPrintable(etag.errorMessage()));
    }
    QStringList names;
    QString marker;
    int pages = 0;
    do {
        auto page = m_vault->list(QStringLiteral("paging/"), marker, 10);
        QVERIFY2(page, qPrintable(page.errorMessage()));
        ++pages;
        QVERIFY(page->entries.size() <= 10);
        for (const BlobEntry& entry : page->entries) {
            names.append(entry.name);
            QVERIFY(entry.etag.startsWith(QLatin1Char('"')));
            QCOMPARE(entry.bytes, qint64(100 + entry.name.mid(12, 2).toInt()));
            QCOMPARE(entry.contentMd5.size(), 16);
            QVERIFY(entry.lastModified.isValid());
        }
        marker = page->nextMarker;
    } while (!marker.isEmpty());
    QCOMPARE(pages, 3);
    QCOMPARE(names.size(), 25);
    QCOMPARE(names.first(), QStringLiteral("paging/blob-00.bin"));
    QCOMPARE(names.last(), QStringLiteral("paging/blob-24.bin"));
}

void TestAzureBlobVault::statReportsEtagSizeMd5AndMetadata()
{
    const QByteArray data = pattern(12345, 7);
    PutOptions options;
    options.contentType = QStringLiteral("application/json");
    options.metadata = {{QStringLiteral("capture_node"), QStringLiteral("capture-lon-01")}};
    auto etag = m_vault->put(QStringLiteral("stat/one.json"), data, {}, options);
    QVERIFY2(etag, qPrintable(etag.errorMessage()));
    auto entry = m_vault->stat(QStringLiteral("stat/one.json"));
    QVERIFY2(entry, qPrintable(entry.errorMessage()));
    QCOMPARE(entry->etag, *etag);
    QCOMPARE(entry->bytes, qint64(data.size()));
    QCOMPARE(entry->contentMd5, QCryptographicHash::hash(data, QCryptographicHash::Md5));
    QCOMPARE(entry->contentType, QStringLiteral("application/json"));
    QCOMPARE(entry->metadata.value(QStringLiteral("capture_node")), QStringLiteral("capture-lon-01"));
    QVERIFY(qAbs(entry->lastModified.secsTo(QDateTime::currentDateTimeUtc())) < 300);
}

void TestAzureBlobVault::rangedReads()
{
    const QByteArray data = pattern(10 * 1024 * 1024 + 123, 9);
    QVERIFY(m_vault->put(QStringLiteral("ranges/big.bin"), data));
    const qint64 attemptsBefore = m_vault->stats().attempts;
    auto whole = m_vault->read(QStringLiteral("ranges/big.bin"));
    QVERIFY2(whole, qPrintable(whole.errorMessage()));
    QCOMPARE(sha256(*whole), sha256(data));
    QCOMPARE(m_vault->stats().attempts - attemptsBefore, 1); // one streaming GET, not KiB pieces

    QCOMPARE(m_vault->read(QStringLiteral("ranges/big.bin"), 0, 1).value(), data.left(1));
    QCOMPARE(m_vault->read(QStringLiteral("ranges/big.bin"), 1000, 4096).value(), data.mid(1000, 4096));
    QCOMPARE(sha256(m_vault->read(QStringLiteral("ranges/big.bin"), 17, 4 * 1024 * 1024).value()),
             sha256(data.mid(17, 4 * 1024 * 1024)));
    QCOMPARE(sha256(m_vault->read(QStringLiteral("ranges/big.bin"), 3, 6 * 1024 * 1024).value()),
             sha256(data.mid(3, 6 * 1024 * 1024)));
    QCOMPARE(sha256(m_vault->read(QStringLiteral("ranges/big.bin"), 5 * 1024 * 1024, -1).value()),
             sha256(data.mid(5 * 1024 * 1024)));
    // Past the end gives what exists; beyond the end is an error.
    QCOMPARE(m_vault->read(QStringLiteral("ranges/big.bin"), data.size() - 5, 100).value(), data.right(5));
    QCOMPARE(m_vault->read(QStringLiteral("ranges/big.bin"), data.size() - 5, 8 * 1024 * 1024).value(),
             data.right(5));
    auto beyond = m_vault->read(QStringLiteral("ranges/big.bin"), data.size() + 10, 10);
    QCOMPARE(beyond.kind(), ErrorKind::InvalidArgument);
    QVERIFY(m_vault->put(QStringLiteral("ranges/empty.bin"), QByteArray()));
    auto empty = m_vault->read(QStringLiteral("ranges/empty.bin"));
    QVERIFY2(empty, qPrintable(empty.errorMessage()));
    QCOMPARE(empty->size(), 0);
    QCOMPARE(m_vault->read(QStringLiteral("ranges/empty.bin"), 0, 10).value(), QByteArray());
}

void TestAzureBlobVault::streamingReadToFile()
{
    const QByteArray data = pattern(24 * 1024 * 1024, 11);
    QTemporaryDir dir;
    QFile source(dir.filePath(QStringLiteral("src.bin")));
    QVERIFY(source.open(QIODevice::WriteOnly));
    source.write(data);
    source.close();
    QVERIFY(source.open(QIODevice::ReadOnly));
    qint64 lastSent = 0;
    auto etag = m_vault->putFrom(QStringLiteral("stream/24m.bin"), &source, source.size(), {}, {},
                                 [&](qint64 sent, qint64) { lastSent = sent; });
    QVERIFY2(etag, qPrintable(etag.errorMessage()));
    QCOMPARE(lastSent, qint64(data.size()));

    QFile out(dir.filePath(QStringLiteral("out.bin")));
    QVERIFY(out.open(QIODevice::WriteOnly));
    int calls = 0;
    qint64 lastDone = 0;
    QElapsedTimer clock;
    clock.start();
    auto written =
        m_vault->readTo(QStringLiteral("stream/24m.bin"), &out, 0, -1, [&](qint64 done, qint64 total) {
            ++calls;
            lastDone = done;
            QCOMPARE(total, qint64(data.size()));
        });
    const qint64 elapsed_ms = clock.elapsed();
    QVERIFY2(written, qPrintable(written.errorMessage()));
    out.close();
    QCOMPARE(*written, qint64(data.size()));
    QCOMPARE(lastDone, qint64(data.size()));
    QVERIFY(calls > 1);
    QVERIFY(out.open(QIODevice::ReadOnly));
    QCOMPARE(sha256(out.readAll()), sha256(data));
    qInfo("24 MiB streamed in %lld ms", elapsed_ms);
}

void TestAzureBlobVault::conditionalPut()
{
    const QString name = QStringLiteral("cond/hold.json");
    auto first = m_vault->put(name, "v1", Condition::ifNoneMatchAny());
    QVERIFY2(first, qPrintable(first.errorMessage()));
    auto exists = m_vault->put(name, "v2", Condition::ifNoneMatchAny());
    QCOMPARE(exists.kind(), ErrorKind::PreconditionFailed);
    QVERIFY2(exists.errorMessage().contains(name), qPrintable(exists.errorMessage()));
    QVERIFY(exists.errorMessage().contains(m_container));

    auto second = m_vault->put(name, "v2", Condition::ifMatch(*first));
    QVERIFY2(second, qPrintable(second.errorMessage()));
    QVERIFY(*second != *first);
    auto stale = m_vault->put(name, "v3", Condition::ifMatch(*first));
    QCOMPARE(stale.kind(), ErrorKind::PreconditionFailed);
    QCOMPARE(stale.error().httpStatus, 412);
    QCOMPARE(m_vault->read(name).value(), QByteArray("v2"));
    auto absent = m_vault->put(QStringLiteral("cond/absent.json"), "x", Condition::ifMatch(*first));
    QCOMPARE(absent.kind(), ErrorKind::PreconditionFailed);
}

void TestAzureBlobVault::metadataRoundTrip()
{
    const QString name = QStringLiteral("meta/m.bin");
    auto etag = m_vault->put(name, "data");
    QVERIFY(etag);
    const Metadata metadata{{QStringLiteral("legal_hold"), QStringLiteral("matter-42")},
                            {QStringLiteral("Reviewer"), QStringLiteral("a b c")}};
    auto newEtag = m_vault->setMetadata(name, metadata, Condition::ifMatch(*etag));
    QVERIFY2(newEtag, qPrintable(newEtag.errorMessage()));
    auto got = m_vault->getMetadata(name);
    QVERIFY(got);
    QCOMPARE(got->value(QStringLiteral("legal_hold")), QStringLiteral("matter-42"));
    QCOMPARE(got->value(QStringLiteral("Reviewer")), QStringLiteral("a b c"));
    auto stale = m_vault->setMetadata(name, {}, Condition::ifMatch(*etag));
    QCOMPARE(stale.kind(), ErrorKind::PreconditionFailed);
    QCOMPARE(m_vault->setMetadata(name, {{QStringLiteral("bad-name"), QStringLiteral("x")}}).kind(),
             ErrorKind::InvalidArgument);
}

void TestAzureBlobVault::unusualBlobNames()
{
    // Shared Key signs the encoded path: spaces, '+', '&', '=', '%' and non-ASCII must all round-trip.
    const QStringList names{QStringLiteral("odd/with space.bin"), QStringLiteral("odd/plus+and&amp=eq.bin"),
                            QStringLiteral("odd/percent%41.bin"), QStringLiteral("odd/ünïcødé-日本.bin"),
                            QStringLiteral("odd/(parens)!'*~.bin")};
    for (const QString& name : names) {
        const QByteArray data = name.toUtf8();
        auto etag = m_vault->put(name, data);
        QVERIFY2(etag, qPrintable(etag.errorMessage()));
        QCOMPARE(m_vault->read(name).value(), data);
        QCOMPARE(m_vault->stat(name)->bytes, qint64(data.size()));
    }
    auto page = m_vault->list(QStringLiteral("odd/"));
    QVERIFY(page);
    QStringList listed;
    for (const auto& entry : page->entries)
        listed.append(entry.name);
    QStringList expected = names;
    std::sort(expected.begin(), expected.end(),
              [](const QString& a, const QString& b) { return a.toUtf8() < b.toUtf8(); });
    QCOMPARE(listed, expected);
    auto prefixed = m_vault->list(QStringLiteral("odd/ünï"));
    QVERIFY(prefixed);
    QCOMPARE(prefixed->entries.size(), 1);
}

void TestAzureBlobVault::prefixedVault()
{
    auto tenant = makeVault(devCredentials(m_azurite.port()), m_container, QStringLiteral("tenant-a"));
    QVERIFY(tenant);
    QVERIFY(tenant->put(QStringLiteral("keys/node.pem"), "pem"));
    auto page = tenant->list(QStringLiteral("keys/"));
    QVERIFY(page);
    QCOMPARE(page->entries.size(), 1);
    QCOMPARE(page->entries.first().name, QStringLiteral("keys/node.pem"));
    QCOMPARE(m_vault->read(QStringLiteral("tenant-a/keys/node.pem")).value(), QByteArray("pem"));

    qputenv("AZURE_STORAGE_CONNECTION_STRING", m_azurite.connectionString().toUtf8());
    auto opened = openVault(QStringLiteral("azure://%1/tenant-a").arg(m_container));
    qunsetenv("AZURE_STORAGE_CONNECTION_STRING");
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    QCOMPARE((*opened)->read(QStringLiteral("keys/node.pem")).value(), QByteArray("pem"));
}

void TestAzureBlobVault::concurrentWorkers()
{
    // The sync engine calls one vault from several threads (4 by default).
    std::vector<QByteArray> blobs;
    for (int i = 0; i < 8; ++i) {
        blobs.push_back(pattern(3 * 1024 * 1024 + i * 1000, 100 + i));
        QVERIFY(m_vault->put(QStringLiteral("conc/b%1").arg(i), blobs.back()));
    }
    std::atomic<int> failures{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < 4; ++t) {
        workers.emplace_back([&, t] {
            for (int round = 0; round < 4; ++round) {
                const int i = (t * 2 + round) % 8;
                auto data = m_vault->read(QStringLiteral("conc/b%1").arg(i));
                if (!data || *data != blobs[size_t(i)]) {
                    qWarning("read: %s", qPrintable(data.errorMessage()));
                    ++failures;
                }
                auto page = m_vault->list(QStringLiteral("conc/b"));
                if (!page || page->entries.size() != 8) {
                    qWarning("list: %s", qPrintable(page.errorMessage()));
                    ++failures;
                }
                auto put =
                    m_vault->put(QStringLiteral("conc/w%1-%2").arg(t).arg(round), QByteArray::number(round));
                if (!put) {
                    qWarning("put: %s", qPrintable(put.errorMessage()));
                    ++failures;
                }
            }
        });
    }
    for (auto& worker : workers)
        worker.join();
    QCOMPARE(failures.load(), 0);
}

void TestAzureBlobVault::cancelStopsAReadPromptly()
{
    // Through a proxy that stalls, so the read cannot finish on its own.
    FaultProxy proxy(m_azurite.port());
    QVERIFY(proxy.start());
    FaultProxy::Fault stall;
    stall.type = FaultProxy::FaultType::Stall;
    stall.method = "GET";
    stall.afterBodyBytes = 1024;
    stall.stall_ms = 20000;
    proxy.addFault(stall);
    QVERIFY(m_vault->put(QStringLiteral("cancel/big.bin"), pattern(8 * 1024 * 1024, 5)));
    auto slow = makeVault(devCredentials(proxy.port()), m_container);
    std::atomic_bool cancel{false};
    std::thread canceller([&] {
        QThread::msleep(300);
        cancel = true;
    });
    QElapsedTimer clock;
    clock.start();
    auto read = slow->read(QStringLiteral("cancel/big.bin"), 0, -1, &cancel);
    const qint64 elapsed_ms = clock.elapsed();
    canceller.join();
    QCOMPARE(read.kind(), ErrorKind::Cancelled);
    QVERIFY2(elapsed_ms < 2000, qPrintable(QString::number(elapsed_ms)));
}

void TestAzureBlobVault::sasTokenAccess()
{
    QVERIFY(m_vault->put(QStringLiteral("sas/existing.bin"), "hello"));
    AzureConnectionString credentials = devCredentials(m_azurite.port());
    credentials.accountKey.clear();
    credentials.sharedAccessSignature =
        accountSas(QStringLiteral("rwlc"), QDateTime::currentDateTimeUtc().addSecs(3600));
    auto sasVault = makeVault(credentials, m_container);
    QVERIFY(sasVault);
    auto read = sasVault->read(QStringLiteral("sas/existing.bin"));
    QVERIFY2(read, qPrintable(read.errorMessage()));
    QCOMPARE(*read, QByteArray("hello"));
    auto page = sasVault->list(QStringLiteral("sas/"));
    QVERIFY2(page, qPrintable(page.errorMessage()));
    QCOMPARE(page->entries.size(), 1);
    auto put = sasVault->put(QStringLiteral("sas/new.bin"), "via sas", Condition::ifNoneMatchAny());
    QVERIFY2(put, qPrintable(put.errorMessage()));
    QCOMPARE(m_vault->read(QStringLiteral("sas/new.bin")).value(), QByteArray("via sas"));
    // The same through a connection string.
    auto parsed =
        AzureConnectionString::parse(QStringLiteral("BlobEndpoint=%1;SharedAccessSignature=%2")
                                         .arg(m_azurite.blobEndpoint(), credentials.sharedAccessSignature));
    QVERIFY2(parsed, qPrintable(parsed.errorMessage()));
    auto fromString = makeVault(*parsed, m_container);
    QCOMPARE(fromString->read(QStringLiteral("sas/existing.bin")).value(), QByteArray("hello"));
}

void TestAzureBlobVault::wrongAccountKey()
{
    AzureConnectionString credentials = devCredentials(m_azurite.port());
    credentials.accountKey = QByteArray(64, 'k');
    auto vault = makeVault(credentials, m_container);
    auto page = vault->list({});
    QCOMPARE(page.kind(), ErrorKind::AuthenticationFailed);
    QVERIFY2(page.errorMessage().contains(QLatin1String("devstoreaccount1")),
             qPrintable(page.errorMessage()));
    QVERIFY(page.errorMessage().contains(QLatin1String("127.0.0.1")));
    QVERIFY(page.errorMessage().contains(QLatin1String("account key")));
    QCOMPARE(vault->stats().attempts, 1); // auth errors are not retried
    QCOMPARE(vault->read(QStringLiteral("sas/existing.bin")).kind(), ErrorKind::AuthenticationFailed);
}

void TestAzureBlobVault::expiredSas()
{
    AzureConnectionString credentials = devCredentials(m_azurite.port());
    credentials.accountKey.clear();
    credentials.sharedAccessSignature =
        accountSas(QStringLiteral("rl"), QDateTime::currentDateTimeUtc().addSecs(-60));
    auto vault = makeVault(credentials, m_container);
    auto read = vault->read(QStringLiteral("sas/existing.bin"));
    QCOMPARE(read.kind(), ErrorKind::AuthenticationFailed);
    QVERIFY2(read.errorMessage().contains(QLatin1String("expired")), qPrintable(read.errorMessage()));
    qInfo("%s", qPrintable(read.errorMessage()));
}

void TestAzureBlobVault::sasWithoutListPermission()
{
    AzureConnectionString credentials = devCredentials(m_azurite.port());
    credentials.accountKey.clear();
    credentials.sharedAccessSignature =
        accountSas(QStringLiteral("r"), QDateTime::currentDateTimeUtc().addSecs(3600));
    auto vault = makeVault(credentials, m_container);
    QCOMPARE(vault->read(QStringLiteral("sas/existing.bin")).value(), QByteArray("hello"));
    auto page = vault->list({});
    QCOMPARE(page.kind(), ErrorKind::PermissionDenied);
    QVERIFY2(page.errorMessage().contains(QLatin1String("listing")), qPrintable(page.errorMessage()));
    QVERIFY(page.errorMessage().contains(m_container));
    auto put = vault->put(QStringLiteral("sas/denied.bin"), "x");
    QCOMPARE(put.kind(), ErrorKind::PermissionDenied);
    qInfo("%s", qPrintable(page.errorMessage()));
}

void TestAzureBlobVault::missingContainerAndBlob()
{
    auto vault = makeVault(devCredentials(m_azurite.port()), QStringLiteral("no-such-container"));
    auto page = vault->list({});
    QCOMPARE(page.kind(), ErrorKind::ContainerNotFound);
    QVERIFY2(page.errorMessage().contains(QLatin1String("no-such-container")),
             qPrintable(page.errorMessage()));
    QCOMPARE(vault->stat(QStringLiteral("x")).kind(), ErrorKind::ContainerNotFound);
    QCOMPARE(vault->read(QStringLiteral("x")).kind(), ErrorKind::ContainerNotFound);
    QCOMPARE(vault->put(QStringLiteral("x"), "y").kind(), ErrorKind::ContainerNotFound);

    auto stat = m_vault->stat(QStringLiteral("missing/blob.bin"));
    QCOMPARE(stat.kind(), ErrorKind::NotFound);
    QVERIFY(stat.errorMessage().contains(QLatin1String("missing/blob.bin")));
    QCOMPARE(m_vault->read(QStringLiteral("missing/blob.bin")).kind(), ErrorKind::NotFound);
    QCOMPARE(m_vault->read(QStringLiteral("missing/blob.bin"), 0, 10).kind(), ErrorKind::NotFound);
}

void TestAzureBlobVault::unreachableHost()
{
    const quint16 closedPort = AzuriteServer::freePort();
    auto vault = makeVault(devCredentials(closedPort), m_container);
    QElapsedTimer clock;
    clock.start();
    auto page = vault->list({});
    QCOMPARE(page.kind(), ErrorKind::Network);
    QVERIFY2(page.errorMessage().contains(QStringLiteral("127.0.0.1:%1").arg(closedPort)),
             qPrintable(page.errorMessage()));
    QCOMPARE(vault->stats().attempts, qint64(fastRetries().maxAttempts)); // retried, bounded
    QVERIFY(clock.elapsed() < 10000);
    qInfo("%s", qPrintable(page.errorMessage()));
}

void TestAzureBlobVault::httpsWithTrustedCa()
{
    QTemporaryDir certs;
    const QString error = AzuriteServer::makeTestCertificates(certs.path());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    AzuriteServer tlsAzurite;
    QVERIFY2(tlsAzurite.start({certs.filePath(QStringLiteral("server.pem")),
                               certs.filePath(QStringLiteral("server.key"))}),
             qPrintable(tlsAzurite.errorString()));
    const auto credentials = AzureConnectionString::developmentStorage(tlsAzurite.blobEndpoint());
    QVERIFY(credentials.blobEndpoint.scheme() == QLatin1String("https"));

    auto trusted = makeVault(credentials, m_container, {}, certs.filePath(QStringLiteral("ca.pem")));
    QVERIFY(trusted);
    auto created = trusted->createContainer();
    QVERIFY2(created, qPrintable(created.errorMessage()));
    const QByteArray data = pattern(2 * 1024 * 1024, 21);
    QVERIFY(trusted->put(QStringLiteral("tls/blob.bin"), data));
    QCOMPARE(sha256(trusted->read(QStringLiteral("tls/blob.bin")).value()), sha256(data));

    auto untrusted = makeVault(credentials, m_container);
    auto page = untrusted->list({});
    QCOMPARE(page.kind(), ErrorKind::Tls);
    QVERIFY2(page.errorMessage().contains(QLatin1String("127.0.0.1")), qPrintable(page.errorMessage()));
    QCOMPARE(untrusted->stats().attempts, 1); // TLS failures are not retried
    qInfo("%s", qPrintable(page.errorMessage()));

    auto missingCa = AzureBlobVault::create(
        {credentials, m_container, {}, certs.filePath(QStringLiteral("nope.pem")), {}, {}});
    QCOMPARE(missingCa.kind(), ErrorKind::Io);
}

void TestAzureBlobVault::faultResetMidBody()
{
    FaultProxy proxy(m_azurite.port());
    QVERIFY(proxy.start());
    const QByteArray data = pattern(9 * 1024 * 1024, 31);
    QVERIFY(m_vault->put(QStringLiteral("faults/reset.bin"), data));
    auto vault = makeVault(devCredentials(proxy.port()), m_container);
    FaultProxy::Fault reset;
    reset.type = FaultProxy::FaultType::ResetMidBody;
    reset.method = "GET";
    reset.afterBodyBytes = 3 * 1024 * 1024 + 7;
    proxy.addFault(reset, 2);
    auto read = vault->read(QStringLiteral("faults/reset.bin"));
    QVERIFY2(read, qPrintable(read.errorMessage()));
    QCOMPARE(sha256(*read), sha256(data));
    QCOMPARE(proxy.faultsApplied(), 2);
    QCOMPARE(vault->stats().retries, 2);
    // Large explicit range too.
    proxy.addFault(reset, 1);
    auto range = vault->read(QStringLiteral("faults/reset.bin"), 100, 8 * 1024 * 1024);
    QVERIFY2(range, qPrintable(range.errorMessage()));
    QCOMPARE(sha256(*range), sha256(data.mid(100, 8 * 1024 * 1024)));
}

void TestAzureBlobVault::fault503WithRetryAfter()
{
    FaultProxy proxy(m_azurite.port());
    QVERIFY(proxy.start());
    QVERIFY(m_vault->put(QStringLiteral("faults/busy.bin"), "busy"));
    auto vault = makeVault(devCredentials(proxy.port()), m_container);
    FaultProxy::Fault busy;
    busy.type = FaultProxy::FaultType::Status;
    busy.status = 503;
    busy.retryAfter = "1";
    proxy.addFault(busy, 2);
    QElapsedTimer clock;
    clock.start();
    auto read = vault->read(QStringLiteral("faults/busy.bin"));
    QVERIFY2(read, qPrintable(read.errorMessage()));
    QCOMPARE(*read, QByteArray("busy"));
    QVERIFY2(clock.elapsed() >= 2000, qPrintable(QString::number(clock.elapsed()))); // honoured twice
    QCOMPARE(proxy.faultsApplied(), 2);

    FaultProxy::Fault throttled = busy;
    throttled.status = 500;
    throttled.retryAfter.clear();
    proxy.addFault(throttled, 1);
    busy.status = 429;
    busy.retryAfter = QByteArray(AzureSharedKeySigner::httpDate(QDateTime::currentDateTimeUtc().addSecs(1)));
    proxy.addFault(busy, 1);
    auto list = vault->list(QStringLiteral("faults/"));
    QVERIFY2(list, qPrintable(list.errorMessage()));
    QCOMPARE(proxy.pendingFaults(), 0);
}

void TestAzureBlobVault::faultStallTimesOutThenRetries()
{
    FaultProxy proxy(m_azurite.port());
    QVERIFY(proxy.start());
    const QByteArray data = pattern(6 * 1024 * 1024, 41);
    QVERIFY(m_vault->put(QStringLiteral("faults/stall.bin"), data));
    HttpTimeouts timeouts;
    timeouts.connect_ms = 3000;
    timeouts.inactivity_ms = 800;
    auto vault = makeVault(devCredentials(proxy.port()), m_container, {}, {}, timeouts);
    FaultProxy::Fault stall;
    stall.type = FaultProxy::FaultType::Stall;
    stall.method = "GET";
    stall.afterBodyBytes = 2 * 1024 * 1024;
    stall.stall_ms = 15000;
    proxy.addFault(stall, 1);
    QElapsedTimer clock;
    clock.start();
    auto read = vault->read(QStringLiteral("faults/stall.bin"));
    QVERIFY2(read, qPrintable(read.errorMessage()));
    QCOMPARE(sha256(*read), sha256(data));
    QVERIFY(clock.elapsed() < 10000);
    QCOMPARE(vault->stats().retries, 1);

    // Stalled every time: a Timeout error naming the host, bounded by the attempts.
    stall.afterBodyBytes = 0;
    proxy.addFault(stall, 10);
    auto failed = vault->read(QStringLiteral("faults/stall.bin"), 0, 100);
    QCOMPARE(failed.kind(), ErrorKind::Timeout);
    QVERIFY2(failed.errorMessage().contains(QStringLiteral("127.0.0.1:%1").arg(proxy.port())),
             qPrintable(failed.errorMessage()));
    qInfo("%s", qPrintable(failed.errorMessage()));
}

void TestAzureBlobVault::faultTruncation()
{
    FaultProxy proxy(m_azurite.port());
    QVERIFY(proxy.start());
    const QByteArray data = pattern(7 * 1024 * 1024 + 3, 51);
    QVERIFY(m_vault->put(QStringLiteral("faults/trunc.bin"), data));
    auto vault = makeVault(devCredentials(proxy.port()), m_container);
    FaultProxy::Fault truncate;
    truncate.type = FaultProxy::FaultType::Truncate;
    truncate.method = "GET";
    truncate.afterBodyBytes = 1024 * 1024;
    proxy.addFault(truncate, 3);
    QTemporaryDir dir;
    QFile out(dir.filePath(QStringLiteral("out.bin")));
    QVERIFY(out.open(QIODevice::WriteOnly));
    auto written = vault->readTo(QStringLiteral("faults/trunc.bin"), &out);
    QVERIFY2(written, qPrintable(written.errorMessage()));
    out.close();
    QVERIFY(out.open(QIODevice::ReadOnly));
    QCOMPARE(sha256(out.readAll()), sha256(data));
    QCOMPARE(proxy.faultsApplied(), 3);
}

void TestAzureBlobVault::faultSmallRangeAndPut()
{
    FaultProxy proxy(m_azurite.port());
    QVERIFY(proxy.start());
    const QByteArray data = pattern(3 * 1024 * 1024, 61);
    QVERIFY(m_vault->put(QStringLiteral("faults/small.bin"), data));
    auto vault = makeVault(devCredentials(proxy.port()), m_container);
    FaultProxy::Fault truncate;
    truncate.type = FaultProxy::FaultType::Truncate;
    truncate.method = "GET";
    truncate.afterBodyBytes = 1000;
    proxy.addFault(truncate, 1);
    auto range = vault->read(QStringLiteral("faults/small.bin"), 10, 2 * 1024 * 1024);
    QVERIFY2(range, qPrintable(range.errorMessage()));
    QCOMPARE(sha256(*range), sha256(data.mid(10, 2 * 1024 * 1024)));

    FaultProxy::Fault busy;
    busy.type = FaultProxy::FaultType::Status;
    busy.method = "PUT";
    busy.status = 503;
    busy.retryAfter = "0";
    proxy.addFault(busy, 2);
    const QByteArray upload = pattern(5 * 1024 * 1024, 62);
    auto etag = vault->put(QStringLiteral("faults/put.bin"), upload, Condition::ifNoneMatchAny());
    QVERIFY2(etag, qPrintable(etag.errorMessage()));
    QCOMPARE(sha256(m_vault->read(QStringLiteral("faults/put.bin")).value()), sha256(upload));
}

void TestAzureBlobVault::faultRetriesExhausted()
{
    FaultProxy proxy(m_azurite.port());
    QVERIFY(proxy.start());
    auto vault = makeVault(devCredentials(proxy.port()), m_container);
    FaultProxy::Fault busy;
    busy.type = FaultProxy::FaultType::Status;
    busy.status = 503;
    proxy.addFault(busy, 100);
    auto stat = vault->stat(QStringLiteral("faults/busy.bin"));
    QCOMPARE(stat.kind(), ErrorKind::ServerBusy);
    QCOMPARE(vault->stats().attempts, qint64(fastRetries().maxAttempts));
    QVERIFY2(stat.errorMessage().contains(QLatin1String("attempts")), qPrintable(stat.errorMessage()));
    qInfo("%s", qPrintable(stat.errorMessage()));
}

QJsonObject TestAzureBlobVault::runNode(const QString& script, const QStringList& args)
{
    QProcess node;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("AZURE_STORAGE_CONNECTION_STRING"), m_azurite.connectionString());
    node.setProcessEnvironment(env);
    const QString source = env.value(QStringLiteral("HOLDFAST_SOURCE_DIR"));
    node.start(AzuriteServer::nodePath(),
               QStringList{source + QStringLiteral("/tests/interop/") + script} + args);
    if (!node.waitForFinished(120000) || node.exitCode() != 0) {
        qWarning("%s failed: %s", qPrintable(script), node.readAllStandardError().constData());
        return {};
    }
    const QByteArray out = node.readAllStandardOutput().trimmed();
    return QJsonDocument::fromJson(out.split('\n').last()).object();
}

void TestAzureBlobVault::interopWithAzureSdk()
{
    if (AzuriteServer::nodePath().isEmpty())
        QSKIP("node is not installed (/usr/bin/node): the interop check with @azure/storage-blob needs it");

    // Holdfast writes, the SDK reads.
    const QByteArray ours = pattern(5 * 1024 * 1024 + 99, 71);
    PutOptions options;
    options.contentType = QStringLiteral("video/webm");
    options.metadata = {
        {QStringLiteral("recording_id"), QStringLiteral("3b5e1c2a-7f4d-4e8b-9a61-2c0d5f7e8a91")}};
    const QString ourName = QStringLiteral("interop/holdfast wrote ü.bin");
    auto etag = m_vault->put(ourName, ours, {}, options);
    QVERIFY2(etag, qPrintable(etag.errorMessage()));
    const QJsonObject downloaded = runNode(QStringLiteral("download.mjs"), {m_container, ourName});
    QVERIFY(!downloaded.isEmpty());
    QCOMPARE(downloaded.value(QStringLiteral("sha256")).toString().toLatin1(), sha256(ours));
    QCOMPARE(downloaded.value(QStringLiteral("bytes")).toInteger(), qint64(ours.size()));
    QCOMPARE(downloaded.value(QStringLiteral("contentMD5")).toString().toLatin1(),
             QCryptographicHash::hash(ours, QCryptographicHash::Md5).toBase64());
    QCOMPARE(downloaded.value(QStringLiteral("contentType")).toString(), QStringLiteral("video/webm"));
    QCOMPARE(downloaded.value(QStringLiteral("etag")).toString(), *etag);
    QCOMPARE(downloaded.value(QStringLiteral("metadata"))
                 .toObject()
                 .value(QStringLiteral("recording_id"))
                 .toString(),
             QStringLiteral("3b5e1c2a-7f4d-4e8b-9a61-2c0d5f7e8a91"));

    // The SDK writes (with metadata and Content-MD5), Holdfast reads.
    QTemporaryDir dir;
    const QByteArray theirs = pattern(6 * 1024 * 1024 + 5, 72);
    QFile file(dir.filePath(QStringLiteral("sdk.bin")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(theirs);
    file.close();
    const QString theirName = QStringLiteral("interop/sdk wrote+&.bin");
    const QJsonObject uploaded =
        runNode(QStringLiteral("upload.mjs"),
                {m_container, theirName, file.fileName(),
                 QStringLiteral("{\"capture_node\":\"capture-lon-01\",\"Kind\":\"media\"}"),
                 QStringLiteral("audio/webm")});
    QVERIFY(!uploaded.isEmpty());
    auto entry = m_vault->stat(theirName);
    QVERIFY2(entry, qPrintable(entry.errorMessage()));
    QCOMPARE(entry->etag, uploaded.value(QStringLiteral("etag")).toString());
    QCOMPARE(entry->contentMd5.toBase64(),
             uploaded.value(QStringLiteral("contentMD5")).toString().toLatin1());
    QCOMPARE(entry->contentType, QStringLiteral("audio/webm"));
    QCOMPARE(entry->metadata.value(QStringLiteral("capture_node")), QStringLiteral("capture-lon-01"));
    QCOMPARE(entry->metadata.value(QStringLiteral("Kind")), QStringLiteral("media"));
    auto read = m_vault->read(theirName);
    QVERIFY2(read, qPrintable(read.errorMessage()));
    QCOMPARE(sha256(*read), sha256(theirs));
    QCOMPARE(sha256(m_vault->read(theirName, 1234, 1000).value()), sha256(theirs.mid(1234, 1000)));
}

QTEST_GUILESS_MAIN(TestAzureBlobVault)
#include "tst_azure_blob_vault.moc"

// The sync engine end to end against real vaults: the demo vault as a folder
// vault and uploaded to a real Azurite (by holdfast-cli upload and by the
// official JS SDK), incremental re-syncs, media policies, scope and eviction,
// error cases, HTTPS trust, injected network faults, SIGKILL at random
// moments, and tampering in the vault.

#include "AzuriteServer.h"
#include "CacheTestHelpers.h"
#include "FaultProxy.h"
#include "TestSupport.h"
#include "audit/AuditEvent.h"
#include "cache/CacheKeyFile.h"
#include "cache/Database.h"
#include "cache/DatabaseTransaction.h"
#include "cache/MasterKey.h"
#include "cache/RecordingStore.h"
#include "crypto/Ed25519PrivateKey.h"
#include "vault/AzureBlobVault.h"
#include "vault/AzureConnectionString.h"
#include "vault/AzureSharedKeySigner.h"
#include "vault/FolderVaultUploader.h"
#include "vault/VaultFactory.h"
#include "workspace/Workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace holdfast;
using namespace holdfast::test;
using holdfast::vault::AzureBlobVault;
using holdfast::vault::AzureConnectionString;

namespace {

const QString kOfficer = QStringLiteral("officer");

QStringList cacheArgs(const QString& cache)
{
    return {QStringLiteral("--cache"), cache, QStringLiteral("--role"), kOfficer, QStringLiteral("--actor"),
            QStringLiteral("tester")};
}

// The last JSON line holding "summary" in a --json run.
QJsonObject summaryOf(const QByteArray& out)
{
    const QList<QByteArray> lines = out.trimmed().split('\n');
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QJsonObject object = QJsonDocument::fromJson(*it).object();
        if (object.contains(QStringLiteral("summary")))
            return object;
    }
    return {};
}

vault::RetryPolicy fastRetries()
{
    vault::RetryPolicy policy;
    policy.maxAttempts = 6;
    policy.baseDelay_ms = 20;
    policy.maxDelay_ms = 1500;
    policy.maxTotal_ms = 60000;
    return policy;
}

// What a cache holds, for comparing two caches: every recording's state and,
// for each stored file, the SHA-256 read back through the encrypted store
// (which must equal the manifest's). Fails the test on any inconsistency.
struct CacheContent
{
    QMap<QString, QString> recordings; // id -> "verified" / "quarantined: reason"
    QMap<QString, QByteArray> media;   // "id/path" -> sha256 hex
    int blobFiles = 0;
    int partialFiles = 0;
    bool operator==(const CacheContent& o) const
    {
        return recordings == o.recordings && media == o.media && blobFiles == o.blobFiles &&
               partialFiles == o.partialFiles;
    }
};

CacheContent readCache(const QString& cacheDir, bool* ok)
{
    *ok = false;
    CacheContent content;
    auto workspace = Workspace::open(cacheDir, QString::fromLatin1(kTestPassphrase), identity());
    if (!workspace) {
        qWarning("cannot open %s: %s", qPrintable(cacheDir), qPrintable(workspace.errorMessage()));
        return content;
    }
    auto list = (*workspace)->listRecordings();
    if (!list)
        return content;
    QSet<QString> referenced;
    for (const cache::RecordingSummary& summary : std::as_const(*list)) {
        auto detail = (*workspace)->recording(summary.id);
        if (!detail)
            return content;
        content.recordings.insert(summary.id,
                                  detail->verificationState == cache::VerificationState::Verified
                                      ? QStringLiteral("verified")
                                      : QStringLiteral("quarantined: ") + detail->quarantineReason);
        if (detail->verificationState != cache::VerificationState::Verified) {
            if (!detail->blobIdsByPath.isEmpty()) {
                qWarning("quarantined recording %s holds stored files", qPrintable(summary.id));
                return content;
            }
            continue;
        }
        for (auto it = detail->blobIdsByPath.cbegin(); it != detail->blobIdsByPath.cend(); ++it) {
            referenced.insert(it.value());
            const model::PackageFile* file = detail->manifest.file(it.key());
            const model::Track* track = nullptr;
            for (const model::Track& t : detail->manifest.tracks)
                if (t.path == it.key())
                    track = &t;
            if (!track)
                continue; // metadata files are checked by the sync itself
            auto device = (*workspace)->openTrackMedia(summary.id, track->id);
            if (!device) {
                qWarning("%s: %s", qPrintable(it.key()), qPrintable(device.errorMessage()));
                return content;
            }
            QCryptographicHash sha(QCryptographicHash::Sha256);
            sha.addData(device->get());
            const QByteArray hex = sha.result().toHex();
            if (!file || hex != file->sha256.toLower()) {
                qWarning("%s/%s does not match its manifest", qPrintable(summary.id), qPrintable(it.key()));
                return content;
            }
            content.media.insert(summary.id + QLatin1Char('/') + it.key(), hex);
        }
    }
    auto audit = (*workspace)->verifyAuditLog();
    if (!audit || !audit->ok) {
        qWarning("audit log of %s does not verify", qPrintable(cacheDir));
        return content;
    }
    const QStringList blobFiles = QDir(Workspace::blobsPath(cacheDir)).entryList(QDir::Files);
    for (const QString& name : blobFiles) {
        if (name.endsWith(QLatin1String(".partial")))
            ++content.partialFiles;
        else
            ++content.blobFiles;
    }
    if (content.blobFiles != referenced.size()) {
        qWarning("%s holds %d blobs but the database refers to %d", qPrintable(cacheDir), content.blobFiles,
                 int(referenced.size()));
        return content;
    }
    *ok = true;
    return content;
}

} // namespace

class TestSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void folderVaultSyncAndNoChangeResync();
    void azureUploadsByHoldfastAndSdkSyncIdentically();
    void noChangeResyncMakesNoGet();
    void mediaPolicies();
    void scopeEvictsButKeepsHeld();
    void errorsLeaveTheCacheUnchanged_data();
    void errorsLeaveTheCacheUnchanged();
    void httpsNeedsTheTrustedCa();
    void networkFaultsStillVerify();
    void resumesFromLastVerifiedChunk();
    void sigkillAtRandomMomentsConverges();
    void tamperingIsQuarantined();
    void auditorCannotSync();
    void savedAccountKeepsItsSecretInsideTheCache();
    void bandwidthCapHolds();
    void cancelKeepsWhatWasCommitted();

private:
    QString newCache();
    CliRun sync(const QString& cache, const QString& vaultUrl, const QStringList& extra = {});
    QJsonObject runNode(const QString& script, const QStringList& args, QByteArray* out = nullptr);
    QString uploadDemo(const QString& container); // by holdfast-cli upload; returns azure:// URL
    std::unique_ptr<vault::Vault> azureVault(const QString& container, quint16 port = 0);
    void setHoldState(const QString& cache, const QString& recordingId, const QString& state);

    AzuriteServer m_azurite;
    QTemporaryDir m_tmp;
    int m_caches = 0;
    CacheContent m_reference; // an uninterrupted --media all sync of the demo vault
};

void TestSync::initTestCase()
{
    useFastKdf();
    qputenv("HOLDFAST_PASSPHRASE", kTestPassphrase);
    if (demoVaultPath().isEmpty())
        QSKIP("run under CTest: needs the demo_vault fixture");
    QVERIFY2(m_azurite.start(), qPrintable(m_azurite.errorString()));
    qputenv("AZURE_STORAGE_CONNECTION_STRING", m_azurite.connectionString().toUtf8());
}

QString TestSync::newCache()
{
    const QString dir = m_tmp.filePath(QStringLiteral("cache-%1").arg(++m_caches));
    const CliRun init = runCli(QStringList{QStringLiteral("init")} + cacheArgs(dir));
    if (init.exitCode != 0)
        qWarning("init: %s", init.err.constData());
    return dir;
}

CliRun TestSync::sync(const QString& cache, const QString& vaultUrl, const QStringList& extra)
{
    return runCli(QStringList{QStringLiteral("sync")} + cacheArgs(cache) +
                      QStringList{QStringLiteral("--vault"), vaultUrl, QStringLiteral("--json")} + extra,
                  300000);
}

QJsonObject TestSync::runNode(const QString& script, const QStringList& args, QByteArray* out)
{
    QProcess node;
    const QString source = qEnvironmentVariable("HOLDFAST_SOURCE_DIR");
    node.start(AzuriteServer::nodePath(),
               QStringList{source + QStringLiteral("/tests/interop/") + script} + args);
    if (!node.waitForFinished(300000) || node.exitCode() != 0) {
        qWarning("%s failed: %s", qPrintable(script), node.readAllStandardError().constData());
        return {};
    }
    const QByteArray all = node.readAllStandardOutput().trimmed();
    if (out)
        *out = all;
    return QJsonDocument::fromJson(all.split('\n').last()).object();
}

QString TestSync::uploadDemo(const QString& container)
{
    const QString url = QStringLiteral("azure://") + container;
    const CliRun upload = runCli({QStringLiteral("upload"), QStringLiteral("--vault"), url, demoVaultPath()});
    if (upload.exitCode != 0)
        qWarning("upload: %s", upload.err.constData());
    return url;
}

std::unique_ptr<vault::Vault> TestSync::azureVault(const QString& container, quint16 port)
{
    AzureBlobVault::Options options;
    options.credentials = AzureConnectionString::developmentStorage(
        QStringLiteral("http://127.0.0.1:%1/devstoreaccount1").arg(port ? port : m_azurite.port()));
    options.container = container;
    options.retry = fastRetries();
    options.timeouts = vault::HttpTimeouts{3000, 2000};
    auto vault = AzureBlobVault::create(options);
    if (!vault)
        return nullptr;
    (void)(*vault)->createContainer();
    return std::unique_ptr<vault::Vault>(std::move(vault).value());
}

void TestSync::setHoldState(const QString& cache, const QString& recordingId, const QString& state)
{
    auto key =
        cache::CacheKeyFile::unlock(Workspace::keyFilePath(cache), QString::fromLatin1(kTestPassphrase));
    QVERIFY(key);
    auto dbKey = key->deriveDatabaseKey();
    QVERIFY(dbKey);
    auto database = cache::Database::open(Workspace::databasePath(cache), dbKey->view().toByteArray(),
                                          cache::OpenMode::ReadWrite);
    QVERIFY2(database, qPrintable(database.errorMessage()));
    auto transaction = cache::DatabaseTransaction::begin(**database);
    QVERIFY(transaction);
    QVERIFY(cache::RecordingStore(**database).setHoldState(recordingId, state));
    QVERIFY(transaction->commit());
}

void TestSync::folderVaultSyncAndNoChangeResync()
{
    const QString cache = newCache();
    const QString url = QStringLiteral("file://") + demoVaultPath();
    const CliRun first = sync(cache, url);
    QVERIFY2(first.exitCode == 0, first.err.constData());
    const QJsonObject summary = summaryOf(first.out);
    const int packages = packageDirectories(demoVaultPath()).size();
    QCOMPARE(summary.value(QStringLiteral("new")).toInt(), packages);
    QCOMPARE(summary.value(QStringLiteral("quarantined")).toInt(), 0);
    int mediaCount = 0;
    for (const QString& package : packageDirectories(demoVaultPath()))
        mediaCount += mediaFiles(package).size();
    QCOMPARE(summary.value(QStringLiteral("media_stored")).toInt(), mediaCount);

    bool ok = false;
    m_reference = readCache(cache, &ok);
    QVERIFY(ok);
    QCOMPARE(m_reference.recordings.size(), packages);
    QCOMPARE(m_reference.media.size(), mediaCount);
    QCOMPARE(m_reference.partialFiles, 0);

    // Nothing changed: nothing is downloaded, nothing in the cache changes
    // but the audit log's sync event.
    const CliRun second = sync(cache, url);
    QVERIFY2(second.exitCode == 0, second.err.constData());
    const QJsonObject again = summaryOf(second.out);
    QCOMPARE(again.value(QStringLiteral("unchanged")).toInt(), packages);
    QCOMPARE(again.value(QStringLiteral("media_bytes")).toInteger(), 0);
    QCOMPARE(readCache(cache, &ok), m_reference);
    QVERIFY(ok);

    // The transcript is searchable right after the sync.
    const CliRun search = runCli(QStringList{QStringLiteral("search")} + cacheArgs(cache) +
                                 QStringList{QStringLiteral("--json"), QStringLiteral("card")});
    QCOMPARE(search.exitCode, 0);
}

void TestSync::azureUploadsByHoldfastAndSdkSyncIdentically()
{
    if (AzuriteServer::nodePath().isEmpty())
        QSKIP("node is not installed: the interop check with @azure/storage-blob needs it");
    // Holdfast uploads; the SDK reads every blob back byte for byte.
    const QString ours = uploadDemo(QStringLiteral("ours"));
    QByteArray listed;
    runNode(QStringLiteral("list-tree.mjs"), {QStringLiteral("ours")}, &listed);
    int blobs = 0;
    for (const QByteArray& line : listed.split('\n')) {
        const QJsonObject blob = QJsonDocument::fromJson(line).object();
        const QString local =
            demoVaultPath() + QLatin1Char('/') + blob.value(QStringLiteral("name")).toString();
        QVERIFY2(QFileInfo(local).isFile(), qPrintable(local));
        QCOMPARE(blob.value(QStringLiteral("sha256")).toString().toLatin1(), sha256Hex(readFile(local)));
        ++blobs;
    }
    QCOMPARE(blobs, filesUnder(demoVaultPath() + QStringLiteral("/recordings")).size() +
                        filesUnder(demoVaultPath() + QStringLiteral("/keys")).size());
    // Uploading again changes nothing: every blob is already there.
    const CliRun again = runCli({QStringLiteral("upload"), QStringLiteral("--vault"), ours,
                                 QStringLiteral("--json"), demoVaultPath()});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(again.out).object().value(QStringLiteral("uploaded")).toInt(), 0);

    // The SDK uploads the same folder to another container.
    const QJsonObject sdk =
        runNode(QStringLiteral("upload-tree.mjs"), {QStringLiteral("theirs"), demoVaultPath()});
    QCOMPARE(sdk.value(QStringLiteral("uploaded")).toInt(), blobs);

    // Both sync into caches identical to the folder vault's.
    for (const QString& url : {ours, QStringLiteral("azure://theirs")}) {
        const QString cache = newCache();
        const CliRun run = sync(cache, url);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        bool ok = false;
        QCOMPARE(readCache(cache, &ok), m_reference);
        QVERIFY(ok);
    }
}

void TestSync::noChangeResyncMakesNoGet()
{
    // In-process, through the counting proxy.
    FaultProxy proxy(m_azurite.port());
    QVERIFY(proxy.start());
    auto vault = azureVault(QStringLiteral("ours"), proxy.port());
    QVERIFY(vault);
    QTemporaryDir dir;
    auto workspace = Workspace::create(dir.filePath(QStringLiteral("c")),
                                       QString::fromLatin1(kTestPassphrase), identity());
    QVERIFY(workspace);
    sync::SyncOptions options;
    auto first = (*workspace)->syncVault(*vault, QStringLiteral("azure://ours"), options);
    QVERIFY2(first, qPrintable(first.errorMessage()));
    QVERIFY(proxy.requestsSeen("GET") > 0);

    proxy.resetCounts();
    auto second = (*workspace)->syncVault(*vault, QStringLiteral("azure://ours"), options);
    QVERIFY2(second, qPrintable(second.errorMessage()));
    QVERIFY(first->packagesListed > 0);
    QCOMPARE(second->count(sync::SyncedItem::Outcome::Unchanged), int(first->packagesListed));
    // Listing is a GET with comp=list; count requests that fetch blobs.
    QCOMPARE(proxy.requestsSeen("HEAD"), 0);
    QCOMPARE(proxy.requestsSeen("GET"), 2); // keys/ and recordings/, one page each
    QCOMPARE(proxy.requestsSeen(), 2);
}

void TestSync::mediaPolicies()
{
    const QString url = QStringLiteral("file://") + demoVaultPath();
    // none: metadata only, searchable, no media blobs.
    const QString none = newCache();
    const CliRun run = sync(none, url, {QStringLiteral("--media"), QStringLiteral("none")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(summaryOf(run.out).value(QStringLiteral("media_stored")).toInt(), 0);

    // on-demand: a track arrives when asked for, verified, then plays.
    const QString onDemand = newCache();
    QCOMPARE(sync(onDemand, url, {QStringLiteral("--media"), QStringLiteral("on-demand")}).exitCode, 0);
    auto workspace = Workspace::open(onDemand, QString::fromLatin1(kTestPassphrase), identity());
    QVERIFY(workspace);
    auto list = (*workspace)->listRecordings();
    QVERIFY(list && !list->isEmpty());
    const QString id = list->constFirst().id;
    auto detail = (*workspace)->recording(id);
    QVERIFY(detail);
    const model::Track track = detail->manifest.tracks.constFirst();
    auto missing = (*workspace)->openTrackMedia(id, track.id);
    QVERIFY(!missing);
    QVERIFY2(missing.errorMessage().contains(QLatin1String("not in the cache yet")),
             qPrintable(missing.errorMessage()));
    QCOMPARE((*workspace)->recordingVaultUrl(id).value(), url);

    auto folder = vault::openVault(url);
    QVERIFY(folder);
    QList<sync::SyncProgress> seen;
    const Status fetched =
        (*workspace)->fetchTrackMedia(**folder, url, id, track.id, [&](const sync::SyncProgress& p) {
            seen.append(p);
        });
    QVERIFY2(fetched, qPrintable(fetched.errorMessage()));
    QVERIFY(!seen.isEmpty());
    QCOMPARE(seen.constLast().bytesDone, detail->manifest.file(track.path)->bytes);
    auto device = (*workspace)->openTrackMedia(id, track.id);
    QVERIFY2(device, qPrintable(device.errorMessage()));
    QCOMPARE(sha256Hex((*device)->readAll()), detail->manifest.file(track.path)->sha256.toLower());
    // A second fetch is a no-op.
    QVERIFY((*workspace)->fetchTrackMedia(**folder, url, id, track.id));
}

void TestSync::scopeEvictsButKeepsHeld()
{
    const QString url = QStringLiteral("file://") + demoVaultPath();
    const QString cache = newCache();
    QCOMPARE(sync(cache, url, {QStringLiteral("--media"), QStringLiteral("none")}).exitCode, 0);
    // Recordings by day (UTC), oldest first; a day may hold several.
    QMap<QString, QStringList> days;
    int total = 0;
    for (const QString& package : packageDirectories(demoVaultPath())) {
        const QStringList parts = package.split(QLatin1Char('/'));
        days[parts.mid(parts.size() - 4, 3).join(QLatin1Char('-'))] << parts.last();
        ++total;
    }
    QVERIFY(days.size() >= 2);
    const QString newest = days.lastKey();
    const QString held = days.first().constFirst();
    setHoldState(cache, held, QStringLiteral("held"));

    const CliRun narrowed = sync(cache, url,
                                 {QStringLiteral("--media"), QStringLiteral("none"), QStringLiteral("--from"),
                                  newest, QStringLiteral("--to"), newest});
    QVERIFY2(narrowed.exitCode == 0, narrowed.err.constData());
    const QJsonObject summary = summaryOf(narrowed.out);
    QStringList kept = days.value(newest) + QStringList{held};
    kept.sort();
    QCOMPARE(summary.value(QStringLiteral("evicted")).toInt(), total - kept.size());
    QCOMPARE(summary.value(QStringLiteral("kept_held")).toInt(), 1);
    QVERIFY2(narrowed.err.contains("kept because it is on hold"), narrowed.err.constData());
    bool ok = false;
    const CacheContent content = readCache(cache, &ok);
    QVERIFY(ok);
    QCOMPARE(content.recordings.keys(), kept);

    // Widening the scope again brings the evicted ones back.
    const CliRun widened = sync(cache, url, {QStringLiteral("--media"), QStringLiteral("none")});
    QCOMPARE(widened.exitCode, 0);
    QCOMPARE(summaryOf(widened.out).value(QStringLiteral("new")).toInt(), total - kept.size());
}

void TestSync::errorsLeaveTheCacheUnchanged_data()
{
    QTest::addColumn<QString>("connectionString");
    QTest::addColumn<QString>("container");
    QTest::addColumn<QString>("expected");

    const QString endpoint = m_azurite.blobEndpoint();
    vault::AzureSharedKeySigner signer(QString::fromLatin1(vault::kDevelopmentAccountName),
                                       QByteArray::fromBase64(vault::kDevelopmentAccountKeyBase64));
    const auto sas = [&](const QString& permissions, qint64 expiresInSeconds) {
        vault::AzureSharedKeySigner::AccountSas token;
        token.permissions = permissions;
        token.start = QDateTime::currentDateTimeUtc().addSecs(-3600);
        token.expiry = QDateTime::currentDateTimeUtc().addSecs(expiresInSeconds);
        return QStringLiteral("BlobEndpoint=%1;SharedAccessSignature=%2")
            .arg(endpoint, signer.accountSas(token));
    };
    const QString wrongKey = QStringLiteral("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
                                            "AccountKey=%1;BlobEndpoint=%2")
                                 .arg(QString::fromLatin1(QByteArray(64, 'k').toBase64()), endpoint);
    QTest::newRow("wrong account key") << wrongKey << "ours"
                                       << "account key";
    QTest::newRow("expired SAS") << sas(QStringLiteral("rl"), -60) << "ours"
                                 << "expired";
    QTest::newRow("SAS without list") << sas(QStringLiteral("r"), 3600) << "ours"
                                      << "listing";
    QTest::newRow("missing container") << m_azurite.connectionString() << "no-such-container"
                                       << "no-such-container";
    QTest::newRow("unreachable host")
        << QStringLiteral("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=%1;"
                          "BlobEndpoint=http://127.0.0.1:%2/devstoreaccount1")
               .arg(QString::fromLatin1(vault::kDevelopmentAccountKeyBase64))
               .arg(AzuriteServer::freePort())
        << "ours"
        << "127.0.0.1";
}

void TestSync::errorsLeaveTheCacheUnchanged()
{
    QFETCH(QString, connectionString);
    QFETCH(QString, container);
    QFETCH(QString, expected);
    // A cache that already holds the vault: a failing sync must not evict.
    const QString cache = newCache();
    QCOMPARE(sync(cache, QStringLiteral("file://") + demoVaultPath(),
                  {QStringLiteral("--media"), QStringLiteral("none")})
                 .exitCode,
             0);
    const auto before = hashTree(cache);
    const QString file = m_tmp.filePath(QStringLiteral("connection-string"));
    QVERIFY(writeFile(file, connectionString.toUtf8()));
    QElapsedTimer timer;
    timer.start();
    const CliRun run = sync(cache, QStringLiteral("azure://") + container,
                            {QStringLiteral("--connection-string-file"), file});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(expected.toUtf8()), run.err.constData());
    QVERIFY2(!run.err.contains(vault::kDevelopmentAccountKeyBase64), "the key must never be printed");
    QCOMPARE(hashTree(cache), before);
    qInfo("%s (%lld ms)", run.err.trimmed().constData(), timer.elapsed());
}

void TestSync::httpsNeedsTheTrustedCa()
{
    QTemporaryDir certs;
    const QString error = AzuriteServer::makeTestCertificates(certs.path());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    AzuriteServer tls;
    QVERIFY2(tls.start({certs.filePath(QStringLiteral("server.pem")),
                        certs.filePath(QStringLiteral("server.key"))}),
             qPrintable(tls.errorString()));
    const QString file = m_tmp.filePath(QStringLiteral("tls-connection-string"));
    QVERIFY(writeFile(file, tls.connectionString().toUtf8()));
    const QString ca = certs.filePath(QStringLiteral("ca.pem"));
    const CliRun upload = runCli({QStringLiteral("upload"), QStringLiteral("--vault"),
                                  QStringLiteral("azure://tls"), QStringLiteral("--connection-string-file"),
                                  file, QStringLiteral("--ca-file"), ca, demoVaultPath()});
    QVERIFY2(upload.exitCode == 0, upload.err.constData());

    const QString cache = newCache();
    const auto before = hashTree(cache);
    const CliRun untrusted =
        sync(cache, QStringLiteral("azure://tls"), {QStringLiteral("--connection-string-file"), file});
    QCOMPARE(untrusted.exitCode, 1);
    QVERIFY2(untrusted.err.contains("TLS") || untrusted.err.contains("certificate"),
             untrusted.err.constData());
    QCOMPARE(hashTree(cache), before);

    const CliRun trusted =
        sync(cache, QStringLiteral("azure://tls"),
             {QStringLiteral("--connection-string-file"), file, QStringLiteral("--ca-file"), ca});
    QVERIFY2(trusted.exitCode == 0, trusted.err.constData());
    bool ok = false;
    QCOMPARE(readCache(cache, &ok), m_reference);
    QVERIFY(ok);
}

void TestSync::networkFaultsStillVerify()
{
    FaultProxy proxy(m_azurite.port());
    QVERIFY(proxy.start());
    auto vault = azureVault(QStringLiteral("ours"), proxy.port());
    QVERIFY(vault);
    QTemporaryDir dir;
    const QString cacheDir = dir.filePath(QStringLiteral("c"));
    {
        auto workspace = Workspace::create(cacheDir, QString::fromLatin1(kTestPassphrase), identity());
        QVERIFY(workspace);
        // Metadata first without faults, so that the faults below land on
        // the listing and the media downloads.
        sync::SyncOptions options;
        options.media = sync::MediaPolicy::None;
        auto metadata = (*workspace)->syncVault(*vault, QStringLiteral("azure://ours"), options);
        QVERIFY2(metadata, qPrintable(metadata.errorMessage()));
        QVERIFY(metadata->packagesListed > 0);

        using F = FaultProxy::FaultType;
        proxy.addFault({F::Status, "GET", 0, 503, "1", 0}, 2);
        proxy.addFault({F::Status, "GET", 0, 500, {}, 0}, 1);
        proxy.addFault({F::ResetMidBody, "GET", 20000, 0, {}, 0}, 3);
        proxy.addFault({F::Truncate, "GET", 40000, 0, {}, 0}, 2);
        proxy.addFault({F::Stall, "GET", 10000, 0, {}, 5000}, 2);
        options.media = sync::MediaPolicy::All;
        options.jobs = 2;
        auto report = (*workspace)->syncVault(*vault, QStringLiteral("azure://ours"), options);
        QVERIFY2(report, qPrintable(report.errorMessage()));
        for (const sync::SyncedItem& item : std::as_const(report->items))
            QVERIFY2(item.outcome != sync::SyncedItem::Outcome::Failed, qPrintable(item.reason));
        QCOMPARE(report->count(sync::SyncedItem::Outcome::MediaStored), m_reference.media.size());
    }
    QCOMPARE(proxy.pendingFaults(), 0);
    qInfo("%d faults injected over %d requests", proxy.faultsApplied(), proxy.requestsSeen());
    bool ok = false;
    QCOMPARE(readCache(cacheDir, &ok), m_reference);
    QVERIFY(ok);
}

void TestSync::resumesFromLastVerifiedChunk()
{
    // A slow sync, killed once a media download is well under way...
    const QString cache = newCache();
    const QString url = QStringLiteral("file://") + demoVaultPath();
    QProcess process;
    process.start(cliPath(),
                  QStringList{QStringLiteral("sync")} + cacheArgs(cache) +
                      QStringList{QStringLiteral("--vault"), url, QStringLiteral("--bandwidth"),
                                  QStringLiteral("2M"), QStringLiteral("--jobs"), QStringLiteral("1")});
    QVERIFY(process.waitForStarted());
    const QDir blobs(Workspace::blobsPath(cache));
    QElapsedTimer timer;
    timer.start();
    qint64 partialBytes = 0;
    while (timer.elapsed() < 60000 && partialBytes < 1024 * 1024) {
        QTest::qWait(50);
        partialBytes = 0;
        for (const QFileInfo& info : blobs.entryInfoList({QStringLiteral("*.partial")}, QDir::Files))
            partialBytes = std::max(partialBytes, info.size());
    }
    QVERIFY2(partialBytes >= 1024 * 1024, "no download was under way");
    ::kill(pid_t(process.processId()), SIGKILL);
    QVERIFY(process.waitForFinished());

    // ...continues: the next run fetches less than all the media.
    qint64 totalMedia = 0;
    for (const QString& package : packageDirectories(demoVaultPath()))
        for (const QString& media : mediaFiles(package))
            totalMedia += QFileInfo(package + QLatin1Char('/') + media).size();
    const CliRun rerun = sync(cache, url);
    QVERIFY2(rerun.exitCode == 0, rerun.err.constData());
    const qint64 fetched = summaryOf(rerun.out).value(QStringLiteral("media_bytes")).toInteger();
    qInfo("killed with a %lld-byte partial blob; the re-run fetched %lld of %lld media bytes", partialBytes,
          fetched, totalMedia);
    QVERIFY(fetched <= totalMedia - partialBytes + 64 * 1024 * 4);
    bool ok = false;
    QCOMPARE(readCache(cache, &ok), m_reference);
    QVERIFY(ok);
}

void TestSync::sigkillAtRandomMomentsConverges()
{
    const QString cache = newCache();
    const QString url = uploadDemo(QStringLiteral("ours"));
    QRandomGenerator random(20261123);
    int interrupted = 0;
    for (int round = 0; round < 20; ++round) {
        QProcess process;
        process.start(cliPath(), QStringList{QStringLiteral("sync")} + cacheArgs(cache) +
                                     QStringList{QStringLiteral("--vault"), url,
                                                 QStringLiteral("--bandwidth"), QStringLiteral("1M")});
        QVERIFY(process.waitForStarted());
        const int delay_ms = random.bounded(50, 1500);
        if (!process.waitForFinished(delay_ms)) {
            ::kill(pid_t(process.processId()), SIGKILL);
            QVERIFY(process.waitForFinished());
            ++interrupted;
        }
    }
    qInfo("%d of 20 runs were killed mid-sync", interrupted);
    QVERIFY(interrupted >= 10);
    const CliRun finish = sync(cache, url);
    QVERIFY2(finish.exitCode == 0, finish.err.constData());
    bool ok = false;
    QCOMPARE(readCache(cache, &ok), m_reference);
    QVERIFY(ok);
    // No duplicate rows: one row per recording, and the listing has no repeats.
    const CliRun list = runCli(QStringList{QStringLiteral("list")} + cacheArgs(cache) +
                               QStringList{QStringLiteral("--json")});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(list.out).object().value(QStringLiteral("recordings")).toArray().size(),
             m_reference.recordings.size());
    const CliRun audit =
        runCli(QStringList{QStringLiteral("audit"), QStringLiteral("verify")} + cacheArgs(cache));
    QVERIFY2(audit.exitCode == 0, audit.err.constData());
}

void TestSync::tamperingIsQuarantined()
{
    auto vault = azureVault(QStringLiteral("tampered"));
    QVERIFY(vault);
    QVERIFY(vault::uploadFolderVault(demoVaultPath(), *vault));
    const QStringList packages = packageDirectories(demoVaultPath());
    QVERIFY(packages.size() >= 2);
    const auto blobName = [&](const QString& localPath) {
        return QDir(demoVaultPath()).relativeFilePath(localPath);
    };

    // 1. A track modified after signing (same size: only its hash can tell).
    const QString modifiedTrack = packages.at(0) + QLatin1Char('/') + mediaFiles(packages.at(0)).constFirst();
    QByteArray bytes = readFile(modifiedTrack);
    bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x20);
    QVERIFY(vault->put(blobName(modifiedTrack), bytes));

    // 2. A manifest re-signed by a key the vault does not trust.
    const QString manifestPath = packages.at(1) + QStringLiteral("/manifest.json");
    auto stranger = crypto::Ed25519PrivateKey::generate();
    QVERIFY(stranger);
    const QByteArray signature = stranger->sign(readFile(manifestPath));
    QVERIFY(!signature.isEmpty());
    QVERIFY(vault->put(blobName(manifestPath) + QStringLiteral(".sig"), signature));

    const QString cache = newCache();
    const CliRun run = sync(cache, QStringLiteral("azure://tampered"));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString trackId = QFileInfo(packages.at(0)).fileName();
    const QString signedId = QFileInfo(packages.at(1)).fileName();
    const QString trackFile = QDir(packages.at(0)).relativeFilePath(modifiedTrack);
    QVERIFY2(run.err.contains(
                 QStringLiteral("recording %1: %2: SHA-256 mismatch").arg(trackId, trackFile).toUtf8()),
             run.err.constData());
    QVERIFY2(run.err.contains(
                 QStringLiteral("recording %1: manifest.json.sig: invalid signature").arg(signedId).toUtf8()),
             run.err.constData());
    QCOMPARE(summaryOf(run.out).value(QStringLiteral("quarantined")).toInt(), 2);

    bool ok = false;
    const CacheContent content = readCache(cache, &ok);
    QVERIFY(ok);
    QVERIFY(content.recordings.value(trackId).startsWith(QLatin1String("quarantined: ")));
    QVERIFY(content.recordings.value(signedId).startsWith(QLatin1String("quarantined: ")));
    for (const QString& key : content.media.keys())
        QVERIFY2(!key.startsWith(trackId) && !key.startsWith(signedId), qPrintable(key));
    auto workspace = Workspace::open(cache, QString::fromLatin1(kTestPassphrase), identity());
    QVERIFY(workspace);
    auto detail = (*workspace)->recording(trackId);
    QVERIFY(detail);
    auto play = (*workspace)->openTrackMedia(trackId, detail->manifest.tracks.constFirst().id);
    QVERIFY(!play);
    QVERIFY(play.errorMessage().contains(QLatin1String("quarantined")));
    // A re-sync reports them again without downloading anything.
    workspace->reset();
    const CliRun again = sync(cache, QStringLiteral("azure://tampered"));
    QCOMPARE(summaryOf(again.out).value(QStringLiteral("quarantined")).toInt(), 2);
    QCOMPARE(summaryOf(again.out).value(QStringLiteral("media_bytes")).toInteger(), 0);

    // 3. A track of a recording already verified in the cache is modified in
    // the vault afterwards: the vault's copy is checked again and refused,
    // and the verified copy in the cache is kept and still plays.
    if (packages.size() < 3)
        return;
    const QString cleanId = QFileInfo(packages.at(2)).fileName();
    QCOMPARE(content.recordings.value(cleanId), QStringLiteral("verified"));
    const QString laterTrack = packages.at(2) + QLatin1Char('/') + mediaFiles(packages.at(2)).constFirst();
    QByteArray later = readFile(laterTrack);
    later[later.size() / 3] = char(later[later.size() / 3] ^ 0x01);
    QVERIFY(vault->put(blobName(laterTrack), later));
    const CliRun recheck = sync(cache, QStringLiteral("azure://tampered"));
    QVERIFY2(recheck.exitCode == 0, recheck.err.constData());
    QVERIFY2(recheck.err.contains(QStringLiteral("recording %1: %2: SHA-256 mismatch")
                                      .arg(cleanId, QDir(packages.at(2)).relativeFilePath(laterTrack))
                                      .toUtf8()),
             recheck.err.constData());
    QVERIFY2(recheck.err.contains("the verified copy in the cache is kept"), recheck.err.constData());
    const CacheContent after = readCache(cache, &ok);
    QVERIFY(ok);
    QCOMPARE(after.recordings.value(cleanId), QStringLiteral("verified"));
    QCOMPARE(after.media, content.media);
}

void TestSync::auditorCannotSync()
{
    const QString cache = newCache();
    const auto before = hashTree(cache);
    const CliRun run =
        runCli({QStringLiteral("sync"), QStringLiteral("--cache"), cache, QStringLiteral("--role"),
                QStringLiteral("auditor"), QStringLiteral("--actor"), QStringLiteral("eve"),
                QStringLiteral("--vault"), QStringLiteral("file://") + demoVaultPath()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("read-only (auditor)"), run.err.constData());
    QCOMPARE(hashTree(cache), before);
}

void TestSync::savedAccountKeepsItsSecretInsideTheCache()
{
    const QString cache = newCache();
    const QString file = m_tmp.filePath(QStringLiteral("account-connection-string"));
    QVERIFY(writeFile(file, m_azurite.connectionString().toUtf8()));
    const CliRun saved =
        sync(cache, uploadDemo(QStringLiteral("ours")),
             {QStringLiteral("--connection-string-file"), file, QStringLiteral("--save-account"),
              QStringLiteral("team-a"), QStringLiteral("--media"), QStringLiteral("none")});
    QVERIFY2(saved.exitCode == 0, saved.err.constData());

    // Without the environment variable or the file, the saved account syncs.
    const QByteArray environment = qgetenv("AZURE_STORAGE_CONNECTION_STRING");
    qunsetenv("AZURE_STORAGE_CONNECTION_STRING");
    const CliRun again =
        runCli(QStringList{QStringLiteral("sync")} + cacheArgs(cache) +
               QStringList{QStringLiteral("--account"), QStringLiteral("team-a"), QStringLiteral("--json")});
    const CliRun missing = runCli(QStringList{QStringLiteral("sync")} + cacheArgs(cache) +
                                  QStringList{QStringLiteral("--account"), QStringLiteral("nobody")});
    qputenv("AZURE_STORAGE_CONNECTION_STRING", environment);
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(summaryOf(again.out).value(QStringLiteral("unchanged")).toInt(), m_reference.recordings.size());
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("no vault account named \"nobody\""), missing.err.constData());

    auto workspace = Workspace::open(cache, QString::fromLatin1(kTestPassphrase), identity());
    QVERIFY(workspace);
    auto accounts = (*workspace)->vaultAccounts();
    QVERIFY(accounts && accounts->size() == 1);
    QCOMPARE(accounts->constFirst().url, QStringLiteral("azure://ours"));
    QCOMPARE(accounts->constFirst().media, sync::MediaPolicy::None);
    QVERIFY(
        accounts->constFirst().connectionString.contains(QLatin1String(vault::kDevelopmentAccountKeyBase64)));
    // The audit log records the change, never the secret.
    auto events = (*workspace)->auditEvents();
    QVERIFY(events);
    bool audited = false;
    for (const audit::AuditEvent& event : std::as_const(*events)) {
        QVERIFY(!event.details.contains(QLatin1String(vault::kDevelopmentAccountKeyBase64)));
        audited = audited ||
                  (event.action == QLatin1String("vault.account") && event.target == QLatin1String("team-a"));
    }
    QVERIFY(audited);
    workspace->reset();
    // No file of the cache holds the key in plaintext.
    for (const QString& path : filesUnder(cache))
        QVERIFY2(!readFile(path).contains(vault::kDevelopmentAccountKeyBase64), qPrintable(path));
}

void TestSync::bandwidthCapHolds()
{
    const QString cache = newCache();
    const CliRun run = sync(cache, QStringLiteral("file://") + demoVaultPath(),
                            {QStringLiteral("--bandwidth"), QStringLiteral("8M")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject summary = summaryOf(run.out);
    const double seconds = summary.value(QStringLiteral("elapsed_ms")).toDouble() / 1000;
    const double bytes = double(summary.value(QStringLiteral("media_bytes")).toInteger());
    const double cap = 8.0 * 1024 * 1024;
    qInfo("%.1f MiB in %.2f s under an 8 MiB/s cap", bytes / 1048576, seconds);
    // Never faster than the cap allows (a quarter second of burst), and not
    // far below it either.
    QVERIFY(seconds >= bytes / cap - 0.3);
    QVERIFY(seconds <= bytes / cap * 2 + 2);
}

void TestSync::cancelKeepsWhatWasCommitted()
{
    QTemporaryDir dir;
    const QString cacheDir = dir.filePath(QStringLiteral("c"));
    auto folder = vault::openVault(QStringLiteral("file://") + demoVaultPath());
    QVERIFY(folder);
    const QString url = QStringLiteral("file://") + demoVaultPath();
    {
        auto workspace = Workspace::create(cacheDir, QString::fromLatin1(kTestPassphrase), identity());
        QVERIFY(workspace);
        sync::SyncOptions options;
        options.bandwidthLimit_Bps = 4 * 1024 * 1024;
        std::atomic_bool cancel{false};
        QList<sync::SyncStage> stages;
        auto report = (*workspace)
                          ->syncVault(
                              **folder, url, options,
                              [&](const sync::SyncProgress& p) {
                                  if (stages.isEmpty() || stages.constLast() != p.stage)
                                      stages.append(p.stage);
                                  QVERIFY(p.bytesDone <= p.bytesTotal || p.bytesTotal == 0);
                                  if (p.stage == sync::SyncStage::Media && p.bytesDone > 3 * 1024 * 1024)
                                      cancel = true;
                              },
                              &cancel);
        QVERIFY2(report, qPrintable(report.errorMessage()));
        QVERIFY(report->cancelled);
        QVERIFY(report->count(sync::SyncedItem::Outcome::MediaStored) < m_reference.media.size());
        QCOMPARE(stages.mid(0, 3),
                 (QList<sync::SyncStage>{sync::SyncStage::Listing, sync::SyncStage::Metadata,
                                         sync::SyncStage::Media}));
        // Metadata is complete and searchable; nothing half-stored is shown.
        auto list = (*workspace)->listRecordings();
        QVERIFY(list);
        QCOMPARE(list->size(), m_reference.recordings.size());
        // The next sync continues and ends where an uninterrupted one does.
        auto resumed = (*workspace)->syncVault(**folder, url, sync::SyncOptions());
        QVERIFY2(resumed, qPrintable(resumed.errorMessage()));
        QVERIFY(!resumed->cancelled);
        QCOMPARE(resumed->count(sync::SyncedItem::Outcome::Failed), 0);
    }
    bool ok = false;
    QCOMPARE(readCache(cacheDir, &ok), m_reference);
    QVERIFY(ok);
}

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"

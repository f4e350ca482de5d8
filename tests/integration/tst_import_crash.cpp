// Write-ahead, then commit: `holdfast-cli import` is killed (SIGKILL) at
// seeded random points spread over an import, again and again; after every
// kill the cache opens, each recording is either absent or complete (all its
// files in blobs that decrypt to the manifest's SHA-256), no partial or
// unreferenced blob survives the next open, and the audit chain verifies.

#include "CacheTestHelpers.h"
#include "cache/BlobStore.h"
#include "cache/CacheKeyFile.h"
#include "cache/MasterKey.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace holdfast;
using namespace holdfast::test;

namespace {

constexpr int kRuns = 60;

QProcessEnvironment cliEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOLDFAST_TEST_FAST_KDF"), QStringLiteral("1")); // test-only KDF cost
    environment.insert(QStringLiteral("HOLDFAST_PASSPHRASE"), QString::fromLatin1(kTestPassphrase));
    return environment;
}

struct RecordingState
{
    QString id;
    cache::VerificationState state = cache::VerificationState::Invalid;
    bool operator==(const RecordingState&) const = default;
};

} // namespace

class TestImportCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedImportsLeaveOldOrNewState();

private:
    QString freshCache();
    // Checks one cache after a kill; returns its recordings (id, state).
    QList<RecordingState> checkCache(const QString& cacheDir, const QString& context);

    QString m_vault;
    QTemporaryDir m_work;
    QString m_template; // an empty, initialised cache
    int m_caches = 0;
    QList<RecordingState> m_clean;
    QHash<QString, QHash<QString, QByteArray>> m_sha256ByPath; // recording -> path -> sha256 (vault)
};

void TestImportCrash::initTestCase()
{
    useFastKdf();
    m_vault = demoVaultPath();
    if (m_vault.isEmpty() || !QFileInfo(m_vault + QStringLiteral("/recordings")).isDir())
        QSKIP("no demo vault: run through CTest (fixture demo_vault) or set HOLDFAST_TEST_DEMO_VAULT");
    QVERIFY(!cliPath().isEmpty());
    QVERIFY(m_work.isValid());
    for (const QString& package : packageDirectories(m_vault)) {
        const QJsonObject manifest = readJsonObject(package + QStringLiteral("/manifest.json"));
        const QString id = transcriptSegments(package).constFirst().recordingId;
        for (const QJsonValue& f : manifest.value(QStringLiteral("files")).toArray())
            m_sha256ByPath[id].insert(f.toObject().value(QStringLiteral("path")).toString(),
                                      f.toObject().value(QStringLiteral("sha256")).toString().toLatin1());
    }
    QCOMPARE(m_sha256ByPath.size(), 3);

    m_template = m_work.filePath(QStringLiteral("template"));
    auto created = Workspace::create(m_template, QString::fromLatin1(kTestPassphrase), identity());
    QVERIFY2(created, qPrintable(created.errorMessage()));
}

QString TestImportCrash::freshCache()
{
    const QString dir = m_work.filePath(QStringLiteral("cache-%1").arg(++m_caches));
    if (!copyTree(m_template, dir))
        qWarning("cannot copy the template cache");
    return dir;
}

QList<RecordingState> TestImportCrash::checkCache(const QString& cacheDir, const QString& context)
{
    QList<RecordingState> states;
    const auto fail = [&](const QString& what) {
        QTest::qFail(qPrintable(context + QLatin1String(": ") + what), __FILE__, __LINE__);
        return QList<RecordingState>{};
    };
    {
        // The next (read-write) open removes partial and unreferenced blobs.
        auto opened = Workspace::open(cacheDir, QString::fromLatin1(kTestPassphrase), identity());
        if (!opened)
            return fail(QStringLiteral("open: ") + opened.errorMessage());
        Workspace& workspace = **opened;
        auto list = workspace.listRecordings();
        if (!list)
            return fail(list.errorMessage());

        auto masterKey = cache::CacheKeyFile::unlock(Workspace::keyFilePath(cacheDir),
                                                     QString::fromLatin1(kTestPassphrase));
        if (!masterKey)
            return fail(masterKey.errorMessage());
        const cache::BlobStore blobs(Workspace::blobsPath(cacheDir), *masterKey);
        QSet<QString> referenced;
        for (const cache::RecordingSummary& r : *list) {
            states.append({r.id, r.verificationState});
            if (!m_sha256ByPath.contains(r.id))
                return fail(QStringLiteral("unknown recording %1").arg(r.id));
            if (r.verificationState != cache::VerificationState::Verified)
                return fail(QStringLiteral("%1 is not verified").arg(r.id));
            auto detail = workspace.recording(r.id);
            if (!detail)
                return fail(detail.errorMessage());
            // Complete: every file of the package, each decrypting to its manifest hash.
            const QHash<QString, QByteArray>& expected = m_sha256ByPath.value(r.id);
            if (detail->blobIdsByPath.size() != expected.size())
                return fail(QStringLiteral("%1: %2 of %3 files stored (half a recording)")
                                .arg(r.id)
                                .arg(detail->blobIdsByPath.size())
                                .arg(expected.size()));
            for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
                const QString blobId = detail->blobIdsByPath.value(it.key());
                referenced.insert(blobId);
                auto reader = blobs.openReader(blobId);
                if (!reader)
                    return fail(QStringLiteral("%1 %2: %3").arg(r.id, it.key(), reader.errorMessage()));
                const QByteArray bytes = (*reader)->readAll();
                if (sha256Hex(bytes) != it.value())
                    return fail(QStringLiteral("%1 %2: decrypted bytes do not match the manifest")
                                    .arg(r.id, it.key()));
            }
        }
        const QStringList files = QDir(Workspace::blobsPath(cacheDir)).entryList(QDir::Files | QDir::Hidden);
        for (const QString& name : files) {
            if (name.endsWith(QLatin1String(".partial")))
                return fail(QStringLiteral("partial blob left: %1").arg(name));
            if (!referenced.contains(name))
                return fail(QStringLiteral("unreferenced blob left: %1").arg(name));
        }
        auto verification = workspace.verifyAuditLog();
        if (!verification || !verification->ok)
            return fail(QStringLiteral("audit: ") +
                        (verification ? verification->problem : verification.errorMessage()));
    }
    // And through the CLI, as an operator would check it.
    QProcess audit;
    audit.setProcessEnvironment(cliEnvironment());
    audit.start(cliPath(),
                {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--cache"), cacheDir});
    if (!audit.waitForFinished(60000) || audit.exitStatus() != QProcess::NormalExit || audit.exitCode() != 0)
        return fail(QStringLiteral("holdfast-cli audit verify: ") +
                    QString::fromUtf8(audit.readAllStandardError()));
    std::sort(states.begin(), states.end(),
              [](const RecordingState& a, const RecordingState& b) { return a.id < b.id; });
    return states;
}

void TestImportCrash::killedImportsLeaveOldOrNewState()
{
    QElapsedTimer total;
    total.start();
    const QStringList importArgs = {QStringLiteral("import"), QStringLiteral("--vault"), m_vault,
                                    QStringLiteral("--cache")};

    // One uninterrupted import: its duration spreads the kills, its result is the reference.
    const QString clean = freshCache();
    QElapsedTimer timer;
    timer.start();
    QProcess full;
    full.setProcessEnvironment(cliEnvironment());
    full.start(cliPath(), importArgs + QStringList{clean});
    QVERIFY(full.waitForFinished(120000));
    const qint64 importDuration_ms = timer.elapsed();
    QVERIFY2(full.exitCode() == 0, full.readAllStandardError().constData());
    m_clean = checkCache(clean, QStringLiteral("clean import"));
    QCOMPARE(m_clean.size(), 3);
    qInfo("one import of the demo vault took %lld ms", importDuration_ms);

    QRandomGenerator random(20240601);
    QString cache = freshCache();
    int killed = 0;
    int finishedBeforeKill = 0;
    QList<int> recordingsAfterKill;
    for (int run = 0; run < kRuns; ++run) {
        // Spread over the whole import, process start included.
        const int delay_ms = int(random.bounded(importDuration_ms + 1));
        QProcess import;
        import.setProcessEnvironment(cliEnvironment());
        import.start(cliPath(), importArgs + QStringList{cache});
        QVERIFY(import.waitForStarted(10000));
        if (import.waitForFinished(delay_ms)) {
            ++finishedBeforeKill;
        } else {
            import.kill(); // SIGKILL
            QVERIFY(import.waitForFinished(10000));
            ++killed;
        }
        const QString context = QStringLiteral("run %1 (kill after %2 ms)").arg(run).arg(delay_ms);
        const QList<RecordingState> states = checkCache(cache, context);
        if (QTest::currentTestFailed())
            return;
        for (const RecordingState& s : states)
            QVERIFY2(m_clean.contains(s), qPrintable(context));
        recordingsAfterKill << int(states.size());
        // Half the runs continue on the interrupted cache (resuming after a
        // crash); the others, and every complete one, start again from empty.
        if (states.size() == m_clean.size() || run % 2 == 1)
            cache = freshCache();
    }
    qInfo("%d runs: %d killed, %d finished first; recordings present after each: %s", kRuns, killed,
          finishedBeforeKill, qPrintable([&] {
              QStringList counts;
              for (int c : std::as_const(recordingsAfterKill))
                  counts << QString::number(c);
              return counts.join(QLatin1Char(' '));
          }()));
    QVERIFY(killed >= kRuns / 2);

    // Finally a full import completes and equals the clean one.
    QProcess last;
    last.setProcessEnvironment(cliEnvironment());
    last.start(cliPath(), importArgs + QStringList{cache});
    QVERIFY(last.waitForFinished(120000));
    QVERIFY2(last.exitCode() == 0, last.readAllStandardError().constData());
    QCOMPARE(checkCache(cache, QStringLiteral("final import")), m_clean);
    qInfo("whole test: %lld ms", total.elapsed());
}

QTEST_GUILESS_MAIN(TestImportCrash)
#include "tst_import_crash.moc"

#include "cache/Database.h"
#include "cache/DatabaseTransaction.h"
#include "cache/Migrator.h"
#include "cache/RecordingStore.h"
#include "cache/SearchIndex.h"
#include "cache/Statement.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace holdfast;
using namespace holdfast::cache;

namespace {

QByteArray testKey(char seed = 0x11)
{
    QByteArray key(Database::kRawKeyBytes, Qt::Uninitialized);
    for (int i = 0; i < key.size(); ++i)
        key[i] = char(seed + i * 7);
    return key;
}

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

std::unique_ptr<Database> openOrFail(const QString& path, OpenMode mode, const QByteArray& key = testKey())
{
    Result<std::unique_ptr<Database>> db = Database::open(path, key, mode);
    if (!db)
        qWarning("open failed: %s", qPrintable(db.errorMessage()));
    return db ? std::move(db).value() : nullptr;
}

model::Manifest makeManifest(int n)
{
    model::Manifest m;
    m.id = QUuid::fromString(QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0')));
    m.captureNode = QStringLiteral("node-1");
    m.startedAt = QDateTime::fromMSecsSinceEpoch(1714550000000LL + n * 3600000LL, Qt::UTC);
    m.endedAt = m.startedAt.addSecs(600 + n);
    m.source = QStringLiteral("sip");
    m.direction = model::CallDirection::Inbound;
    m.title = QStringLiteral("Call %1").arg(n);
    m.participants = {{QStringLiteral("p1"), QStringLiteral("Agent %1").arg(n), QStringLiteral("agent"),
                       QStringLiteral("+4420794600%1").arg(n, 2, 10, QLatin1Char('0')), QString()},
                      {QStringLiteral("p2"), QStringLiteral("Customer %1").arg(n), QStringLiteral("customer"),
                       QString(), QStringLiteral("c%1@example.com").arg(n)}};
    m.files = {{QStringLiteral("media/mixed.webm"), QByteArray(64, 'a'), 1000 + n}};
    m.tracks = {{QStringLiteral("t1"), model::TrackKind::Audio, QStringLiteral("mixed"),
                 QStringLiteral("media/mixed.webm"), QStringLiteral("audio/webm"), QStringLiteral("opus"), 0,
                 600000}};
    return m;
}

model::Transcript makeTranscript(int n, int segments)
{
    static const char* const kWords[] = {"refund", "account", "transfer", "market", "price", "order",
                                         "client", "premium", "balance",  "trade",  "hedge", "confirm"};
    model::Transcript t;
    t.language = QStringLiteral("en-GB");
    for (int i = 0; i < segments; ++i) {
        model::TranscriptSegment s;
        s.speaker = i % 2 ? QStringLiteral("p2") : QStringLiteral("p1");
        s.start_ms = i * 4000;
        s.end_ms = s.start_ms + 3500;
        QStringList words;
        for (int w = 0; w < 12; ++w)
            words << QLatin1String(kWords[(n * 7 + i * 3 + w * 5) % 12]);
        s.text = words.join(u' ');
        s.words = {{QLatin1String(kWords[i % 12]), s.start_ms, s.start_ms + 300, 0.9}};
        t.segments.append(s);
    }
    return t;
}

// A database with a few recordings, closed cleanly (WAL checkpointed away).
bool populate(const QString& path, int recordings, int segments)
{
    std::unique_ptr<Database> db = openOrFail(path, OpenMode::Create);
    if (!db)
        return false;
    Result<DatabaseTransaction> tx = DatabaseTransaction::begin(*db);
    if (!tx)
        return false;
    RecordingStore store(*db);
    for (int n = 1; n <= recordings; ++n) {
        const model::Manifest m = makeManifest(n);
        Status s = store.insertRecording(m, "{\"manifest\":" + QByteArray::number(n) + "}", "sig",
                                         makeTranscript(n, segments), VerificationState::Verified, QString());
        if (!s) {
            qWarning("%s", qPrintable(s.errorMessage()));
            return false;
        }
    }
    if (!store.addTag(RecordingStore::recordingId(makeManifest(1)), QStringLiteral("escalated")))
        return false;
    return bool(tx->commit());
}

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CliRun runTool(const QString& program, const QStringList& args, const QByteArray& input)
{
    QProcess process;
    process.start(program, args);
    process.write(input);
    process.closeWriteChannel();
    CliRun run;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("cache.db"));
    }

    void createAndReopen()
    {
        {
            std::unique_ptr<Database> db = openOrFail(m_path, OpenMode::Create);
            QVERIFY(db);
            QCOMPARE(db->schemaVersion(), Migrator::latestVersion());
            QVERIFY(db->isEncrypted());
            QVERIFY(!db->isReadOnly());
        }
        QVERIFY(populate(m_path, 3, 5));
        std::unique_ptr<Database> db = openOrFail(m_path, OpenMode::ReadWrite);
        QVERIFY(db);
        RecordingStore store(*db);
        Result<qint64> count = store.count();
        QVERIFY2(count, qPrintable(count.errorMessage()));
        QCOMPARE(*count, 3);
        Result<RecordingDetail> detail = store.detail(RecordingStore::recordingId(makeManifest(2)));
        QVERIFY2(detail, qPrintable(detail.errorMessage()));
        QCOMPARE(detail->manifest.participants, makeManifest(2).participants);
        QCOMPARE(detail->manifest.tracks, makeManifest(2).tracks);
        QCOMPARE(detail->manifest.files, makeManifest(2).files);
        QCOMPARE(detail->manifestJson, QByteArray("{\"manifest\":2}"));
        Result<model::Transcript> transcript = store.transcript(RecordingStore::recordingId(makeManifest(2)));
        QVERIFY2(transcript, qPrintable(transcript.errorMessage()));
        QCOMPARE(transcript->segments, makeTranscript(2, 5).segments);
    }

    void openModesNeedAnExistingFile()
    {
        Result<std::unique_ptr<Database>> db = Database::open(m_path, testKey(), OpenMode::ReadWrite);
        QVERIFY(!db);
        QVERIFY(db.errorMessage().contains(m_path));
        QVERIFY(!QFileInfo::exists(m_path));
        db = Database::open(m_path, QByteArray(16, 'x'), OpenMode::Create);
        QVERIFY(!db);
        QVERIFY(db.errorMessage().contains(QLatin1String("32 bytes")));
    }

    void wrongKeyFailsAtOpen()
    {
        QVERIFY(populate(m_path, 2, 3));
        const QByteArray before = fileHash(m_path);
        for (const OpenMode mode : {OpenMode::ReadWrite, OpenMode::ReadOnly}) {
            Result<std::unique_ptr<Database>> db = Database::open(m_path, testKey(0x22), mode);
            QVERIFY(!db);
            QVERIFY2(db.errorMessage().startsWith(
                         QStringLiteral("cache damaged: %1: not a database or wrong key").arg(m_path)),
                     qPrintable(db.errorMessage()));
        }
        QCOMPARE(fileHash(m_path), before);
        QVERIFY(!QFileInfo::exists(m_path + QLatin1String("-wal")) ||
                QFileInfo(m_path + QLatin1String("-wal")).size() == 0);
    }

    void cipherSettings()
    {
        std::unique_ptr<Database> db = openOrFail(m_path, OpenMode::Create);
        QVERIFY(db);
        Result<int> pageSize = db->cipherPageSize();
        QVERIFY2(pageSize, qPrintable(pageSize.errorMessage()));
        QCOMPARE(*pageSize, 4096);
        Result<QString> version = db->cipherVersion();
        QVERIFY(version);
        QVERIFY2(version->startsWith(QLatin1String("3.4.")), qPrintable(*version));
        Result<Statement> stmt = db->prepare(QStringLiteral("PRAGMA journal_mode"), QStringLiteral("test"));
        QVERIFY(stmt);
        QVERIFY(*stmt->step());
        QCOMPARE(stmt->columnText(0), QStringLiteral("wal"));
        stmt = db->prepare(QStringLiteral("PRAGMA foreign_keys"), QStringLiteral("test"));
        QVERIFY(stmt && *stmt->step());
        QCOMPARE(stmt->columnInt64(0), 1);
        stmt = db->prepare(QStringLiteral("PRAGMA synchronous"), QStringLiteral("test"));
        QVERIFY(stmt && *stmt->step());
        QCOMPARE(stmt->columnInt64(0), 2); // FULL
    }

    void plainSqliteCannotReadIt()
    {
        if (!QFileInfo::exists(QStringLiteral("/usr/bin/sqlite3")))
            QSKIP("no /usr/bin/sqlite3");
        QVERIFY(populate(m_path, 1, 2));
        const CliRun run =
            runTool(QStringLiteral("/usr/bin/sqlite3"), {m_path}, "SELECT count(*) FROM sqlite_master;\n");
        QVERIFY(run.exitCode != 0 || !run.err.isEmpty());
        QVERIFY2(run.err.contains("file is not a database"), run.err.constData());
    }

    void sqlcipherInterop()
    {
        if (!QFileInfo::exists(QStringLiteral("/usr/bin/sqlcipher")))
            QSKIP("no /usr/bin/sqlcipher");
        QVERIFY(populate(m_path, 1, 2));
        const QByteArray tables = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;\n";
        auto script = [&](const QByteArray& key) {
            return "PRAGMA key = \"x'" + key.toHex() + "'\";\nPRAGMA cipher_page_size = 4096;\n" + tables;
        };
        const CliRun wrong = runTool(QStringLiteral("/usr/bin/sqlcipher"), {m_path}, script(testKey(0x22)));
        QVERIFY2(wrong.err.contains("not a database"), wrong.err.constData());
        QVERIFY(!wrong.out.contains("recordings"));

        const CliRun right = runTool(QStringLiteral("/usr/bin/sqlcipher"), {m_path}, script(testKey()));
        QVERIFY2(right.err.isEmpty(), right.err.constData());
        const QList<QByteArray> names = right.out.split('\n');
        QVERIFY2(names.contains("recordings"), right.out.constData());
        QVERIFY(names.contains("audit_events"));
        QVERIFY(names.contains("transcript_segments"));

        const CliRun count = runTool(QStringLiteral("/usr/bin/sqlcipher"), {m_path},
                                     script(testKey()) + "SELECT 'n=' || count(*) FROM recordings;\n");
        QVERIFY2(count.out.contains("n=1"), count.out.constData());
    }

    void newerSchemaIsRefusedAndUntouched()
    {
        QVERIFY(populate(m_path, 1, 2));
        {
            std::unique_ptr<Database> db = openOrFail(m_path, OpenMode::ReadWrite);
            QVERIFY(db);
            QVERIFY(db->exec(QStringLiteral("PRAGMA user_version = %1").arg(Migrator::latestVersion() + 1),
                             QStringLiteral("test")));
            QVERIFY(db->checkpoint());
        }
        QVERIFY(!QFileInfo::exists(m_path + QLatin1String("-wal")));
        const QByteArray before = fileHash(m_path);
        for (const OpenMode mode : {OpenMode::ReadWrite, OpenMode::ReadOnly, OpenMode::Create}) {
            Result<std::unique_ptr<Database>> db = Database::open(m_path, testKey(), mode);
            QVERIFY(!db);
            QVERIFY2(db.errorMessage().contains(QLatin1String("newer")), qPrintable(db.errorMessage()));
            QVERIFY(db.errorMessage().contains(m_path));
        }
        QCOMPARE(fileHash(m_path), before);
    }

    void readOnlyNeverWrites()
    {
        QVERIFY(populate(m_path, 2, 3));
        const QByteArray before = fileHash(m_path);
        {
            std::unique_ptr<Database> db = openOrFail(m_path, OpenMode::ReadOnly);
            QVERIFY(db);
            QVERIFY(db->isReadOnly());
            Status s = db->exec(QStringLiteral("INSERT INTO tags (recording_id, tag) VALUES ('x', 'y')"),
                                QStringLiteral("add a tag"));
            QVERIFY(!s);
            QVERIFY2(s.errorMessage().contains(QLatin1String("read-only")), qPrintable(s.errorMessage()));
            Result<DatabaseTransaction> tx = DatabaseTransaction::begin(*db);
            QVERIFY(!tx);
            QVERIFY(tx.errorMessage().contains(QLatin1String("read-only")));
            RecordingStore store(*db);
            Result<qint64> count = store.count();
            QVERIFY(count);
            QCOMPARE(*count, 2);
            QVERIFY(
                !store.setHoldState(RecordingStore::recordingId(makeManifest(1)), QStringLiteral("held")));
            QVERIFY(!Migrator::migrate(*db));
        }
        QCOMPARE(fileHash(m_path), before);
    }

    void readOnlyRefusesAnOlderSchema()
    {
        {
            std::unique_ptr<Database> db = openOrFail(m_path, OpenMode::Create);
            QVERIFY(db);
            QVERIFY(db->exec(QStringLiteral("PRAGMA user_version = 0"), QStringLiteral("test")));
        }
        const QByteArray before = fileHash(m_path);
        Result<std::unique_ptr<Database>> db = Database::open(m_path, testKey(), OpenMode::ReadOnly);
        QVERIFY(!db);
        QVERIFY2(db.errorMessage().contains(QLatin1String("never migrates")), qPrintable(db.errorMessage()));
        QCOMPARE(fileHash(m_path), before);
    }

    void migrationsAreIdempotent()
    {
        QVERIFY(!Migrator::migrations().isEmpty());
        QCOMPARE(Migrator::migrations().first().name, QStringLiteral("0001_initial.sql"));
        std::unique_ptr<Database> db = openOrFail(m_path, OpenMode::Create);
        QVERIFY(db);
        auto objectCount = [&]() -> qint64 {
            Result<Statement> stmt =
                db->prepare(QStringLiteral("SELECT count(*) FROM sqlite_master"), QStringLiteral("test"));
            return stmt && *stmt->step() ? stmt->columnInt64(0) : -1;
        };
        const qint64 objects = objectCount();
        QVERIFY(objects > 20);
        QVERIFY(Migrator::migrate(*db));
        QVERIFY(Migrator::migrate(*db));
        QCOMPARE(objectCount(), objects);
        QCOMPARE(db->schemaVersion(), Migrator::latestVersion());
        db.reset();
        db = openOrFail(m_path, OpenMode::ReadWrite);
        QVERIFY(db);
        QCOMPARE(objectCount(), objects);
    }

    void rolledBackTransactionLeavesNothing()
    {
        std::unique_ptr<Database> db = openOrFail(m_path, OpenMode::Create);
        QVERIFY(db);
        RecordingStore store(*db);
        {
            Result<DatabaseTransaction> tx = DatabaseTransaction::begin(*db);
            QVERIFY(tx);
            QVERIFY(db->inTransaction());
            QVERIFY(store.insertRecording(makeManifest(1), "{}", "sig", makeTranscript(1, 4),
                                          VerificationState::Verified, QString()));
            QVERIFY(!DatabaseTransaction::begin(*db)); // not nestable
            // Destroyed without commit.
        }
        QVERIFY(!db->inTransaction());
        QCOMPARE(*store.count(), 0);
        {
            Result<DatabaseTransaction> tx = DatabaseTransaction::begin(*db);
            QVERIFY(tx);
            QVERIFY(store.insertRecording(makeManifest(1), "{}", "sig", makeTranscript(1, 4),
                                          VerificationState::Verified, QString()));
            tx->rollback();
        }
        QCOMPARE(*store.count(), 0);
        // Nothing left in the full-text index either.
        SearchIndex search(*db);
        SearchRequest request;
        request.text = QStringLiteral("refund");
        Result<QList<SearchHit>> hits = search.search(request);
        QVERIFY2(hits, qPrintable(hits.errorMessage()));
        QVERIFY(hits->isEmpty());
        // Writers refuse to run outside a transaction.
        Status s =
            store.insertRecording(makeManifest(1), "{}", "sig", {}, VerificationState::Verified, QString());
        QVERIFY(!s);
        QVERIFY(s.errorMessage().contains(QLatin1String("transaction")));
    }

    void statementErrorsNameThePurpose()
    {
        std::unique_ptr<Database> db = openOrFail(m_path, OpenMode::Create);
        QVERIFY(db);
        Result<Statement> stmt =
            db->prepare(QStringLiteral("SELECT * FROM no_such_table"), QStringLiteral("list the widgets"));
        QVERIFY(!stmt);
        QVERIFY2(stmt.errorMessage().contains(QLatin1String("list the widgets")),
                 qPrintable(stmt.errorMessage()));
        QVERIFY(stmt.errorMessage().contains(QLatin1String("no such table")));
        stmt = db->prepare(QStringLiteral("SELECT :a + :b"), QStringLiteral("add"));
        QVERIFY(stmt);
        QVERIFY(stmt->bindInt64(":a", 2));
        QVERIFY(stmt->bindInt64(":b", 40));
        QVERIFY(!stmt->bindInt64(":c", 1));
        QVERIFY(*stmt->step());
        QCOMPARE(stmt->columnInt64(0), 42);
    }

    void keylessDatabaseIsPlainSqlite()
    {
        {
            Result<std::unique_ptr<Database>> db = Database::openUnencrypted(m_path, OpenMode::Create);
            QVERIFY2(db, qPrintable(db.errorMessage()));
            QVERIFY(!(*db)->isEncrypted());
        }
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(16).startsWith("SQLite format 3"));
    }

    // Bytes flipped anywhere in the file: open or the first full read fails
    // with "cache damaged: <path>" (SQLCipher's per-page HMAC), never a crash
    // and never silently different data.
    void damagedFileFailsClearly()
    {
        QVERIFY(populate(m_path, 6, 40));
        QList<RecordingSummary> pristine;
        {
            std::unique_ptr<Database> db = openOrFail(m_path, OpenMode::ReadWrite);
            QVERIFY(db);
            QVERIFY(
                db->exec(QStringLiteral("VACUUM"), QStringLiteral("compact"))); // no free pages left unread
            Result<QList<RecordingSummary>> list = RecordingStore(*db).summaries();
            QVERIFY(list);
            pristine = *list;
        }
        QFile source(m_path);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray original = source.readAll();
        QVERIFY(original.size() > 8 * 4096);

        QRandomGenerator random(20240501);
        const QString damagedPath = m_dir->filePath(QStringLiteral("damaged.db"));
        int failedAtOpen = 0;
        int failedAtRead = 0;
        for (int trial = 0; trial < 200; ++trial) {
            QByteArray bytes = original;
            const qsizetype offset = qsizetype(random.bounded(quint32(bytes.size())));
            bytes[offset] = char(bytes[offset] ^ char(1 + random.bounded(255)));
            for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(damagedPath + suffix);
            QFile out(damagedPath);
            QVERIFY(out.open(QIODevice::WriteOnly));
            QCOMPARE(out.write(bytes), bytes.size());
            out.close();

            const QString context = QStringLiteral("trial %1, offset %2").arg(trial).arg(offset);
            Result<std::unique_ptr<Database>> db =
                Database::open(damagedPath, testKey(), OpenMode::ReadWrite);
            if (!db) {
                QVERIFY2(db.errorMessage().startsWith(QStringLiteral("cache damaged: %1").arg(damagedPath)),
                         qPrintable(context + QLatin1String(": ") + db.errorMessage()));
                ++failedAtOpen;
                continue;
            }
            Status integrity = (*db)->checkIntegrity();
            Result<QList<RecordingSummary>> list = RecordingStore(**db).summaries();
            if (integrity && list) {
                QVERIFY2(list->size() == pristine.size(), qPrintable(context));
                for (qsizetype i = 0; i < list->size(); ++i)
                    QVERIFY2((*list)[i].id == pristine[i].id && (*list)[i].tags == pristine[i].tags &&
                                 (*list)[i].participants == pristine[i].participants,
                             qPrintable(context));
                QFAIL(qPrintable(context + QLatin1String(": damage went unnoticed")));
            }
            const QString message = integrity ? list.errorMessage() : integrity.errorMessage();
            QVERIFY2(message.startsWith(QStringLiteral("cache damaged: %1").arg(damagedPath)),
                     qPrintable(context + QLatin1String(": ") + message));
            ++failedAtRead;
        }
        qInfo("200 damaged copies: %d failed at open, %d at the first read", failedAtOpen, failedAtRead);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"

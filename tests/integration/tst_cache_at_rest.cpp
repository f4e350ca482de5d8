// Nothing plaintext at rest, and damage is detected: the cache directory of
// a cache holding the demo vault is scanned for transcript phrases,
// participant names and media bytes; the database refuses other keys; wrong
// passphrases write nothing; flipped bytes in the key file, the database and
// the blobs give clear errors and never wrong data.

#include "CacheTestHelpers.h"
#include "cache/BlobFormat.h"
#include "cache/CacheKeyFile.h"
#include "cache/MasterKey.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace holdfast;
using namespace holdfast::test;

namespace {

struct Secret
{
    QString what;
    QByteArray bytes;
};

// "<file>: <what>" for every secret found in any file under dir.
QStringList findSecrets(const QString& dir, const QList<Secret>& secrets)
{
    QStringList found;
    for (const QString& path : filesUnder(dir)) {
        const QByteArray data = readFile(path);
        for (const Secret& secret : secrets)
            if (data.contains(secret.bytes))
                found << QStringLiteral("%1: %2").arg(QDir(dir).relativeFilePath(path), secret.what);
    }
    return found;
}

struct ProcessRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

ProcessRun runTool(const QString& program, const QStringList& args, const QByteArray& input)
{
    QProcess process;
    process.start(program, args);
    ProcessRun run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

std::unique_ptr<Workspace> openOrFail(const QString& dir, const WorkspaceIdentity& who = identity())
{
    auto opened = Workspace::open(dir, QString::fromLatin1(kTestPassphrase), who);
    if (!opened)
        qWarning("open %s: %s", qPrintable(dir), qPrintable(opened.errorMessage()));
    return opened ? std::move(opened).value() : nullptr;
}

void removeJournals(const QString& cacheDir)
{
    for (const char* suffix : {"-wal", "-shm", "-journal"})
        QFile::remove(Workspace::databasePath(cacheDir) + QLatin1String(suffix));
}

} // namespace

class TestCacheAtRest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void noPlaintextWhileOpen();
    void noPlaintextAfterClose();
    void sqliteCannotReadTheDatabase();
    void sqlcipherNeedsTheRightKey();
    void wrongPassphrasesWriteNothing();
    void damagedKeyFileIsNamed();
    void flippedDatabaseBytesNeverCrash();
    void flippedBlobBytesNeverReturnWrongData();
    void reorderedOrCutChunksAreRefused();

private:
    QString copyOfCache(const QString& name);
    // What the clean cache reads back: compared after each database flip.
    QString readEverything(Workspace& workspace, QString* error);

    QString m_vault;
    QStringList m_packages;
    QTemporaryDir m_work;
    QString m_cache;
    std::unique_ptr<Workspace> m_open; // the cache right after import, before close
    QList<Secret> m_secrets;
    QString m_cleanReadBack;
    // Media blob -> (recording id, track id, original media file)
    struct TrackBlob
    {
        QString blobId;
        QString recordingId;
        QString trackId;
        QString mediaPath;
    };
    QList<TrackBlob> m_trackBlobs;
};

void TestCacheAtRest::initTestCase()
{
    useFastKdf();
    m_vault = demoVaultPath();
    if (m_vault.isEmpty() || !QFileInfo(m_vault + QStringLiteral("/recordings")).isDir())
        QSKIP("no demo vault: run through CTest (fixture demo_vault) or set HOLDFAST_TEST_DEMO_VAULT");
    m_packages = packageDirectories(m_vault);
    QCOMPARE(m_packages.size(), 3);

    // ~20 distinct three-word phrases, spread over the three calls.
    QSet<QString> phrases;
    for (const QString& package : std::as_const(m_packages)) {
        int taken = 0;
        for (const SegmentText& segment : transcriptSegments(package)) {
            const QStringList candidates = threeWordPhrases(segment.text);
            if (candidates.isEmpty() || taken >= 7)
                continue;
            const QString phrase = candidates.at(candidates.size() / 2);
            if (phrase.size() >= 12 && !phrases.contains(phrase)) {
                phrases.insert(phrase);
                m_secrets.append({QStringLiteral("phrase \"%1\"").arg(phrase), phrase.toUtf8()});
                ++taken;
            }
        }
    }
    QVERIFY2(phrases.size() >= 18, qPrintable(QString::number(phrases.size())));
    QSet<QString> names;
    for (const QString& package : std::as_const(m_packages)) {
        const QJsonArray participants = readJsonObject(package + QStringLiteral("/manifest.json"))
                                            .value(QStringLiteral("participants"))
                                            .toArray();
        for (const QJsonValue& p : participants) {
            const QString name = p.toObject().value(QStringLiteral("display_name")).toString();
            if (name.size() >= 5 && !names.contains(name)) {
                names.insert(name);
                m_secrets.append({QStringLiteral("participant \"%1\"").arg(name), name.toUtf8()});
            }
        }
        for (const QString& media : mediaFiles(package)) {
            const QByteArray bytes = readFile(package + QLatin1Char('/') + media);
            QVERIFY(bytes.size() > 8192);
            m_secrets.append({QStringLiteral("first 4 KiB of %1").arg(media), bytes.left(4096)});
            m_secrets.append(
                {QStringLiteral("middle 64 bytes of %1").arg(media), bytes.mid(bytes.size() / 2, 64)});
        }
    }
    QVERIFY(names.size() >= 3);

    QVERIFY(m_work.isValid());
    m_cache = m_work.filePath(QStringLiteral("cache"));
    auto created = Workspace::create(m_cache, QString::fromLatin1(kTestPassphrase), identity());
    QVERIFY2(created, qPrintable(created.errorMessage()));
    m_open = std::move(created).value();
    auto report = m_open->importFolderVault(m_vault);
    QVERIFY2(report, qPrintable(report.errorMessage()));
    QCOMPARE(report->count(ImportedPackage::Outcome::New), 3);
    QString error;
    m_cleanReadBack = readEverything(*m_open, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    for (const QString& package : std::as_const(m_packages)) {
        const QString id = transcriptSegments(package).constFirst().recordingId;
        auto detail = m_open->recording(id);
        QVERIFY(detail);
        for (const model::Track& track : detail->manifest.tracks)
            m_trackBlobs.append({detail->blobIdsByPath.value(track.path), id, track.id,
                                 package + QLatin1Char('/') + track.path});
    }
    QVERIFY(m_trackBlobs.size() >= 3);
}

QString TestCacheAtRest::copyOfCache(const QString& name)
{
    const QString dir = m_work.filePath(name);
    if (!copyTree(m_cache, dir))
        qWarning("cannot copy the cache");
    return dir;
}

QString TestCacheAtRest::readEverything(Workspace& workspace, QString* error)
{
    QString text;
    auto list = workspace.listRecordings();
    if (!list) {
        *error = list.errorMessage();
        return {};
    }
    for (const cache::RecordingSummary& r : *list) {
        text +=
            r.id + r.participants.join(QLatin1Char(',')) + QString::number(r.duration_ms) + QLatin1Char('\n');
        auto detail = workspace.recording(r.id);
        if (!detail) {
            *error = detail.errorMessage();
            return {};
        }
        text += QString::fromUtf8(detail->manifestJson);
        auto transcript = workspace.transcript(r.id);
        if (!transcript) {
            *error = transcript.errorMessage();
            return {};
        }
        for (const model::TranscriptSegment& s : transcript->segments)
            text += s.speaker + QString::number(s.start_ms) + s.text + QLatin1Char('\n');
    }
    cache::SearchRequest request;
    request.text = QStringLiteral("the");
    request.limit = 1000;
    auto hits = workspace.search(request);
    if (!hits) {
        *error = hits.errorMessage();
        return {};
    }
    for (const cache::SearchHit& hit : *hits)
        text += hit.recordingId + QString::number(hit.start_ms) + hit.snippet + QLatin1Char('\n');
    return text;
}

void TestCacheAtRest::noPlaintextWhileOpen()
{
    QVERIFY(m_open);
    // The WAL holds the import right now: it is scanned too.
    const QStringList files = filesUnder(m_cache);
    QVERIFY2(files.contains(Workspace::databasePath(m_cache) + QStringLiteral("-wal")),
             qPrintable(files.join(QLatin1Char('\n'))));
    const QStringList found = findSecrets(m_cache, m_secrets);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

void TestCacheAtRest::noPlaintextAfterClose()
{
    m_open.reset();
    const QStringList found = findSecrets(m_cache, m_secrets);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    // Only what the architecture allows: key file, database, encrypted blobs.
    for (const QString& path : filesUnder(m_cache)) {
        const QString relative = QDir(m_cache).relativeFilePath(path);
        const bool allowed = relative == QLatin1String("holdfast.key") ||
                             relative == QLatin1String("cache.db") ||
                             (relative.startsWith(QLatin1String("blobs/")) &&
                              cache::blobformat::isValidBlobId(relative.mid(6)));
        QVERIFY2(allowed, qPrintable(relative));
    }
}

void TestCacheAtRest::sqliteCannotReadTheDatabase()
{
    if (!QFileInfo::exists(QStringLiteral("/usr/bin/sqlite3")))
        QSKIP("no /usr/bin/sqlite3");
    const ProcessRun run = runTool(QStringLiteral("/usr/bin/sqlite3"), {Workspace::databasePath(m_cache)},
                                   "SELECT count(*) FROM sqlite_master;\n");
    QVERIFY2(run.err.contains("not a database"), run.err.constData());
    QVERIFY(!run.out.contains("recordings"));
}

void TestCacheAtRest::sqlcipherNeedsTheRightKey()
{
    if (!QFileInfo::exists(QStringLiteral("/usr/bin/sqlcipher")))
        QSKIP("no /usr/bin/sqlcipher");
    const QString database = Workspace::databasePath(m_cache);
    const QMap<QString, QByteArray> before = hashTree(m_cache);

    // The raw database key, the way the workspace derives it.
    auto masterKey =
        cache::CacheKeyFile::unlock(Workspace::keyFilePath(m_cache), QString::fromLatin1(kTestPassphrase));
    QVERIFY2(masterKey, qPrintable(masterKey.errorMessage()));
    auto databaseKey = masterKey->deriveDatabaseKey();
    QVERIFY(databaseKey);
    const QByteArray hex = QByteArray(databaseKey->view().data(), databaseKey->view().size()).toHex();
    QByteArray wrongHex = hex;
    wrongHex[0] = wrongHex[0] == '0' ? '1' : '0';

    const auto script = [](const QByteArray& keyHex) {
        return "PRAGMA key = \"x'" + keyHex +
               "'\";\nPRAGMA cipher_page_size = 4096;\n"
               "SELECT id FROM recordings ORDER BY id;\n";
    };
    const ProcessRun wrong = runTool(QStringLiteral("/usr/bin/sqlcipher"), {database}, script(wrongHex));
    QVERIFY2(wrong.err.contains("not a database"), wrong.err.constData());
    const ProcessRun passphraseAsKey =
        runTool(QStringLiteral("/usr/bin/sqlcipher"), {database},
                "PRAGMA key = '" + QByteArray(kTestPassphrase) + "';\nSELECT id FROM recordings;\n");
    QVERIFY2(passphraseAsKey.err.contains("not a database"), passphraseAsKey.err.constData());

    const ProcessRun right = runTool(QStringLiteral("/usr/bin/sqlcipher"), {database}, script(hex));
    QVERIFY2(right.err.isEmpty(), right.err.constData());
    QStringList ids;
    for (const QString& package : std::as_const(m_packages))
        ids << transcriptSegments(package).constFirst().recordingId;
    ids.sort();
    QCOMPARE(QString::fromUtf8(right.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts), ids);
    // sqlcipher read a database in rollback mode: nothing was changed.
    QCOMPARE(hashTree(m_cache), before);
}

void TestCacheAtRest::wrongPassphrasesWriteNothing()
{
    const QMap<QString, QByteArray> before = hashTree(m_cache);
    QRandomGenerator random(100);
    for (int i = 0; i < 100; ++i) {
        QString guess = QString::fromLatin1(kTestPassphrase);
        switch (i % 4) {
        case 0:
            guess[random.bounded(guess.size())] = QLatin1Char('#');
            break;
        case 1:
            guess.chop(1);
            break;
        case 2:
            guess += QLatin1Char(' ');
            break;
        default:
            guess = QString::number(random.generate64(), 16);
        }
        const compliance::Role role = i % 2 ? compliance::Role::Auditor : compliance::Role::Officer;
        auto opened = Workspace::open(m_cache, guess, identity(role));
        QVERIFY(!opened);
        QCOMPARE(opened.errorMessage(), QStringLiteral("wrong passphrase"));
    }
    QCOMPARE(hashTree(m_cache), before);
}

void TestCacheAtRest::damagedKeyFileIsNamed()
{
    const QString dir = copyOfCache(QStringLiteral("damaged-key"));
    const QString keyFile = Workspace::keyFilePath(dir);
    const QByteArray original = readFile(keyFile);
    const QMap<QString, QByteArray> cleanTree = hashTree(dir);
    // A flipped byte anywhere, a truncated file, garbage, an empty file.
    QList<QByteArray> damaged;
    QRandomGenerator random(3);
    for (int i = 0; i < 20; ++i) {
        QByteArray bytes = original;
        const qsizetype at = random.bounded(bytes.size());
        bytes[at] = char(bytes[at] ^ 0x01);
        damaged << bytes;
    }
    damaged << original.left(original.size() / 2) << QByteArray("not json") << QByteArray();
    for (const QByteArray& bytes : std::as_const(damaged)) {
        QVERIFY(writeFile(keyFile, bytes));
        auto opened = Workspace::open(dir, QString::fromLatin1(kTestPassphrase), identity());
        QVERIFY(!opened);
        // A flip in insignificant JSON whitespace cannot be noticed and still opens: not the case here,
        // the file is compact, so every flip must be caught.
        QVERIFY2(opened.errorMessage().startsWith(QLatin1String("cache damaged: ") + keyFile),
                 qPrintable(opened.errorMessage()));
    }
    QVERIFY(writeFile(keyFile, original));
    QCOMPARE(hashTree(dir), cleanTree);
    QFile::remove(keyFile);
    auto missing = Workspace::open(dir, QString::fromLatin1(kTestPassphrase), identity());
    QVERIFY(!missing);
    QVERIFY2(missing.errorMessage().startsWith(QLatin1String("cache damaged: ") + keyFile),
             qPrintable(missing.errorMessage()));
}

void TestCacheAtRest::flippedDatabaseBytesNeverCrash()
{
    const QString dir = copyOfCache(QStringLiteral("damaged-db"));
    const QString database = Workspace::databasePath(dir);
    const QByteArray pristine = readFile(database);
    const QSet<QString> blobs = [&] {
        const QStringList names = QDir(Workspace::blobsPath(dir)).entryList(QDir::Files);
        return QSet<QString>(names.cbegin(), names.cend());
    }();
    QRandomGenerator random(200);
    int failedAtOpen = 0;
    int failedAtRead = 0;
    int readBackRight = 0;
    for (int i = 0; i < 200; ++i) {
        removeJournals(dir);
        QByteArray bytes = pristine;
        const qsizetype at = random.bounded(bytes.size());
        bytes[at] = char(bytes[at] ^ (1 + random.bounded(255)));
        QVERIFY(writeFile(database, bytes));
        const QString where = QStringLiteral("flip at %1: ").arg(at);
        auto opened = Workspace::open(dir, QString::fromLatin1(kTestPassphrase), identity());
        if (!opened) {
            QVERIFY2(opened.errorMessage().contains(database), qPrintable(where + opened.errorMessage()));
            ++failedAtOpen;
        } else {
            QString error;
            const QString readBack = readEverything(**opened, &error);
            if (!error.isEmpty()) {
                QVERIFY2(error.contains(database), qPrintable(where + error));
                ++failedAtRead;
            } else {
                QVERIFY2(readBack == m_cleanReadBack,
                         qPrintable(where + QStringLiteral("wrong data read back")));
                ++readBackRight;
            }
        }
        opened = Error{};
        // A damaged database must never make the workspace delete blobs it cannot see.
        const QStringList names = QDir(Workspace::blobsPath(dir)).entryList(QDir::Files);
        QCOMPARE(QSet<QString>(names.cbegin(), names.cend()), blobs);
    }
    qInfo("database flips: %d refused at open, %d at the first read, %d in unused space (data right)",
          failedAtOpen, failedAtRead, readBackRight);
    QVERIFY(failedAtOpen + failedAtRead > 0);
}

void TestCacheAtRest::flippedBlobBytesNeverReturnWrongData()
{
    const QString dir = copyOfCache(QStringLiteral("damaged-blobs"));
    auto workspace = openOrFail(dir, identity(compliance::Role::Auditor));
    QVERIFY(workspace);
    QRandomGenerator random(201);
    int refusedAtOpen = 0;
    int refusedAtRead = 0;
    for (int i = 0; i < 200; ++i) {
        const TrackBlob& target = m_trackBlobs.at(random.bounded(m_trackBlobs.size()));
        const QString blobPath = Workspace::blobsPath(dir) + QLatin1Char('/') + target.blobId;
        const QByteArray pristine = readFile(blobPath);
        QByteArray bytes = pristine;
        const qsizetype at = random.bounded(bytes.size());
        bytes[at] = char(bytes[at] ^ (1 + random.bounded(255)));
        QVERIFY(writeFile(blobPath, bytes));

        const QString where = QStringLiteral("blob %1 flip at %2: ").arg(target.blobId).arg(at);
        auto device = workspace->openTrackMedia(target.recordingId, target.trackId);
        if (!device) {
            QVERIFY2(device.errorMessage().contains(target.blobId),
                     qPrintable(where + device.errorMessage()));
            ++refusedAtOpen;
        } else {
            const QByteArray original = readFile(target.mediaPath);
            const QByteArray read = (*device)->readAll();
            // Every byte of a blob is authenticated: the read stops early, and
            // what it returned before stopping is authentic.
            QVERIFY2(read.size() < original.size(),
                     qPrintable(where + QStringLiteral("damage not detected")));
            QVERIFY2(original.startsWith(read), qPrintable(where + QStringLiteral("wrong bytes returned")));
            QVERIFY2((*device)->errorString().contains(target.blobId),
                     qPrintable(where + (*device)->errorString()));
            ++refusedAtRead;
        }
        QVERIFY(writeFile(blobPath, pristine));
    }
    qInfo("blob flips: %d refused at open, %d while reading", refusedAtOpen, refusedAtRead);
}

void TestCacheAtRest::reorderedOrCutChunksAreRefused()
{
    using namespace cache::blobformat;
    const QString dir = copyOfCache(QStringLiteral("cut-chunks"));
    auto workspace = openOrFail(dir, identity(compliance::Role::Auditor));
    QVERIFY(workspace);
    // The largest media blob, with at least three chunks.
    const TrackBlob* target = nullptr;
    qint64 largest = 0;
    for (const TrackBlob& blob : std::as_const(m_trackBlobs)) {
        const qint64 size = QFileInfo(Workspace::blobsPath(dir) + QLatin1Char('/') + blob.blobId).size();
        if (size > largest) {
            largest = size;
            target = &blob;
        }
    }
    QVERIFY(target);
    QVERIFY(largest > kHeaderBytes + 3 * kRecordBytes);
    const QString blobPath = Workspace::blobsPath(dir) + QLatin1Char('/') + target->blobId;
    const QByteArray pristine = readFile(blobPath);
    const QByteArray original = readFile(target->mediaPath);
    const auto record = [&](int index) {
        return pristine.mid(kHeaderBytes + index * kRecordBytes, kRecordBytes);
    };

    QByteArray swapped = pristine;
    swapped.replace(kHeaderBytes, kRecordBytes, record(1));
    swapped.replace(kHeaderBytes + kRecordBytes, kRecordBytes, record(0));
    QByteArray dropped = pristine;
    dropped.remove(kHeaderBytes + kRecordBytes, kRecordBytes);
    QByteArray duplicated = pristine;
    duplicated.insert(kHeaderBytes + kRecordBytes, record(1));
    const QList<std::pair<QString, QByteArray>> cases = {
        {QStringLiteral("swapped chunks 0 and 1"), swapped},
        {QStringLiteral("dropped chunk 1"), dropped},
        {QStringLiteral("duplicated chunk 1"), duplicated},
        {QStringLiteral("truncated mid-chunk"), pristine.left(pristine.size() - 1000)},
        {QStringLiteral("last chunk dropped"),
         pristine.left(kHeaderBytes + ((pristine.size() - kHeaderBytes - 1) / kRecordBytes) * kRecordBytes)},
        {QStringLiteral("header only"), pristine.left(kHeaderBytes)},
        {QStringLiteral("empty file"), QByteArray()},
        {QStringLiteral("extended"), pristine + QByteArray(100, 'x')},
    };
    for (const auto& [name, bytes] : cases) {
        QVERIFY(writeFile(blobPath, bytes));
        auto device = workspace->openTrackMedia(target->recordingId, target->trackId);
        if (!device) {
            QVERIFY2(device.errorMessage().contains(target->blobId),
                     qPrintable(name + QLatin1String(": ") + device.errorMessage()));
            continue;
        }
        const QByteArray read = (*device)->readAll();
        QVERIFY2(read.size() < original.size() && original.startsWith(read), qPrintable(name));
        QVERIFY2((*device)->errorString().contains(target->blobId),
                 qPrintable(name + QLatin1String(": ") + (*device)->errorString()));
    }
    QFile::remove(blobPath);
    auto missing = workspace->openTrackMedia(target->recordingId, target->trackId);
    QVERIFY(!missing);
    QVERIFY2(missing.errorMessage().contains(target->blobId), qPrintable(missing.errorMessage()));
    QVERIFY(writeFile(blobPath, pristine));
    auto restored = workspace->openTrackMedia(target->recordingId, target->trackId);
    QVERIFY(restored);
    QVERIFY((*restored)->readAll() == original);
}

QTEST_GUILESS_MAIN(TestCacheAtRest)
#include "tst_cache_at_rest.moc"

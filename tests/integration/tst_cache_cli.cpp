// holdfast-cli init / import / list / show / search / audit / passwd driven
// as a separate process, JSON outputs parsed.

#include "CacheTestHelpers.h"
#include "cache/CacheKeyFile.h"
#include "cache/Database.h"
#include "cache/MasterKey.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace holdfast;
using namespace holdfast::test;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs the CLI with HOLDFAST_TEST_FAST_KDF=1 (test-only) plus extra variables;
// HOLDFAST_PASSPHRASE is removed unless given in extra.
Run cli(const QStringList& args, const QMap<QString, QString>& extra = {})
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("HOLDFAST_PASSPHRASE"));
    environment.remove(QStringLiteral("HOLDFAST_NEW_PASSPHRASE"));
    environment.insert(QStringLiteral("HOLDFAST_TEST_FAST_KDF"), QStringLiteral("1"));
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        environment.insert(it.key(), it.value());
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(cliPath(), args);
    Run run;
    if (!process.waitForStarted(10000))
        return run;
    process.closeWriteChannel(); // stdin is a closed pipe: never a terminal
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QString describe(const Run& run)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(run.exitCode)
        .arg(QString::fromUtf8(run.out), QString::fromUtf8(run.err));
}

QJsonObject jsonOf(const Run& run)
{
    return QJsonDocument::fromJson(run.out).object();
}

} // namespace

class TestCacheCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void helpForEachCommand_data();
    void helpForEachCommand();
    void usageErrors_data();
    void usageErrors();
    void noPassphraseWithoutTerminal();
    void initImportListShow();
    void searchPrintsTimeSpeakerAndHighlight();
    void auditVerifyAndList();
    void wrongPassphraseWritesNothing();
    void readOnlyImportIsRefused();
    void passphraseFromEnvironment();
    void passwdChangesOnlyTheKeyFile();
    void damagedCacheIsNamed();
    void brokenAuditChainNamesTheEvent();

private:
    QStringList withCache(const QStringList& args) const
    {
        return args + QStringList{QStringLiteral("--cache"), m_cache, QStringLiteral("--passphrase-file"),
                                  m_passphraseFile};
    }

    QString m_vault;
    QTemporaryDir m_work;
    QString m_cache;
    QString m_passphraseFile;
    QString m_firstId;
    SegmentText m_segment;
    QString m_phrase;
};

void TestCacheCli::initTestCase()
{
    useFastKdf();
    m_vault = demoVaultPath();
    if (m_vault.isEmpty() || !QFileInfo(m_vault + QStringLiteral("/recordings")).isDir())
        QSKIP("no demo vault: run through CTest (fixture demo_vault) or set HOLDFAST_TEST_DEMO_VAULT");
    QVERIFY(!cliPath().isEmpty());
    QVERIFY(m_work.isValid());
    m_cache = m_work.filePath(QStringLiteral("cache"));
    m_passphraseFile = m_work.filePath(QStringLiteral("passphrase.txt"));
    QVERIFY(writeFile(m_passphraseFile, QByteArray(kTestPassphrase) + "\n"));

    const QString package = packageDirectories(m_vault).constFirst();
    const QList<SegmentText> segments = transcriptSegments(package);
    for (qsizetype i = segments.size() / 2; i < segments.size() && m_phrase.isEmpty(); ++i) {
        const QStringList phrases = threeWordPhrases(segments[i].text);
        if (!phrases.isEmpty()) {
            m_segment = segments[i];
            m_phrase = phrases.constLast();
        }
    }
    QVERIFY(!m_phrase.isEmpty());
    m_firstId = m_segment.recordingId;
}

void TestCacheCli::helpForEachCommand_data()
{
    QTest::addColumn<QStringList>("args");
    for (const char* command : {"init", "passwd", "import", "list", "show", "search"})
        QTest::newRow(command) << QStringList{QString::fromLatin1(command), QStringLiteral("--help")};
    QTest::newRow("audit verify") << QStringList{QStringLiteral("audit"), QStringLiteral("verify"),
                                                 QStringLiteral("--help")};
    QTest::newRow("audit list") << QStringList{QStringLiteral("audit"), QStringLiteral("list"),
                                               QStringLiteral("--help")};
}

void TestCacheCli::helpForEachCommand()
{
    QFETCH(QStringList, args);
    const Run run = cli(args);
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY(run.out.contains("--cache"));
    QVERIFY(run.out.contains("HOLDFAST_PASSPHRASE"));
    QVERIFY(run.out.contains("automation only"));
    const Run top = cli({QStringLiteral("--help")});
    QVERIFY(top.out.contains(args.constFirst().toUtf8()));
}

void TestCacheCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString c = QStringLiteral("--cache");
    const QString dir = QStringLiteral("/tmp/holdfast-no-such-cache");
    QTest::newRow("init no cache") << QStringList{QStringLiteral("init")}
                                   << QStringLiteral("--cache is required");
    QTest::newRow("list no cache") << QStringList{QStringLiteral("list")}
                                   << QStringLiteral("--cache is required");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("list"), c, dir, QStringLiteral("--bogus")}
                                    << QStringLiteral("bogus");
    QTest::newRow("bad role") << QStringList{QStringLiteral("list"), c, dir, QStringLiteral("--role"),
                                             QStringLiteral("admin")}
                              << QStringLiteral("--role \"admin\"");
    QTest::newRow("import no vault") << QStringList{QStringLiteral("import"), c, dir}
                                     << QStringLiteral("--vault is required");
    QTest::newRow("show no id") << QStringList{QStringLiteral("show"), c, dir}
                                << QStringLiteral("recording ID");
    QTest::newRow("search no query") << QStringList{QStringLiteral("search"), c, dir}
                                     << QStringLiteral("QUERY");
    QTest::newRow("search bad query") << QStringList{QStringLiteral("search"), c, dir, QStringLiteral("\"")}
                                      << QStringLiteral("bad search query");
    QTest::newRow("search bad direction")
        << QStringList{QStringLiteral("search"), c, dir, QStringLiteral("x"), QStringLiteral("--direction"),
                       QStringLiteral("up")}
        << QStringLiteral("--direction");
    QTest::newRow("search bad date")
        << QStringList{QStringLiteral("search"),   c, dir, QStringLiteral("x"), QStringLiteral("--from"),
                       QStringLiteral("yesterday")}
        << QStringLiteral("--from");
    QTest::newRow("search bad kind")
        << QStringList{QStringLiteral("search"), c, dir, QStringLiteral("x"), QStringLiteral("--track-kind"),
                       QStringLiteral("smell")}
        << QStringLiteral("--track-kind");
    QTest::newRow("audit nothing") << QStringList{QStringLiteral("audit")}
                                   << QStringLiteral("verify or list");
    QTest::newRow("audit bogus") << QStringList{QStringLiteral("audit"), QStringLiteral("erase")}
                                 << QStringLiteral("erase");
    QTest::newRow("audit list bad limit")
        << QStringList{QStringLiteral("audit"),   QStringLiteral("list"), c, dir,
                       QStringLiteral("--limit"), QStringLiteral("0")}
        << QStringLiteral("--limit");
}

void TestCacheCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run run = cli(args);
    QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
    QVERIFY2(run.err.contains(message.toUtf8()), qPrintable(describe(run)));
}

void TestCacheCli::noPassphraseWithoutTerminal()
{
    const QString dir = m_work.filePath(QStringLiteral("never-created"));
    const Run run = cli({QStringLiteral("init"), QStringLiteral("--cache"), dir});
    QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
    QVERIFY2(run.err.contains("not a terminal"), qPrintable(describe(run)));
    QVERIFY(!QFileInfo::exists(dir));
    const Run list = cli({QStringLiteral("list"), QStringLiteral("--cache"), dir});
    QCOMPARE(list.exitCode, 2);
    // An empty passphrase file is refused, naming the file.
    const QString empty = m_work.filePath(QStringLiteral("empty.txt"));
    QVERIFY(writeFile(empty, "\n"));
    const Run emptyRun = cli(
        {QStringLiteral("init"), QStringLiteral("--cache"), dir, QStringLiteral("--passphrase-file"), empty});
    QCOMPARE(emptyRun.exitCode, 1);
    QVERIFY2(emptyRun.err.contains(empty.toUtf8()), qPrintable(describe(emptyRun)));
    QVERIFY(!QFileInfo::exists(dir));
}

void TestCacheCli::initImportListShow()
{
    const Run init =
        cli(withCache({QStringLiteral("init"), QStringLiteral("--role"), QStringLiteral("legal")}));
    QVERIFY2(init.exitCode == 0, qPrintable(describe(init)));

    const Run import = cli(
        withCache({QStringLiteral("import"), QStringLiteral("--vault"), m_vault, QStringLiteral("--json")}));
    QVERIFY2(import.exitCode == 0, qPrintable(describe(import)));
    const QList<QByteArray> lines = import.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 4); // one per package, then the summary
    for (int i = 0; i < 3; ++i) {
        const QJsonObject line = QJsonDocument::fromJson(lines[i]).object();
        QCOMPARE(line.value(QStringLiteral("outcome")).toString(), QStringLiteral("new"));
        QVERIFY(!line.value(QStringLiteral("id")).toString().isEmpty());
    }
    const QJsonObject summary = QJsonDocument::fromJson(lines[3]).object();
    QCOMPARE(summary.value(QStringLiteral("new")).toInt(), 3);
    QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 0);

    const Run again = cli(withCache({QStringLiteral("import"), QStringLiteral("--vault"), m_vault}));
    QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
    QVERIFY2(again.out.contains("3 unchanged"), qPrintable(describe(again)));

    const Run list = cli(withCache({QStringLiteral("list"), QStringLiteral("--json")}));
    QVERIFY2(list.exitCode == 0, qPrintable(describe(list)));
    const QJsonArray recordings = jsonOf(list).value(QStringLiteral("recordings")).toArray();
    QCOMPARE(recordings.size(), 3);
    QStringList ids;
    for (const QJsonValue& value : recordings) {
        const QJsonObject r = value.toObject();
        ids << r.value(QStringLiteral("id")).toString();
        QCOMPARE(r.value(QStringLiteral("verification_state")).toString(), QStringLiteral("verified"));
        QVERIFY(r.value(QStringLiteral("duration_ms")).toDouble() > 0);
        QVERIFY(!r.value(QStringLiteral("participants")).toArray().isEmpty());
        QVERIFY(r.value(QStringLiteral("track_kinds")).toArray().contains(QStringLiteral("audio")));
        QCOMPARE(r.value(QStringLiteral("hold_state")).toString(), QStringLiteral("none"));
        QVERIFY(r.value(QStringLiteral("tags")).isArray());
        QVERIFY(!r.value(QStringLiteral("started_at")).toString().isEmpty());
    }
    QVERIFY(ids.contains(m_firstId));
    const Run plainList = cli(withCache({QStringLiteral("list")}));
    QCOMPARE(plainList.exitCode, 0);
    QCOMPARE(plainList.out.count('\n'), 3);
    QVERIFY(plainList.out.contains("verified"));

    const Run show = cli(withCache({QStringLiteral("show"), m_firstId, QStringLiteral("--json")}));
    QVERIFY2(show.exitCode == 0, qPrintable(describe(show)));
    const QJsonObject detail = jsonOf(show);
    QCOMPARE(detail.value(QStringLiteral("id")).toString(), m_firstId);
    QCOMPARE(detail.value(QStringLiteral("verification_state")).toString(), QStringLiteral("verified"));
    QVERIFY(!detail.value(QStringLiteral("participants")).toArray().isEmpty());
    const QJsonArray tracks = detail.value(QStringLiteral("tracks")).toArray();
    QVERIFY(!tracks.isEmpty());
    for (const QJsonValue& t : tracks)
        QVERIFY(t.toObject().value(QStringLiteral("in_cache")).toBool());
    const QJsonArray segments =
        detail.value(QStringLiteral("transcript")).toObject().value(QStringLiteral("segments")).toArray();
    QCOMPARE(segments.size(), transcriptSegments(packageDirectories(m_vault).constFirst()).size());
    const Run plainShow = cli(withCache({QStringLiteral("show"), m_firstId}));
    QCOMPARE(plainShow.exitCode, 0);
    QVERIFY(plainShow.out.contains("Participants") && plainShow.out.contains("in cache"));

    const Run unknown =
        cli(withCache({QStringLiteral("show"), QStringLiteral("00000000-0000-0000-0000-000000000000")}));
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains("not in the cache"), qPrintable(describe(unknown)));
}

void TestCacheCli::searchPrintsTimeSpeakerAndHighlight()
{
    const QString query = QLatin1Char('"') + m_phrase + QLatin1Char('"');
    const Run json = cli(withCache({QStringLiteral("search"), query, QStringLiteral("--json")}));
    QVERIFY2(json.exitCode == 0, qPrintable(describe(json)));
    const QJsonArray hits = jsonOf(json).value(QStringLiteral("hits")).toArray();
    QVERIFY(!hits.isEmpty());
    bool found = false;
    for (const QJsonValue& value : hits) {
        const QJsonObject hit = value.toObject();
        if (hit.value(QStringLiteral("recording_id")).toString() != m_firstId ||
            qint64(hit.value(QStringLiteral("start_ms")).toDouble()) != m_segment.start_ms)
            continue;
        found = true;
        QCOMPARE(hit.value(QStringLiteral("speaker")).toString(), m_segment.speaker);
        const QString snippet = hit.value(QStringLiteral("snippet")).toString();
        QVERIFY(snippet.contains(QChar(0x02)) && snippet.contains(QChar(0x03)));
        const QString text = hit.value(QStringLiteral("text")).toString();
        const QJsonArray highlights = hit.value(QStringLiteral("highlights")).toArray();
        QCOMPARE(highlights.size(), 3); // one per word of the phrase
        const QStringList phraseWords = m_phrase.split(QLatin1Char(' '));
        for (int i = 0; i < 3; ++i) {
            const QJsonObject h = highlights[i].toObject();
            const int start = h.value(QStringLiteral("start")).toInt();
            const int end = h.value(QStringLiteral("end")).toInt();
            QCOMPARE(text.mid(start, end - start).toLower(), phraseWords[i].toLower());
        }
        const qint64 seconds = m_segment.start_ms / 1000;
        QCOMPARE(hit.value(QStringLiteral("time")).toString(),
                 QStringLiteral("%1:%2")
                     .arg(seconds / 60, 2, 10, QLatin1Char('0'))
                     .arg(seconds % 60, 2, 10, QLatin1Char('0')));
    }
    QVERIFY2(found, qPrintable(describe(json)));

    // Not a terminal: matches in [brackets], no ANSI escapes.
    const Run plain = cli(withCache({QStringLiteral("search"), query}));
    QVERIFY2(plain.exitCode == 0, qPrintable(describe(plain)));
    QVERIFY(plain.out.contains(m_firstId.toUtf8()));
    QVERIFY2(plain.out.contains(("[" + m_phrase.split(QLatin1Char(' ')).constFirst() + "]").toUtf8()) ||
                 plain.out.toLower().contains(
                     ("[" + m_phrase.split(QLatin1Char(' ')).constFirst().toLower() + "]").toUtf8()),
             qPrintable(describe(plain)));
    QVERIFY(!plain.out.contains('\033'));

    // Filters: a date range that excludes every demo call finds nothing.
    const Run none = cli(withCache({QStringLiteral("search"), query, QStringLiteral("--to"),
                                    QStringLiteral("1999-12-31"), QStringLiteral("--json")}));
    QCOMPARE(none.exitCode, 0);
    QVERIFY(jsonOf(none).value(QStringLiteral("hits")).toArray().isEmpty());
    const Run audio = cli(
        withCache({QStringLiteral("search"), query, QStringLiteral("--track-kind"), QStringLiteral("audio"),
                   QStringLiteral("--min-duration"), QStringLiteral("1"), QStringLiteral("--json")}));
    QCOMPARE(audio.exitCode, 0);
    QVERIFY(!jsonOf(audio).value(QStringLiteral("hits")).toArray().isEmpty());
}

void TestCacheCli::auditVerifyAndList()
{
    const Run verify = cli(withCache({QStringLiteral("audit"), QStringLiteral("verify")}));
    QVERIFY2(verify.exitCode == 0, qPrintable(describe(verify)));
    QVERIFY(verify.out.contains("Audit log OK"));
    const Run list = cli(withCache({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"),
                                    QStringLiteral("--action"), QStringLiteral("recording.import")}));
    QVERIFY2(list.exitCode == 0, qPrintable(describe(list)));
    const QJsonArray events = jsonOf(list).value(QStringLiteral("events")).toArray();
    QCOMPARE(events.size(), 3); // the second import changed nothing and recorded nothing
    for (const QJsonValue& e : events) {
        QCOMPARE(e.toObject().value(QStringLiteral("role")).toString(), QStringLiteral("officer"));
        QCOMPARE(e.toObject()
                     .value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("outcome"))
                     .toString(),
                 QStringLiteral("new"));
    }
    const Run created =
        cli(withCache({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"),
                       QStringLiteral("--action"), QStringLiteral("cache.")}));
    const QJsonArray createdEvents = jsonOf(created).value(QStringLiteral("events")).toArray();
    QCOMPARE(createdEvents.size(), 1);
    QCOMPARE(createdEvents[0].toObject().value(QStringLiteral("role")).toString(),
             QStringLiteral("legal")); // init --role legal
    const Run limited =
        cli(withCache({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"),
                       QStringLiteral("--limit"), QStringLiteral("2")}));
    QCOMPARE(jsonOf(limited).value(QStringLiteral("events")).toArray().size(), 2);
    const Run nobody =
        cli(withCache({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"),
                       QStringLiteral("--actor"), QStringLiteral("nobody-at-all")}));
    QCOMPARE(nobody.exitCode, 0);
    QVERIFY(jsonOf(nobody).value(QStringLiteral("events")).toArray().isEmpty());
    const Run plain = cli(withCache({QStringLiteral("audit"), QStringLiteral("list")}));
    QVERIFY(plain.out.contains("cache.create"));
}

void TestCacheCli::wrongPassphraseWritesNothing()
{
    const QMap<QString, QByteArray> before = hashTree(m_cache);
    const QString wrong = m_work.filePath(QStringLiteral("wrong.txt"));
    QVERIFY(writeFile(wrong, "not the passphrase\n"));
    for (const QStringList& args : {QStringList{QStringLiteral("list")},
                                    QStringList{QStringLiteral("import"), QStringLiteral("--vault"), m_vault},
                                    QStringList{QStringLiteral("audit"), QStringLiteral("verify")}}) {
        const Run run = cli(args + QStringList{QStringLiteral("--cache"), m_cache,
                                               QStringLiteral("--passphrase-file"), wrong});
        QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
        QVERIFY2(run.err.contains("wrong passphrase"), qPrintable(describe(run)));
    }
    QCOMPARE(hashTree(m_cache), before);
}

void TestCacheCli::readOnlyImportIsRefused()
{
    const QMap<QString, QByteArray> before = hashTree(m_cache);
    const Run readOnly = cli(withCache(
        {QStringLiteral("import"), QStringLiteral("--vault"), m_vault, QStringLiteral("--read-only")}));
    QVERIFY2(readOnly.exitCode == 1, qPrintable(describe(readOnly)));
    QVERIFY2(readOnly.err.contains("read-only"), qPrintable(describe(readOnly)));
    const Run auditor = cli(withCache({QStringLiteral("import"), QStringLiteral("--vault"), m_vault,
                                       QStringLiteral("--role"), QStringLiteral("auditor")}));
    QCOMPARE(auditor.exitCode, 1);
    QVERIFY2(auditor.err.contains("read-only (auditor)"), qPrintable(describe(auditor)));
    // The auditor reads everything and writes nothing.
    const Run list = cli(withCache({QStringLiteral("list"), QStringLiteral("--role"),
                                    QStringLiteral("auditor"), QStringLiteral("--json")}));
    QVERIFY2(list.exitCode == 0, qPrintable(describe(list)));
    QCOMPARE(jsonOf(list).value(QStringLiteral("recordings")).toArray().size(), 3);
    const Run verify = cli(withCache({QStringLiteral("audit"), QStringLiteral("verify"),
                                      QStringLiteral("--role"), QStringLiteral("auditor")}));
    QCOMPARE(verify.exitCode, 0);
    QCOMPARE(hashTree(m_cache), before);
}

void TestCacheCli::passphraseFromEnvironment()
{
    const Run run =
        cli({QStringLiteral("list"), QStringLiteral("--cache"), m_cache, QStringLiteral("--json")},
            {{QStringLiteral("HOLDFAST_PASSPHRASE"), QString::fromLatin1(kTestPassphrase)}});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QCOMPARE(jsonOf(run).value(QStringLiteral("recordings")).toArray().size(), 3);
    const Run wrong = cli({QStringLiteral("list"), QStringLiteral("--cache"), m_cache},
                          {{QStringLiteral("HOLDFAST_PASSPHRASE"), QStringLiteral("nope")}});
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY(wrong.err.contains("wrong passphrase"));
    // --actor is recorded.
    const Run actor = cli({QStringLiteral("list"), QStringLiteral("--cache"), m_cache,
                           QStringLiteral("--actor"), QStringLiteral("alice")},
                          {{QStringLiteral("HOLDFAST_PASSPHRASE"), QString::fromLatin1(kTestPassphrase)}});
    QCOMPARE(actor.exitCode, 0);
    const Run events =
        cli(withCache({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"),
                       QStringLiteral("--actor"), QStringLiteral("alice")}));
    const QJsonArray array = jsonOf(events).value(QStringLiteral("events")).toArray();
    QCOMPARE(array.size(), 1);
    QCOMPARE(array[0].toObject().value(QStringLiteral("action")).toString(),
             QStringLiteral("recording.list"));
}

void TestCacheCli::passwdChangesOnlyTheKeyFile()
{
    const QString dir = m_work.filePath(QStringLiteral("passwd-cache"));
    QVERIFY(copyTree(m_cache, dir));
    const QMap<QString, QByteArray> blobsBefore = hashTree(Workspace::blobsPath(dir));
    const QString newFile = m_work.filePath(QStringLiteral("new.txt"));
    QVERIFY(writeFile(newFile, "a new passphrase\n"));
    const Run run =
        cli({QStringLiteral("passwd"), QStringLiteral("--cache"), dir, QStringLiteral("--passphrase-file"),
             m_passphraseFile, QStringLiteral("--new-passphrase-file"), newFile});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QCOMPARE(hashTree(Workspace::blobsPath(dir)), blobsBefore);

    const Run old = cli({QStringLiteral("list"), QStringLiteral("--cache"), dir,
                         QStringLiteral("--passphrase-file"), m_passphraseFile});
    QCOMPARE(old.exitCode, 1);
    QVERIFY(old.err.contains("wrong passphrase"));
    const Run fresh = cli({QStringLiteral("list"), QStringLiteral("--cache"), dir,
                           QStringLiteral("--passphrase-file"), newFile});
    QVERIFY2(fresh.exitCode == 0, qPrintable(describe(fresh)));

    // From the environment, and back.
    const Run back = cli({QStringLiteral("passwd"), QStringLiteral("--cache"), dir},
                         {{QStringLiteral("HOLDFAST_PASSPHRASE"), QStringLiteral("a new passphrase")},
                          {QStringLiteral("HOLDFAST_NEW_PASSPHRASE"), QString::fromLatin1(kTestPassphrase)}});
    QVERIFY2(back.exitCode == 0, qPrintable(describe(back)));
    const Run again = cli({QStringLiteral("list"), QStringLiteral("--cache"), dir,
                           QStringLiteral("--passphrase-file"), m_passphraseFile});
    QCOMPARE(again.exitCode, 0);
    const Run events = cli({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--cache"), dir,
                            QStringLiteral("--passphrase-file"), m_passphraseFile, QStringLiteral("--json"),
                            QStringLiteral("--action"), QStringLiteral("cache.passphrase")});
    QCOMPARE(jsonOf(events).value(QStringLiteral("events")).toArray().size(), 2);

    // No new passphrase source: usage error, nothing changed.
    const QMap<QString, QByteArray> before = hashTree(dir);
    const Run missing = cli({QStringLiteral("passwd"), QStringLiteral("--cache"), dir,
                             QStringLiteral("--passphrase-file"), m_passphraseFile});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains("--new-passphrase-file"));
    // The auditor cannot change it.
    const Run auditor =
        cli({QStringLiteral("passwd"), QStringLiteral("--cache"), dir, QStringLiteral("--passphrase-file"),
             m_passphraseFile, QStringLiteral("--new-passphrase-file"), newFile, QStringLiteral("--role"),
             QStringLiteral("auditor")});
    QCOMPARE(auditor.exitCode, 1);
    QVERIFY(auditor.err.contains("read-only (auditor)"));
    QCOMPARE(hashTree(dir), before);
}

void TestCacheCli::damagedCacheIsNamed()
{
    const QString dir = m_work.filePath(QStringLiteral("damaged"));
    QVERIFY(copyTree(m_cache, dir));
    const QString keyFile = Workspace::keyFilePath(dir);
    flipByte(keyFile, 40);
    const Run run = cli({QStringLiteral("list"), QStringLiteral("--cache"), dir,
                         QStringLiteral("--passphrase-file"), m_passphraseFile});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(("cache damaged: " + keyFile).toUtf8()), qPrintable(describe(run)));
    flipByte(keyFile, 40); // undo
    const QString database = Workspace::databasePath(dir);
    flipByte(database, 10); // the salt: the key no longer fits
    const Run db = cli({QStringLiteral("list"), QStringLiteral("--cache"), dir,
                        QStringLiteral("--passphrase-file"), m_passphraseFile});
    QCOMPARE(db.exitCode, 1);
    QVERIFY2(db.err.contains(("cache damaged: " + database).toUtf8()), qPrintable(describe(db)));
}

void TestCacheCli::brokenAuditChainNamesTheEvent()
{
    const QString dir = m_work.filePath(QStringLiteral("broken-audit"));
    QVERIFY(copyTree(m_cache, dir));
    {
        auto masterKey =
            cache::CacheKeyFile::unlock(Workspace::keyFilePath(dir), QString::fromLatin1(kTestPassphrase));
        QVERIFY(masterKey);
        auto key = masterKey->deriveDatabaseKey();
        QVERIFY(key);
        auto database = cache::Database::open(Workspace::databasePath(dir),
                                              QByteArray(key->view().data(), key->view().size()),
                                              cache::OpenMode::ReadWrite);
        QVERIFY2(database, qPrintable(database.errorMessage()));
        QVERIFY((*database)->exec(QStringLiteral("UPDATE audit_events SET actor = 'mallory' WHERE seq = 2"),
                                  QStringLiteral("tamper")));
    }
    const Run run = cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--cache"), dir,
                         QStringLiteral("--passphrase-file"), m_passphraseFile});
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY2(run.err.contains("event 2"), qPrintable(describe(run)));
}

QTEST_GUILESS_MAIN(TestCacheCli)
#include "tst_cache_cli.moc"

// holdfast-cli capture / verify driven as a separate process.

#include "TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using holdfast::test::CliRun;
using holdfast::test::runCli;

namespace {

QString describe(const CliRun& run)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(run.exitCode)
        .arg(QString::fromUtf8(run.out), QString::fromUtf8(run.err));
}

} // namespace

class TestCaptureCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void versionAndHelp();
    void helpForEachCommand_data();
    void helpForEachCommand();
    void usageErrors_data();
    void usageErrors();
    void captureWithJsonTranscriptAndVerify();
    void captureWithWebVttTranscript();
    void tamperedPackageFailsVerify();
    void missingMediaFileFails();
    void textFileAsAudioFails();
    void verifyUnknownIdFails();
    void keyDirInsideVaultIsRefused();

private:
    QStringList captureArgs(const QStringList& extra = {}) const;
    QString firstPackage() const;

    QTemporaryDir m_media;
    QString m_audio;
    QString m_video;
    QString m_text;
    QString m_transcriptJson;
    QString m_transcriptVtt;
    std::unique_ptr<QTemporaryDir> m_work;
    QString m_vault;
};

void TestCaptureCli::initTestCase()
{
    QVERIFY2(QFileInfo(holdfast::test::cliPath()).isExecutable(),
             "HOLDFAST_CLI must name the built holdfast-cli");
    const QString gst = QStandardPaths::findExecutable(QStringLiteral("gst-launch-1.0"));
    if (gst.isEmpty())
        QSKIP("gst-launch-1.0 not found");
    m_audio = m_media.filePath(QStringLiteral("agent.webm"));
    m_video = m_media.filePath(QStringLiteral("camera.webm"));
    m_text = m_media.filePath(QStringLiteral("notes.txt"));
    const auto run = [&](const QString& pipeline) {
        QProcess process;
        process.start(gst, QProcess::splitCommand(QStringLiteral("-q ") + pipeline));
        return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit &&
               process.exitCode() == 0;
    };
    QVERIFY(
        run(QStringLiteral("audiotestsrc num-buffers=60 ! audioconvert ! audioresample ! opusenc ! webmmux ! "
                           "filesink location=") +
            m_audio));
    QVERIFY(
        run(QStringLiteral("videotestsrc num-buffers=15 ! video/x-raw,width=160,height=120,framerate=15/1 ! "
                           "vp8enc deadline=1 ! webmmux ! filesink location=") +
            m_video));
    QVERIFY(holdfast::test::writeFile(m_text, "not media\n"));
    m_transcriptJson = m_media.filePath(QStringLiteral("transcript.json"));
    QVERIFY(holdfast::test::writeFile(m_transcriptJson,
                                      R"({"format":"holdfast.transcript/1","language":"en-GB","segments":[
            {"speaker":"p1","start_ms":0,"end_ms":600,"text":"Hello, trading desk.","words":[]},
            {"speaker":"p2","start_ms":700,"end_ms":1200,"text":"Hi Alice.","words":[]}]})"));
    m_transcriptVtt = m_media.filePath(QStringLiteral("call.vtt"));
    QVERIFY(holdfast::test::writeFile(m_transcriptVtt,
                                      "WEBVTT\n\n00:00:00.000 --> 00:00:00.600\n<v Alice Smith>Hello, "
                                      "trading desk.\n\n00:00:00.700 --> 00:00:01.200\n<v Bob "
                                      "Jones>Hi Alice.\n"));
}

void TestCaptureCli::init()
{
    m_work = std::make_unique<QTemporaryDir>();
    QVERIFY(m_work->isValid());
    m_vault = m_work->filePath(QStringLiteral("vault"));
    // Never touch the real ~/.local/share.
    qputenv("HOLDFAST_CAPTURE_KEY_DIR", QFile::encodeName(m_work->filePath(QStringLiteral("capture-keys"))));
}

QStringList TestCaptureCli::captureArgs(const QStringList& extra) const
{
    return QStringList{QStringLiteral("capture"),
                       QStringLiteral("--vault"),
                       m_vault,
                       QStringLiteral("--node"),
                       QStringLiteral("desk-7"),
                       QStringLiteral("--source"),
                       QStringLiteral("turret"),
                       QStringLiteral("--direction"),
                       QStringLiteral("outbound"),
                       QStringLiteral("--title"),
                       QStringLiteral("Rates desk"),
                       QStringLiteral("--started-at"),
                       QStringLiteral("2024-05-01T09:30:00Z"),
                       QStringLiteral("--participant"),
                       QStringLiteral("id=p1;name=Alice Smith;role=agent;phone=+441234;email=a@b.c"),
                       QStringLiteral("--participant"),
                       QStringLiteral("id=p2;name=Bob Jones;role=customer"),
                       QStringLiteral("--audio"),
                       QStringLiteral("p1=") + m_audio,
                       QStringLiteral("--audio"),
                       QStringLiteral("p2=") + m_audio + QStringLiteral("@250")} +
           extra;
}

QString TestCaptureCli::firstPackage() const
{
    QDirIterator it(m_vault + QStringLiteral("/recordings"), {QStringLiteral("manifest.json")}, QDir::Files,
                    QDirIterator::Subdirectories);
    return it.hasNext() ? QFileInfo(it.next()).absolutePath() : QString();
}

void TestCaptureCli::versionAndHelp()
{
    CliRun run = runCli({QStringLiteral("--version")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith("holdfast-cli "));
    run = runCli({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    for (const char* command : {"capture", "verify", "demo-vault"})
        QVERIFY2(run.out.contains(command), run.out.constData());
    QCOMPARE(runCli({}).exitCode, 2);
}

void TestCaptureCli::helpForEachCommand_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("capture") << QStringLiteral("capture") << QStringLiteral("--participant");
    QTest::newRow("verify") << QStringLiteral("verify") << QStringLiteral("--vault");
    QTest::newRow("demo-vault") << QStringLiteral("demo-vault") << QStringLiteral("--replace");
}

void TestCaptureCli::helpForEachCommand()
{
    QFETCH(QString, command);
    QFETCH(QString, mentions);
    const CliRun run = runCli({command, QStringLiteral("--help")});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY2(run.out.contains(("holdfast-cli " + command).toUtf8()), run.out.constData());
    QVERIFY2(run.out.contains(mentions.toUtf8()), run.out.constData());
}

void TestCaptureCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                     << QStringLiteral("frobnicate");
    QTest::newRow("unknown top-level option")
        << QStringList{QStringLiteral("--frob")} << QStringLiteral("--frob");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("verify"), QStringLiteral("--vault"),
                                                   QStringLiteral("/tmp"), QStringLiteral("--frob")}
                                    << QStringLiteral("frob");
    QTest::newRow("missing --vault") << QStringList{QStringLiteral("verify")} << QStringLiteral("--vault");
    QTest::newRow("missing value") << QStringList{QStringLiteral("verify"), QStringLiteral("--vault")}
                                   << QStringLiteral("vault");
    QTest::newRow("capture missing --vault")
        << QStringList{QStringLiteral("capture"), QStringLiteral("--node"), QStringLiteral("n")}
        << QStringLiteral("--vault");
    QTest::newRow("bad direction") << QStringList{QStringLiteral("capture"),
                                                  QStringLiteral("--vault"),
                                                  QStringLiteral("/tmp/v"),
                                                  QStringLiteral("--node"),
                                                  QStringLiteral("n"),
                                                  QStringLiteral("--source"),
                                                  QStringLiteral("sip"),
                                                  QStringLiteral("--direction"),
                                                  QStringLiteral("sideways"),
                                                  QStringLiteral("--started-at"),
                                                  QStringLiteral("2024-05-01T09:30:00Z")}
                                   << QStringLiteral("sideways");
    QTest::newRow("bad calls") << QStringList{QStringLiteral("demo-vault"), QStringLiteral("--out"),
                                              QStringLiteral("/tmp/x"), QStringLiteral("--calls"),
                                              QStringLiteral("many")}
                               << QStringLiteral("--calls");
}

void TestCaptureCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const CliRun run = runCli(args);
    QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
    QVERIFY2(run.err.contains(mentions.toUtf8()), qPrintable(describe(run)));
}

void TestCaptureCli::captureWithJsonTranscriptAndVerify()
{
    CliRun run =
        runCli(captureArgs({QStringLiteral("--video"), QStringLiteral("p1=") + m_video,
                            QStringLiteral("--transcript"), m_transcriptJson, QStringLiteral("--json")}));
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QJsonObject captured = QJsonDocument::fromJson(run.out).object();
    const QString id = captured.value(QStringLiteral("id")).toString();
    QVERIFY2(!QUuid::fromString(id).isNull(), run.out.constData());
    const QString package = captured.value(QStringLiteral("package")).toString();
    QVERIFY(QFileInfo(package + QStringLiteral("/manifest.json")).isFile());
    QCOMPARE(captured.value(QStringLiteral("tracks")).toArray().size(), 3);
    // The key stayed outside the vault, in HOLDFAST_CAPTURE_KEY_DIR.
    const QString keyFile = m_work->filePath(QStringLiteral("capture-keys/desk-7.key.pem"));
    QVERIFY(QFileInfo(keyFile).isFile());
    QCOMPARE(QFileInfo(keyFile).permissions() & (QFile::ReadGroup | QFile::ReadOther),
             QFileDevice::Permissions());
    QVERIFY(QFileInfo(m_vault + QStringLiteral("/keys/desk-7.pem")).isFile());

    run = runCli({QStringLiteral("verify"), QStringLiteral("--vault"), m_vault, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QJsonObject verified = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(verified.value(QStringLiteral("ok")).toBool(), true);
    const QJsonArray recordings = verified.value(QStringLiteral("recordings")).toArray();
    QCOMPARE(recordings.size(), 1);
    QCOMPARE(recordings.at(0).toObject().value(QStringLiteral("id")).toString(), id);
    QCOMPARE(recordings.at(0).toObject().value(QStringLiteral("valid")).toBool(), true);

    run = runCli({QStringLiteral("verify"), QStringLiteral("--vault"), m_vault, id});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QCOMPARE(QString::fromUtf8(run.out), QStringLiteral("OK %1 %2\n").arg(id, package));

    // A second capture with the same node reuses its key.
    run = runCli(captureArgs());
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY(run.out.contains(m_vault.toUtf8()));
    run = runCli({QStringLiteral("verify"), QStringLiteral("--vault"), m_vault});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QCOMPARE(run.out.count("OK "), 2);
}

void TestCaptureCli::captureWithWebVttTranscript()
{
    CliRun run = runCli(captureArgs({QStringLiteral("--screen"), m_video + QStringLiteral("@100"),
                                     QStringLiteral("--transcript"), m_transcriptVtt, QStringLiteral("--id"),
                                     QStringLiteral("3f1c2b7e-9a4d-4c5e-8f00-1234567890ab")}));
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY(run.out.startsWith("3f1c2b7e-9a4d-4c5e-8f00-1234567890ab "));
    const QString package = firstPackage();
    QVERIFY(package.endsWith(QStringLiteral("recordings/2024/05/01/3f1c2b7e-9a4d-4c5e-8f00-1234567890ab")));
    const QJsonObject transcript =
        QJsonDocument::fromJson(holdfast::test::readFile(package + QStringLiteral("/transcript.json")))
            .object();
    const QJsonArray segments = transcript.value(QStringLiteral("segments")).toArray();
    QCOMPARE(segments.size(), 2);
    QCOMPARE(segments.at(1).toObject().value(QStringLiteral("speaker")).toString(), QStringLiteral("p2"));
    run = runCli({QStringLiteral("verify"), QStringLiteral("--vault"), m_vault});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));

    // Same id again: refused, naming it.
    run =
        runCli(captureArgs({QStringLiteral("--id"), QStringLiteral("3f1c2b7e-9a4d-4c5e-8f00-1234567890ab")}));
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY(run.err.contains("3f1c2b7e-9a4d-4c5e-8f00-1234567890ab"));
}

void TestCaptureCli::tamperedPackageFailsVerify()
{
    CliRun run = runCli(captureArgs({QStringLiteral("--transcript"), m_transcriptJson}));
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QString package = firstPackage();
    const QString id = QFileInfo(package).fileName();
    QFile media(package + QStringLiteral("/media/t2.webm"));
    QVERIFY(media.open(QIODevice::ReadWrite));
    const qint64 middle = media.size() / 2;
    char byte = 0;
    QVERIFY(media.seek(middle) && media.getChar(&byte));
    QVERIFY(media.seek(middle) && media.putChar(static_cast<char>(byte ^ 0x01)));
    media.close();
    QVERIFY(holdfast::test::writeFile(package + QStringLiteral("/transcript.json"), "{}"));

    run = runCli({QStringLiteral("verify"), QStringLiteral("--vault"), m_vault});
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY2(
        run.out.contains(QStringLiteral("FAILED %1: media/t2.webm: SHA-256 mismatch").arg(id).toUtf8()) ||
            run.out.contains(QStringLiteral("FAILED %1: media/t2.webm").arg(id).toUtf8()),
        qPrintable(describe(run)));
    QVERIFY2(run.out.contains(QStringLiteral("FAILED %1: transcript.json: size mismatch").arg(id).toUtf8()),
             qPrintable(describe(run)));

    run = runCli({QStringLiteral("verify"), QStringLiteral("--vault"), m_vault, QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject verified = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(verified.value(QStringLiteral("ok")).toBool(), false);
    QStringList files;
    const QJsonArray problems = verified.value(QStringLiteral("recordings"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QStringLiteral("problems"))
                                    .toArray();
    for (const QJsonValue& problem : problems)
        files << problem.toObject().value(QStringLiteral("file")).toString();
    QVERIFY2(files.contains(QStringLiteral("transcript.json")), qPrintable(files.join(',')));
}

void TestCaptureCli::missingMediaFileFails()
{
    const QString missing = m_work->filePath(QStringLiteral("nowhere.webm"));
    const CliRun run = runCli(captureArgs({QStringLiteral("--video"), QStringLiteral("p2=") + missing}));
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY2(run.err.contains(missing.toUtf8()), qPrintable(describe(run)));
    QVERIFY(firstPackage().isEmpty());
}

void TestCaptureCli::textFileAsAudioFails()
{
    const CliRun run = runCli(captureArgs({QStringLiteral("--audio"), QStringLiteral("p2=") + m_text}));
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY2(run.err.contains(m_text.toUtf8()), qPrintable(describe(run)));
    QVERIFY(firstPackage().isEmpty());
}

void TestCaptureCli::verifyUnknownIdFails()
{
    QVERIFY(runCli(captureArgs()).exitCode == 0);
    const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);
    CliRun run = runCli({QStringLiteral("verify"), QStringLiteral("--vault"), m_vault, unknown});
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY(run.err.contains(unknown.toUtf8()));
    run = runCli(
        {QStringLiteral("verify"), QStringLiteral("--vault"), m_work->filePath(QStringLiteral("none"))});
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY(run.err.contains("none"));
}

void TestCaptureCli::keyDirInsideVaultIsRefused()
{
    const CliRun run =
        runCli(captureArgs({QStringLiteral("--key-dir"), m_vault + QStringLiteral("/secret-keys")}));
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY(run.err.contains("inside the vault"));
    QVERIFY(!QFileInfo::exists(m_vault + QStringLiteral("/secret-keys")));
}

QTEST_GUILESS_MAIN(TestCaptureCli)
#include "tst_capture_cli.moc"

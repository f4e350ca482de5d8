#include "TestSupport.h"
#include "model/Manifest.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <functional>

using namespace holdfast;
using namespace holdfast::model;

namespace {

const QString kPackageRelative = QStringLiteral("recordings/2024/05/01/3b5e1c2a-7f4d-4e8b-9a61-2c0d5f7e8a91");

QString vaultDir()
{
    return QStringLiteral(HOLDFAST_MODEL_TEST_DATA "/example-vault");
}

QString packageDir()
{
    return vaultDir() + QLatin1Char('/') + kPackageRelative;
}

QByteArray exampleManifestJson()
{
    return test::readFile(packageDir() + QStringLiteral("/manifest.json"));
}

// The fenced block that follows "<!-- example: <name> -->" in FORMAT.md.
QByteArray formatDocExample(const QByteArray& name)
{
    const QByteArray doc = test::readFile(QStringLiteral(HOLDFAST_MODEL_FORMAT_DOC));
    const qsizetype marker = doc.indexOf("<!-- example: " + name + " -->");
    if (marker < 0)
        return {};
    const qsizetype open = doc.indexOf("```", marker);
    if (open < 0)
        return {};
    const qsizetype begin = doc.indexOf('\n', open) + 1; // after the fence and its language
    const qsizetype end = doc.indexOf("\n```", begin);
    if (end < 0)
        return {};
    return doc.mid(begin, end - begin + 1);
}

// Sets (or with an undefined value, removes) the value at a dotted path such
// as "tracks.0.offset_ms"; numeric components index arrays.
QJsonValue setAt(const QJsonValue& node, QStringList path, const QJsonValue& value)
{
    if (path.isEmpty())
        return value;
    const QString head = path.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const int i = head.toInt();
        if (path.isEmpty() && value.isUndefined())
            array.removeAt(i);
        else if (i >= array.size())
            array.append(setAt(QJsonValue(), path, value));
        else
            array[i] = setAt(array.at(i), path, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty() && value.isUndefined())
        object.remove(head);
    else
        object[head] = setAt(object.value(head), path, value);
    return object;
}

QByteArray mutated(const QString& path, const QJsonValue& value)
{
    const QJsonObject root = QJsonDocument::fromJson(exampleManifestJson()).object();
    return QJsonDocument(setAt(root, path.split(QLatin1Char('.')), value).toObject()).toJson();
}

QByteArray mutatedWith(const std::function<void(QJsonObject&)>& change)
{
    QJsonObject root = QJsonDocument::fromJson(exampleManifestJson()).object();
    change(root);
    return QJsonDocument(root).toJson();
}

const QJsonValue kRemove(QJsonValue::Undefined);

Manifest sampleManifest()
{
    Manifest m;
    m.id = QUuid::fromString(QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950e"));
    m.captureNode = QStringLiteral("teams-bot_2.eu");
    m.startedAt = QDateTime(QDate(2024, 12, 31), QTime(23, 59, 58, 5), Qt::UTC);
    m.endedAt = m.startedAt.addMSecs(3723456);
    m.source = QStringLiteral("teams");
    m.direction = CallDirection::Internal;
    m.title = QStringLiteral("Q4 \"close\" review\n\t\\ café ☕ \x01 end");
    m.participants = {
        Participant{QStringLiteral("p1"), QStringLiteral("Ann Ó Briain"), QStringLiteral("organizer"),
                    QStringLiteral("+442079460000"), QStringLiteral("ann@example.com")},
        Participant{QStringLiteral("p2"), QStringLiteral("Bob"), QStringLiteral("attendee"), {}, {}},
    };
    m.files = {
        PackageFile{QStringLiteral("media/p1.webm"), QByteArray(64, 'a'), 1},
        PackageFile{QStringLiteral("media/screen.webm"), QByteArray(64, '0'), kMaxFileBytes},
        PackageFile{QStringLiteral("media/mixed.webm"), QByteArray(64, 'f'), 0},
        PackageFile{QStringLiteral("transcript.json"), QByteArray("0123456789abcdef").repeated(4), 42},
    };
    m.tracks = {
        Track{QStringLiteral("t1"), TrackKind::Video, QStringLiteral("p1"), QStringLiteral("media/p1.webm"),
              QStringLiteral("video/webm"), QStringLiteral("vp8"), 250, 3000000},
        Track{QStringLiteral("t2"), TrackKind::Screen, QStringLiteral("p2"),
              QStringLiteral("media/screen.webm"), QStringLiteral("video/webm"), QStringLiteral("vp9"), 0,
              3723456 + kTrackEndSlackMs},
        Track{QStringLiteral("t3"), TrackKind::Audio, QStringLiteral("mixed"),
              QStringLiteral("media/mixed.webm"), QStringLiteral("audio/webm"), QStringLiteral("opus"), 0,
              3723456},
    };
    return m;
}

} // namespace

class TestManifest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void enumNames();
    void helpers();
    void timestamps_data();
    void timestamps();
    void safePaths_data();
    void safePaths();
    void exampleParses();
    void exampleFilesMatchTheirHashes();
    void formatDocShowsTheExample();
    void formatDocRecipeWithOpenssl();
    void roundTrip();
    void serializationIsCanonical();
    void forwardCompatible();
    void acceptsEdgeValues_data();
    void acceptsEdgeValues();
    void rejects_data();
    void rejects();
    void validateManifestMatchesParser();
    void mutationsNeverCrash();
};

void TestManifest::enumNames()
{
    for (const TrackKind kind : {TrackKind::Audio, TrackKind::Video, TrackKind::Screen})
        QCOMPARE(trackKindFromName(trackKindName(kind)), kind);
    QCOMPARE(trackKindName(TrackKind::Screen), QStringLiteral("screen"));
    QCOMPARE(trackKindFromName(QStringLiteral("Audio")), TrackKind::Invalid);
    QCOMPARE(trackKindFromName(QString()), TrackKind::Invalid);
    QVERIFY(trackKindName(TrackKind::Invalid).isEmpty());

    for (const CallDirection d : {CallDirection::Inbound, CallDirection::Outbound, CallDirection::Internal})
        QCOMPARE(callDirectionFromName(callDirectionName(d)), d);
    QCOMPARE(callDirectionName(CallDirection::Outbound), QStringLiteral("outbound"));
    QCOMPARE(callDirectionFromName(QStringLiteral("inbound ")), CallDirection::Invalid);
    QVERIFY(callDirectionName(CallDirection::Invalid).isEmpty());
}

void TestManifest::helpers()
{
    const Manifest m = sampleManifest();
    QVERIFY(m.file(QStringLiteral("media/screen.webm")));
    QCOMPARE(m.file(QStringLiteral("media/screen.webm"))->bytes, kMaxFileBytes);
    QVERIFY(!m.file(QStringLiteral("media/none.webm")));
    QCOMPARE(m.participant(QStringLiteral("p2"))->displayName, QStringLiteral("Bob"));
    QVERIFY(!m.participant(QStringLiteral("mixed")));
    QCOMPARE(m.track(QStringLiteral("t3"))->codec, QStringLiteral("opus"));
    QVERIFY(!m.track(QStringLiteral("t9")));
    QCOMPARE(m.durationMs(), qint64(3723456));
    QCOMPARE(m.vaultDirectory(),
             QStringLiteral("recordings/2024/12/31/0f8fad5b-d9cb-469f-a165-70867728950e"));

    // The directory follows the UTC date, whatever zone the QDateTime carries.
    Manifest shifted = m;
    shifted.startedAt = QDateTime(QDate(2025, 1, 1), QTime(0, 30), QTimeZone(3600));
    QCOMPARE(shifted.vaultDirectory(),
             QStringLiteral("recordings/2024/12/31/0f8fad5b-d9cb-469f-a165-70867728950e"));
    shifted.startedAt = QDateTime(QDate(987, 3, 4), QTime(0, 0), Qt::UTC);
    QCOMPARE(shifted.vaultDirectory(),
             QStringLiteral("recordings/0987/03/04/0f8fad5b-d9cb-469f-a165-70867728950e"));
    QVERIFY(Manifest().vaultDirectory().isEmpty());

    QVERIFY(isSafeCaptureNodeId(QStringLiteral("capture-lon-01")));
    QVERIFY(isSafeCaptureNodeId(QStringLiteral("a.b_C-9")));
    QVERIFY(!isSafeCaptureNodeId(QStringLiteral(".hidden")));
    QVERIFY(!isSafeCaptureNodeId(QStringLiteral("../keys")));
    QVERIFY(!isSafeCaptureNodeId(QStringLiteral("a/b")));
    QVERIFY(!isSafeCaptureNodeId(QStringLiteral("node 1")));
    QVERIFY(!isSafeCaptureNodeId(QString(129, QLatin1Char('a'))));
    QVERIFY(isSafeCaptureNodeId(QString(128, QLatin1Char('a'))));

    QVERIFY(isSupportedManifestFormat(QStringLiteral("holdfast.recording/1")));
    QVERIFY(isSupportedManifestFormat(QStringLiteral("holdfast.recording/1.0")));
    QVERIFY(isSupportedManifestFormat(QStringLiteral("holdfast.recording/1.12")));
    QVERIFY(!isSupportedManifestFormat(QStringLiteral("holdfast.recording/10")));
    QVERIFY(!isSupportedManifestFormat(QStringLiteral("holdfast.recording/1.")));
    QVERIFY(!isSupportedManifestFormat(QStringLiteral("holdfast.recording/1.x")));
    QVERIFY(!isSupportedManifestFormat(QStringLiteral("holdfast.recording/2")));
    QVERIFY(!isSupportedManifestFormat(QStringLiteral("holdfast.transcript/1")));
}

void TestManifest::timestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("msecsSinceEpoch"); // -1: rejected

    QTest::newRow("seconds") << "2024-05-01T09:30:00Z" << qint64(1714555800000);
    QTest::newRow("milliseconds") << "2024-05-01T09:30:00.250Z" << qint64(1714555800250);
    QTest::newRow("two fraction digits") << "2024-05-01T09:30:00.25Z" << qint64(1714555800250);
    QTest::newRow("one fraction digit") << "2024-05-01T09:30:00.2Z" << qint64(1714555800200);
    QTest::newRow("leap day") << "2024-02-29T00:00:00Z" << qint64(1709164800000);
    QTest::newRow("microseconds") << "2024-05-01T09:30:00.250000Z" << qint64(-1);
    QTest::newRow("empty fraction") << "2024-05-01T09:30:00.Z" << qint64(-1);
    QTest::newRow("no zone") << "2024-05-01T09:30:00" << qint64(-1);
    QTest::newRow("offset") << "2024-05-01T09:30:00+00:00" << qint64(-1);
    QTest::newRow("lower-case z") << "2024-05-01T09:30:00z" << qint64(-1);
    QTest::newRow("space") << "2024-05-01 09:30:00Z" << qint64(-1);
    QTest::newRow("no such day") << "2023-02-29T00:00:00Z" << qint64(-1);
    QTest::newRow("hour 24") << "2024-05-01T24:00:00Z" << qint64(-1);
    QTest::newRow("leap second") << "2016-12-31T23:59:60Z" << qint64(-1);
    QTest::newRow("year 0") << "0000-01-01T00:00:00Z" << qint64(-1);
    QTest::newRow("signs") << "2024-+5-01T09:30:00Z" << qint64(-1);
    QTest::newRow("empty") << "" << qint64(-1);
}

void TestManifest::timestamps()
{
    QFETCH(QString, text);
    QFETCH(qint64, msecsSinceEpoch);
    const QDateTime parsed = parseUtcTimestamp(text);
    if (msecsSinceEpoch < 0) {
        QVERIFY(!parsed.isValid());
        return;
    }
    QVERIFY(parsed.isValid());
    QCOMPARE(parsed.toMSecsSinceEpoch(), msecsSinceEpoch);
    QCOMPARE(parseUtcTimestamp(formatUtcTimestamp(parsed)), parsed);
}

void TestManifest::safePaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("safe");

    QTest::newRow("file") << "transcript.json" << true;
    QTest::newRow("nested") << "media/a/t1.webm" << true;
    QTest::newRow("dots in names") << "media/..hidden..webm" << true;
    QTest::newRow("unicode") << "média/é.webm" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("parent") << "../x" << false;
    QTest::newRow("parent inside") << "media/../../x" << false;
    QTest::newRow("parent at end") << "media/.." << false;
    QTest::newRow("absolute") << "/abs" << false;
    QTest::newRow("double slash") << "a//b" << false;
    QTest::newRow("trailing slash") << "media/" << false;
    QTest::newRow("current dir") << "./a" << false;
    QTest::newRow("current dir inside") << "a/./b" << false;
    QTest::newRow("backslash") << "media\\t1.webm" << false;
    QTest::newRow("nul") << QStringLiteral("a") + QChar(0) + QStringLiteral("b") << false;
    QTest::newRow("newline") << "a\nb" << false;
    QTest::newRow("delete") << "a\x7f" << false;
    QTest::newRow("too long") << QString(kMaxPathChars + 1, QLatin1Char('a')) << false;
    QTest::newRow("longest") << QString(kMaxPathChars, QLatin1Char('a')) << true;
}

void TestManifest::safePaths()
{
    QFETCH(QString, path);
    QFETCH(bool, safe);
    QCOMPARE(isSafePackagePath(path), safe);
}

void TestManifest::exampleParses()
{
    const QByteArray json = exampleManifestJson();
    const Result<Manifest> parsed = parseManifestJson(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    const Manifest& m = *parsed;
    QCOMPARE(m.format, QStringLiteral("holdfast.recording/1"));
    QCOMPARE(m.id, QUuid::fromString(QStringLiteral("3b5e1c2a-7f4d-4e8b-9a61-2c0d5f7e8a91")));
    QCOMPARE(m.captureNode, QStringLiteral("capture-lon-01"));
    QCOMPARE(m.startedAt, QDateTime(QDate(2024, 5, 1), QTime(9, 30), Qt::UTC));
    QCOMPARE(m.durationMs(), qint64(6600));
    QCOMPARE(m.direction, CallDirection::Inbound);
    QCOMPARE(m.participants.size(), 2);
    QCOMPARE(m.participants.at(1).phone, QStringLiteral("+441632960123"));
    QCOMPARE(m.tracks.size(), 1);
    QCOMPARE(m.tracks.at(0).participant, QStringLiteral("mixed"));
    QCOMPARE(m.tracks.at(0).duration_ms, qint64(6508));
    QCOMPARE(m.files.size(), 2);
    QVERIFY(m.file(QStringLiteral("transcript.json")));
    // The example sits where the vault layout says it must.
    QCOMPARE(m.vaultDirectory(), kPackageRelative);
    // The example is in canonical form: what we write is byte for byte what was signed.
    QCOMPARE(serializeManifestJson(m), json);
}

void TestManifest::exampleFilesMatchTheirHashes()
{
    const Result<Manifest> parsed = parseManifestJson(exampleManifestJson());
    QVERIFY(parsed.ok());
    QStringList listed;
    for (const PackageFile& file : parsed->files) {
        const QByteArray data = test::readFile(packageDir() + QLatin1Char('/') + file.path);
        QCOMPARE(qint64(data.size()), file.bytes);
        QCOMPARE(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex(), file.sha256);
        listed << file.path;
    }
    // Every file but the manifest and its signature is listed.
    QStringList present;
    QDir dir(packageDir());
    const QFileInfoList entries = dir.entryInfoList(QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QFileInfo& info : entries)
        present << info.fileName();
    const QFileInfoList media =
        QDir(packageDir() + QStringLiteral("/media")).entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo& info : media)
        present << QStringLiteral("media/") + info.fileName();
    present.removeAll(QStringLiteral("manifest.json"));
    present.removeAll(QStringLiteral("manifest.json.sig"));
    present.sort();
    listed.sort();
    QCOMPARE(present, listed);
    QCOMPARE(QFileInfo(packageDir() + QStringLiteral("/manifest.json.sig")).size(), qint64(64));
}

void TestManifest::formatDocShowsTheExample()
{
    const QByteArray shown = formatDocExample("manifest.json");
    QVERIFY2(!shown.isEmpty(), "FORMAT.md has no <!-- example: manifest.json --> block");
    QCOMPARE(shown, exampleManifestJson());
    const QByteArray key = formatDocExample("keys/capture-lon-01.pem");
    QCOMPARE(key, test::readFile(vaultDir() + QStringLiteral("/keys/capture-lon-01.pem")));
}

// Runs the verification recipe of FORMAT.md with the openssl command line.
void TestManifest::formatDocRecipeWithOpenssl()
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("openssl is not installed");
    const auto verify = [&](const QString& manifestPath) {
        QProcess process;
        process.setWorkingDirectory(packageDir());
        process.start(openssl,
                      {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"),
                       QStringLiteral("-inkey"), vaultDir() + QStringLiteral("/keys/capture-lon-01.pem"),
                       QStringLiteral("-rawin"), QStringLiteral("-in"), manifestPath,
                       QStringLiteral("-sigfile"), QStringLiteral("manifest.json.sig")});
        if (!process.waitForFinished(30000))
            return -1;
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    };
    QCOMPARE(verify(QStringLiteral("manifest.json")), 0);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QByteArray tampered = exampleManifestJson();
    tampered.replace("\"turret\"", "\"sip\"");
    QVERIFY(parseManifestJson(tampered).ok()); // still a well-formed manifest...
    const QString tamperedPath = tmp.filePath(QStringLiteral("manifest.json"));
    QVERIFY(test::writeFile(tamperedPath, tampered));
    QVERIFY(verify(tamperedPath) != 0); // ...but no longer the one that was signed
}

void TestManifest::roundTrip()
{
    const Manifest m = sampleManifest();
    QVERIFY2(validateManifest(m).ok(), qPrintable(validateManifest(m).errorMessage()));
    const QByteArray json = serializeManifestJson(m);
    QVERIFY(json.endsWith("}\n"));
    const Result<Manifest> parsed = parseManifestJson(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    QCOMPARE(parsed->title, m.title);
    QCOMPARE(parsed->participants, m.participants);
    QCOMPARE(parsed->tracks, m.tracks);
    QCOMPARE(parsed->files, m.files);
    QCOMPARE(parsed->startedAt, m.startedAt);
    QCOMPARE(parsed->endedAt, m.endedAt);
    QVERIFY(*parsed == m);
    QCOMPARE(serializeManifestJson(*parsed), json);

    // Other JSON readers see the same values.
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    QCOMPARE(object.value(QStringLiteral("title")).toString(), m.title);
    QCOMPARE(object.value(QStringLiteral("started_at")).toString(),
             QStringLiteral("2024-12-31T23:59:58.005Z"));
    QCOMPARE(object.value(QStringLiteral("files"))
                 .toArray()
                 .at(1)
                 .toObject()
                 .value(QStringLiteral("bytes"))
                 .toInteger(),
             kMaxFileBytes);

    // Empty participants/tracks/files are written and read as empty arrays.
    Manifest bare = m;
    bare.title.clear();
    bare.participants.clear();
    bare.tracks.clear();
    bare.files.clear();
    const QByteArray bareJson = serializeManifestJson(bare);
    QVERIFY(bareJson.contains("\"tracks\": []"));
    QVERIFY(!bareJson.contains("title"));
    const Result<Manifest> bareParsed = parseManifestJson(bareJson);
    QVERIFY2(bareParsed.ok(), qPrintable(bareParsed.errorMessage()));
    QVERIFY(*bareParsed == bare);
}

void TestManifest::serializationIsCanonical()
{
    const Manifest m = sampleManifest();
    const QByteArray once = serializeManifestJson(m);
    QCOMPARE(serializeManifestJson(Manifest(m)), once);
    // Key order is the documented one, not alphabetical.
    QVERIFY(once.startsWith("{\n  \"format\": \"holdfast.recording/1\",\n  \"id\": "));
    QVERIFY(once.indexOf("\"participants\"") < once.indexOf("\"tracks\""));
    QVERIFY(once.indexOf("\"tracks\"") < once.indexOf("\"files\""));
    // A zone other than UTC still serialises to the same UTC text.
    Manifest local = m;
    local.startedAt = m.startedAt.toOffsetFromUtc(-5 * 3600);
    QCOMPARE(serializeManifestJson(local), once);
    QVERIFY(!once.contains("\r"));
    QVERIFY(once.contains("\\u0001")); // control characters are escaped
}

void TestManifest::forwardCompatible()
{
    QByteArray json = mutatedWith([](QJsonObject& root) {
        root[QStringLiteral("format")] = QStringLiteral("holdfast.recording/1.4");
        root[QStringLiteral("retention_class")] = QStringLiteral("mifid2");
        QJsonArray tracks = root.value(QStringLiteral("tracks")).toArray();
        QJsonObject track = tracks.at(0).toObject();
        track[QStringLiteral("channels")] = 2;
        track[QStringLiteral("future")] = QJsonObject{{QStringLiteral("x"), QJsonArray{1, 2}}};
        tracks[0] = track;
        root[QStringLiteral("tracks")] = tracks;
    });
    const Result<Manifest> parsed = parseManifestJson(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    QCOMPARE(parsed->format, QStringLiteral("holdfast.recording/1.4"));
    QVERIFY(serializeManifestJson(*parsed).contains("\"holdfast.recording/1.4\""));
}

void TestManifest::acceptsEdgeValues_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("track ends exactly at the slack")
        << mutated(QStringLiteral("tracks.0.duration_ms"), 6600 + 5000);
    QTest::newRow("zero-length call") << mutatedWith([](QJsonObject& root) {
        root = setAt(root, {QStringLiteral("ended_at")}, QStringLiteral("2024-05-01T09:30:00Z")).toObject();
        root = setAt(root, QStringLiteral("tracks.0.duration_ms").split(QLatin1Char('.')), 5000).toObject();
    });
    QTest::newRow("integral float") << mutated(QStringLiteral("tracks.0.offset_ms"), 0.0);
    QTest::newRow("exponent integer")
        << QByteArray(exampleManifestJson()).replace("\"offset_ms\": 0", "\"offset_ms\": 1e2");
    QTest::newRow("upper-case uuid") << mutated(QStringLiteral("id"),
                                                QStringLiteral("3B5E1C2A-7F4D-4E8B-9A61-2C0D5F7E8A91"));
    QTest::newRow("no title") << mutated(QStringLiteral("title"), kRemove);
    QTest::newRow("empty title") << mutated(QStringLiteral("title"), QString());
    QTest::newRow("largest file") << mutated(QStringLiteral("files.1.bytes"), double(kMaxFileBytes));
    QTest::newRow("empty file") << mutated(QStringLiteral("files.1.bytes"), 0);
    QTest::newRow("seven-day call") << mutated(QStringLiteral("ended_at"),
                                               QStringLiteral("2024-05-08T09:30:00Z"));
    QTest::newRow("escaped key")
        << QByteArray(exampleManifestJson()).replace("\"source\"", "\"sour\\u0063e\"");
    QTest::newRow("same key in sibling objects") << exampleManifestJson(); // "id" in several objects is fine
}

void TestManifest::acceptsEdgeValues()
{
    QFETCH(QByteArray, json);
    const Result<Manifest> parsed = parseManifestJson(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
}

void TestManifest::rejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // the start of the message: "manifest.json: <path>: <problem>"

    const auto row = [](const char* name, const QByteArray& json, const QString& expected) {
        QTest::newRow(name) << json << expected;
    };
    const QString m = QStringLiteral("manifest.json: ");

    // Document level.
    row("empty", QByteArray(), m + "not valid JSON at offset 0");
    row("not json", "{\"format\": ", m + "not valid JSON at offset");
    row("trailing garbage", exampleManifestJson() + "x", m + "not valid JSON at offset");
    row("deep nesting", "{\"a\":" + QByteArray(100000, '[') + QByteArray(100000, ']') + "}",
        m + "not valid JSON at offset");
    row("not an object", "[1, 2]", m + "expected a JSON object at the top level");
    row("string document", "\"holdfast\"",
        m + "not valid JSON at offset"); // Qt 6.4 reads only objects and arrays
    row("too big", QByteArray(kMaxJsonBytes + 1, ' '),
        m + "document is 67108865 bytes, more than the limit of 67108864");
    row("duplicate key",
        QByteArray(exampleManifestJson())
            .replace("\"source\": \"turret\",", "\"source\": \"turret\", \"source\": \"sip\","),
        m + "source: duplicate key");
    row("duplicate nested key",
        QByteArray(exampleManifestJson())
            .replace("\"codec\": \"opus\",", "\"codec\": \"opus\", \"codec\": \"pcm\","),
        m + "tracks[0].codec: duplicate key");
    row("duplicate escaped key",
        QByteArray(exampleManifestJson())
            .replace("\"source\": \"turret\",", "\"source\": \"turret\", \"sourc\\u0065\": \"x\","),
        m + "source: duplicate key");

    // Format.
    row("format missing", mutated("format", kRemove), m + "format: missing");
    row("format not a string", mutated("format", 1), m + "format: expected a string, found a number");
    row("format major 2", mutated("format", "holdfast.recording/2"),
        m + "format: unsupported format \"holdfast.recording/2\": this version reads holdfast.recording/1");
    row("format major 10", mutated("format", "holdfast.recording/10"), m + "format: unsupported format");
    row("format other", mutated("format", "holdfast.transcript/1"), m + "format: unsupported format");
    row("format checked first", mutatedWith([](QJsonObject& root) {
            root[QStringLiteral("format")] = QStringLiteral("holdfast.recording/2.0");
            root.remove(QStringLiteral("id"));
        }),
        m + "format: unsupported format");

    // Identity and times.
    row("id missing", mutated("id", kRemove), m + "id: missing");
    row("id number", mutated("id", 7), m + "id: expected a string, found a number");
    row("id not uuid", mutated("id", "not-a-uuid"), m + "id: expected a UUID");
    row("id braced", mutated("id", "{3b5e1c2a-7f4d-4e8b-9a61-2c0d5f7e8a91}"), m + "id: expected a UUID");
    row("id nil", mutated("id", "00000000-0000-0000-0000-000000000000"), m + "id: must not be the nil UUID");
    row("capture_node missing", mutated("capture_node", kRemove), m + "capture_node: missing");
    row("capture_node empty", mutated("capture_node", ""), m + "capture_node: must not be empty");
    row("capture_node escapes keys/", mutated("capture_node", "../../etc/x"),
        m + "capture_node: \"../../etc/x\" is not a valid capture node id");
    row("started_at missing", mutated("started_at", kRemove), m + "started_at: missing");
    row("started_at null", mutated("started_at", QJsonValue()),
        m + "started_at: expected a string, found null");
    row("started_at no zone", mutated("started_at", "2024-05-01T09:30:00"),
        m + "started_at: expected a UTC time");
    row("started_at offset", mutated("started_at", "2024-05-01T10:30:00+01:00"),
        m + "started_at: expected a UTC time");
    row("started_at no such day", mutated("started_at", "2024-02-30T09:30:00Z"),
        m + "started_at: expected a UTC time");
    row("ended_at bad", mutated("ended_at", "yesterday"), m + "ended_at: expected a UTC time like");
    row("ended_at before started_at", mutated("ended_at", "2024-05-01T09:29:59.999Z"),
        m + "ended_at: 2024-05-01T09:29:59.999Z is before started_at 2024-05-01T09:30:00Z");
    row("call longer than 7 days", mutated("ended_at", "2024-05-08T09:30:00.001Z"),
        m + "ended_at: the call lasts 604800001 ms, more than the limit of 7 days");
    row("source empty", mutated("source", ""), m + "source: must not be empty");
    row("source array", mutated("source", QJsonArray{}), m + "source: expected a string, found an array");
    row("direction unknown", mutated("direction", "sideways"),
        m + "direction: expected inbound, outbound or internal, found \"sideways\"");
    row("direction capitalised", mutated("direction", "Inbound"), m + "direction: expected inbound");
    row("title number", mutated("title", 3), m + "title: expected a string, found a number");
    row("title too long", mutated("title", QString(kMaxFieldChars + 1, QLatin1Char('x'))),
        m + "title: 4097 characters, more than the limit of 4096");

    // Participants.
    row("participants missing", mutated("participants", kRemove), m + "participants: missing");
    row("participants object", mutated("participants", QJsonObject{}),
        m + "participants: expected an array, found an object");
    row("participant not object", mutated("participants.1", "p2"),
        m + "participants[1]: expected an object, found a string");
    row("participant id missing", mutated("participants.1.id", kRemove), m + "participants[1].id: missing");
    row("participant id empty", mutated("participants.1.id", ""),
        m + "participants[1].id: must not be empty");
    row("participant id duplicate", mutated("participants.1.id", "p1"),
        m + "participants[1].id: duplicate id \"p1\" (also participants[0])");
    row("participant id mixed", mutated("participants.0.id", "mixed"),
        m + "participants[0].id: \"mixed\" is reserved");
    row("participant display_name missing", mutated("participants.0.display_name", kRemove),
        m + "participants[0].display_name: missing");
    row("participant role empty", mutated("participants.1.role", ""),
        m + "participants[1].role: must not be empty");
    row("participant phone number", mutated("participants.1.phone", 441632960123.0),
        m + "participants[1].phone: expected a string, found a number");
    row("participant email bool", mutated("participants.0.email", true),
        m + "participants[0].email: expected a string, found a boolean");
    row("too many participants", mutatedWith([](QJsonObject& root) {
            QJsonArray many;
            for (int i = 0; i <= kMaxManifestEntries; ++i)
                many.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("p%1").arg(i)}});
            root[QStringLiteral("participants")] = many;
        }),
        m + "participants: 10001 entries, more than the limit of 10000");

    // Tracks.
    row("tracks missing", mutated("tracks", kRemove), m + "tracks: missing");
    row("track id duplicate", mutatedWith([](QJsonObject& root) {
            QJsonArray tracks = root.value(QStringLiteral("tracks")).toArray();
            tracks.append(tracks.at(0));
            root[QStringLiteral("tracks")] = tracks;
        }),
        m + "tracks[1].id: duplicate id \"t1\" (also tracks[0])");
    row("track kind unknown", mutated("tracks.0.kind", "hologram"),
        m + "tracks[0].kind: expected audio, video or screen, found \"hologram\"");
    row("track participant unknown", mutated("tracks.0.participant", "p9"),
        m + "tracks[0].participant: \"p9\" is neither a participant id nor \"mixed\"");
    row("track participant empty", mutated("tracks.0.participant", ""),
        m + "tracks[0].participant: must not be empty");
    row("track path not listed", mutated("tracks.0.path", "media/other.webm"),
        m + "tracks[0].path: \"media/other.webm\" is not listed in files");
    row("track path escapes", mutated("tracks.0.path", "../x"),
        m + "tracks[0].path: \"../x\" is not a safe package path");
    row("track media_type missing", mutated("tracks.0.media_type", kRemove),
        m + "tracks[0].media_type: missing");
    row("track codec empty", mutated("tracks.0.codec", ""), m + "tracks[0].codec: must not be empty");
    row("offset_ms string", mutated("tracks.0.offset_ms", "0"),
        m + "tracks[0].offset_ms: expected an integer, found a string");
    row("offset_ms fraction", mutated("tracks.0.offset_ms", 1.5),
        m + "tracks[0].offset_ms: expected an integer, found 1.5");
    row("offset_ms huge",
        QByteArray(exampleManifestJson()).replace("\"offset_ms\": 0", "\"offset_ms\": 1e300"),
        m + "tracks[0].offset_ms: expected an integer");
    row("offset_ms beyond qint64",
        QByteArray(exampleManifestJson()).replace("\"offset_ms\": 0", "\"offset_ms\": 9223372036854775808"),
        m + "tracks[0].offset_ms: expected an integer");
    row("offset_ms negative", mutated("tracks.0.offset_ms", -1),
        m + "tracks[0].offset_ms: must not be negative, found -1");
    row("duration_ms array", mutated("tracks.0.duration_ms", QJsonArray{6508}),
        m + "tracks[0].duration_ms: expected an integer, found an array");
    row("duration_ms negative", mutated("tracks.0.duration_ms", -6508),
        m + "tracks[0].duration_ms: must not be negative");
    row("duration_ms over 7 days", mutated("tracks.0.duration_ms", double(kMaxDurationMs + 1)),
        m + "tracks[0].duration_ms: 604800001 is more than the limit of 7 days");
    row("track ends past the call", mutated("tracks.0.offset_ms", 5093),
        m + "tracks[0].duration_ms: the track ends at 11601 ms, more than 5000 ms after the call's end at "
            "6600 ms");
    row("too many tracks", mutatedWith([](QJsonObject& root) {
            root[QStringLiteral("tracks")] = QJsonArray();
            QJsonArray many;
            for (int i = 0; i <= kMaxManifestEntries; ++i)
                many.append(i);
            root[QStringLiteral("tracks")] = many;
        }),
        m + "tracks: 10001 entries, more than the limit of 10000");

    // Files.
    row("files missing", mutated("files", kRemove), m + "files: missing");
    row("file not object", mutated("files.1", 3), m + "files[1]: expected an object, found a number");
    for (const char* bad : {"../x", "/abs", "a//b", "./a", "media/", "a/..", "media\\x.webm", ""}) {
        const QByteArray name = QByteArrayLiteral("file path ") + (bad[0] ? bad : "empty");
        QTest::newRow(name.constData())
            << mutated("files.1.path", QString::fromUtf8(bad))
            << m + "files[1].path: \"" + QString::fromUtf8(bad) + "\" is not a safe package path";
    }
    row("file path nul",
        QByteArray(exampleManifestJson())
            .replace("\"path\": \"transcript.json\"", "\"path\": \"transcript\\u0000.json\""),
        m + "files[1].path: \"transcript");
    row("file path lists the manifest", mutated("files.1.path", "manifest.json"),
        m + "files[1].path: \"manifest.json\" must not be listed");
    row("file path lists the signature", mutated("files.1.path", "manifest.json.sig"),
        m + "files[1].path: \"manifest.json.sig\" must not be listed");
    row("file path duplicate", mutated("files.1.path", "media/mixed.webm"),
        m + "files[1].path: duplicate path \"media/mixed.webm\" (also files[0])");
    row("sha256 upper-case",
        mutated("files.0.sha256", "2E6A21007C4501E59E4A7D417FBD9451EAC6E2482E129AEECDE9B7AFF7A32D59"),
        m + "files[0].sha256: expected 64 lower-case hex digits");
    row("sha256 short",
        mutated("files.0.sha256", "2e6a21007c4501e59e4a7d417fbd9451eac6e2482e129aeecde9b7aff7a32d5"),
        m + "files[0].sha256: expected 64 lower-case hex digits");
    row("sha256 not hex", mutated("files.0.sha256", QString(64, QLatin1Char('g'))),
        m + "files[0].sha256: expected 64 lower-case hex digits");
    row("sha256 missing", mutated("files.0.sha256", kRemove), m + "files[0].sha256: missing");
    row("bytes negative", mutated("files.0.bytes", -1), m + "files[0].bytes: must not be negative, found -1");
    row("bytes over 1 TiB", mutated("files.0.bytes", double(kMaxFileBytes + 1)),
        m + "files[0].bytes: 1099511627777 is more than the limit of 1 TiB");
    row("bytes fraction", mutated("files.0.bytes", 12390.5),
        m + "files[0].bytes: expected an integer, found 12390.5");
    row("bytes string", mutated("files.0.bytes", "12390"),
        m + "files[0].bytes: expected an integer, found a string");
    row("too many files", mutatedWith([](QJsonObject& root) {
            QJsonArray many;
            for (int i = 0; i <= kMaxManifestEntries; ++i)
                many.append(QJsonObject());
            root[QStringLiteral("files")] = many;
        }),
        m + "files: 10001 entries, more than the limit of 10000");
}

void TestManifest::rejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const Result<Manifest> parsed = parseManifestJson(json);
    QVERIFY2(!parsed.ok(), "parsed a manifest that should have been rejected");
    const QString message = parsed.errorMessage();
    QVERIFY2(message.startsWith(expected), qPrintable(QStringLiteral("got: ") + message));
    QVERIFY(message.size() < 1000);
}

void TestManifest::validateManifestMatchesParser()
{
    QVERIFY(validateManifest(sampleManifest()).ok());
    QVERIFY(!validateManifest(Manifest()).ok());

    Manifest m = sampleManifest();
    m.tracks[1].participant = QStringLiteral("p3");
    QCOMPARE(validateManifest(m).errorMessage(),
             QStringLiteral(
                 "manifest.json: tracks[1].participant: \"p3\" is neither a participant id nor \"mixed\""));
    QCOMPARE(parseManifestJson(serializeManifestJson(m)).errorMessage(), validateManifest(m).errorMessage());

    m = sampleManifest();
    m.files[2].path = QStringLiteral("media\\mixed.webm");
    QCOMPARE(validateManifest(m).errorMessage(),
             QStringLiteral("manifest.json: tracks[2].path: \"media/mixed.webm\" is not listed in files"));

    m = sampleManifest();
    m.direction = CallDirection::Invalid;
    QCOMPARE(validateManifest(m).errorMessage(), QStringLiteral("manifest.json: direction: not set"));

    m = sampleManifest();
    m.tracks[0].kind = TrackKind::Invalid;
    QCOMPARE(validateManifest(m).errorMessage(), QStringLiteral("manifest.json: tracks[0].kind: not set"));

    m = sampleManifest();
    m.files[0].sha256 = m.files[0].sha256.toUpper();
    QVERIFY(
        validateManifest(m).errorMessage().startsWith(QStringLiteral("manifest.json: files[0].sha256: ")));
}

// Truncations and random byte changes: every input gives a value or an error.
void TestManifest::mutationsNeverCrash()
{
    const QByteArray valid = exampleManifestJson();
    int cases = 0;
    int accepted = 0;
    const auto check = [&](const QByteArray& input) {
        ++cases;
        const Result<Manifest> parsed = parseManifestJson(input);
        if (!parsed.ok()) {
            QVERIFY(parsed.errorMessage().startsWith(QStringLiteral("manifest.json: ")));
            return;
        }
        ++accepted;
        // Whatever is accepted survives a round trip unchanged.
        const Result<Manifest> again = parseManifestJson(serializeManifestJson(*parsed));
        QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
        QVERIFY(*again == *parsed);
    };

    for (qsizetype length = 0; length < valid.size(); ++length) {
        check(valid.left(length));
        if (QTest::currentTestFailed())
            return;
    }

    static const char kInteresting[] = "\"{}[],:0123456789-.eE\\ \x00\xff"
                                       "a/";
    QRandomGenerator random(20240501);
    for (int i = 0; i < 2000; ++i) {
        QByteArray input = valid;
        const int changes = 1 + int(random.bounded(4));
        for (int c = 0; c < changes; ++c) {
            const qsizetype at = random.bounded(int(input.size()));
            const bool structural = random.bounded(2) == 0;
            input[at] = structural ? kInteresting[random.bounded(int(sizeof(kInteresting) - 1))]
                                   : char(random.bounded(256));
        }
        check(input);
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY(cases >= 3000);
    qInfo("%d mutated manifests, %d accepted", cases, accepted);
}

QTEST_GUILESS_MAIN(TestManifest)
#include "tst_manifest.moc"

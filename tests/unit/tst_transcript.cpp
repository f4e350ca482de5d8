#include "TestSupport.h"
#include "model/Manifest.h"
#include "model/Transcript.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <cmath>
#include <functional>
#include <limits>

using namespace holdfast;
using namespace holdfast::model;

namespace {

QString packageDir()
{
    return QStringLiteral(HOLDFAST_MODEL_TEST_DATA
                          "/example-vault/recordings/2024/05/01/3b5e1c2a-7f4d-4e8b-9a61-2c0d5f7e8a91");
}

QByteArray exampleTranscriptJson()
{
    return test::readFile(packageDir() + QStringLiteral("/transcript.json"));
}

Manifest exampleManifest()
{
    return parseManifestJson(test::readFile(packageDir() + QStringLiteral("/manifest.json"))).value();
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
// as "segments.0.words.2.end_ms"; numeric components index arrays.
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
    const QJsonObject root = QJsonDocument::fromJson(exampleTranscriptJson()).object();
    return QJsonDocument(setAt(root, path.split(QLatin1Char('.')), value).toObject()).toJson();
}

const QJsonValue kRemove(QJsonValue::Undefined);

Transcript sampleTranscript()
{
    Transcript t;
    t.language = QStringLiteral("de-CH-1901");
    t.segments = {
        TranscriptSegment{QStringLiteral("p1"),
                          0,
                          1000,
                          QStringLiteral("Grüezi \"mitenand\"\n\\ ☕"),
                          {TranscriptWord{QStringLiteral("Grüezi"), 0, 400, 0.1},
                           TranscriptWord{QStringLiteral("\"mitenand\""), 400, 1000, 1.0 / 3.0},
                           TranscriptWord{QStringLiteral("☕"), 1000, 1000, 0.0}}},
        TranscriptSegment{QStringLiteral("p2"), 0, 0, QStringLiteral("hm"), {}},
        TranscriptSegment{QStringLiteral("p1"),
                          900,
                          2500,
                          QStringLiteral("overlaps the previous turn"),
                          {TranscriptWord{QStringLiteral("overlaps"), 900, 1500, 1.0},
                           TranscriptWord{QStringLiteral("the"), 1400, 1600, 0.5},
                           TranscriptWord{QStringLiteral("previous"), 1400, 2000, 1e-9}}},
    };
    return t;
}

} // namespace

class TestTranscript : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exampleParses();
    void formatDocShowsTheExample();
    void roundTrip();
    void serializationIsCanonical();
    void forwardCompatible();
    void acceptsEdgeValues_data();
    void acceptsEdgeValues();
    void rejects_data();
    void rejects();
    void againstManifest();
    void mutationsNeverCrash();
};

void TestTranscript::exampleParses()
{
    const QByteArray json = exampleTranscriptJson();
    const Result<Transcript> parsed = parseTranscriptJson(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    QCOMPARE(parsed->language, QStringLiteral("en-GB"));
    QCOMPARE(parsed->segments.size(), 3);
    QCOMPARE(parsed->segments.at(0).words.size(), 6);
    QCOMPARE(parsed->segments.at(0).words.at(3).confidence, 0.93);
    QVERIFY(parsed->segments.at(1).words.isEmpty());
    QCOMPARE(parsed->segments.at(2).end_ms, qint64(6300));
    QCOMPARE(serializeTranscriptJson(*parsed), json);
    QVERIFY(validateTranscriptAgainstManifest(*parsed, exampleManifest()).ok());
}

void TestTranscript::formatDocShowsTheExample()
{
    const QByteArray shown = formatDocExample("transcript.json");
    QVERIFY2(!shown.isEmpty(), "FORMAT.md has no <!-- example: transcript.json --> block");
    QCOMPARE(shown, exampleTranscriptJson());
}

void TestTranscript::roundTrip()
{
    const Transcript t = sampleTranscript();
    QVERIFY2(validateTranscript(t).ok(), qPrintable(validateTranscript(t).errorMessage()));
    const QByteArray json = serializeTranscriptJson(t);
    QVERIFY(json.endsWith("}\n"));
    const Result<Transcript> parsed = parseTranscriptJson(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    QCOMPARE(parsed->segments.at(0).words.at(1).confidence, 1.0 / 3.0); // doubles survive exactly
    QCOMPARE(parsed->segments.at(2).words.at(2).confidence, 1e-9);
    QVERIFY(*parsed == t);
    QCOMPARE(serializeTranscriptJson(*parsed), json);

    Transcript empty;
    const QByteArray emptyJson = serializeTranscriptJson(empty);
    QCOMPARE(emptyJson, QByteArray("{\n  \"format\": \"holdfast.transcript/1\",\n  \"segments\": []\n}\n"));
    const Result<Transcript> emptyParsed = parseTranscriptJson(emptyJson);
    QVERIFY(emptyParsed.ok());
    QVERIFY(*emptyParsed == empty);
}

void TestTranscript::serializationIsCanonical()
{
    const QByteArray once = serializeTranscriptJson(sampleTranscript());
    QCOMPARE(serializeTranscriptJson(sampleTranscript()), once);
    QVERIFY(once.startsWith(
        "{\n  \"format\": \"holdfast.transcript/1\",\n  \"language\": \"de-CH-1901\",\n  \"segments\": ["));
    QVERIFY(once.contains("\"confidence\": 0.1\n"));
    QVERIFY(once.contains("\"confidence\": 0\n"));
    QVERIFY(once.contains("\"words\": []"));
}

void TestTranscript::forwardCompatible()
{
    QJsonObject root = QJsonDocument::fromJson(exampleTranscriptJson()).object();
    root[QStringLiteral("format")] = QStringLiteral("holdfast.transcript/1.3");
    root[QStringLiteral("engine")] = QStringLiteral("whisper-large-v3");
    root = setAt(root, QStringLiteral("segments.1.sentiment").split(QLatin1Char('.')), -0.4).toObject();
    const Result<Transcript> parsed = parseTranscriptJson(QJsonDocument(root).toJson(QJsonDocument::Compact));
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    QCOMPARE(parsed->segments.size(), 3);
}

void TestTranscript::acceptsEdgeValues_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("no language") << mutated(QStringLiteral("language"), kRemove);
    QTest::newRow("empty language") << mutated(QStringLiteral("language"), QString());
    QTest::newRow("no words key") << mutated(QStringLiteral("segments.1.words"), kRemove);
    QTest::newRow("no confidence") << mutated(QStringLiteral("segments.0.words.0.confidence"), kRemove);
    QTest::newRow("confidence 0") << mutated(QStringLiteral("segments.0.words.0.confidence"), 0);
    QTest::newRow("confidence 1") << mutated(QStringLiteral("segments.0.words.0.confidence"), 1);
    QTest::newRow("equal segment starts") << mutated(QStringLiteral("segments.1.start_ms"), 0);
    QTest::newRow("zero-length segment") << mutated(QStringLiteral("segments.1.end_ms"), 2400);
    QTest::newRow("word spans its segment") << mutated(QStringLiteral("segments.0.words.5.end_ms"), 2100);
    QTest::newRow("no segments") << QByteArray("{\"format\":\"holdfast.transcript/1\",\"segments\":[]}");
}

void TestTranscript::acceptsEdgeValues()
{
    QFETCH(QByteArray, json);
    const Result<Transcript> parsed = parseTranscriptJson(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
}

void TestTranscript::rejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // the start of the message

    const auto row = [](const char* name, const QByteArray& json, const QString& expected) {
        QTest::newRow(name) << json << expected;
    };
    const QString t = QStringLiteral("transcript.json: ");

    row("empty", QByteArray(), t + "not valid JSON at offset 0");
    row("not json", "{\"segments\": [", t + "not valid JSON at offset");
    row("not an object", "[]", t + "expected a JSON object at the top level");
    row("too big", QByteArray(kMaxJsonBytes + 1, '\n'),
        t + "document is 67108865 bytes, more than the limit of 67108864");
    row("duplicate key",
        "{\"format\":\"holdfast.transcript/1\",\"segments\":[{\"speaker\":\"p1\",\"speaker\":\"p2\"}]}",
        t + "segments[0].speaker: duplicate key");
    row("format missing", mutated("format", kRemove), t + "format: missing");
    row("format major 2", mutated("format", "holdfast.transcript/2"),
        t + "format: unsupported format \"holdfast.transcript/2\": this version reads holdfast.transcript/1");
    row("format of a manifest", mutated("format", "holdfast.recording/1"), t + "format: unsupported format");
    row("language number", mutated("language", 44), t + "language: expected a string, found a number");
    row("language malformed", mutated("language", "en_GB"),
        t + "language: expected a BCP 47 language tag like en-GB, found \"en_GB\"");
    row("segments missing", mutated("segments", kRemove), t + "segments: missing");
    row("segments object", mutated("segments", QJsonObject{}),
        t + "segments: expected an array, found an object");
    row("segment not object", mutated("segments.1", QJsonArray{}),
        t + "segments[1]: expected an object, found an array");
    row("speaker missing", mutated("segments.1.speaker", kRemove), t + "segments[1].speaker: missing");
    row("speaker empty", mutated("segments.1.speaker", ""), t + "segments[1].speaker: must not be empty");
    row("speaker number", mutated("segments.1.speaker", 2),
        t + "segments[1].speaker: expected a string, found a number");
    row("start_ms string", mutated("segments.1.start_ms", "2400"),
        t + "segments[1].start_ms: expected an integer, found a string");
    row("start_ms fraction", mutated("segments.1.start_ms", 2400.5),
        t + "segments[1].start_ms: expected an integer, found 2400.5");
    row("end_ms huge", QByteArray(exampleTranscriptJson()).replace("\"end_ms\": 4800", "\"end_ms\": 1e300"),
        t + "segments[1].end_ms: expected an integer, found 1e+300");
    row("start_ms negative", mutated("segments.0.start_ms", -5),
        t + "segments[0].start_ms: must not be negative, found -5");
    row("end_ms over 7 days", mutated("segments.2.end_ms", double(kMaxDurationMs + 1)),
        t + "segments[2].end_ms: 604800001 is more than the limit of 7 days");
    row("segment ends before it starts", mutated("segments.1.end_ms", 2399),
        t + "segments[1].end_ms: 2399 is before start_ms 2400");
    row("segments out of order", mutated("segments.2.start_ms", 2000),
        t + "segments[2].start_ms: 2000 is before the start of the previous segment (2400)");
    row("text missing", mutated("segments.1.text", kRemove), t + "segments[1].text: missing");
    row("text empty", mutated("segments.1.text", ""), t + "segments[1].text: must not be empty");
    row("text too long", mutated("segments.1.text", QString(kMaxTextBytes / 2 + 1, QChar(0xe9))),
        t + "segments[1].text: 1048578 bytes, more than the limit of 1048576");
    row("words object", mutated("segments.0.words", QJsonObject{}),
        t + "segments[0].words: expected an array, found an object");
    row("word not object", mutated("segments.0.words.2", "Holdfast"),
        t + "segments[0].words[2]: expected an object, found a string");
    row("word text missing", mutated("segments.0.words.2.text", kRemove),
        t + "segments[0].words[2].text: missing");
    row("word text empty", mutated("segments.0.words.2.text", ""),
        t + "segments[0].words[2].text: must not be empty");
    row("word end_ms bool", mutated("segments.0.words.2.end_ms", false),
        t + "segments[0].words[2].end_ms: expected an integer, found a boolean");
    row("word ends before it starts", mutated("segments.0.words.2.end_ms", 799),
        t + "segments[0].words[2].end_ms: 799 is before start_ms 800");
    row("word starts before its segment", mutated("segments.2.words.0.start_ms", 4999),
        t + "segments[2].words[0].start_ms: 4999 is outside its segment (5000..6300 ms)");
    row("word ends after its segment", mutated("segments.2.words.3.end_ms", 6301),
        t + "segments[2].words[3].end_ms: 6301 is outside its segment (5000..6300 ms)");
    row("words out of order", mutated("segments.0.words.3.start_ms", 700),
        t + "segments[0].words[3].start_ms: 700 is before the start of the previous word (800)");
    row("confidence above 1", mutated("segments.0.words.1.confidence", 1.5),
        t + "segments[0].words[1].confidence: expected a number from 0 to 1, found 1.5");
    row("confidence negative", mutated("segments.0.words.1.confidence", -0.01),
        t + "segments[0].words[1].confidence: expected a number from 0 to 1, found -0.01");
    row("confidence string", mutated("segments.0.words.1.confidence", "high"),
        t + "segments[0].words[1].confidence: expected a number, found a string");

    QByteArray manySegments = "{\"format\":\"holdfast.transcript/1\",\"segments\":[";
    for (qsizetype i = 0; i <= kMaxTranscriptSegments; ++i)
        manySegments += i == 0 ? "0" : ",0";
    manySegments += "]}";
    row("too many segments", manySegments, t + "segments: 1000001 entries, more than the limit of 1000000");

    QByteArray manyWords =
        "{\"format\":\"holdfast.transcript/1\",\"segments\":[{\"speaker\":\"p1\",\"start_ms\":0,"
        "\"end_ms\":1,\"text\":\"x\",\"words\":[";
    for (qsizetype i = 0; i <= kMaxWordsPerSegment; ++i)
        manyWords += i == 0 ? "0" : ",0";
    manyWords += "]}]}";
    row("too many words", manyWords, t + "segments[0].words: 10001 entries, more than the limit of 10000");
}

void TestTranscript::rejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const Result<Transcript> parsed = parseTranscriptJson(json);
    QVERIFY2(!parsed.ok(), "parsed a transcript that should have been rejected");
    const QString message = parsed.errorMessage();
    QVERIFY2(message.startsWith(expected), qPrintable(QStringLiteral("got: ") + message));
    QVERIFY(message.size() < 1000);
}

void TestTranscript::againstManifest()
{
    const Manifest manifest = exampleManifest();
    Transcript t = parseTranscriptJson(exampleTranscriptJson()).value();
    QVERIFY(validateTranscriptAgainstManifest(t, manifest).ok());

    Transcript unknownSpeaker = t;
    unknownSpeaker.segments[1].speaker = QStringLiteral("p9");
    QCOMPARE(
        validateTranscriptAgainstManifest(unknownSpeaker, manifest).errorMessage(),
        QStringLiteral("transcript.json: segments[1].speaker: \"p9\" is not a participant of the recording"));

    Transcript mixedSpeaker = t;
    mixedSpeaker.segments[0].speaker = QStringLiteral("mixed");
    QVERIFY(!validateTranscriptAgainstManifest(mixedSpeaker, manifest).ok());

    Transcript tooLate = t;
    tooLate.segments[2].end_ms = 6600 + 5000 + 1;
    QCOMPARE(validateTranscriptAgainstManifest(tooLate, manifest).errorMessage(),
             QStringLiteral("transcript.json: segments[2].end_ms: 11601 is more than 5000 ms after the end "
                            "of the call at 6600 ms"));
    tooLate.segments[2].end_ms = 6600 + 5000;
    QVERIFY(validateTranscriptAgainstManifest(tooLate, manifest).ok());

    // validateTranscript on values built in code, e.g. NaN that JSON cannot carry.
    Transcript nan = t;
    nan.segments[0].words[0].confidence = std::numeric_limits<double>::quiet_NaN();
    QVERIFY(validateTranscript(nan).errorMessage().startsWith(
        QStringLiteral("transcript.json: segments[0].words[0].confidence: expected a number from 0 to 1")));
}

// Truncations and random byte changes: every input gives a value or an error.
void TestTranscript::mutationsNeverCrash()
{
    const QByteArray valid = exampleTranscriptJson();
    int cases = 0;
    int accepted = 0;
    const auto check = [&](const QByteArray& input) {
        ++cases;
        const Result<Transcript> parsed = parseTranscriptJson(input);
        if (!parsed.ok()) {
            QVERIFY(parsed.errorMessage().startsWith(QStringLiteral("transcript.json: ")));
            return;
        }
        ++accepted;
        const Result<Transcript> again = parseTranscriptJson(serializeTranscriptJson(*parsed));
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
    QRandomGenerator random(20240502);
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
    qInfo("%d mutated transcripts, %d accepted", cases, accepted);
}

QTEST_GUILESS_MAIN(TestTranscript)
#include "tst_transcript.moc"

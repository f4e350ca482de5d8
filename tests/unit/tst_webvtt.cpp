#include "model/Manifest.h"
#include "model/Transcript.h"

#include <QRandomGenerator>
#include <QTest>

using namespace holdfast;
using namespace holdfast::model;

namespace {

const QHash<QString, QString> kSpeakers{
    {QStringLiteral("Alex Morgan"), QStringLiteral("p1")},
    {QStringLiteral("Jordan Lee"), QStringLiteral("p2")},
};

// Exercises most of the syntax at once: header text and metadata, NOTE and
// STYLE blocks, identifiers, both timestamp forms, cue settings, classes on
// voices, other tags, character references and multi-line cues.
const QByteArray kGood =
    QByteArrayLiteral("WEBVTT - Sales desk line 4\n"
                      "Language: en-GB\n"
                      "\n"
                      "STYLE\n"
                      "::cue(v[voice=\"Alex Morgan\"]) { color: yellow }\n"
                      "\n"
                      "NOTE exported by the turret recorder\n"
                      "spanning two lines\n"
                      "\n"
                      "intro\n"
                      "00:00.000 --> 00:02.100 align:start position:10%\n"
                      "<v Alex Morgan>Good morning, <b>Holdfast</b> Markets,\n"
                      "Alex speaking.</v>\n"
                      "\n"
                      "00:00:02.400 --> 00:00:04.800\n"
                      "<v.customer Jordan Lee>Hi Alex, I&apos;d like R&amp;D &lt;now&gt;&nbsp;please\n"
                      "\n"
                      "NOTE a comment between cues\n"
                      "\n"
                      "3\n"
                      "00:00:05.000 --> 00:00:06.300\n"
                      "<v Alex Morgan><c.loud>Of course</c>, <00:00:05.600>one moment.\n"
                      "\n"
                      "00:00:06.300 --> 00:00:07.000\n"
                      "<v Jordan Lee>Thanks.</v> <v Alex Morgan>Sure.</v>\n"
                      "\n"
                      "01:00:00.000 --> 01:00:01.500\n"
                      "<v Alex Morgan>An hour later.\n");

QByteArray lineNumbered(const QList<QByteArray>& lines)
{
    QByteArray out;
    for (const QByteArray& line : lines)
        out += line + '\n';
    return out;
}

} // namespace

class TestWebVtt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesCues();
    void lineEndingsAndBom();
    void timestampForms_data();
    void timestampForms();
    void emptyAndBlankCues();
    void checksAgainstTheManifest();
    void rejects_data();
    void rejects();
    void mutationsNeverCrash();
};

void TestWebVtt::parsesCues()
{
    const Result<Transcript> parsed = parseWebVtt(kGood, kSpeakers);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    const Transcript& t = *parsed;
    QCOMPARE(t.language, QStringLiteral("en-GB"));
    QCOMPARE(t.segments.size(), 6);

    QCOMPARE(t.segments.at(0).speaker, QStringLiteral("p1"));
    QCOMPARE(t.segments.at(0).start_ms, qint64(0));
    QCOMPARE(t.segments.at(0).end_ms, qint64(2100));
    QCOMPARE(t.segments.at(0).text, QStringLiteral("Good morning, Holdfast Markets, Alex speaking."));
    QVERIFY(t.segments.at(0).words.isEmpty());

    QCOMPARE(t.segments.at(1).speaker, QStringLiteral("p2"));
    QCOMPARE(t.segments.at(1).start_ms, qint64(2400));
    QCOMPARE(t.segments.at(1).end_ms, qint64(4800));
    // &apos; is not one of the WebVTT references we decode, so it stays as written.
    QCOMPARE(t.segments.at(1).text, QStringLiteral("Hi Alex, I&apos;d like R&D <now>\u00a0please"));

    QCOMPARE(t.segments.at(2).text, QStringLiteral("Of course, one moment."));
    QCOMPARE(t.segments.at(2).start_ms, qint64(5000));

    // Two voices in one cue: one segment each, both with the cue's times.
    QCOMPARE(t.segments.at(3).speaker, QStringLiteral("p2"));
    QCOMPARE(t.segments.at(3).text, QStringLiteral("Thanks."));
    QCOMPARE(t.segments.at(4).speaker, QStringLiteral("p1"));
    QCOMPARE(t.segments.at(4).text, QStringLiteral("Sure."));
    QCOMPARE(t.segments.at(4).start_ms, qint64(6300));
    QCOMPARE(t.segments.at(4).end_ms, qint64(7000));

    QCOMPARE(t.segments.at(5).start_ms, qint64(3600000));
    QCOMPARE(t.segments.at(5).end_ms, qint64(3601500));

    // The result is a valid transcript that survives transcript.json.
    QVERIFY(validateTranscript(t).ok());
    const Result<Transcript> again = parseTranscriptJson(serializeTranscriptJson(t));
    QVERIFY2(again.ok(), qPrintable(again.errorMessage()));
    QVERIFY(*again == t);
}

void TestWebVtt::lineEndingsAndBom()
{
    const Transcript plain = parseWebVtt(kGood, kSpeakers).value();
    QByteArray crlf = kGood;
    crlf.replace("\n", "\r\n");
    const Result<Transcript> fromCrlf = parseWebVtt("\xef\xbb\xbf" + crlf, kSpeakers);
    QVERIFY2(fromCrlf.ok(), qPrintable(fromCrlf.errorMessage()));
    QVERIFY(*fromCrlf == plain);
    QByteArray cr = kGood;
    cr.replace("\n", "\r");
    const Result<Transcript> fromCr = parseWebVtt(cr, kSpeakers);
    QVERIFY2(fromCr.ok(), qPrintable(fromCr.errorMessage()));
    QVERIFY(*fromCr == plain);
}

void TestWebVtt::timestampForms_data()
{
    QTest::addColumn<QByteArray>("timing");
    QTest::addColumn<qint64>("start_ms");
    QTest::addColumn<qint64>("end_ms");

    QTest::newRow("minutes") << QByteArray("01:02.003 --> 59:59.999") << qint64(62003) << qint64(3599999);
    QTest::newRow("hours") << QByteArray("00:01:02.003 --> 02:00:00.000") << qint64(62003) << qint64(7200000);
    QTest::newRow("three hour digits")
        << QByteArray("100:00:00.000 --> 100:00:00.001") << qint64(360000000) << qint64(360000001);
    QTest::newRow("mixed forms") << QByteArray("00:01.000 --> 00:00:02.000") << qint64(1000) << qint64(2000);
    QTest::newRow("no spaces") << QByteArray("00:01.000-->00:02.000") << qint64(1000) << qint64(2000);
    QTest::newRow("tabs and settings")
        << QByteArray("00:01.000\t-->\t00:02.000\tline:0 size:50%") << qint64(1000) << qint64(2000);
    QTest::newRow("empty cue") << QByteArray("00:01.000 --> 00:01.000") << qint64(1000) << qint64(1000);
}

void TestWebVtt::timestampForms()
{
    QFETCH(QByteArray, timing);
    QFETCH(qint64, start_ms);
    QFETCH(qint64, end_ms);
    const Result<Transcript> parsed =
        parseWebVtt("WEBVTT\n\n" + timing + "\n<v Jordan Lee>Hello\n", kSpeakers);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorMessage()));
    QCOMPARE(parsed->segments.size(), 1);
    QCOMPARE(parsed->segments.at(0).start_ms, start_ms);
    QCOMPARE(parsed->segments.at(0).end_ms, end_ms);
}

void TestWebVtt::emptyAndBlankCues()
{
    const Result<Transcript> onlyHeader = parseWebVtt("WEBVTT", kSpeakers);
    QVERIFY2(onlyHeader.ok(), qPrintable(onlyHeader.errorMessage()));
    QVERIFY(onlyHeader->segments.isEmpty());
    QVERIFY(onlyHeader->language.isEmpty());

    // A cue with no text gives no segment; whitespace-only lines separate blocks.
    const Result<Transcript> blank = parseWebVtt(
        "WEBVTT\n  \n00:01.000 --> 00:02.000\n\n00:02.000 --> 00:03.000\n<v Alex Morgan>  </v>\n \t\n"
        "00:03.000 --> 00:04.000\n<v Alex Morgan>Yes\n",
        kSpeakers);
    QVERIFY2(blank.ok(), qPrintable(blank.errorMessage()));
    QCOMPARE(blank->segments.size(), 1);
    QCOMPARE(blank->segments.at(0).text, QStringLiteral("Yes"));
}

void TestWebVtt::checksAgainstTheManifest()
{
    Manifest manifest;
    manifest.startedAt = QDateTime(QDate(2024, 5, 1), QTime(9, 30), Qt::UTC);
    manifest.endedAt = manifest.startedAt.addSecs(10);
    manifest.participants = {
        Participant{QStringLiteral("p1"), QStringLiteral("Alex Morgan"), QStringLiteral("agent"), {}, {}},
        Participant{QStringLiteral("p2"), QStringLiteral("Jordan Lee"), QStringLiteral("customer"), {}, {}}};
    const Transcript t = parseWebVtt(kGood, kSpeakers).value();
    // The last cue is an hour in: far past a ten-second call.
    QCOMPARE(validateTranscriptAgainstManifest(t, manifest).errorMessage(),
             QStringLiteral("transcript.json: segments[5].end_ms: 3601500 is more than 5000 ms after the end "
                            "of the call at 10000 ms"));
    Transcript shorter = t;
    shorter.segments.removeLast();
    QVERIFY(validateTranscriptAgainstManifest(shorter, manifest).ok());
}

void TestWebVtt::rejects_data()
{
    QTest::addColumn<QByteArray>("vtt");
    QTest::addColumn<QString>("expected");

    const auto row = [](const char* name, const QByteArray& vtt, const QString& expected) {
        QTest::newRow(name) << vtt << expected;
    };
    const QString v = QStringLiteral("transcript.vtt: ");
    const QByteArray cue = "00:01.000 --> 00:02.000";

    row("empty", QByteArray(), v + "line 1: expected the WEBVTT signature");
    row("no signature", lineNumbered({cue, "<v Alex Morgan>Hi"}),
        v + "line 1: expected the WEBVTT signature");
    row("signature glued", lineNumbered({"WEBVTTX", "", cue, "<v Alex Morgan>Hi"}),
        v + "line 1: expected the WEBVTT signature");
    row("lower-case signature", lineNumbered({"webvtt"}), v + "line 1: expected the WEBVTT signature");
    row("srt file", lineNumbered({"1", "00:00:01,000 --> 00:00:02,000", "Hi"}),
        v + "line 1: expected the WEBVTT signature");
    row("not utf-8", "WEBVTT\n\n" + cue + "\n<v Alex Morgan>caf\xe9\n", v + "not valid UTF-8");
    row("too big", "WEBVTT\n" + QByteArray(kMaxJsonBytes, '\n'),
        v + "document is 67108871 bytes, more than the limit of 67108864");
    row("identifier without timing", lineNumbered({"WEBVTT", "", "cue-1", "<v Alex Morgan>Hi"}),
        v + "line 4: expected a cue timing line like 00:00:01.000 --> 00:00:04.000");
    row("text without timing", lineNumbered({"WEBVTT", "", "<v Alex Morgan>Hi"}),
        v + "line 4: expected a cue timing line");
    row("comma decimal", lineNumbered({"WEBVTT", "", "00:00:01,000 --> 00:00:02.000", "<v Alex Morgan>Hi"}),
        v + "line 3: bad cue start time \"00:00:01,000\" (expected hh:mm:ss.ttt or mm:ss.ttt)");
    row("one hour digit", lineNumbered({"WEBVTT", "", "0:00:01.000 --> 0:00:02.000", "<v Alex Morgan>Hi"}),
        v + "line 3: bad cue start time \"0:00:01.000\"");
    row("60 seconds", lineNumbered({"WEBVTT", "", "00:01.000 --> 00:60.000", "<v Alex Morgan>Hi"}),
        v + "line 3: bad cue end time \"00:60.000\"");
    row("two millisecond digits", lineNumbered({"WEBVTT", "", "00:01.000 --> 00:02.00", "<v Alex Morgan>Hi"}),
        v + "line 3: bad cue end time \"00:02.00\"");
    row("missing end", lineNumbered({"WEBVTT", "", "00:01.000 -->", "<v Alex Morgan>Hi"}),
        v + "line 3: bad cue end time \"\"");
    row("beyond 7 days", lineNumbered({"WEBVTT", "", "168:00:00.000 --> 168:00:00.001", "<v Alex Morgan>Hi"}),
        v + "line 3: cue ends after the limit of 7 days");
    row("ends before it starts", lineNumbered({"WEBVTT", "", "00:02.000 --> 00:01.000", "<v Alex Morgan>Hi"}),
        v + "line 3: cue ends before it starts");
    row("out of order",
        lineNumbered(
            {"WEBVTT", "", "00:02.000 --> 00:03.000", "<v Alex Morgan>Hi", "", cue, "<v Jordan Lee>Hello"}),
        v + "line 6: cue starts before the previous cue");
    row("no voice", lineNumbered({"WEBVTT", "", "NOTE x", "", cue, "Hello there"}),
        v + "line 6: cue text without a voice span (<v Name>) naming the speaker");
    row("no voice on the second line", lineNumbered({"WEBVTT", "", cue, "</v>", "Hello there"}),
        v + "line 5: cue text without a voice span");
    row("text after the voice closes", lineNumbered({"WEBVTT", "", cue, "<v Alex Morgan>Hi</v> and more"}),
        v + "line 4: cue text without a voice span");
    row("unknown speaker",
        lineNumbered(
            {"WEBVTT", "", cue, "<v Alex Morgan>Hi", "", "00:03.000 --> 00:04.000", "<v Carol>Hello"}),
        v + "line 7: unknown speaker \"Carol\": no participant has that name");
    row("speaker names are exact", lineNumbered({"WEBVTT", "", cue, "<v alex morgan>Hi"}),
        v + "line 4: unknown speaker \"alex morgan\"");
    row("voice without a name", lineNumbered({"WEBVTT", "", cue, "<v >Hi"}),
        v + "line 4: voice span <v> without a speaker name");
    row("bare voice tag", lineNumbered({"WEBVTT", "", cue, "<v>Hi"}),
        v + "line 4: voice span <v> without a speaker name");
}

void TestWebVtt::rejects()
{
    QFETCH(QByteArray, vtt);
    QFETCH(QString, expected);
    const Result<Transcript> parsed = parseWebVtt(vtt, kSpeakers);
    QVERIFY2(!parsed.ok(), "parsed WebVTT that should have been rejected");
    QVERIFY2(parsed.errorMessage().startsWith(expected),
             qPrintable(QStringLiteral("got: ") + parsed.errorMessage()));
}

void TestWebVtt::mutationsNeverCrash()
{
    int cases = 0;
    int accepted = 0;
    const auto check = [&](const QByteArray& input) {
        ++cases;
        const Result<Transcript> parsed = parseWebVtt(input, kSpeakers);
        if (!parsed.ok()) {
            QVERIFY(parsed.errorMessage().startsWith(QStringLiteral("transcript.vtt: ")));
            return;
        }
        ++accepted;
        QVERIFY2(validateTranscript(*parsed).ok(), qPrintable(validateTranscript(*parsed).errorMessage()));
    };
    for (qsizetype length = 0; length <= kGood.size(); ++length) {
        check(kGood.left(length));
        if (QTest::currentTestFailed())
            return;
    }
    static const char kInteresting[] = "<>/v .:-\n\r&;0123456789\x00\xff";
    QRandomGenerator random(20240503);
    for (int i = 0; i < 2000; ++i) {
        QByteArray input = kGood;
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
    qInfo("%d mutated WebVTT files, %d accepted", cases, accepted);
}

QTEST_GUILESS_MAIN(TestWebVtt)
#include "tst_webvtt.moc"

#include "cache/Database.h"
#include "cache/DatabaseTransaction.h"
#include "cache/RecordingStore.h"
#include "cache/SearchIndex.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace holdfast;
using namespace holdfast::cache;

namespace {

const QString kR1 = QStringLiteral("11111111-1111-4111-8111-111111111111");
const QString kR2 = QStringLiteral("22222222-2222-4222-8222-222222222222");
const QString kR3 = QStringLiteral("33333333-3333-4333-8333-333333333333");

qint64 utcMs(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
}

model::TranscriptSegment segment(const char* speaker, qint64 start_ms, qint64 end_ms, const char* text)
{
    model::TranscriptSegment s;
    s.speaker = QLatin1String(speaker);
    s.start_ms = start_ms;
    s.end_ms = end_ms;
    s.text = QString::fromUtf8(text);
    return s;
}

model::Track track(const char* id, model::TrackKind kind, const char* path)
{
    return {QLatin1String(id),
            kind,
            QStringLiteral("mixed"),
            QLatin1String(path),
            QStringLiteral("audio/webm"),
            QStringLiteral("opus"),
            0,
            60000};
}

struct Call
{
    model::Manifest manifest;
    model::Transcript transcript;
};

QList<Call> calls()
{
    QList<Call> list;
    {
        Call c;
        model::Manifest& m = c.manifest;
        m.id = QUuid::fromString(kR1);
        m.captureNode = QStringLiteral("node");
        m.startedAt = QDateTime::fromMSecsSinceEpoch(utcMs(2024, 3, 1), Qt::UTC);
        m.endedAt = m.startedAt.addSecs(600);
        m.source = QStringLiteral("sip");
        m.direction = model::CallDirection::Inbound;
        m.participants = {{QStringLiteral("p1"), QStringLiteral("Alice Smith"), QStringLiteral("agent"),
                           QStringLiteral("+442079460958"), QStringLiteral("alice.smith@example.com")},
                          {QStringLiteral("p2"), QStringLiteral("Bob Jones"), QStringLiteral("customer"),
                           QString(), QString()}};
        m.files = {{QStringLiteral("media/mixed.webm"), QByteArray(64, 'a'), 100}};
        m.tracks = {track("t1", model::TrackKind::Audio, "media/mixed.webm")};
        c.transcript.segments = {
            segment("p1", 0, 5000, "Good morning, thank you for calling about your refund request."),
            segment("p2", 5000, 12000, "I was told the wire transfer would arrive on Monday."),
            segment("p1", 12000, 20000, "Let me check the margin call on that account."),
        };
        list << c;
    }
    {
        Call c;
        model::Manifest& m = c.manifest;
        m.id = QUuid::fromString(kR2);
        m.captureNode = QStringLiteral("node");
        m.startedAt = QDateTime::fromMSecsSinceEpoch(utcMs(2024, 4, 15), Qt::UTC);
        m.endedAt = m.startedAt.addSecs(180);
        m.source = QStringLiteral("teams");
        m.direction = model::CallDirection::Outbound;
        m.participants = {{QStringLiteral("p1"), QStringLiteral("Carol White"), QStringLiteral("trader"),
                           QString(), QStringLiteral("carol@example.com")},
                          {QStringLiteral("p2"), QStringLiteral("Dave Brown"), QStringLiteral("client"),
                           QString(), QString()}};
        m.files = {{QStringLiteral("a.webm"), QByteArray(64, 'b'), 10},
                   {QStringLiteral("v.webm"), QByteArray(64, 'c'), 20},
                   {QStringLiteral("s.webm"), QByteArray(64, 'd'), 30}};
        m.tracks = {track("t1", model::TrackKind::Audio, "a.webm"),
                    track("t2", model::TrackKind::Video, "v.webm"),
                    track("t3", model::TrackKind::Screen, "s.webm")};
        c.transcript.segments = {
            segment("p1", 1000, 4000, "Refund, refund, refund: the refund is final."),
            segment("p2", 4000, 9000, "We will settle the trade tomorrow morning."),
        };
        list << c;
    }
    {
        Call c;
        model::Manifest& m = c.manifest;
        m.id = QUuid::fromString(kR3);
        m.captureNode = QStringLiteral("node");
        m.startedAt = QDateTime::fromMSecsSinceEpoch(utcMs(2024, 5, 20), Qt::UTC);
        m.endedAt = m.startedAt.addSecs(1800);
        m.source = QStringLiteral("turret");
        m.direction = model::CallDirection::Internal;
        m.participants = {{QStringLiteral("p1"), QStringLiteral("Erin Black"), QStringLiteral("trader"),
                           QString(), QString()}};
        m.files = {{QStringLiteral("a.webm"), QByteArray(64, 'e'), 10}};
        m.tracks = {track("t1", model::TrackKind::Audio, "a.webm")};
        c.transcript.segments = {
            segment("p1", 0, 3000, "Nothing of interest here at all."),
            segment("p1", 3000, 7000, "The quarterly report is late; Zoë will send the refund figures."),
        };
        list << c;
    }
    return list;
}

} // namespace

class TestSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Result<std::unique_ptr<Database>> db = Database::open(m_dir.filePath(QStringLiteral("cache.db")),
                                                              QByteArray(32, '\x5a'), OpenMode::Create);
        QVERIFY2(db, qPrintable(db.errorMessage()));
        m_db = std::move(db).value();
        RecordingStore store(*m_db);
        Result<DatabaseTransaction> tx = DatabaseTransaction::begin(*m_db);
        QVERIFY(tx);
        for (const Call& c : calls()) {
            Status s = store.insertRecording(c.manifest, "{}", "sig", c.transcript,
                                             VerificationState::Verified, QString());
            QVERIFY2(s, qPrintable(s.errorMessage()));
        }
        QVERIFY(store.addTag(kR1, QStringLiteral("escalated")));
        QVERIFY(store.addTag(kR2, QStringLiteral("training")));
        Result<qint64> bookmark =
            store.addBookmark(kR1, 15000, QStringLiteral("possible mis-selling of the bond product"),
                              QStringLiteral("officer"));
        QVERIFY(bookmark);
        m_bookmark = *bookmark;
        QVERIFY(store.setHoldState(kR3, QStringLiteral("held")));
        QVERIFY(tx->commit());
    }

    void matchExpressionIsSanitised_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expression");
        QTest::newRow("words") << "wire transfer"
                               << "\"wire\" \"transfer\"";
        QTest::newRow("phrase") << "\"wire transfer\""
                                << "\"wire transfer\"";
        QTest::newRow("prefix") << "refu*"
                                << "\"refu*\"";
        QTest::newRow("phrase prefix") << "\"wire tra*\""
                                       << "\"wire tra*\"";
        QTest::newRow("AND") << "wire AND transfer"
                             << "\"wire\" \"transfer\"";
        QTest::newRow("operators as text") << "a OR -b NEAR/2 c:d"
                                           << "\"a\" \"OR\" \"-b\" \"NEAR/2\" \"c:d\"";
        QTest::newRow("stray quote") << "wire \"trans"
                                     << "\"wire\" \"trans\"";
        QTest::newRow("short prefix") << "a*"
                                      << "\"a\"";
    }

    void matchExpressionIsSanitised()
    {
        QFETCH(QString, input);
        QFETCH(QString, expression);
        Result<QString> result = toFtsMatchExpression(input);
        QVERIFY2(result, qPrintable(result.errorMessage()));
        QCOMPARE(*result, expression);
    }

    void findsWordsPhrasesAndPrefixes()
    {
        QList<SearchHit> hits = search(QStringLiteral("wire"));
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0].kind, SearchHitKind::Transcript);
        QCOMPARE(hits[0].recordingId, kR1);
        QCOMPARE(hits[0].start_ms, 5000);
        QCOMPARE(hits[0].speaker, QStringLiteral("p2"));

        QCOMPARE(search(QStringLiteral("\"wire transfer\"")).size(), 1);
        QCOMPARE(search(QStringLiteral("\"transfer wire\"")).size(), 0);
        QCOMPARE(search(QStringLiteral("wire monday")).size(), 1);
        QCOMPARE(search(QStringLiteral("wire tomorrow")).size(), 0); // AND within a segment

        hits = search(QStringLiteral("refu*"));
        QCOMPARE(recordings(hits), QSet<QString>({kR1, kR2, kR3}));
        QCOMPARE(search(QStringLiteral("zoe")).size(), 1); // diacritics folded
        QCOMPARE(search(QStringLiteral("QUARTERLY")).size(), 1);
    }

    void findsParticipantsTagsAndNotes()
    {
        QList<SearchHit> hits = search(QStringLiteral("alice"));
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0].kind, SearchHitKind::Participant);
        QCOMPARE(hits[0].recordingId, kR1);
        QCOMPARE(hits[0].speaker, QStringLiteral("p1"));
        QCOMPARE(search(QStringLiteral("+442079460958")).value(0).kind, SearchHitKind::Participant);
        QCOMPARE(search(QStringLiteral("alice.smith@example.com")).value(0).recordingId, kR1);
        QCOMPARE(search(QStringLiteral("\"bob jones\"")).value(0).recordingId, kR1);

        hits = search(QStringLiteral("escalated"));
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0].kind, SearchHitKind::Tag);
        QCOMPARE(hits[0].recordingId, kR1);

        hits = search(QStringLiteral("mis-selling bond"));
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0].kind, SearchHitKind::Note);
        QCOMPARE(hits[0].start_ms, 15000);
        QCOMPARE(hits[0].rowId, m_bookmark);
    }

    void indexFollowsChanges()
    {
        RecordingStore store(*m_db);
        {
            Result<DatabaseTransaction> tx = DatabaseTransaction::begin(*m_db);
            QVERIFY(tx);
            QVERIFY(store.updateBookmarkNote(m_bookmark, QStringLiteral("front running suspected")));
            QVERIFY(tx->commit());
        }
        QCOMPARE(search(QStringLiteral("bond")).size(), 0);
        QCOMPARE(search(QStringLiteral("front running")).size(), 1);
        {
            Result<DatabaseTransaction> tx = DatabaseTransaction::begin(*m_db);
            QVERIFY(tx);
            QVERIFY(store.removeTag(kR2, QStringLiteral("training")));
            QVERIFY(tx->commit());
        }
        QCOMPARE(search(QStringLiteral("training")).size(), 0);
    }

    void filters()
    {
        SearchRequest request;
        request.text = QStringLiteral("refund");
        QCOMPARE(recordings(run(request)), QSet<QString>({kR1, kR2, kR3}));

        request.filter.direction = model::CallDirection::Outbound;
        QCOMPARE(recordings(run(request)), QSet<QString>({kR2}));
        request.filter = {};

        request.filter.startedFrom_ms = utcMs(2024, 3, 2);
        request.filter.startedBefore_ms = utcMs(2024, 5, 1);
        QCOMPARE(recordings(run(request)), QSet<QString>({kR2}));
        request.filter = {};

        request.filter.participant = QStringLiteral("alice"); // part of a display name
        QCOMPARE(recordings(run(request)), QSet<QString>({kR1}));
        request.filter.participant = QStringLiteral("carol@example.com");
        QCOMPARE(recordings(run(request)), QSet<QString>({kR2}));
        request.filter.participant = QStringLiteral("p2"); // participant id
        QCOMPARE(recordings(run(request)), QSet<QString>({kR1, kR2}));
        request.filter = {};

        request.filter.minDuration_ms = 5 * 60 * 1000;
        QCOMPARE(recordings(run(request)), QSet<QString>({kR1, kR3}));
        request.filter.maxDuration_ms = 15 * 60 * 1000;
        QCOMPARE(recordings(run(request)), QSet<QString>({kR1}));
        request.filter = {};

        request.filter.trackKinds = {model::TrackKind::Video, model::TrackKind::Screen};
        QCOMPARE(recordings(run(request)), QSet<QString>({kR2}));
        request.filter = {};

        request.filter.holdState = QStringLiteral("held");
        QCOMPARE(recordings(run(request)), QSet<QString>({kR3}));
        request.filter.holdState = QStringLiteral("none");
        QCOMPARE(recordings(run(request)), QSet<QString>({kR1, kR2}));

        // The same filters drive the recording list.
        Result<QList<RecordingSummary>> list = RecordingStore(*m_db).summaries(request.filter);
        QVERIFY(list);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).id, kR2); // newest first
    }

    // The recording list orders and counts in the cache, and filters by tag.
    void listOrderTagFilterAndCount()
    {
        RecordingStore store(*m_db);
        const auto ids = [](const Result<QList<RecordingSummary>>& list) {
            QStringList result;
            for (const RecordingSummary& s : *list)
                result << s.id;
            return result;
        };
        QCOMPARE(ids(store.summaries({}, -1, 0, RecordingOrder::NewestFirst)), QStringList({kR3, kR2, kR1}));
        QCOMPARE(ids(store.summaries({}, -1, 0, RecordingOrder::OldestFirst)), QStringList({kR1, kR2, kR3}));
        QCOMPARE(ids(store.summaries({}, -1, 0, RecordingOrder::LongestFirst)), QStringList({kR3, kR1, kR2}));
        QCOMPARE(ids(store.summaries({}, -1, 0, RecordingOrder::ShortestFirst)),
                 QStringList({kR2, kR1, kR3}));
        QCOMPARE(ids(store.summaries({}, 1, 1, RecordingOrder::OldestFirst)), QStringList({kR2}));
        // Keyset paging: the page after a row, in every order, matches OFFSET paging.
        for (const RecordingOrder order : {RecordingOrder::NewestFirst, RecordingOrder::OldestFirst,
                                           RecordingOrder::LongestFirst, RecordingOrder::ShortestFirst}) {
            const auto all = store.summaries({}, -1, 0, order);
            QVERIFY(all && all->size() == 3);
            QStringList paged;
            const RecordingSummary* after = nullptr;
            QList<RecordingSummary> page;
            for (int i = 0; i < 4; ++i) {
                auto next = store.summaries({}, 1, 0, order, after);
                QVERIFY(next);
                if (next->isEmpty())
                    break;
                page = *next;
                paged << page.constFirst().id;
                after = &page.constFirst();
            }
            QCOMPARE(paged, ids(all));
        }

        SearchFilter filter;
        filter.tag = QStringLiteral("escalated");
        QVERIFY(!filter.isEmpty());
        QCOMPARE(ids(store.summaries(filter)), QStringList({kR1}));
        QCOMPARE(*store.count(filter), 1);
        filter.tag = QStringLiteral("escalate"); // exact, not a prefix
        QCOMPARE(*store.count(filter), 0);
        QCOMPARE(*store.count(SearchFilter{}), 3);

        SearchRequest request;
        request.text = QStringLiteral("refund");
        request.filter.tag = QStringLiteral("escalated");
        QCOMPARE(recordings(run(request)), QSet<QString>({kR1}));

        const auto all = store.summaries();
        QVERIFY(all);
        for (const RecordingSummary& s : *all)
            QVERIFY(s.quarantineReason.isEmpty());
    }

    void rankingSnippetAndPaging()
    {
        QList<SearchHit> hits = search(QStringLiteral("refund"));
        QCOMPARE(hits.size(), 3);
        QCOMPARE(hits[0].recordingId, kR2); // four occurrences in a short segment
        QCOMPARE(hits[0].start_ms, 1000);
        QVERIFY(hits[0].rank > hits[1].rank);
        QVERIFY(hits[1].rank >= hits[2].rank);
        const QString marked = QString(kHighlightStart) + QStringLiteral("refund") + QString(kHighlightEnd);
        QVERIFY2(hits[1].snippet.contains(marked, Qt::CaseInsensitive) ||
                     hits[1].snippet.contains(QString(kHighlightStart) + QStringLiteral("Refund")),
                 qPrintable(hits[1].snippet));
        QVERIFY(hits[0].snippet.contains(kHighlightStart));

        SearchRequest request;
        request.text = QStringLiteral("refund");
        request.limit = 1;
        request.offset = 1;
        const QList<SearchHit> page = run(request);
        QCOMPARE(page.size(), 1);
        QCOMPARE(page[0], hits[1]);
        request.offset = 5;
        QVERIFY(run(request).isEmpty());
    }

    void hostileQueries_data()
    {
        QTest::addColumn<QString>("query");
        for (const char* q : {"\"",
                              "AND OR",
                              "*",
                              "NEAR/",
                              "'; DROP TABLE recordings; --",
                              "\"\"\"",
                              "(((",
                              "-",
                              "refund\" OR \"x",
                              "NOT",
                              "a:b",
                              "^",
                              "\\",
                              "%",
                              "_",
                              "\x01\x02",
                              "€€€",
                              "AND",
                              "NEAR/3 refund",
                              "refund -wire",
                              "tra*ns*fer*"})
            QTest::newRow(q) << QString::fromUtf8(q);
        QTest::newRow("long") << QString(2000, u'a');
        QTest::newRow("many terms") << QStringLiteral("a b c d e f g h i j k l m n o p q r s");
    }

    void hostileQueries()
    {
        QFETCH(QString, query);
        SearchIndex index(*m_db);
        SearchRequest request;
        request.text = query;
        Result<QList<SearchHit>> hits = index.search(request);
        if (!hits) {
            QVERIFY2(hits.errorMessage().startsWith(QLatin1String("bad search query: ")),
                     qPrintable(hits.errorMessage()));
            QVERIFY(!hits.errorMessage().contains(QLatin1String("SQL"), Qt::CaseInsensitive));
            QVERIFY(!hits.errorMessage().contains(QLatin1String("malformed")));
        }
        Result<qint64> count = RecordingStore(*m_db).count();
        QVERIFY(count);
        QCOMPARE(*count, 3);
    }

    void deletedRecordingLeavesTheIndex()
    {
        RecordingStore store(*m_db);
        Result<DatabaseTransaction> tx = DatabaseTransaction::begin(*m_db);
        QVERIFY(tx);
        QVERIFY(store.deleteRecording(kR1));
        QVERIFY(tx->commit());
        QCOMPARE(search(QStringLiteral("wire")).size(), 0);
        QCOMPARE(search(QStringLiteral("alice")).size(), 0);
        QCOMPARE(search(QStringLiteral("escalated")).size(), 0);
        QCOMPARE(search(QStringLiteral("front")).size(), 0);
        QCOMPARE(recordings(search(QStringLiteral("refund"))), QSet<QString>({kR2, kR3}));
        QVERIFY(m_db->checkIntegrity());
    }

private:
    QList<SearchHit> run(const SearchRequest& request)
    {
        Result<QList<SearchHit>> hits = SearchIndex(*m_db).search(request);
        if (!hits)
            qWarning("search failed: %s", qPrintable(hits.errorMessage()));
        return hits ? *hits : QList<SearchHit>();
    }
    QList<SearchHit> search(const QString& text)
    {
        SearchRequest request;
        request.text = text;
        return run(request);
    }
    static QSet<QString> recordings(const QList<SearchHit>& hits)
    {
        QSet<QString> ids;
        for (const SearchHit& hit : hits)
            ids.insert(hit.recordingId);
        return ids;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_bookmark = 0;
};

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"

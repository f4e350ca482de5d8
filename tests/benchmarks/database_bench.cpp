// Cache database benchmark: the same synthetic corpus (default 20,000 calls x
// 50 transcript segments) bulk-inserted into an encrypted SQLCipher database
// and into a keyless one (same library, schema, page size and cache size),
// then the same full-text queries (MATCH + snippets of the top 50) run on
// both. Prints two BENCH lines; see tests/benchmarks/bench_database.sh.

#include "cache/Database.h"
#include "cache/DatabaseTransaction.h"
#include "cache/RecordingStore.h"
#include "cache/SearchIndex.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QUuid>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace holdfast;
using namespace holdfast::cache;

namespace {

const char* const kFunctionWords[] = {
    "the",   "to",     "and",    "a",    "of",    "i",       "you",     "that",  "is",    "it",    "in",
    "for",   "we",     "on",     "this", "be",    "have",    "with",    "so",    "yes",   "not",   "can",
    "just",  "okay",   "will",   "at",   "do",    "are",     "but",     "if",    "what",  "they",  "my",
    "your",  "was",    "me",     "know", "think", "right",   "all",     "get",   "there", "about", "one",
    "go",    "from",   "no",     "like", "would", "our",     "he",      "she",   "an",    "or",    "as",
    "well",  "then",   "that's", "it's", "don't", "i'm",     "going",   "need",  "see",   "let",   "now",
    "by",    "us",     "were",   "out",  "up",    "how",     "when",    "some",  "could", "yeah",  "look",
    "thank", "thanks", "please", "sure", "good",  "because", "which",   "also",  "any",   "more",  "who",
    "time",  "said",   "want",   "back", "only",  "sorry",   "morning", "today", "call",  "very"};

const char* const kDomainWords[] = {
    "account",      "refund",     "transfer",   "margin",      "trade",         "price",      "bond",
    "equity",       "hedge",      "order",      "client",      "premium",       "balance",    "settle",
    "settlement",   "confirm",    "payment",    "invoice",     "complaint",     "escalate",   "manager",
    "policy",       "compliance", "portfolio",  "position",    "risk",          "exposure",   "limit",
    "volatility",   "spread",     "yield",      "coupon",      "maturity",      "futures",    "options",
    "swap",         "currency",   "dollar",     "euro",        "sterling",      "interest",   "rate",
    "loan",         "mortgage",   "credit",     "debit",       "card",          "fraud",      "dispute",
    "chargeback",   "statement",  "deadline",   "contract",    "agreement",     "signature",  "approval",
    "request",      "quote",      "bid",        "offer",       "execute",       "fill",       "block",
    "allocation",   "commission", "fee",        "charges",     "dividend",      "shares",     "stock",
    "index",        "benchmark",  "liquidity",  "collateral",  "counterparty",  "custody",    "broker",
    "desk",         "client's",   "mandate",    "suitability", "disclosure",    "recording",  "consent",
    "verification", "identity",   "password",   "security",    "breach",        "incident",   "report",
    "quarterly",    "annual",     "audit",      "regulator",   "investigation", "insider",    "information",
    "market",       "close",      "open",       "volume",      "tomorrow",      "monday",     "tuesday",
    "wednesday",    "thursday",   "friday",     "wire",        "delivery",      "shipment",   "warehouse",
    "supplier",     "discount",   "pricing",    "budget",      "forecast",      "revenue",    "profit",
    "loss",         "write-off",  "provision",  "reserve",     "capital",       "funding",    "treasury",
    "cash",         "deposit",    "withdrawal", "overdraft",   "transaction",   "reference",  "number",
    "customer",     "service",    "support",    "ticket",      "callback",      "supervisor", "recorded",
    "mis-selling",  "bonus",      "target",     "performance"};

const char* const kSyllables[] = {"ka",  "lo",   "mi",   "ren",  "tas", "vo", "ber", "nel", "dri", "som",
                                  "pa",  "quin", "ter",  "zal",  "mor", "fi", "gan", "hul", "jex", "cor",
                                  "dis", "pre",  "ment", "tion", "al",  "ex", "ly",  "ver", "sta", "pol"};

const char* const kFirstNames[] = {
    "Olivia", "Liam",    "Emma", "Noah",  "Amelia", "Oliver", "Ava",   "Elijah", "Sophia", "James",
    "Isla",   "William", "Mia",  "Lucas", "Freya",  "Henry",  "Grace", "Arjun",  "Priya",  "Chen",
    "Wei",    "Fatima",  "Omar", "Zoë",   "Mateo",  "Sofia",  "Lars",  "Ingrid", "Yuki",   "Kenji"};
const char* const kLastNames[] = {"Smith",    "Jones",   "Taylor", "Brown",   "Williams", "Wilson",
                                  "Johnson",  "Davies",  "Patel",  "Wright",  "Khan",     "Walker",
                                  "Thompson", "Evans",   "Müller", "Schmidt", "Rossi",    "Garcia",
                                  "Nakamura", "Ivanova", "Okafor", "Novak",   "Larsen",   "Dubois",
                                  "Silva",    "Cohen",   "Murphy", "Kowalski"};
const char* const kTags[] = {"escalated", "training",  "review",   "complaint", "fraud",
                             "vip",       "follow-up", "disputed", "breach",    "cleared"};

struct Vocabulary
{
    QStringList words;
    std::vector<double> cumulative; // Zipf (s = 1) over word ranks

    explicit Vocabulary(QRandomGenerator& random, int size)
    {
        for (const char* w : kFunctionWords)
            words << QString::fromUtf8(w);
        for (const char* w : kDomainWords)
            words << QString::fromUtf8(w);
        QSet<QString> seen(words.begin(), words.end());
        while (words.size() < size) {
            QString w;
            const int syllables = 2 + int(random.bounded(3));
            for (int i = 0; i < syllables; ++i)
                w += QLatin1String(kSyllables[random.bounded(int(std::size(kSyllables)))]);
            if (!seen.contains(w)) {
                seen.insert(w);
                // Domain words spread over the mid ranks, not all at the top.
                words << w;
            }
        }
        // Move each domain word to a random mid rank (100..3000).
        const int domainStart = int(std::size(kFunctionWords));
        for (int i = 0; i < int(std::size(kDomainWords)); ++i) {
            const int target = 100 + int(random.bounded(2900));
            words.swapItemsAt(domainStart + i, target);
        }
        double sum = 0.0;
        cumulative.reserve(words.size());
        for (int r = 1; r <= words.size(); ++r) {
            sum += 1.0 / r;
            cumulative.push_back(sum);
        }
        for (double& c : cumulative)
            c /= sum;
    }

    const QString& sample(QRandomGenerator& random) const
    {
        const double u = random.generateDouble();
        const auto it = std::lower_bound(cumulative.begin(), cumulative.end(), u);
        return words[std::min<qsizetype>(it - cumulative.begin(), words.size() - 1)];
    }
};

struct Call
{
    model::Manifest manifest;
    model::Transcript transcript;
    QByteArray manifestBytes;
    QStringList tags;
};

std::vector<Call> generateCorpus(int calls, int segments, const Vocabulary& vocabulary,
                                 QRandomGenerator& random)
{
    std::vector<Call> corpus;
    corpus.reserve(calls);
    const qint64 base_ms = QDateTime(QDate(2023, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    for (int n = 0; n < calls; ++n) {
        Call c;
        model::Manifest& m = c.manifest;
        m.id =
            QUuid::fromRfc4122(QByteArray::number(random.generate64(), 16).rightJustified(16, '0').left(16));
        m.captureNode = QStringLiteral("node-%1").arg(random.bounded(8));
        m.startedAt =
            QDateTime::fromMSecsSinceEpoch(base_ms + qint64(random.bounded(365 * 24 * 3600)) * 1000, Qt::UTC);
        const qint64 duration_ms = segments * 6000 + qint64(random.bounded(600000));
        m.endedAt = m.startedAt.addMSecs(duration_ms);
        m.source = random.bounded(2) ? QStringLiteral("teams") : QStringLiteral("sip");
        m.direction = model::CallDirection(1 + random.bounded(3));
        m.title = QStringLiteral("Call %1").arg(n);
        const int people = 2 + int(random.bounded(3));
        for (int p = 0; p < people; ++p) {
            const QString first = QString::fromUtf8(kFirstNames[random.bounded(int(std::size(kFirstNames)))]);
            const QString last = QString::fromUtf8(kLastNames[random.bounded(int(std::size(kLastNames)))]);
            m.participants.append(
                {QStringLiteral("p%1").arg(p + 1), first + u' ' + last,
                 p == 0 ? QStringLiteral("agent") : QStringLiteral("customer"),
                 QStringLiteral("+44207946%1").arg(random.bounded(100000), 5, 10, QLatin1Char('0')),
                 (first + u'.' + last + QStringLiteral("@example.com")).toLower()});
        }
        m.files.append({QStringLiteral("media/mixed.webm"), QByteArray(64, 'a'), 1000000});
        m.tracks.append({QStringLiteral("t1"), model::TrackKind::Audio, QStringLiteral("mixed"),
                         QStringLiteral("media/mixed.webm"), QStringLiteral("audio/webm"),
                         QStringLiteral("opus"), 0, duration_ms});
        if (random.bounded(4) == 0) {
            m.files.append({QStringLiteral("media/screen.webm"), QByteArray(64, 'b'), 5000000});
            m.tracks.append({QStringLiteral("t2"), model::TrackKind::Screen, QStringLiteral("p1"),
                             QStringLiteral("media/screen.webm"), QStringLiteral("video/webm"),
                             QStringLiteral("vp8"), 0, duration_ms});
        }
        c.manifestBytes = QByteArray(1500, 'm'); // size of a typical signed manifest
        qint64 t_ms = 0;
        for (int s = 0; s < segments; ++s) {
            model::TranscriptSegment segment;
            segment.speaker = m.participants[s % people].id;
            segment.start_ms = t_ms;
            const int words = 8 + int(random.bounded(23));
            QStringList text;
            for (int w = 0; w < words; ++w)
                text << vocabulary.sample(random);
            segment.text = text.join(u' ');
            segment.end_ms = t_ms + words * 350;
            t_ms = segment.end_ms + 200;
            c.transcript.segments.append(segment);
        }
        if (random.bounded(5) == 0)
            c.tags << QString::fromUtf8(kTags[random.bounded(int(std::size(kTags)))]);
        corpus.push_back(std::move(c));
    }
    return corpus;
}

[[noreturn]] void fail(const QString& message)
{
    std::fprintf(stderr, "bench_database: %s\n", qPrintable(message));
    std::exit(2);
}

std::unique_ptr<Database> openDatabase(const QString& path, bool encrypted, qint64 cacheBytes)
{
    DatabaseOptions options;
    options.cacheSizeBytes = cacheBytes;
    Result<std::unique_ptr<Database>> db =
        encrypted ? Database::open(path, QByteArray(32, '\x3c'), OpenMode::Create, options)
                  : Database::openUnencrypted(path, OpenMode::Create, options);
    if (!db)
        fail(db.errorMessage());
    return std::move(db).value();
}

// Inserts calls [begin, end) in one transaction; returns the elapsed ns.
qint64 insertBatch(Database& db, const std::vector<Call>& corpus, size_t begin, size_t end)
{
    QElapsedTimer timer;
    timer.start();
    Result<DatabaseTransaction> tx = DatabaseTransaction::begin(db);
    if (!tx)
        fail(tx.errorMessage());
    RecordingStore store(db);
    for (size_t i = begin; i < end; ++i) {
        const Call& c = corpus[i];
        Status s = store.insertRecording(c.manifest, c.manifestBytes, QByteArray(64, 's'), c.transcript,
                                         VerificationState::Verified, QString(), 0);
        if (s && !c.tags.isEmpty())
            s = store.addTag(RecordingStore::recordingId(c.manifest), c.tags.first());
        if (!s)
            fail(s.errorMessage());
    }
    if (Status s = tx->commit(); !s)
        fail(s.errorMessage());
    return timer.nsecsElapsed();
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const size_t index = size_t(std::ceil(p * double(values.size()))) - 1;
    return values[std::min(index, values.size() - 1)];
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Directory for the database files."),
                      QStringLiteral("dir"), QDir::tempPath()});
    parser.addOption({QStringLiteral("calls"), QStringLiteral("Calls in the corpus."), QStringLiteral("n"),
                      QStringLiteral("20000")});
    parser.addOption({QStringLiteral("segments"), QStringLiteral("Transcript segments per call."),
                      QStringLiteral("n"), QStringLiteral("50")});
    parser.addOption({QStringLiteral("queries"), QStringLiteral("Search queries."), QStringLiteral("n"),
                      QStringLiteral("200")});
    parser.addOption({QStringLiteral("cache-mib"), QStringLiteral("Page cache per database."),
                      QStringLiteral("MiB"), QStringLiteral("1024")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Generator seed."), QStringLiteral("n"),
                      QStringLiteral("20240501")});
    parser.process(app);
    const int calls = parser.value(QStringLiteral("calls")).toInt();
    const int segments = parser.value(QStringLiteral("segments")).toInt();
    const int queries = parser.value(QStringLiteral("queries")).toInt();
    const qint64 cacheBytes = parser.value(QStringLiteral("cache-mib")).toLongLong() * 1024 * 1024;
    QRandomGenerator random(parser.value(QStringLiteral("seed")).toUInt());
    const QDir dir(parser.value(QStringLiteral("dir")));
    if (calls <= 0 || segments <= 0 || queries <= 0 || !dir.exists())
        fail(QStringLiteral("bad arguments"));

    QElapsedTimer phase;
    phase.start();
    const Vocabulary vocabulary(random, 20000);
    const std::vector<Call> corpus = generateCorpus(calls, segments, vocabulary, random);
    std::printf("# corpus: %d calls x %d segments, vocabulary %lld words, generated in %.1f s\n", calls,
                segments, static_cast<long long>(vocabulary.words.size()), double(phase.elapsed()) / 1000.0);
    std::fflush(stdout);

    const QString encryptedPath = dir.filePath(QStringLiteral("bench-encrypted.db"));
    const QString keylessPath = dir.filePath(QStringLiteral("bench-keyless.db"));
    for (const QString& path : {encryptedPath, keylessPath})
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
    std::unique_ptr<Database> encrypted = openDatabase(encryptedPath, true, cacheBytes);
    std::unique_ptr<Database> keyless = openDatabase(keylessPath, false, cacheBytes);

    // Batches alternate between the two databases so that both see the same
    // machine load (the build machine is shared).
    constexpr size_t kBatchCalls = 500;
    qint64 encryptedNs = 0;
    qint64 keylessNs = 0;
    for (size_t begin = 0; begin < corpus.size(); begin += kBatchCalls) {
        const size_t end = std::min(corpus.size(), begin + kBatchCalls);
        const bool encryptedFirst = (begin / kBatchCalls) % 2 == 0;
        if (encryptedFirst)
            encryptedNs += insertBatch(*encrypted, corpus, begin, end);
        keylessNs += insertBatch(*keyless, corpus, begin, end);
        if (!encryptedFirst)
            encryptedNs += insertBatch(*encrypted, corpus, begin, end);
    }
    for (auto [db, ns] : {std::pair{encrypted.get(), &encryptedNs}, std::pair{keyless.get(), &keylessNs}}) {
        QElapsedTimer timer;
        timer.start();
        if (Status s = db->checkpoint(); !s)
            fail(s.errorMessage());
        *ns += timer.nsecsElapsed();
    }
    const double encryptedInsert_s = double(encryptedNs) / 1e9;
    const double keylessInsert_s = double(keylessNs) / 1e9;
    std::printf("# bulk insert: encrypted %.1f s (%.1f MB), keyless %.1f s (%.1f MB)\n", encryptedInsert_s,
                double(QFileInfo(encryptedPath).size()) / 1e6, keylessInsert_s,
                double(QFileInfo(keylessPath).size()) / 1e6);
    std::fflush(stdout);

    // Query terms: 1-3 words from the content vocabulary (ranks 100..5000),
    // not function words nobody searches for.
    QStringList texts;
    for (int q = 0; q < queries; ++q) {
        const int words = 1 + int(random.bounded(3));
        QStringList terms;
        for (int w = 0; w < words; ++w)
            terms << vocabulary.words[100 + int(random.bounded(4900))];
        texts << terms.join(u' ');
    }
    SearchIndex encryptedIndex(*encrypted);
    SearchIndex keylessIndex(*keyless);
    auto runQuery = [](SearchIndex& index, const QString& text, qsizetype* hitCount) {
        SearchRequest request;
        request.text = text;
        request.limit = 50;
        QElapsedTimer timer;
        timer.start();
        Result<QList<SearchHit>> hits = index.search(request);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!hits)
            fail(hits.errorMessage());
        if (hitCount)
            *hitCount += hits->size();
        return ms;
    };
    // Warm both caches the same way: one untimed pass over every query.
    for (const QString& text : texts) {
        runQuery(encryptedIndex, text, nullptr);
        runQuery(keylessIndex, text, nullptr);
    }
    std::vector<double> encryptedMs;
    std::vector<double> keylessMs;
    qsizetype hitsReturned = 0;
    for (int q = 0; q < texts.size(); ++q) {
        if (q % 2 == 0) {
            encryptedMs.push_back(runQuery(encryptedIndex, texts[q], &hitsReturned));
            keylessMs.push_back(runQuery(keylessIndex, texts[q], nullptr));
        } else {
            keylessMs.push_back(runQuery(keylessIndex, texts[q], nullptr));
            encryptedMs.push_back(runQuery(encryptedIndex, texts[q], &hitsReturned));
        }
    }
    const double p95 = percentile(encryptedMs, 0.95);
    const double p50 = percentile(encryptedMs, 0.50);
    const double keylessP95 = percentile(keylessMs, 0.95);
    std::printf(
        "# queries: %d (1-3 words, top 50 with snippets), %lld hits returned; keyless p95 %.2f ms, p50 "
        "%.2f ms\n",
        queries, static_cast<long long>(hitsReturned), keylessP95, percentile(keylessMs, 0.50));

    const double queryRatio = p95 / std::max(keylessP95, 1e-6);
    const double insertRatio = encryptedInsert_s / std::max(keylessInsert_s, 1e-9);
    std::printf("BENCH fts_query_p95: %.2f ms, p50 %.2f ms, %.2fx keyless (target <= 50 ms and <= 1.3x) %s\n",
                p95, p50, queryRatio, p95 <= 50.0 && queryRatio <= 1.3 ? "PASS" : "MISS");
    std::printf("BENCH bulk_insert: %.1f s, %.2fx keyless (target <= 1.2x) %s\n", encryptedInsert_s,
                insertRatio, insertRatio <= 1.2 ? "PASS" : "MISS");
    return 0;
}

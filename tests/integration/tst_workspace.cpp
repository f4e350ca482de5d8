// The Workspace facade on a real cache: import, quarantine, search, media,
// bookmarks and tags, the audit trail and the read-only roles.

#include "CacheTestHelpers.h"
#include "cache/CacheKeyFile.h"
#include "cache/Database.h"
#include "cache/MasterKey.h"
#include "crypto/Ed25519PrivateKey.h"
#include "vault/FolderVault.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace holdfast;
using namespace holdfast::test;
using Outcome = ImportedPackage::Outcome;

namespace {

std::unique_ptr<Workspace> openOrFail(const QString& dir, const WorkspaceIdentity& who = identity())
{
    auto opened = Workspace::open(dir, QString::fromLatin1(kTestPassphrase), who);
    if (!opened)
        qWarning("open %s: %s", qPrintable(dir), qPrintable(opened.errorMessage()));
    return opened ? std::move(opened).value() : nullptr;
}

qint64 auditCount(Workspace& workspace)
{
    auto events = workspace.auditEvents({}, 1000000);
    return events ? events->size() : -1;
}

QSet<QString> blobFiles(const QString& cacheDir)
{
    const QStringList names = QDir(Workspace::blobsPath(cacheDir)).entryList(QDir::Files | QDir::Hidden);
    return QSet<QString>(names.cbegin(), names.cend());
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void createAndOpenRoundTrip();
    void importDemoVault();
    void secondImportIsUnchanged();
    void tamperedMediaIsQuarantined();
    void unknownSignerIsQuarantined();
    void tamperedCopyNeverReplacesVerified();
    void searchFindsSpokenPhrase();
    void trackMediaEqualsOriginal();
    void bookmarksAndTagsPersist();
    void everyActionIsAudited();
    void readOnlyRefusesEveryMutation_data();
    void readOnlyRefusesEveryMutation();
    void auditorOpensDatabaseLeftInWalMode();
    void vaultAccountKeepsItsAutomaticSync();

private:
    // A new cache holding the demo vault, in a fresh temporary directory.
    QString importedCopy();
    QString createCache(const QString& dir);

    QString m_vault;
    QStringList m_packages;
    QTemporaryDir m_work;
    QString m_reference; // demo vault imported once, closed; copied by tests that change it
    int m_copies = 0;
};

void TestWorkspace::initTestCase()
{
    useFastKdf();
    m_vault = demoVaultPath();
    if (m_vault.isEmpty() || !QFileInfo(m_vault + QStringLiteral("/recordings")).isDir())
        QSKIP("no demo vault: run through CTest (fixture demo_vault) or set HOLDFAST_TEST_DEMO_VAULT");
    m_packages = packageDirectories(m_vault);
    QCOMPARE(m_packages.size(), 3);
    QVERIFY(m_work.isValid());

    m_reference = m_work.filePath(QStringLiteral("reference"));
    auto created = Workspace::create(m_reference, QString::fromLatin1(kTestPassphrase), identity());
    QVERIFY2(created, qPrintable(created.errorMessage()));
    auto report = (*created)->importFolderVault(m_vault);
    QVERIFY2(report, qPrintable(report.errorMessage()));
    QCOMPARE(report->count(Outcome::New), 3);
}

QString TestWorkspace::createCache(const QString& dir)
{
    auto created = Workspace::create(dir, QString::fromLatin1(kTestPassphrase), identity());
    if (!created)
        qWarning("create %s: %s", qPrintable(dir), qPrintable(created.errorMessage()));
    return dir;
}

QString TestWorkspace::importedCopy()
{
    const QString dir = m_work.filePath(QStringLiteral("copy-%1").arg(++m_copies));
    if (!copyTree(m_reference, dir))
        qWarning("cannot copy %s", qPrintable(m_reference));
    return dir;
}

void TestWorkspace::createAndOpenRoundTrip()
{
    const QString dir = m_work.filePath(QStringLiteral("roundtrip"));
    {
        auto created = Workspace::create(dir, QString::fromLatin1(kTestPassphrase), identity());
        QVERIFY2(created, qPrintable(created.errorMessage()));
        QVERIFY(QFileInfo::exists(Workspace::keyFilePath(dir)));
        QVERIFY(QFileInfo::exists(Workspace::databasePath(dir)));
        QVERIFY(QFileInfo(Workspace::blobsPath(dir)).isDir());
    }
    // A clean close leaves no WAL behind (see ~Workspace): only key, database, blobs.
    QCOMPARE(
        QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
        (QStringList{QStringLiteral("blobs"), QStringLiteral("cache.db"), QStringLiteral("holdfast.key")}));

    auto again = Workspace::create(dir, QString::fromLatin1(kTestPassphrase), identity());
    QVERIFY(!again);
    QVERIFY2(again.errorMessage().contains(QLatin1String("not empty")), qPrintable(again.errorMessage()));

    auto wrong = Workspace::open(dir, QStringLiteral("not the passphrase"), identity());
    QVERIFY(!wrong);
    QCOMPARE(wrong.errorMessage(), QStringLiteral("wrong passphrase"));

    auto opened = openOrFail(dir);
    QVERIFY(opened);
    auto list = opened->listRecordings();
    QVERIFY2(list, qPrintable(list.errorMessage()));
    QVERIFY(list->isEmpty());
    QCOMPARE(opened->identity().actor, QStringLiteral("tester"));

    auto missing =
        Workspace::open(m_work.filePath(QStringLiteral("nowhere")), QStringLiteral("x"), identity());
    QVERIFY(!missing);
    QVERIFY(missing.errorMessage().contains(QLatin1String("no cache")));
}

void TestWorkspace::importDemoVault()
{
    auto workspace = openOrFail(importedCopy());
    QVERIFY(workspace);
    auto list = workspace->listRecordings();
    QVERIFY2(list, qPrintable(list.errorMessage()));
    QCOMPARE(list->size(), 3);
    for (const cache::RecordingSummary& r : *list) {
        QCOMPARE(r.verificationState, cache::VerificationState::Verified);
        QVERIFY(!r.participants.isEmpty());
        QVERIFY(r.trackKinds.contains(model::TrackKind::Audio));
        QCOMPARE(r.holdState, QStringLiteral("none"));
        auto detail = workspace->recording(r.id);
        QVERIFY2(detail, qPrintable(detail.errorMessage()));
        // Every file of the package is in the blob store.
        QCOMPARE(detail->blobIdsByPath.size(), detail->manifest.files.size());
        QVERIFY(detail->quarantineReason.isEmpty());
    }
}

void TestWorkspace::secondImportIsUnchanged()
{
    const QString dir = importedCopy();
    const QSet<QString> blobsBefore = blobFiles(dir);
    qsizetype files = 0; // every file listed by each manifest: media and transcript.json
    for (const QString& package : std::as_const(m_packages))
        files += mediaFiles(package).size() + 1;
    QCOMPARE(blobsBefore.size(), files);
    auto workspace = openOrFail(dir);
    QVERIFY(workspace);
    auto report = workspace->importFolderVault(m_vault);
    QVERIFY2(report, qPrintable(report.errorMessage()));
    QCOMPARE(report->packages.size(), 3);
    QCOMPARE(report->count(Outcome::Unchanged), 3);
    QCOMPARE(blobFiles(dir), blobsBefore);
}

void TestWorkspace::tamperedMediaIsQuarantined()
{
    const QString vault = m_work.filePath(QStringLiteral("tampered-media-vault"));
    QVERIFY(copyTree(m_vault, vault));
    const QStringList packages = packageDirectories(vault);
    const QString victim = packages.at(1);
    const QString mediaPath = mediaFiles(victim).constFirst();
    flipByte(victim + QLatin1Char('/') + mediaPath,
             QFileInfo(victim + QLatin1Char('/') + mediaPath).size() / 2);
    const QList<SegmentText> segments = transcriptSegments(victim);
    const QString victimId = segments.constFirst().recordingId;

    auto opened = openOrFail(createCache(m_work.filePath(QStringLiteral("tampered-media"))));
    QVERIFY(opened);
    auto report = opened->importFolderVault(vault);
    QVERIFY2(report, qPrintable(report.errorMessage()));
    QCOMPARE(report->count(Outcome::New), 2);
    QCOMPARE(report->count(Outcome::Quarantined), 1);
    for (const ImportedPackage& p : report->packages) {
        if (p.outcome != Outcome::Quarantined)
            continue;
        QCOMPARE(p.recordingId, victimId);
        QVERIFY2(p.reason.contains(victimId) && p.reason.contains(mediaPath), qPrintable(p.reason));
    }

    auto list = opened->listRecordings();
    QVERIFY(list);
    QCOMPARE(list->size(), 3);
    for (const cache::RecordingSummary& r : *list)
        QCOMPARE(r.verificationState, r.id == victimId ? cache::VerificationState::Quarantined
                                                       : cache::VerificationState::Verified);
    auto detail = opened->recording(victimId);
    QVERIFY(detail);
    QVERIFY2(detail->quarantineReason.contains(mediaPath), qPrintable(detail->quarantineReason));
    QVERIFY(detail->blobIdsByPath.isEmpty());

    // Its transcript is not searchable (it is untrusted), the others' are.
    QStringList phrases;
    for (const SegmentText& s : segments)
        phrases << threeWordPhrases(s.text);
    QVERIFY(!phrases.isEmpty());
    cache::SearchRequest request;
    request.text = QLatin1Char('"') + phrases.constFirst() + QLatin1Char('"');
    request.kinds = {cache::SearchHitKind::Transcript};
    auto hits = opened->search(request);
    QVERIFY2(hits, qPrintable(hits.errorMessage()));
    for (const cache::SearchHit& hit : *hits)
        QVERIFY(hit.recordingId != victimId);
    auto transcript = opened->transcript(victimId);
    QVERIFY(transcript);
    QVERIFY(transcript->segments.isEmpty());

    auto media = opened->openTrackMedia(victimId, detail->manifest.tracks.constFirst().id);
    QVERIFY(!media);
    QVERIFY2(media.errorMessage().contains(QLatin1String("quarantined")), qPrintable(media.errorMessage()));
}

void TestWorkspace::unknownSignerIsQuarantined()
{
    const QString vault = m_work.filePath(QStringLiteral("unknown-signer-vault"));
    QVERIFY(copyTree(m_vault, vault));
    const QString victim = packageDirectories(vault).constFirst();
    auto key = crypto::Ed25519PrivateKey::generate();
    QVERIFY(key);
    QVERIFY(writeFile(victim + QStringLiteral("/manifest.json.sig"),
                      key->sign(readFile(victim + QStringLiteral("/manifest.json")))));
    const QString victimId = transcriptSegments(victim).constFirst().recordingId;

    const QString dir = createCache(m_work.filePath(QStringLiteral("unknown-signer")));
    auto opened = openOrFail(dir);
    QVERIFY(opened);
    auto report = opened->importFolderVault(vault);
    QVERIFY2(report, qPrintable(report.errorMessage()));
    QCOMPARE(report->count(Outcome::Quarantined), 1);
    for (const ImportedPackage& p : report->packages)
        if (p.outcome == Outcome::Quarantined)
            QVERIFY2(p.reason.contains(victimId) && p.reason.contains(QLatin1String("manifest.json")),
                     qPrintable(p.reason));
    auto list = opened->listRecordings();
    QVERIFY(list);
    for (const cache::RecordingSummary& r : *list)
        if (r.id == victimId)
            QCOMPARE(r.verificationState, cache::VerificationState::Quarantined);
    cache::SearchFilter verifiedOnly;
    verifiedOnly.verificationState = QStringLiteral("verified");
    auto verified = opened->listRecordings(verifiedOnly);
    QVERIFY(verified);
    QCOMPARE(verified->size(), 2);
}

void TestWorkspace::tamperedCopyNeverReplacesVerified()
{
    const QString vault = m_work.filePath(QStringLiteral("tampered-later-vault"));
    QVERIFY(copyTree(m_vault, vault));
    const QString victim = packageDirectories(vault).constFirst();
    flipByte(victim + QLatin1Char('/') + mediaFiles(victim).constFirst(), 100);
    const QString victimId = transcriptSegments(victim).constFirst().recordingId;

    const QString dir = importedCopy();
    const QSet<QString> blobsBefore = blobFiles(dir);
    auto opened = openOrFail(dir);
    QVERIFY(opened);
    auto report = opened->importFolderVault(vault);
    QVERIFY2(report, qPrintable(report.errorMessage()));
    QCOMPARE(report->count(Outcome::Quarantined), 1);
    QCOMPARE(report->count(Outcome::Unchanged), 2);
    auto detail = opened->recording(victimId);
    QVERIFY(detail);
    QCOMPARE(detail->verificationState, cache::VerificationState::Verified);
    QCOMPARE(blobFiles(dir), blobsBefore);
}

void TestWorkspace::searchFindsSpokenPhrase()
{
    auto workspace = openOrFail(m_reference, identity(compliance::Role::Auditor));
    QVERIFY(workspace);
    int checked = 0;
    for (const QString& package : std::as_const(m_packages)) {
        const QList<SegmentText> segments = transcriptSegments(package);
        // A phrase from the middle of the call, unique across the vault.
        for (qsizetype i = segments.size() / 2; i < segments.size(); ++i) {
            const QStringList phrases = threeWordPhrases(segments[i].text);
            if (phrases.isEmpty())
                continue;
            cache::SearchRequest request;
            request.text = QLatin1Char('"') + phrases.constLast() + QLatin1Char('"');
            request.kinds = {cache::SearchHitKind::Transcript};
            auto hits = workspace->search(request);
            QVERIFY2(hits, qPrintable(hits.errorMessage()));
            const auto found = std::find_if(hits->cbegin(), hits->cend(), [&](const cache::SearchHit& h) {
                return h.recordingId == segments[i].recordingId && h.start_ms == segments[i].start_ms;
            });
            QVERIFY2(found != hits->cend(), qPrintable(request.text));
            QCOMPARE(found->speaker, segments[i].speaker);
            QVERIFY(found->snippet.contains(QChar(cache::kHighlightStart)));
            ++checked;
            break;
        }
    }
    QCOMPARE(checked, 3);
}

void TestWorkspace::trackMediaEqualsOriginal()
{
    auto workspace = openOrFail(m_reference, identity(compliance::Role::Auditor));
    QVERIFY(workspace);
    QRandomGenerator random(7);
    auto list = workspace->listRecordings();
    QVERIFY(list);
    int tracks = 0;
    for (const QString& package : std::as_const(m_packages)) {
        const QString id = transcriptSegments(package).constFirst().recordingId;
        auto detail = workspace->recording(id);
        QVERIFY2(detail, qPrintable(detail.errorMessage()));
        for (const model::Track& track : detail->manifest.tracks) {
            const QByteArray original = readFile(package + QLatin1Char('/') + track.path);
            auto device = workspace->openTrackMedia(id, track.id);
            QVERIFY2(device, qPrintable(device.errorMessage()));
            QIODevice& media = **device;
            QCOMPARE(media.size(), original.size());
            QVERIFY(media.readAll() == original);
            for (int i = 0; i < 50; ++i) {
                const qint64 at = random.bounded(original.size());
                const qint64 length = 1 + random.bounded(200000);
                QVERIFY(media.seek(at));
                QCOMPARE(media.read(length), original.mid(at, length));
            }
            ++tracks;
        }
    }
    QVERIFY(tracks >= 3);
}

void TestWorkspace::bookmarksAndTagsPersist()
{
    const QString dir = importedCopy();
    const QString id = transcriptSegments(m_packages.constFirst()).constFirst().recordingId;
    qint64 keptId = 0;
    {
        auto workspace = openOrFail(dir);
        QVERIFY(workspace);
        auto first = workspace->addBookmark(id, 12345, QStringLiteral("price discussed"));
        QVERIFY2(first, qPrintable(first.errorMessage()));
        keptId = *first;
        auto second = workspace->addBookmark(id, 500, QStringLiteral("to be removed"));
        QVERIFY(second);
        QVERIFY(workspace->removeBookmark(*second));
        QVERIFY(workspace->addTag(id, QStringLiteral("review")));
        QVERIFY(workspace->addTag(id, QStringLiteral("escalate")));
        QVERIFY(workspace->removeTag(id, QStringLiteral("escalate")));
        auto bad = workspace->addBookmark(QStringLiteral("no-such-recording"), 1, QString());
        QVERIFY(!bad);
    }
    auto workspace = openOrFail(dir);
    QVERIFY(workspace);
    auto detail = workspace->recording(id);
    QVERIFY(detail);
    QCOMPARE(detail->tags, QStringList{QStringLiteral("review")});
    QCOMPARE(detail->bookmarks.size(), 1);
    QCOMPARE(detail->bookmarks.constFirst().id, keptId);
    QCOMPARE(detail->bookmarks.constFirst().position_ms, 12345);
    QCOMPARE(detail->bookmarks.constFirst().note, QStringLiteral("price discussed"));
    QCOMPARE(detail->bookmarks.constFirst().author, QStringLiteral("tester"));
    auto list = workspace->listRecordings();
    QVERIFY(list);
    for (const cache::RecordingSummary& r : *list)
        QCOMPARE(r.tags, r.id == id ? QStringList{QStringLiteral("review")} : QStringList());
}

void TestWorkspace::everyActionIsAudited()
{
    const QString dir = m_work.filePath(QStringLiteral("audited"));
    auto created = Workspace::create(dir, QString::fromLatin1(kTestPassphrase), identity());
    QVERIFY(created);
    Workspace& w = **created;
    qint64 expected = 1; // cache.create
    QCOMPARE(auditCount(w), expected);

    auto report = w.importFolderVault(m_vault);
    QVERIFY(report);
    expected += 3; // one per package, in the package's own transaction
    QCOMPARE(auditCount(w), expected);
    const QString id = report->packages.constFirst().recordingId;

    QVERIFY(w.listRecordings());
    QCOMPARE(auditCount(w), ++expected);
    auto detail = w.recording(id);
    QVERIFY(detail);
    QCOMPARE(auditCount(w), ++expected);
    QVERIFY(w.transcript(id));
    QCOMPARE(auditCount(w), ++expected);
    cache::SearchRequest request;
    request.text = QStringLiteral("the");
    QVERIFY(w.search(request));
    QCOMPARE(auditCount(w), ++expected);
    QVERIFY(w.openTrackMedia(id, detail->manifest.tracks.constFirst().id));
    QCOMPARE(auditCount(w), ++expected);
    auto bookmark = w.addBookmark(id, 1000, QStringLiteral("note"));
    QVERIFY(bookmark);
    QCOMPARE(auditCount(w), ++expected);
    QVERIFY(w.removeBookmark(*bookmark));
    QCOMPARE(auditCount(w), ++expected);
    QVERIFY(w.addTag(id, QStringLiteral("t")));
    QCOMPARE(auditCount(w), ++expected);
    QVERIFY(w.removeTag(id, QStringLiteral("t")));
    QCOMPARE(auditCount(w), ++expected);
    const Status changed =
        w.changePassphrase(QString::fromLatin1(kTestPassphrase), QString::fromLatin1(kTestPassphrase));
    QVERIFY2(changed, qPrintable(changed.errorMessage()));
    QCOMPARE(auditCount(w), ++expected);
    // A failed change is not a change: nothing is appended.
    QVERIFY(!w.changePassphrase(QStringLiteral("wrong"), QStringLiteral("new one")));
    QCOMPARE(auditCount(w), expected);

    auto events = w.auditEvents({}, 1000);
    QVERIFY(events);
    QCOMPARE(events->constFirst().action, QStringLiteral("cache.passphrase")); // newest first
    QCOMPARE(events->constLast().action, QStringLiteral("cache.create"));
    QCOMPARE(events->constLast().actor, QStringLiteral("tester"));
    QCOMPARE(events->constLast().role, QStringLiteral("officer"));
    auto verification = w.verifyAuditLog();
    QVERIFY2(verification && verification->ok,
             qPrintable(verification ? verification->problem : verification.errorMessage()));
    QCOMPARE(verification->eventsChecked, expected);
}

// Every mutating Workspace call, by the action it performs. SyncVault has no
// Workspace call yet (the sync engine will add one): it is listed apart, and
// the test fails when a new mutating Action appears in neither list.
using MutationCall = std::function<QString(Workspace&, const QString& recordingId, const QString& vault)>;
static QList<std::pair<compliance::Action, MutationCall>> mutatingCalls()
{
    using compliance::Action;
    const QString passphrase = QString::fromLatin1(kTestPassphrase);
    return {
        {Action::CreateCache,
         [](Workspace& w, const QString&, const QString&) {
             QTemporaryDir dir;
             return Workspace::create(dir.filePath(QStringLiteral("new")),
                                      QString::fromLatin1(kTestPassphrase), w.identity())
                 .errorMessage();
         }},
        {Action::ImportRecordings,
         [](Workspace& w, const QString&, const QString& vault) {
             return w.importFolderVault(vault).errorMessage();
         }},
        {Action::AddBookmark,
         [](Workspace& w, const QString& id, const QString&) {
             return w.addBookmark(id, 1000, QStringLiteral("x")).errorMessage();
         }},
        {Action::RemoveBookmark,
         [](Workspace& w, const QString&, const QString&) {
             return w.removeBookmark(1).errorMessage();
         }},
        {Action::AddTag,
         [](Workspace& w, const QString& id, const QString&) {
             return w.addTag(id, QStringLiteral("x")).errorMessage();
         }},
        {Action::RemoveTag,
         [](Workspace& w, const QString& id, const QString&) {
             return w.removeTag(id, QStringLiteral("review")).errorMessage();
         }},
        {Action::ChangePassphrase,
         [passphrase](Workspace& w, const QString&, const QString&) {
             return w.changePassphrase(passphrase, QStringLiteral("another passphrase")).errorMessage();
         }},
        {Action::SyncVault,
         [](Workspace& w, const QString&, const QString& vault) {
             vault::FolderVault folder(vault);
             auto report = w.syncVault(folder, QStringLiteral("file://") + vault, sync::SyncOptions());
             return report ? QString() : report.errorMessage();
         }},
        {Action::SyncVault,
         [](Workspace& w, const QString& id, const QString& vault) {
             vault::FolderVault folder(vault);
             return w.fetchTrackMedia(folder, QStringLiteral("file://") + vault, id, QStringLiteral("t1"))
                 .errorMessage();
         }},
        {Action::ManageVaultAccounts,
         [](Workspace& w, const QString&, const QString& vault) {
             return w
                 .saveVaultAccount({QStringLiteral("team"),
                                    QStringLiteral("file://") + vault,
                                    {},
                                    {},
                                    sync::MediaPolicy::All,
                                    {}})
                 .errorMessage();
         }},
        {Action::ManageVaultAccounts,
         [](Workspace& w, const QString&, const QString&) {
             return w.removeVaultAccount(QStringLiteral("team")).errorMessage();
         }},
    };
}
static const QList<compliance::Action> kMutationsWithoutWorkspaceCall = {};

void TestWorkspace::readOnlyRefusesEveryMutation_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<bool>("readOnly");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("auditor") << int(compliance::Role::Auditor) << false
                             << QStringLiteral("read-only (auditor)");
    QTest::newRow("read-only officer")
        << int(compliance::Role::Officer) << true << QStringLiteral("read-only");
}

void TestWorkspace::readOnlyRefusesEveryMutation()
{
    QFETCH(int, role);
    QFETCH(bool, readOnly);
    QFETCH(QString, expectedError);

    // The enumeration covers every mutating action and nothing else.
    QSet<compliance::Action> listed;
    for (const auto& [action, call] : mutatingCalls())
        listed.insert(action);
    for (const compliance::Action action : kMutationsWithoutWorkspaceCall)
        listed.insert(action);
    QSet<compliance::Action> mutating;
    for (const compliance::Action action : compliance::allActions())
        if (compliance::isMutation(action))
            mutating.insert(action);
    QCOMPARE(listed, mutating);

    // A cache with a tag and a bookmark, so that removals have something to refuse.
    const QString dir = importedCopy();
    const QString id = transcriptSegments(m_packages.constFirst()).constFirst().recordingId;
    {
        auto writer = openOrFail(dir);
        QVERIFY(writer);
        QVERIFY(writer->addTag(id, QStringLiteral("review")));
        QVERIFY(writer->addBookmark(id, 100, QStringLiteral("b")));
    }
    const QMap<QString, QByteArray> before = hashTree(dir);
    QVERIFY(before.contains(QStringLiteral("cache.db")));
    QVERIFY(!before.contains(QStringLiteral("cache.db-wal")) &&
            !before.contains(QStringLiteral("cache.db-shm")));
    {
        auto workspace =
            openOrFail(dir, identity(compliance::Role(role), readOnly, QStringLiteral("reader")));
        QVERIFY(workspace);
        QVERIFY(workspace->isReadOnly());
        for (const auto& [action, call] : mutatingCalls()) {
            const QString error = call(*workspace, id, m_vault);
            QVERIFY2(error.contains(expectedError),
                     qPrintable(compliance::actionName(action) + QLatin1String(": ") + error));
        }
        for (const compliance::Action action : kMutationsWithoutWorkspaceCall)
            QVERIFY(workspace->policy().check(action).errorMessage().contains(expectedError));

        // Reads work.
        auto list = workspace->listRecordings();
        QVERIFY2(list, qPrintable(list.errorMessage()));
        QCOMPARE(list->size(), 3);
        auto detail = workspace->recording(id);
        QVERIFY(detail);
        QCOMPARE(detail->tags, QStringList{QStringLiteral("review")});
        QVERIFY(workspace->transcript(id));
        cache::SearchRequest request;
        request.text = QStringLiteral("the");
        auto hits = workspace->search(request);
        QVERIFY2(hits && !hits->isEmpty(), qPrintable(hits.errorMessage()));
        auto media = workspace->openTrackMedia(id, detail->manifest.tracks.constFirst().id);
        QVERIFY2(media, qPrintable(media.errorMessage()));
        QVERIFY(!(*media)->read(4096).isEmpty());
        auto events = workspace->auditEvents();
        QVERIFY(events && !events->isEmpty());
        auto verification = workspace->verifyAuditLog();
        QVERIFY(verification && verification->ok);
    }
    // Nothing written at all: database, key file, blobs, and no -wal/-shm appeared.
    QCOMPARE(hashTree(dir), before);
}

// A cache last closed by a writer that left the database in WAL mode (a build
// before ~Workspace switched it back, or a writer that crashed and was then
// recovered by a plain Database connection): SQLite 3.15 then needs -wal and
// -shm even to read. The auditor must still open it and write nothing.
void TestWorkspace::auditorOpensDatabaseLeftInWalMode()
{
    const QString dir = importedCopy();
    {
        auto masterKey =
            cache::CacheKeyFile::unlock(Workspace::keyFilePath(dir), QString::fromLatin1(kTestPassphrase));
        QVERIFY(masterKey);
        auto key = masterKey->deriveDatabaseKey();
        QVERIFY(key);
        // Database::open(ReadWrite) switches to WAL; closing the last connection
        // removes -wal and -shm but leaves the file in WAL mode.
        auto database = cache::Database::open(Workspace::databasePath(dir),
                                              QByteArray(key->view().data(), key->view().size()),
                                              cache::OpenMode::ReadWrite);
        QVERIFY2(database, qPrintable(database.errorMessage()));
    }
    const QMap<QString, QByteArray> before = hashTree(dir);
    QVERIFY(!before.contains(QStringLiteral("cache.db-wal")));
    {
        auto auditor = openOrFail(dir, identity(compliance::Role::Auditor));
        QVERIFY(auditor);
        auto list = auditor->listRecordings();
        QVERIFY2(list, qPrintable(list.errorMessage()));
        QCOMPARE(list->size(), 3);
    }
    const QMap<QString, QByteArray> after = hashTree(dir);
    QCOMPARE(after.keys(), before.keys());
    QCOMPARE(after, before);
}

// The automatic sync interval is kept with the account (migration 0005),
// checked and audited like the rest of it; its interval counts from the end
// of the last sync of the vault, which the audit log records.
void TestWorkspace::vaultAccountKeepsItsAutomaticSync()
{
    const QString dir = createCache(m_work.filePath(QStringLiteral("auto-sync")));
    const QString url = QStringLiteral("file://") + m_vault;
    {
        auto w = openOrFail(dir);
        QVERIFY(w);
        sync::VaultAccount account{QStringLiteral("team"), url, {}, {}, sync::MediaPolicy::None, {}, 60};
        QVERIFY(w->saveVaultAccount(account));
        account.autoSyncInterval_min = 7;
        const Status refused = w->saveVaultAccount(account);
        QVERIFY(!refused);
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("every 7 minutes is not offered")),
                 qPrintable(refused.errorMessage()));
        auto accounts = w->vaultAccounts();
        QVERIFY(accounts && accounts->size() == 1);
        QCOMPARE(accounts->constFirst().autoSyncInterval_min, 60);
        audit::AuditFilter filter;
        filter.action = compliance::actionName(compliance::Action::ManageVaultAccounts);
        auto events = w->auditEvents(filter, 10);
        QVERIFY(events && events->size() == 1);
        QVERIFY2(events->constFirst().details.contains(QStringLiteral("\"auto_sync_min\":60")),
                 qPrintable(events->constFirst().details));

        auto never = w->lastSyncEnded(url);
        QVERIFY2(never, qPrintable(never.errorMessage()));
        QVERIFY(!never->has_value());
        const qint64 before_ms = QDateTime::currentMSecsSinceEpoch();
        vault::FolderVault folder(m_vault);
        sync::SyncOptions options;
        options.media = sync::MediaPolicy::None;
        auto report = w->syncVault(folder, url, options);
        QVERIFY2(report, qPrintable(report.errorMessage()));
        auto ended = w->lastSyncEnded(url);
        QVERIFY2(ended && ended->has_value(), qPrintable(ended.errorMessage()));
        QVERIFY((*ended)->toMSecsSinceEpoch() >= before_ms);
        QVERIFY((*ended)->toMSecsSinceEpoch() <= QDateTime::currentMSecsSinceEpoch());
        QVERIFY(!w->lastSyncEnded(QStringLiteral("file:///elsewhere"))->has_value());
    }
    // An auditor reads both, and cannot change the interval.
    auto auditor = openOrFail(dir, identity(compliance::Role::Auditor));
    QVERIFY(auditor);
    auto accounts = auditor->vaultAccounts();
    QVERIFY(accounts && accounts->size() == 1);
    QCOMPARE(accounts->constFirst().autoSyncInterval_min, 60);
    QVERIFY(auditor->lastSyncEnded(url)->has_value());
    sync::VaultAccount off = accounts->constFirst();
    off.autoSyncInterval_min = 0;
    QVERIFY(auditor->saveVaultAccount(off).errorMessage().contains(QStringLiteral("read-only (auditor)")));
}

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"

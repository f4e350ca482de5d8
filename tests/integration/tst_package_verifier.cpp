// PackageBuilder and PackageVerifier against real media made with GStreamer.

#include "TestSupport.h"
#include "capture/CaptureNodeKeyStore.h"
#include "capture/PackageBuilder.h"
#include "capture/PackageVerifier.h"
#include "crypto/Ed25519.h"
#include "crypto/Sha256.h"
#include "vault/LocalFolderVault.h"

#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace holdfast;

namespace {

const QString kNode = QStringLiteral("node-1");

// Every entry below root (hidden ones included) with its type, size and hash.
QStringList snapshot(const QString& root)
{
    QStringList entries;
    if (!QFileInfo::exists(root))
        return {QStringLiteral("<absent>")};
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    const QDir dir(root);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        QString entry = dir.relativeFilePath(info.filePath());
        if (info.isSymLink())
            entry += QStringLiteral(" -> ") + info.symLinkTarget();
        else if (info.isDir())
            entry += QLatin1Char('/');
        else
            entry += QStringLiteral(" %1 %2")
                         .arg(info.size())
                         .arg(QString::fromLatin1(crypto::Sha256::hashFile(info.filePath()).value().toHex()));
        entries << entry;
    }
    entries.sort();
    return entries;
}

bool hasProblem(const capture::VerificationReport& report, const QString& file)
{
    for (const capture::VerificationProblem& problem : report.problems) {
        if (problem.file == file || problem.message.contains(file))
            return true;
    }
    return false;
}

void flipByte(const QString& path, qint64 position)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(position));
    char byte = 0;
    QVERIFY(file.getChar(&byte));
    QVERIFY(file.seek(position));
    QVERIFY(file.putChar(static_cast<char>(byte ^ 0x20)));
}

} // namespace

class TestPackageVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void cleanPackageVerifies();
    void vaultListsPackages();
    void flippingAnyByteOfAnyFileFailsNamingIt();
    void untrustedKeyFails();
    void replacedTrustedKeyFails();
    void deletedFileFails();
    void extraFileFails();
    void truncatedFileFails();
    void symlinkOutsidePackageFails();
    void directoryInsteadOfFileFails();
    void garbageManifestFails();
    void missingManifestAndSignatureFail();
    void renamedPackageDirectoryFails();
    void invalidTranscriptFails();

    void undecodableFileIsRefusedAndVaultUnchanged();
    void missingFileIsRefused();
    void failureAfterStagingLeavesVaultUnchanged();
    void differentPublishedKeyIsRefused();
    void existingRecordingIdIsRefused();
    void endedAtDefaultsToLatestTrackEnd();
    void packageUnderWrongDateFails();
    void keyStoreCreatesKeyOnceOutsideTheVault();

private:
    capture::CaptureRequest request(bool withTranscript = true) const;
    // Builds one package into m_vault; returns its directory.
    QString buildPackage(const crypto::Ed25519PrivateKey& key, const QString& node = kNode);
    capture::VerificationReport verify(const QString& packageDir) const;

    QTemporaryDir m_media;
    QString m_audio;
    QString m_video;
    QString m_text;
    std::unique_ptr<QTemporaryDir> m_work;
    QString m_vault;
    crypto::Ed25519PrivateKey m_key;
};

void TestPackageVerifier::initTestCase()
{
    QVERIFY(m_media.isValid());
    const QString gst = QStandardPaths::findExecutable(QStringLiteral("gst-launch-1.0"));
    if (gst.isEmpty())
        QSKIP("gst-launch-1.0 not found");
    m_audio = m_media.filePath(QStringLiteral("voice.webm"));
    m_video = m_media.filePath(QStringLiteral("camera.webm"));
    m_text = m_media.filePath(QStringLiteral("notes.webm")); // a media extension, text content
    const auto run = [&](const QString& pipeline) {
        QProcess process;
        process.start(gst, QProcess::splitCommand(QStringLiteral("-q ") + pipeline));
        return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit &&
               process.exitCode() == 0;
    };
    QVERIFY(
        run(QStringLiteral("audiotestsrc num-buffers=40 ! audioconvert ! audioresample ! opusenc ! webmmux ! "
                           "filesink location=") +
            m_audio));
    QVERIFY(
        run(QStringLiteral("videotestsrc num-buffers=15 ! video/x-raw,width=160,height=120,framerate=15/1 ! "
                           "vp8enc deadline=1 ! webmmux ! filesink location=") +
            m_video));
    QVERIFY(test::writeFile(m_text, "These are meeting notes, not media.\n"));
    auto key = crypto::Ed25519PrivateKey::fromSeed(QByteArray(32, '\x07'));
    QVERIFY(key.ok());
    m_key = std::move(key).value();
}

void TestPackageVerifier::init()
{
    m_work = std::make_unique<QTemporaryDir>();
    QVERIFY(m_work->isValid());
    m_vault = m_work->filePath(QStringLiteral("vault"));
}

capture::CaptureRequest TestPackageVerifier::request(bool withTranscript) const
{
    capture::CaptureRequest r;
    r.source = QStringLiteral("teams");
    r.direction = model::CallDirection::Internal;
    r.title = QStringLiteral("Quarterly review");
    r.startedAt = QDateTime(QDate(2024, 5, 1), QTime(9, 30), Qt::UTC);
    r.participants = {
        {QStringLiteral("p1"), QStringLiteral("Alice Smith"), QStringLiteral("organizer"),
         QStringLiteral("+441234567890"), QStringLiteral("alice@example.com")},
        {QStringLiteral("p2"), QStringLiteral("Bob Jones"), QStringLiteral("attendee"), {}, {}}};
    r.tracks = {{m_audio, model::TrackKind::Audio, QStringLiteral("p1"), 0},
                {m_audio, model::TrackKind::Audio, QStringLiteral("p2"), 250},
                {m_video, model::TrackKind::Video, QStringLiteral("p1"), 0}};
    if (withTranscript) {
        model::Transcript transcript;
        transcript.language = QStringLiteral("en-GB");
        transcript.segments = {
            {QStringLiteral("p1"),
             0,
             400,
             QStringLiteral("Good morning."),
             {{QStringLiteral("Good"), 0, 200, 0.9}, {QStringLiteral("morning."), 200, 400, 0.8}}},
            {QStringLiteral("p2"), 500, 900, QStringLiteral("Morning."), {}}};
        r.transcript = transcript;
    }
    return r;
}

QString TestPackageVerifier::buildPackage(const crypto::Ed25519PrivateKey& key, const QString& node)
{
    const capture::PackageBuilder builder(m_vault, node, key);
    auto manifest = builder.build(request());
    if (!manifest) {
        qWarning("build failed: %s", qPrintable(manifest.errorMessage()));
        return {};
    }
    return m_vault + QLatin1Char('/') + manifest->vaultDirectory();
}

capture::VerificationReport TestPackageVerifier::verify(const QString& packageDir) const
{
    return capture::PackageVerifier(m_vault + QStringLiteral("/keys")).verify(packageDir);
}

void TestPackageVerifier::cleanPackageVerifies()
{
    const QString dir = buildPackage(m_key);
    QVERIFY(!dir.isEmpty());
    const auto report = verify(dir);
    QVERIFY2(report.valid(), qPrintable(report.summary()));
    QVERIFY(report.summary().isEmpty());
    QCOMPARE(report.manifest->captureNode, kNode);
    QCOMPARE(report.manifest->tracks.size(), 3);
    QCOMPARE(report.manifest->tracks.at(0).id, QStringLiteral("t1"));
    QCOMPARE(report.manifest->tracks.at(2).path, QStringLiteral("media/t3.webm"));
    QCOMPARE(report.manifest->tracks.at(0).codec, QStringLiteral("opus"));
    QCOMPARE(report.manifest->tracks.at(2).codec, QStringLiteral("vp8"));
    QVERIFY(report.manifest->tracks.at(0).duration_ms > 500);
    // Media is copied bit-exact.
    QCOMPARE(test::readFile(dir + QStringLiteral("/media/t1.webm")), test::readFile(m_audio));
    QCOMPARE(test::readFile(dir + QStringLiteral("/media/t3.webm")), test::readFile(m_video));
    QCOMPARE(QFileInfo(dir + QStringLiteral("/manifest.json.sig")).size(), 64);
    QVERIFY(QFileInfo(m_vault + QStringLiteral("/keys/node-1.pem")).isFile());
    QCOMPARE(test::readFile(m_vault + QStringLiteral("/keys/node-1.pem")), m_key.publicKeyPem());
    // No staging left behind.
    QVERIFY(!QFileInfo::exists(m_vault + QStringLiteral("/.staging")));
    QVERIFY(dir.contains(QStringLiteral("/recordings/2024/05/01/")));
}

void TestPackageVerifier::vaultListsPackages()
{
    const QString first = buildPackage(m_key);
    const QString second = buildPackage(m_key);
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    QVERIFY(QDir().mkpath(m_vault + QStringLiteral("/recordings/2024/05/02/not-a-package")));
    QVERIFY(QDir().mkpath(m_vault + QStringLiteral("/.staging/leftover")));
    const vault::LocalFolderVault vault(m_vault);
    const auto dirs = vault.packageDirectories();
    QVERIFY2(dirs.ok(), qPrintable(dirs.errorMessage()));
    QCOMPARE(dirs->size(), 3); // the directory without a manifest is listed so that verify flags it
    QVERIFY(dirs->contains(first) && dirs->contains(second));
    const QString id = QFileInfo(first).fileName();
    QCOMPARE(*vault.packageDirectory(id), first);
    QVERIFY(!vault.packageDirectory(QUuid::createUuid().toString()).ok());
    QVERIFY(!vault.packageDirectory(QStringLiteral("../etc")).ok());
    QVERIFY(!vault::LocalFolderVault(m_work->filePath(QStringLiteral("nothing"))).packageDirectories().ok());

    const auto report = verify(m_vault + QStringLiteral("/recordings/2024/05/02/not-a-package"));
    QVERIFY(!report.valid());
    QVERIFY(hasProblem(report, QStringLiteral("manifest.json")));
}

void TestPackageVerifier::flippingAnyByteOfAnyFileFailsNamingIt()
{
    const QString original = buildPackage(m_key);
    QVERIFY(!original.isEmpty());
    const auto clean = verify(original);
    QVERIFY(clean.valid());
    QStringList files{QStringLiteral("manifest.json"), QStringLiteral("manifest.json.sig")};
    for (const model::PackageFile& file : clean.manifest->files)
        files << file.path;
    QCOMPARE(files.size(), 2 + 3 + 1); // three media files and transcript.json

    const QString id = QFileInfo(original).fileName();
    for (const QString& file : std::as_const(files)) {
        // A fresh copy per file, under a directory named after the recording id.
        const QString copy =
            m_work->filePath(QStringLiteral("flip/%1/%2").arg(QString(file).replace('/', '_'), id));
        QVERIFY(test::copyTree(original, copy));
        const QString path = copy + QLatin1Char('/') + file;
        for (const qint64 position : {qint64(0), QFileInfo(path).size() / 2, QFileInfo(path).size() - 1}) {
            flipByte(path, position);
            const auto report = verify(copy);
            QVERIFY2(!report.valid(), qPrintable(QStringLiteral("%1 byte %2").arg(file).arg(position)));
            QVERIFY2(hasProblem(report, file), qPrintable(file + QStringLiteral(": ") + report.summary()));
            flipByte(path, position); // restore
        }
        QVERIFY2(verify(copy).valid(), qPrintable(file));
    }
}

void TestPackageVerifier::untrustedKeyFails()
{
    const QString dir = buildPackage(m_key);
    QVERIFY(!dir.isEmpty());
    QTemporaryDir emptyKeys;
    const auto report = capture::PackageVerifier(emptyKeys.path()).verify(dir);
    QVERIFY(!report.valid());
    QVERIFY(report.manifest.has_value());
    QVERIFY2(report.summary().contains(QStringLiteral(
                 "signed by capture node node-1 whose key is not trusted (no keys/node-1.pem)")),
             qPrintable(report.summary()));
    QVERIFY(hasProblem(report, QStringLiteral("manifest.json.sig")));
}

void TestPackageVerifier::replacedTrustedKeyFails()
{
    const QString dir = buildPackage(m_key);
    QVERIFY(!dir.isEmpty());
    auto other = crypto::Ed25519PrivateKey::generate();
    QVERIFY(other.ok());
    QVERIFY(test::writeFile(m_vault + QStringLiteral("/keys/node-1.pem"), other->publicKeyPem()));
    const auto report = verify(dir);
    QVERIFY(!report.valid());
    QVERIFY2(hasProblem(report, QStringLiteral("manifest.json.sig")), qPrintable(report.summary()));
}

void TestPackageVerifier::deletedFileFails()
{
    const QString dir = buildPackage(m_key);
    QVERIFY(QFile::remove(dir + QStringLiteral("/media/t2.webm")));
    const auto report = verify(dir);
    QVERIFY(!report.valid());
    QCOMPARE(report.problems.size(), 1);
    QCOMPARE(report.problems.at(0).file, QStringLiteral("media/t2.webm"));
    QVERIFY(report.problems.at(0).message.contains(QStringLiteral("missing")));
}

void TestPackageVerifier::extraFileFails()
{
    const QString dir = buildPackage(m_key);
    QVERIFY(test::writeFile(dir + QStringLiteral("/media/extra.webm"), "x"));
    QVERIFY(test::writeFile(dir + QStringLiteral("/.hidden"), "x"));
    const auto report = verify(dir);
    QVERIFY(!report.valid());
    QVERIFY2(hasProblem(report, QStringLiteral("media/extra.webm")), qPrintable(report.summary()));
    QVERIFY2(hasProblem(report, QStringLiteral(".hidden")), qPrintable(report.summary()));
    QVERIFY(report.summary().contains(QStringLiteral("unlisted")));
}

void TestPackageVerifier::truncatedFileFails()
{
    const QString dir = buildPackage(m_key);
    const QString path = dir + QStringLiteral("/media/t3.webm");
    QFile file(path);
    QVERIFY(file.resize(file.size() / 2));
    const auto report = verify(dir);
    QVERIFY(!report.valid());
    QCOMPARE(report.problems.size(), 1);
    QCOMPARE(report.problems.at(0).file, QStringLiteral("media/t3.webm"));
    QVERIFY(report.problems.at(0).message.contains(QStringLiteral("size mismatch")));
}

void TestPackageVerifier::symlinkOutsidePackageFails()
{
    const QString dir = buildPackage(m_key);
    // Same bytes, but outside the package: still refused.
    const QString outside = m_work->filePath(QStringLiteral("outside.webm"));
    QVERIFY(QFile::copy(dir + QStringLiteral("/media/t1.webm"), outside));
    QVERIFY(QFile::remove(dir + QStringLiteral("/media/t1.webm")));
    QVERIFY(QFile::link(outside, dir + QStringLiteral("/media/t1.webm")));
    QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), dir + QStringLiteral("/media/passwd")));
    const auto report = verify(dir);
    QVERIFY(!report.valid());
    QVERIFY2(report.summary().contains(
                 QStringLiteral("media/t1.webm: symbolic link pointing outside the package")),
             qPrintable(report.summary()));
    QVERIFY(hasProblem(report, QStringLiteral("media/passwd")));
}

void TestPackageVerifier::directoryInsteadOfFileFails()
{
    const QString dir = buildPackage(m_key);
    QVERIFY(QFile::remove(dir + QStringLiteral("/transcript.json")));
    QVERIFY(QDir().mkpath(dir + QStringLiteral("/transcript.json/inner")));
    QVERIFY(QFile::remove(dir + QStringLiteral("/manifest.json.sig")));
    QVERIFY(QDir().mkpath(dir + QStringLiteral("/manifest.json.sig")));
    const auto report = verify(dir);
    QVERIFY(!report.valid());
    QVERIFY2(hasProblem(report, QStringLiteral("transcript.json")), qPrintable(report.summary()));
    QVERIFY2(hasProblem(report, QStringLiteral("manifest.json.sig")), qPrintable(report.summary()));
}

void TestPackageVerifier::garbageManifestFails()
{
    const QString dir = buildPackage(m_key);
    for (const QByteArray& garbage :
         {QByteArray(), QByteArray("\x00\xff{", 3), QByteArray("[]"),
          QByteArray("{\"format\":\"holdfast.recording/9\"}"), QByteArray(200000, '{')}) {
        QVERIFY(test::writeFile(dir + QStringLiteral("/manifest.json"), garbage));
        const auto report = verify(dir);
        QVERIFY(!report.valid());
        QVERIFY(!report.manifest.has_value());
        QVERIFY2(hasProblem(report, QStringLiteral("manifest.json")), qPrintable(report.summary()));
    }
    QVERIFY(QFile::remove(dir + QStringLiteral("/manifest.json")));
    QVERIFY(QDir().mkdir(dir + QStringLiteral("/manifest.json")));
    QVERIFY(hasProblem(verify(dir), QStringLiteral("manifest.json")));
}

void TestPackageVerifier::missingManifestAndSignatureFail()
{
    const QString dir = buildPackage(m_key);
    QVERIFY(QFile::remove(dir + QStringLiteral("/manifest.json.sig")));
    auto report = verify(dir);
    QVERIFY(!report.valid());
    QCOMPARE(report.problems.size(), 1);
    QCOMPARE(report.problems.at(0).file, QStringLiteral("manifest.json.sig"));

    QVERIFY(test::writeFile(dir + QStringLiteral("/manifest.json.sig"), QByteArray(63, 'x')));
    report = verify(dir);
    QVERIFY(report.summary().contains(QStringLiteral("manifest.json.sig: wrong length")));

    QVERIFY(QFile::remove(dir + QStringLiteral("/manifest.json")));
    report = verify(dir);
    QVERIFY(!report.valid());
    QCOMPARE(report.problems.at(0).file, QStringLiteral("manifest.json"));
    QVERIFY(report.problems.at(0).message.contains(QStringLiteral("missing")));

    QVERIFY(!verify(m_work->filePath(QStringLiteral("no-such-dir"))).valid());
}

void TestPackageVerifier::renamedPackageDirectoryFails()
{
    const QString dir = buildPackage(m_key);
    const QString renamed =
        QFileInfo(dir).absolutePath() + QLatin1Char('/') + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVERIFY(QDir().rename(dir, renamed));
    const auto report = verify(renamed);
    QVERIFY(!report.valid());
    QVERIFY2(report.summary().contains(QStringLiteral("does not match the package directory name")),
             qPrintable(report.summary()));
}

void TestPackageVerifier::invalidTranscriptFails()
{
    // A transcript that is hashed and signed but invalid (e.g. written by a
    // buggy capture node) is still reported.
    const QString dir = buildPackage(m_key);
    auto manifest = verify(dir).manifest.value();
    const QByteArray bad("{\"format\":\"holdfast.transcript/1\",\"segments\":[{\"speaker\":\"nobody\"}]}");
    QVERIFY(test::writeFile(dir + QStringLiteral("/transcript.json"), bad));
    for (model::PackageFile& file : manifest.files) {
        if (file.path == QLatin1String("transcript.json")) {
            file.sha256 = crypto::Sha256::hashHex(bad);
            file.bytes = bad.size();
        }
    }
    const QByteArray json = model::serializeManifestJson(manifest);
    QVERIFY(test::writeFile(dir + QStringLiteral("/manifest.json"), json));
    QVERIFY(test::writeFile(dir + QStringLiteral("/manifest.json.sig"), m_key.sign(json)));
    const auto report = verify(dir);
    QVERIFY(!report.valid());
    QCOMPARE(report.problems.size(), 1);
    QCOMPARE(report.problems.at(0).file, QStringLiteral("transcript.json"));
}

void TestPackageVerifier::undecodableFileIsRefusedAndVaultUnchanged()
{
    QVERIFY(!buildPackage(m_key).isEmpty());
    const QStringList before = snapshot(m_vault);
    capture::CaptureRequest r = request();
    r.tracks.append({m_text, model::TrackKind::Audio, QStringLiteral("p2"), 0});
    const auto result = capture::PackageBuilder(m_vault, kNode, m_key).build(r);
    QVERIFY(!result.ok());
    QVERIFY2(result.errorMessage().contains(m_text), qPrintable(result.errorMessage()));
    QCOMPARE(snapshot(m_vault), before);

    // Also on a vault that does not exist yet: nothing is created.
    const QString fresh = m_work->filePath(QStringLiteral("fresh"));
    QVERIFY(!capture::PackageBuilder(fresh, kNode, m_key).build(r).ok());
    QVERIFY(!QFileInfo::exists(fresh));
}

void TestPackageVerifier::missingFileIsRefused()
{
    capture::CaptureRequest r = request();
    const QString missing = m_work->filePath(QStringLiteral("missing.webm"));
    r.tracks[1].sourceFile = missing;
    const auto result = capture::PackageBuilder(m_vault, kNode, m_key).build(r);
    QVERIFY(!result.ok());
    QVERIFY2(result.errorMessage().contains(missing), qPrintable(result.errorMessage()));
    QVERIFY(!QFileInfo::exists(m_vault));

    r = request();
    r.tracks[0].participant = QStringLiteral("p9");
    QVERIFY(!capture::PackageBuilder(m_vault, kNode, m_key).build(r).ok());
}

void TestPackageVerifier::failureAfterStagingLeavesVaultUnchanged()
{
    // recordings/2024 is a file: the package cannot be moved into place
    // after it was staged and the key published. Everything is rolled back.
    QVERIFY(QDir().mkpath(m_vault + QStringLiteral("/recordings")));
    QVERIFY(test::writeFile(m_vault + QStringLiteral("/recordings/2024"), "in the way"));
    const QStringList before = snapshot(m_vault);
    const auto result = capture::PackageBuilder(m_vault, kNode, m_key).build(request());
    QVERIFY(!result.ok());
    QVERIFY2(result.errorMessage().contains(QStringLiteral("recordings/2024")),
             qPrintable(result.errorMessage()));
    QCOMPARE(snapshot(m_vault), before);
}

void TestPackageVerifier::differentPublishedKeyIsRefused()
{
    QVERIFY(!buildPackage(m_key).isEmpty());
    const QStringList before = snapshot(m_vault);
    auto other = crypto::Ed25519PrivateKey::generate();
    QVERIFY(other.ok());
    const auto result = capture::PackageBuilder(m_vault, kNode, *other).build(request());
    QVERIFY(!result.ok());
    QVERIFY2(result.errorMessage().contains(
                 QStringLiteral("capture node node-1 already has a different published key")),
             qPrintable(result.errorMessage()));
    QCOMPARE(snapshot(m_vault), before);
    // The same key under another node id is fine.
    QVERIFY(!buildPackage(*other, QStringLiteral("node-2")).isEmpty());
}

void TestPackageVerifier::existingRecordingIdIsRefused()
{
    capture::CaptureRequest r = request();
    r.id = QUuid::createUuid();
    QVERIFY(capture::PackageBuilder(m_vault, kNode, m_key).build(r).ok());
    const QStringList before = snapshot(m_vault);
    r.startedAt = r.startedAt.addDays(3); // another date directory, same id
    const auto again = capture::PackageBuilder(m_vault, kNode, m_key).build(r);
    QVERIFY(!again.ok());
    QVERIFY2(again.errorMessage().contains(r.id.toString(QUuid::WithoutBraces)),
             qPrintable(again.errorMessage()));
    QCOMPARE(snapshot(m_vault), before);
}

void TestPackageVerifier::endedAtDefaultsToLatestTrackEnd()
{
    const auto manifest = capture::PackageBuilder(m_vault, kNode, m_key).build(request(false));
    QVERIFY2(manifest.ok(), qPrintable(manifest.errorMessage()));
    qint64 latest_ms = 0;
    for (const model::Track& track : manifest->tracks)
        latest_ms = std::max(latest_ms, track.offset_ms + track.duration_ms);
    QCOMPARE(manifest->durationMs(), latest_ms);
    QVERIFY(!manifest->file(QStringLiteral("transcript.json")));
    QVERIFY(verify(m_vault + QLatin1Char('/') + manifest->vaultDirectory()).valid());
}

void TestPackageVerifier::packageUnderWrongDateFails()
{
    const QString dir = buildPackage(m_key);
    const QString moved = m_vault + QStringLiteral("/recordings/2023/01/01/") + QFileInfo(dir).fileName();
    QVERIFY(QDir().mkpath(QFileInfo(moved).absolutePath()));
    QVERIFY(QDir().rename(dir, moved));
    const auto report = verify(moved);
    QVERIFY(!report.valid());
    QVERIFY2(report.summary().contains(QStringLiteral("recordings/2024/05/01")),
             qPrintable(report.summary()));
}

void TestPackageVerifier::keyStoreCreatesKeyOnceOutsideTheVault()
{
    const QString keyDir = m_work->filePath(QStringLiteral("node-keys"));
    const capture::CaptureNodeKeyStore store(keyDir);
    auto first = store.loadOrCreate(QStringLiteral("desk-1"), m_vault);
    QVERIFY2(first.ok(), qPrintable(first.errorMessage()));
    auto second = store.loadOrCreate(QStringLiteral("desk-1"), m_vault);
    QVERIFY2(second.ok(), qPrintable(second.errorMessage()));
    QCOMPARE(second->publicKeyPem(), first->publicKeyPem());
    const QString keyFile = keyDir + QStringLiteral("/desk-1.key.pem");
    QCOMPARE(QFileInfo(keyFile).permissions() & 0x7077, QFile::ReadOwner | QFile::WriteOwner);
    QCOMPARE(QFileInfo(keyDir).permissions() & 0x7077,
             QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    // Another node gets another key.
    auto other = store.loadOrCreate(QStringLiteral("desk-2"));
    QVERIFY(other.ok());
    QVERIFY(other->publicKeyPem() != first->publicKeyPem());

    for (const QString& bad : {QString(), QStringLiteral("../x"), QStringLiteral(".hidden"),
                               QStringLiteral("a b"), QString(65, QLatin1Char('a'))}) {
        QVERIFY2(!store.loadOrCreate(bad).ok(), qPrintable(bad));
    }

    // A key directory inside the vault is refused, also through a path that does not exist yet.
    QVERIFY(QDir().mkpath(m_vault));
    const auto inside = capture::CaptureNodeKeyStore(m_vault + QStringLiteral("/a/b"))
                            .loadOrCreate(QStringLiteral("n"), m_vault);
    QVERIFY(!inside.ok());
    QVERIFY(inside.errorMessage().contains(QStringLiteral("inside the vault")));
    QVERIFY(!QFileInfo::exists(m_vault + QStringLiteral("/a")));

    // A key readable by others is refused rather than used.
    QVERIFY(QFile::setPermissions(keyFile, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    const auto exposed = store.loadOrCreate(QStringLiteral("desk-1"));
    QVERIFY(!exposed.ok());
    QVERIFY(exposed.errorMessage().contains(keyFile));

    // The default directory honours HOLDFAST_CAPTURE_KEY_DIR, then XDG_DATA_HOME.
    const QByteArray saved = qgetenv("HOLDFAST_CAPTURE_KEY_DIR");
    qputenv("HOLDFAST_CAPTURE_KEY_DIR", "/somewhere/keys");
    QCOMPARE(capture::CaptureNodeKeyStore::defaultKeyDirectory(), QStringLiteral("/somewhere/keys"));
    qunsetenv("HOLDFAST_CAPTURE_KEY_DIR");
    const QByteArray savedXdg = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", "/xdg/data");
    QCOMPARE(capture::CaptureNodeKeyStore::defaultKeyDirectory(),
             QStringLiteral("/xdg/data/holdfast/capture-nodes"));
    qputenv("XDG_DATA_HOME", savedXdg);
    if (savedXdg.isEmpty())
        qunsetenv("XDG_DATA_HOME");
    if (!saved.isEmpty())
        qputenv("HOLDFAST_CAPTURE_KEY_DIR", saved);
}

QTEST_GUILESS_MAIN(TestPackageVerifier)
#include "tst_package_verifier.moc"

#include "capture/PackageVerifier.h"

#include "capture/ManifestSignatureCheck.h"
#include "capture/VerificationText.h"
#include "crypto/Sha256.h"
#include "model/Transcript.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace holdfast::capture {

namespace {

const QString kManifest = QString::fromLatin1(model::kManifestFileName);
const QString kSignature = QString::fromLatin1(model::kSignatureFileName);
const QString kTranscript = QString::fromLatin1(model::kTranscriptFileName);

class Checker
{
public:
    Checker(VerificationReport& report, QString packageDir, QString canonicalPackageDir)
        : m_report(report)
        , m_dir(std::move(packageDir))
        , m_canonicalDir(std::move(canonicalPackageDir))
    {}

    void problem(const QString& file, const QString& message) { m_report.problems.append({file, message}); }

    QString absolute(const QString& relative) const { return m_dir + QLatin1Char('/') + relative; }

    // A regular file inside the package (a symlink is followed only when it
    // stays inside). Reports the problem and returns false otherwise.
    bool checkRegularFile(const QString& relative, QFileInfo* infoOut = nullptr)
    {
        const QFileInfo info(absolute(relative));
        if (!info.exists() && !info.isSymLink()) {
            problem(relative, VerificationText::tr("missing"));
            return false;
        }
        const QString canonical = info.canonicalFilePath();
        if (canonical.isEmpty()) {
            problem(relative, VerificationText::tr("dangling symbolic link"));
            return false;
        }
        if (!canonical.startsWith(m_canonicalDir + QLatin1Char('/'))) {
            problem(
                relative,
                VerificationText::tr("symbolic link pointing outside the package (to %1)").arg(canonical));
            return false;
        }
        if (info.isDir()) {
            problem(relative, VerificationText::tr("is a directory, not a file"));
            return false;
        }
        if (!info.isFile()) {
            problem(relative, VerificationText::tr("not a regular file"));
            return false;
        }
        if (infoOut)
            *infoOut = info;
        return true;
    }

    // Reads a small file completely, refusing anything larger than maxBytes.
    std::optional<QByteArray> readSmallFile(const QString& relative, qint64 maxBytes)
    {
        QFileInfo info;
        if (!checkRegularFile(relative, &info))
            return std::nullopt;
        if (info.size() > maxBytes) {
            problem(relative, VerificationText::tr("too large (%1 bytes, at most %2 allowed)")
                                  .arg(info.size())
                                  .arg(maxBytes));
            return std::nullopt;
        }
        QFile file(info.filePath());
        if (!file.open(QIODevice::ReadOnly)) {
            problem(relative, VerificationText::tr("cannot read: %1").arg(file.errorString()));
            return std::nullopt;
        }
        // Read one byte more than allowed: the file may grow between stat and read.
        QByteArray data = file.read(maxBytes + 1);
        if (data.size() > maxBytes) {
            problem(relative, VerificationText::tr("too large (more than %1 bytes)").arg(maxBytes));
            return std::nullopt;
        }
        return data;
    }

private:
    VerificationReport& m_report;
    QString m_dir;
    QString m_canonicalDir;
};

// The parser prefixes its messages with "manifest.json: "; the report names the file separately.
QString withoutFilePrefix(QString message, const QString& file)
{
    const QString prefix = file + QStringLiteral(": ");
    if (message.startsWith(prefix))
        message.remove(0, prefix.size());
    return message;
}

QString shortHash(const QByteArray& hex)
{
    return QString::fromLatin1(hex.left(12)) + QStringLiteral("…");
}

} // namespace

QString VerificationReport::summary() const
{
    QStringList lines;
    for (const VerificationProblem& p : problems)
        lines << QStringLiteral("%1: %2").arg(p.file, p.message);
    return lines.join(QLatin1Char('\n'));
}

PackageVerifier::PackageVerifier(QString trustedKeysDirectory)
    : m_trustedKeysDirectory(std::move(trustedKeysDirectory))
{}

VerificationReport PackageVerifier::verify(const QString& packageDirectory) const
{
    VerificationReport report;
    report.packageDirectory = QDir::cleanPath(QDir(packageDirectory).absolutePath());
    const QFileInfo dirInfo(report.packageDirectory);
    if (!dirInfo.isDir()) {
        report.problems.append(
            {QStringLiteral("."),
             VerificationText::tr("package directory %1 does not exist").arg(report.packageDirectory)});
        return report;
    }
    const QString canonicalDir = dirInfo.canonicalFilePath();
    Checker check(report, report.packageDirectory, canonicalDir);

    // 1. The manifest: everything else is judged against it.
    const auto manifestBytes = check.readSmallFile(kManifest, model::kMaxJsonBytes);
    if (!manifestBytes)
        return report; // without the manifest nothing else can be judged
    auto parsed = model::parseManifestJson(*manifestBytes);
    if (!parsed) {
        check.problem(
            kManifest,
            VerificationText::tr("unparseable: %1").arg(withoutFilePrefix(parsed.errorMessage(), kManifest)));
        return report;
    }
    report.manifest = std::move(parsed).value();
    const model::Manifest& manifest = *report.manifest;

    const QString expectedName = manifest.id.toString(QUuid::WithoutBraces);
    if (dirInfo.fileName() != expectedName)
        check.problem(kManifest,
                      VerificationText::tr("recording id %1 does not match the package directory name %2")
                          .arg(expectedName, dirInfo.fileName()));

    // Inside a vault, the date directories must match started_at too: sync and
    // listing rely on recordings/YYYY/MM/DD/<id>.
    const QString vaultPath = manifest.vaultDirectory();
    const QStringList parts = report.packageDirectory.split(QLatin1Char('/'));
    if (parts.size() > 5 && parts.at(parts.size() - 5) == QLatin1String(model::kVaultRecordingsDirectory) &&
        !report.packageDirectory.endsWith(QLatin1Char('/') + vaultPath))
        check.problem(kManifest,
                      VerificationText::tr("package is stored under %1 but its started_at belongs in %2")
                          .arg(parts.mid(parts.size() - 5).join(QLatin1Char('/')), vaultPath));

    // 2. The signature over the exact manifest bytes.
    if (const auto signature = check.readSmallFile(kSignature, 4096)) {
        const QString problem = manifestSignatureProblem(
            manifest, *manifestBytes, *signature, [this](const QString& node) -> std::optional<QByteArray> {
                QFile key(QDir(m_trustedKeysDirectory).filePath(node + QStringLiteral(".pem")));
                if (!QFileInfo(key.fileName()).isFile() || !key.open(QIODevice::ReadOnly))
                    return std::nullopt;
                return key.read(64 * 1024);
            });
        if (!problem.isEmpty())
            check.problem(kSignature, problem);
    }

    // 3. Every listed file, size first (cheap, and bounds the hashing work).
    QSet<QString> listed{kManifest, kSignature};
    for (const model::PackageFile& file : manifest.files) {
        listed.insert(file.path);
        if (!model::isSafePackagePath(file.path) || file.path == kManifest || file.path == kSignature) {
            check.problem(file.path, VerificationText::tr("unsafe or reserved path in manifest.json"));
            continue;
        }
        QFileInfo info;
        if (!check.checkRegularFile(file.path, &info))
            continue;
        if (info.size() != file.bytes) {
            check.problem(file.path, VerificationText::tr("size mismatch (expected %1 bytes, got %2)")
                                         .arg(file.bytes)
                                         .arg(info.size()));
            continue;
        }
        const auto digest = crypto::Sha256::hashFile(info.filePath());
        if (!digest) {
            check.problem(file.path, digest.errorMessage());
            continue;
        }
        const QByteArray actual = digest->toHex();
        if (actual != file.sha256.toLower())
            check.problem(file.path, VerificationText::tr("SHA-256 mismatch (expected %1, got %2)")
                                         .arg(shortHash(file.sha256), shortHash(actual)));
    }

    // 4. Nothing unlisted: an extra file could be mistaken for evidence.
    QStringList unlisted;
    QDirIterator it(report.packageDirectory,
                    QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    const QDir root(report.packageDirectory);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        if (info.isDir() && !info.isSymLink())
            continue; // its files are visited; an empty directory holds no data
        const QString relative = root.relativeFilePath(info.filePath());
        if (!listed.contains(relative))
            unlisted << relative;
    }
    unlisted.sort();
    for (const QString& relative : std::as_const(unlisted))
        check.problem(relative, VerificationText::tr("unlisted file (not in manifest.json)"));

    // 5. The transcript parses and fits the recording.
    if (manifest.file(kTranscript)) {
        const QFileInfo info(check.absolute(kTranscript));
        const bool inside = info.canonicalFilePath().startsWith(canonicalDir + QLatin1Char('/'));
        if (inside && info.isFile() && info.size() <= model::kMaxJsonBytes) {
            QFile file(info.filePath());
            if (file.open(QIODevice::ReadOnly)) {
                const auto transcript = model::parseTranscriptJson(file.read(model::kMaxJsonBytes));
                if (!transcript) {
                    check.problem(kTranscript,
                                  VerificationText::tr("invalid: %1")
                                      .arg(withoutFilePrefix(transcript.errorMessage(), kTranscript)));
                } else if (const Status fits =
                               model::validateTranscriptAgainstManifest(*transcript, manifest);
                           !fits) {
                    check.problem(kTranscript, VerificationText::tr("invalid: %1")
                                                   .arg(withoutFilePrefix(fits.errorMessage(), kTranscript)));
                }
            }
        }
    }
    return report;
}

} // namespace holdfast::capture

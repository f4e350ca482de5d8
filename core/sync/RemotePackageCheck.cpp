#include "sync/RemotePackageCheck.h"

#include "capture/VerificationText.h"
#include "model/Manifest.h"

#include <QSet>

namespace holdfast::sync {

QString sha256MismatchMessage(const QByteArray& expectedHex, const QByteArray& actualHex)
{
    return holdfast::capture::VerificationText::tr("SHA-256 mismatch (expected %1…, got %2…)")
        .arg(QString::fromLatin1(expectedHex.left(12)), QString::fromLatin1(actualHex.left(12)));
}

capture::VerificationReport checkRemotePackage(const RemotePackage& package, const QByteArray& manifestBytes,
                                               const std::optional<QByteArray>& signature,
                                               const capture::TrustedKeyLookup& trustedKey)
{
    const QString manifestName = QString::fromLatin1(model::kManifestFileName);
    const QString signatureName = QString::fromLatin1(model::kSignatureFileName);
    capture::VerificationReport report;
    report.packageDirectory = package.directory;
    const auto problem = [&](const QString& file, const QString& message) {
        report.problems.append({file, message});
    };

    auto parsed = model::parseManifestJson(manifestBytes);
    if (!parsed) {
        QString message = parsed.errorMessage();
        if (message.startsWith(manifestName + QStringLiteral(": ")))
            message.remove(0, manifestName.size() + 2);
        problem(manifestName, holdfast::capture::VerificationText::tr("unparseable: %1").arg(message));
        return report;
    }
    report.manifest = std::move(parsed).value();
    const model::Manifest& manifest = *report.manifest;

    if (manifest.id.toString(QUuid::WithoutBraces) != package.recordingId)
        problem(manifestName, holdfast::capture::VerificationText::tr(
                                  "recording id %1 does not match the package directory name %2")
                                  .arg(manifest.id.toString(QUuid::WithoutBraces), package.recordingId));
    else if (manifest.vaultDirectory() != package.directory)
        problem(manifestName, holdfast::capture::VerificationText::tr(
                                  "package is stored under %1 but its started_at belongs in %2")
                                  .arg(package.directory, manifest.vaultDirectory()));

    if (!signature)
        problem(signatureName, holdfast::capture::VerificationText::tr("missing"));
    else if (const QString wrong =
                 capture::manifestSignatureProblem(manifest, manifestBytes, *signature, trustedKey);
             !wrong.isEmpty())
        problem(signatureName, wrong);

    QSet<QString> listed{manifestName, signatureName};
    for (const model::PackageFile& file : manifest.files) {
        listed.insert(file.path);
        if (!model::isSafePackagePath(file.path) || file.path == manifestName || file.path == signatureName) {
            problem(file.path,
                    holdfast::capture::VerificationText::tr("unsafe or reserved path in manifest.json"));
            continue;
        }
        const auto blob = package.blobs.constFind(file.path);
        if (blob == package.blobs.cend())
            problem(file.path, holdfast::capture::VerificationText::tr("missing"));
        else if (blob->bytes != file.bytes)
            problem(file.path,
                    holdfast::capture::VerificationText::tr("size mismatch (expected %1 bytes, got %2)")
                        .arg(file.bytes)
                        .arg(blob->bytes));
    }
    for (auto it = package.blobs.cbegin(); it != package.blobs.cend(); ++it)
        if (!listed.contains(it.key()))
            problem(it.key(),
                    holdfast::capture::VerificationText::tr("unlisted file (not in manifest.json)"));
    return report;
}

} // namespace holdfast::sync

#include "vault/FolderVaultUploader.h"

#include "model/Manifest.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <tuple>

namespace holdfast::vault {

namespace {

QByteArray fileMd5(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash md5(QCryptographicHash::Md5);
    md5.addData(&file);
    return md5.result();
}

// Does the vault blob hold exactly the local file's bytes?
VaultResult<bool> sameContent(Vault& target, const QString& name, const QString& path,
                              const std::atomic_bool* cancel)
{
    auto existing = target.stat(name, cancel);
    if (!existing)
        return existing.error();
    if (existing->bytes != QFileInfo(path).size())
        return false;
    if (!existing->contentMd5.isEmpty())
        return existing->contentMd5 == fileMd5(path);
    // No stored MD5 (large blobs): compare the bytes.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeVaultError(ErrorKind::Io, QStringLiteral("%1: %2").arg(path, file.errorString()));
    auto remote = target.read(name, 0, -1, cancel);
    if (!remote)
        return remote.error();
    return *remote == file.readAll();
}

} // namespace

VaultResult<UploadReport> uploadFolderVault(const QString& folderVault, Vault& target,
                                            const std::function<void(int, int, const QString&)>& progress,
                                            const std::atomic_bool* cancel)
{
    const QDir root(folderVault);
    if (!root.exists(QLatin1String(model::kVaultRecordingsDirectory)) &&
        !root.exists(QLatin1String(model::kVaultKeysDirectory)))
        return makeVaultError(ErrorKind::InvalidArgument,
                              QStringLiteral("%1 is not a folder vault (no keys/ or recordings/ directory)")
                                  .arg(root.absolutePath()));
    QStringList files;
    for (const char* top : {model::kVaultKeysDirectory, model::kVaultRecordingsDirectory}) {
        QDirIterator it(root.filePath(QLatin1String(top)), QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << root.relativeFilePath(it.next());
    }
    // Keys first, then each package's files with its manifest and signature
    // last, so a reader that sees a manifest also finds the files it lists.
    const auto orderKey = [](const QString& name) {
        const bool signedPart = name.endsWith(QLatin1String("/manifest.json")) ||
                                name.endsWith(QLatin1String("/manifest.json.sig"));
        return std::make_tuple(name.section(QLatin1Char('/'), 0, 4), signedPart, name);
    };
    std::sort(files.begin(), files.end(),
              [&](const QString& a, const QString& b) { return orderKey(a) < orderKey(b); });

    if (auto created = target.createIfMissing(cancel); !created)
        return created.error();
    UploadReport report;
    for (int i = 0; i < files.size(); ++i) {
        if (isCancelled(cancel))
            return makeVaultError(
                ErrorKind::Cancelled,
                QStringLiteral("upload cancelled after %1 of %2 files").arg(i).arg(files.size()));
        const QString& name = files.at(i);
        if (progress)
            progress(i, int(files.size()), name);
        const QString path = root.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return makeVaultError(ErrorKind::Io, QStringLiteral("%1: %2").arg(path, file.errorString()));
        PutOptions options;
        options.contentType = name.endsWith(QLatin1String(".json")) ? QStringLiteral("application/json")
                              : name.endsWith(QLatin1String(".webm"))
                                  ? QStringLiteral("video/webm")
                                  : QStringLiteral("application/octet-stream");
        auto put = target.putFrom(name, &file, file.size(), Condition::ifNoneMatchAny(), options, {}, cancel);
        if (put) {
            ++report.uploaded;
            report.bytes += file.size();
            continue;
        }
        if (put.error().kind != ErrorKind::PreconditionFailed)
            return put.error();
        auto same = sameContent(target, name, path, cancel);
        if (!same)
            return same.error();
        if (!*same)
            return makeVaultError(ErrorKind::PreconditionFailed,
                                  QStringLiteral("%1 already exists in %2 with different content; vault "
                                                 "originals are never overwritten")
                                      .arg(name, target.describe()));
        ++report.identical;
    }
    if (progress)
        progress(int(files.size()), int(files.size()), QString());
    return report;
}

} // namespace holdfast::vault

#include "review/VaultCatalog.h"

#include "vault/LocalFolderVault.h"

#include <QCoreApplication>
#include <algorithm>

namespace holdfast::review {

Result<QList<capture::VerificationReport>> VaultCatalog::scan(const QString& vaultDirectory,
                                                              const ProgressFn& progress,
                                                              const std::atomic_bool* cancelled)
{
    const vault::LocalFolderVault vault(vaultDirectory);
    const auto packages = vault.packageDirectories();
    if (!packages)
        return packages.error();

    const capture::PackageVerifier verifier(vault.keysDirectory());
    QList<capture::VerificationReport> reports;
    reports.reserve(packages->size());
    for (const QString& packageDirectory : *packages) {
        if (cancelled && cancelled->load())
            return makeError(QCoreApplication::translate("VaultCatalog", "Cancelled."));
        reports.append(verifier.verify(packageDirectory));
        if (progress)
            progress(int(reports.size()), int(packages->size()));
    }

    std::stable_sort(reports.begin(), reports.end(), [](const auto& a, const auto& b) {
        if (a.manifest.has_value() != b.manifest.has_value())
            return a.manifest.has_value();
        if (!a.manifest)
            return a.packageDirectory < b.packageDirectory;
        return a.manifest->startedAt > b.manifest->startedAt;
    });
    return reports;
}

} // namespace holdfast::review

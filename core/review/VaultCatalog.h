#pragma once

#include "capture/PackageVerifier.h"
#include "util/Result.h"

#include <QList>
#include <QString>
#include <atomic>
#include <functional>

namespace holdfast::review {

// The recordings of a folder vault, each with its verification report.
// Used by the walking-skeleton library view until the encrypted cache exists;
// scanning verifies every package (hashes + signature), so it is long work:
// call it off the GUI thread.
class VaultCatalog
{
public:
    using ProgressFn = std::function<void(int packagesDone, int packagesTotal)>;

    // Verifies every package under vaultDirectory against <vault>/keys.
    // Reports are sorted newest call first; packages whose manifest does not
    // parse come last. Fails when the directory is not a vault or on cancel.
    static Result<QList<capture::VerificationReport>> scan(const QString& vaultDirectory,
                                                           const ProgressFn& progress = {},
                                                           const std::atomic_bool* cancelled = nullptr);
};

} // namespace holdfast::review

#pragma once

#include "capture/ManifestSignatureCheck.h"
#include "capture/PackageVerifier.h"
#include "sync/VaultListing.h"

#include <QByteArray>
#include <optional>

namespace holdfast::sync {

// What can be checked of a vault package before its files are downloaded:
// the manifest parses and belongs in its directory, the signature holds, and
// the listing has exactly the files the manifest lists, at the listed sizes.
// The content hashes are checked as each file arrives.
capture::VerificationReport checkRemotePackage(const RemotePackage& package, const QByteArray& manifestBytes,
                                               const std::optional<QByteArray>& signature,
                                               const capture::TrustedKeyLookup& trustedKey);

// "SHA-256 mismatch (expected 3fa…, got 9c1…)", as the folder verifier says it.
QString sha256MismatchMessage(const QByteArray& expectedHex, const QByteArray& actualHex);

} // namespace holdfast::sync

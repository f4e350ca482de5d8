#pragma once

#include "model/Manifest.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <optional>

namespace holdfast::capture {

// The PEM of a trusted capture node's public key (keys/<node>.pem), or
// nullopt when that node is not trusted.
using TrustedKeyLookup = std::function<std::optional<QByteArray>(const QString& captureNode)>;

// Checks manifest.json.sig: an Ed25519 signature over the exact manifest
// bytes by the capture node the manifest names, whose key must be trusted.
// Empty when it holds, otherwise the problem (for the signature file).
// Shared by the folder verifier and the sync engine so both say the same.
QString manifestSignatureProblem(const model::Manifest& manifest, const QByteArray& manifestBytes,
                                 const QByteArray& signature, const TrustedKeyLookup& trustedKey);

} // namespace holdfast::capture

#pragma once

#include "model/Manifest.h"

#include <QList>
#include <QString>
#include <optional>

namespace holdfast::capture {

struct VerificationProblem
{
    QString file;    // package-relative path at fault ("manifest.json", "media/t1.webm", ...)
    QString message; // user-facing, e.g. "SHA-256 mismatch (expected 3fa…, got 9c1…)"
};

struct VerificationReport
{
    QString packageDirectory;                // absolute path of the package checked
    std::optional<model::Manifest> manifest; // set whenever manifest.json parsed
    QList<VerificationProblem> problems;     // empty: the package verifies

    bool valid() const { return manifest.has_value() && problems.isEmpty(); }
    // One line per problem: "<file>: <message>".
    QString summary() const;
};

// Checks a package in a folder vault against the signed manifest: the
// manifest parses, its Ed25519 signature verifies with
// <trusted keys>/<capture_node>.pem, every listed file exists with the listed
// size and SHA-256, no unlisted file is present, and transcript.json parses.
// Reports every problem found, naming the file; never throws or crashes on
// hostile input.
class PackageVerifier
{
public:
    // trustedKeysDirectory: directory of <capture-node-id>.pem public keys,
    // normally <vault>/keys.
    explicit PackageVerifier(QString trustedKeysDirectory);

    VerificationReport verify(const QString& packageDirectory) const;

private:
    QString m_trustedKeysDirectory;
};

} // namespace holdfast::capture

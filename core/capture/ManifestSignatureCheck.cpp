#include "capture/ManifestSignatureCheck.h"

#include "capture/VerificationText.h"
#include "crypto/Ed25519PublicKey.h"

namespace holdfast::capture {

QString manifestSignatureProblem(const model::Manifest& manifest, const QByteArray& manifestBytes,
                                 const QByteArray& signature, const TrustedKeyLookup& trustedKey)
{
    const QString node = manifest.captureNode;
    if (signature.size() != crypto::Ed25519PublicKey::kSignatureBytes)
        return VerificationText::tr("wrong length (%1 bytes, an Ed25519 signature has %2)")
            .arg(signature.size())
            .arg(crypto::Ed25519PublicKey::kSignatureBytes);
    if (!model::isSafeCaptureNodeId(node))
        return VerificationText::tr("signed by an invalid capture node id \"%1\"").arg(node);
    const std::optional<QByteArray> pem = trustedKey(node);
    if (!pem)
        return VerificationText::tr("signed by capture node %1 whose key is not trusted (no keys/%1.pem)")
            .arg(node);
    auto key = crypto::Ed25519PublicKey::fromPem(*pem);
    if (!key)
        return VerificationText::tr("trusted key of capture node %1 is unusable: %2")
            .arg(node, key.errorMessage());
    if (!key->verify(manifestBytes, signature))
        return VerificationText::tr("invalid signature: manifest.json was not signed by "
                                    "capture node %1 (keys/%1.pem) or was changed")
            .arg(node);
    return {};
}

} // namespace holdfast::capture

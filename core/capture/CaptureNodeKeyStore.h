#pragma once

#include "crypto/Ed25519PrivateKey.h"
#include "util/Result.h"

#include <QString>

namespace holdfast::capture {

// Keeps each capture node's Ed25519 signing key outside the vault, as
// <key directory>/<node-id>.key.pem (mode 0600, directory 0700). The key is
// generated on first use; only its public half is ever published to a vault.
class CaptureNodeKeyStore
{
public:
    // keyDirectory empty: defaultKeyDirectory().
    explicit CaptureNodeKeyStore(QString keyDirectory = {});

    // $HOLDFAST_CAPTURE_KEY_DIR if set, else $XDG_DATA_HOME/holdfast/capture-nodes,
    // else ~/.local/share/holdfast/capture-nodes.
    static QString defaultKeyDirectory();
    // [A-Za-z0-9._-]{1,64} not starting with '.': safe as a file name everywhere.
    static bool isValidNodeId(const QString& nodeId);

    const QString& keyDirectory() const { return m_keyDirectory; }
    QString keyFilePath(const QString& nodeId) const;

    // Loads the node's key, generating and storing it when absent. Refuses a
    // key directory inside vaultDirectory (when given), a key file readable by
    // group or others, and a file that is not an Ed25519 private key.
    Result<crypto::Ed25519PrivateKey> loadOrCreate(const QString& nodeId,
                                                   const QString& vaultDirectory = {}) const;

private:
    QString m_keyDirectory;
};

} // namespace holdfast::capture

#pragma once

#include "sync/VaultAccountStore.h"
#include "vault/Vault.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <memory>
#include <optional>

namespace holdfast::cli {

// --vault, --connection-string-file and --ca-file, shared by the commands
// that talk to a vault (sync, upload).
class VaultOptions
{
public:
    VaultOptions();
    void addTo(QCommandLineParser& parser) const;
    static QString help(); // the paragraph on vault URLs and credentials

    struct Opened
    {
        std::unique_ptr<vault::Vault> vault;
        QString url;              // normalised, as recorded in the sync state
        QString connectionString; // as read from --connection-string-file (empty: from the environment)
        QString extraCaFile;
    };
    // Opens the vault, or returns the message to print (a usage error when
    // *usage is set, otherwise a failure).
    std::optional<Opened> open(const QCommandLineParser& parser, QString* error, bool* usage) const;

    // Opens the vault a saved account names (its own credentials and CA).
    static std::optional<Opened> open(const sync::VaultAccount& account, QString* error);
    bool isSet(const QCommandLineParser& parser) const { return parser.isSet(m_vault); }

private:
    const QCommandLineOption m_vault;
    const QCommandLineOption m_connectionStringFile;
    const QCommandLineOption m_caFile;
};

} // namespace holdfast::cli

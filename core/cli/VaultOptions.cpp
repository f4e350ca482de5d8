#include "VaultOptions.h"

#include "vault/AzureConnectionString.h"
#include "vault/VaultFactory.h"
#include "vault/VaultUrl.h"

#include <QFile>
#include <QFileInfo>

namespace holdfast::cli {

VaultOptions::VaultOptions()
    : m_vault(QStringLiteral("vault"),
              QStringLiteral("Vault URL: file:///path or azure://container[/prefix]."), QStringLiteral("URL"))
    , m_connectionStringFile(QStringLiteral("connection-string-file"),
                             QStringLiteral("Read the Azure connection string from FILE instead of "
                                            "AZURE_STORAGE_CONNECTION_STRING."),
                             QStringLiteral("FILE"))
    , m_caFile(QStringLiteral("ca-file"),
               QStringLiteral("Also trust the CA certificate(s) in this PEM file for HTTPS."),
               QStringLiteral("FILE"))
{}

void VaultOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({m_vault, m_connectionStringFile, m_caFile});
}

QString VaultOptions::help()
{
    return QStringLiteral(
        "Vaults: file:///srv/vault is a folder vault; azure://<container>[/prefix] is an Azure Blob "
        "container (optionally below a name prefix, e.g. one per queue or team). Azure credentials come "
        "from a connection string as Azure's SDKs take it (AccountName=...;AccountKey=... or "
        "BlobEndpoint=...;SharedAccessSignature=..., or UseDevelopmentStorage=true), read from "
        "AZURE_STORAGE_CONNECTION_STRING or --connection-string-file. HTTPS uses the system CAs; "
        "--ca-file adds one more trusted CA. Certificate checks cannot be turned off.");
}

std::optional<VaultOptions::Opened> VaultOptions::open(const QCommandLineParser& parser, QString* error,
                                                       bool* usage) const
{
    *usage = true;
    if (parser.values(m_vault).size() != 1) {
        *error = parser.isSet(m_vault) ? QStringLiteral("--vault given more than once")
                                       : QStringLiteral("--vault is required");
        return std::nullopt;
    }
    auto url = vault::VaultUrl::parse(parser.value(m_vault));
    if (!url) {
        *error = url.errorMessage();
        return std::nullopt;
    }
    vault::VaultOpenOptions options;
    QString connectionText;
    if (parser.isSet(m_connectionStringFile)) {
        const QString path = parser.value(m_connectionStringFile);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error =
                QStringLiteral("%1: cannot read the connection string: %2").arg(path, file.errorString());
            return std::nullopt;
        }
        connectionText = QString::fromUtf8(file.read(64 * 1024)).trimmed();
        auto parsed = vault::AzureConnectionString::parse(connectionText);
        if (!parsed) {
            *error = QStringLiteral("%1: %2").arg(path, parsed.errorMessage());
            return std::nullopt;
        }
        options.credentials = std::move(parsed).value();
    } else if (url->scheme == vault::VaultUrl::Scheme::Azure)
        connectionText = qEnvironmentVariable("AZURE_STORAGE_CONNECTION_STRING").trimmed();
    if (parser.isSet(m_caFile)) {
        options.extraCaFile = parser.value(m_caFile);
        if (!QFileInfo(options.extraCaFile).isFile()) {
            *error = QStringLiteral("%1: no such CA file").arg(options.extraCaFile);
            return std::nullopt;
        }
    }
    *usage = false;
    auto opened = vault::openVault(url->toString(), options);
    if (!opened) {
        *error = opened.errorMessage();
        return std::nullopt;
    }
    return Opened{std::move(opened).value(), url->toString(), connectionText, options.extraCaFile};
}

std::optional<VaultOptions::Opened> VaultOptions::open(const sync::VaultAccount& account, QString* error)
{
    auto opened = vault::openVault(account.url, account.connectionString, account.extraCaFile);
    if (!opened) {
        *error = QStringLiteral("vault account \"%1\": %2").arg(account.name, opened.errorMessage());
        return std::nullopt;
    }
    return Opened{std::move(opened).value(), account.url, account.connectionString, account.extraCaFile};
}

} // namespace holdfast::cli

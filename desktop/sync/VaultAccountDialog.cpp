#include "sync/VaultAccountDialog.h"

#include "sync/SyncScheduler.h"
#include "vault/AzureConnectionString.h"
#include "vault/VaultUrl.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace holdfast::desktop {

VaultAccountDialog::VaultAccountDialog(QWidget* parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_folder(new QLineEdit(this))
    , m_container(new QLineEdit(this))
    , m_connectionString(new QPlainTextEdit(this))
    , m_sasUrl(new QLineEdit(this))
    , m_caFile(new QLineEdit(this))
    , m_media(new QComboBox(this))
    , m_autoSync(new QComboBox(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("vaultAccountDialog"));
    setWindowTitle(tr("Add Vault Account"));
    m_name->setObjectName(QStringLiteral("accountName"));
    m_name->setAccessibleName(tr("Account name"));
    m_name->setPlaceholderText(tr("e.g. Team A recordings"));
    m_kind->setObjectName(QStringLiteral("accountKind"));
    m_kind->setAccessibleName(tr("Vault kind"));
    m_kind->addItem(tr("Folder vault"), int(Kind::Folder));
    m_kind->addItem(tr("Azure Blob: connection string"), int(Kind::AzureConnectionString));
    m_kind->addItem(tr("Azure Blob: SAS URL"), int(Kind::AzureSasUrl));
    m_folder->setObjectName(QStringLiteral("accountFolder"));
    m_folder->setAccessibleName(tr("Vault folder"));
    m_container->setObjectName(QStringLiteral("accountContainer"));
    m_container->setAccessibleName(tr("Container and prefix"));
    m_container->setPlaceholderText(tr("container[/prefix]"));
    m_connectionString->setObjectName(QStringLiteral("accountConnectionString"));
    m_connectionString->setAccessibleName(tr("Connection string"));
    m_connectionString->setPlaceholderText(
        tr("DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;EndpointSuffix=core.windows.net"));
    m_connectionString->setTabChangesFocus(true);
    m_connectionString->setMaximumHeight(80);
    m_sasUrl->setObjectName(QStringLiteral("accountSasUrl"));
    m_sasUrl->setAccessibleName(tr("SAS URL"));
    m_sasUrl->setPlaceholderText(tr("https://account.blob.core.windows.net/container?sv=…&sig=…"));
    m_caFile->setObjectName(QStringLiteral("accountCaFile"));
    m_caFile->setAccessibleName(tr("Extra trusted CA certificate file"));
    m_caFile->setPlaceholderText(tr("Optional: one more trusted CA (PEM)"));
    m_media->setObjectName(QStringLiteral("accountMedia"));
    m_media->setAccessibleName(tr("Media policy"));
    m_media->addItem(tr("Download all media"), int(sync::MediaPolicy::All));
    m_media->addItem(tr("Media on demand (when played)"), int(sync::MediaPolicy::OnDemand));
    m_media->addItem(tr("Metadata only"), int(sync::MediaPolicy::None));
    m_autoSync->setObjectName(QStringLiteral("accountAutoSync"));
    m_autoSync->setAccessibleName(tr("How often the account syncs by itself"));
    for (const int interval_min : sync::kAutoSyncIntervals_min)
        m_autoSync->addItem(SyncScheduler::intervalText(interval_min), interval_min);
    m_error->setObjectName(QStringLiteral("accountError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();

    auto* folderPage = new QWidget(this);
    auto* folderLayout = new QHBoxLayout(folderPage);
    folderLayout->setContentsMargins(0, 0, 0, 0);
    auto* browse = new QPushButton(tr("Browse…"), folderPage);
    browse->setAccessibleName(tr("Choose the vault folder"));
    folderLayout->addWidget(m_folder, 1);
    folderLayout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, &VaultAccountDialog::chooseFolder);

    auto* connectionPage = new QWidget(this);
    auto* connectionLayout = new QFormLayout(connectionPage);
    connectionLayout->setContentsMargins(0, 0, 0, 0);
    connectionLayout->addRow(tr("Container:"), m_container);
    connectionLayout->addRow(tr("Connection string:"), m_connectionString);

    auto* sasPage = new QWidget(this);
    auto* sasLayout = new QFormLayout(sasPage);
    sasLayout->setContentsMargins(0, 0, 0, 0);
    sasLayout->addRow(tr("SAS URL:"), m_sasUrl);

    m_pages->addWidget(folderPage);
    m_pages->addWidget(connectionPage);
    m_pages->addWidget(sasPage);
    connect(m_kind, &QComboBox::currentIndexChanged, m_pages, &QStackedWidget::setCurrentIndex);

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(m_pages);
    form->addRow(tr("CA file:"), m_caFile);
    form->addRow(tr("&Media:"), m_media);
    form->addRow(tr("Sync aut&omatically:"), m_autoSync);
    auto* note = new QLabel(tr("Credentials are stored only inside the encrypted cache."), this);
    note->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &VaultAccountDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &VaultAccountDialog::reject);
    resize(560, sizeHint().height());
}

void VaultAccountDialog::chooseFolder()
{
    const QString directory =
        QFileDialog::getExistingDirectory(this, tr("Choose the vault folder"), m_folder->text());
    if (!directory.isEmpty())
        m_folder->setText(QDir::toNativeSeparators(directory));
}

void VaultAccountDialog::accept()
{
    const auto described = account();
    if (!described) {
        m_error->setText(described.errorMessage());
        m_error->show();
        return;
    }
    QDialog::accept();
}

Result<sync::VaultAccount> VaultAccountDialog::account() const
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return makeError(tr("Give the account a name."));
    sync::VaultAccount account;
    switch (Kind(m_kind->currentData().toInt())) {
    case Kind::Folder: {
        const QString folder = QDir::fromNativeSeparators(m_folder->text().trimmed());
        if (folder.isEmpty() || !QFileInfo(folder).isDir())
            return makeError(tr("Choose an existing vault folder."));
        account.url = QUrl::fromLocalFile(QFileInfo(folder).absoluteFilePath()).toString();
        break;
    }
    case Kind::AzureConnectionString: {
        const QString text = m_connectionString->toPlainText().trimmed();
        if (auto parsed = vault::AzureConnectionString::parse(text); !parsed)
            return makeError(parsed.errorMessage());
        account.url = QStringLiteral("azure://") + m_container->text().trimmed();
        account.connectionString = text;
        break;
    }
    case Kind::AzureSasUrl: {
        auto fromSas = accountFromSasUrl(name, m_sasUrl->text().trimmed());
        if (!fromSas)
            return fromSas.error();
        account = std::move(fromSas).value();
        break;
    }
    case Kind::Invalid:
        return makeError(tr("Choose the kind of vault."));
    }
    auto url = vault::VaultUrl::parse(account.url);
    if (!url)
        return makeError(url.errorMessage());
    account.name = name;
    account.url = url->toString();
    account.extraCaFile = m_caFile->text().trimmed();
    if (!account.extraCaFile.isEmpty() && !QFileInfo(account.extraCaFile).isFile())
        return makeError(tr("%1: no such CA file").arg(account.extraCaFile));
    account.media = sync::MediaPolicy(m_media->currentData().toInt());
    account.autoSyncInterval_min = m_autoSync->currentData().toInt();
    return account;
}

Result<sync::VaultAccount> VaultAccountDialog::accountFromSasUrl(const QString& name, const QString& sasUrl)
{
    const QUrl url(sasUrl, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) ||
        url.host().isEmpty())
        return makeError(tr("A SAS URL starts with https:// and names the storage account's blob endpoint."));
    if (!url.hasQuery() || !url.query().contains(QLatin1String("sig=")))
        return makeError(tr("The SAS URL has no signature (sig=…): copy the whole URL."));
    QStringList segments = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    // Emulators (Azurite) put the account in the path: http://127.0.0.1:10000/<account>/<container>.
    const bool pathStyle = !QHostAddress(url.host()).isNull() || url.host() == QLatin1String("localhost");
    QUrl endpoint;
    endpoint.setScheme(url.scheme());
    endpoint.setHost(url.host());
    endpoint.setPort(url.port());
    if (pathStyle) {
        if (segments.isEmpty())
            return makeError(tr("The SAS URL does not name the storage account."));
        endpoint.setPath(QLatin1Char('/') + segments.takeFirst());
    }
    if (segments.isEmpty())
        return makeError(tr("The SAS URL does not name a container."));
    sync::VaultAccount account;
    account.name = name;
    account.url = QStringLiteral("azure://") + segments.join(QLatin1Char('/'));
    account.connectionString = QStringLiteral("BlobEndpoint=%1;SharedAccessSignature=%2")
                                   .arg(endpoint.toString(), url.query(QUrl::FullyEncoded));
    if (auto parsed = vault::AzureConnectionString::parse(account.connectionString); !parsed)
        return makeError(parsed.errorMessage());
    return account;
}

} // namespace holdfast::desktop

#pragma once

#include "sync/VaultAccountStore.h"
#include "util/Result.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;

namespace holdfast::desktop {

// Describes a vault account: a folder vault, or an Azure container reached
// with a connection string or a SAS URL. Saving happens elsewhere, through
// Workspace::saveVaultAccount, inside the encrypted cache.
class VaultAccountDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Kind
    {
        Invalid = 0,
        Folder,
        AzureConnectionString,
        AzureSasUrl,
    };

    explicit VaultAccountDialog(QWidget* parent = nullptr);

    // The account the fields describe, or what is wrong with them.
    Result<sync::VaultAccount> account() const;

    // Turns https://<account>.blob.core.windows.net/<container>[/prefix]?<sas>
    // (or Azurite's http://127.0.0.1:10000/<account>/<container>?<sas>) into
    // an azure:// URL and a connection string with that SAS.
    static Result<sync::VaultAccount> accountFromSasUrl(const QString& name, const QString& sasUrl);

    QLineEdit* nameEdit() const { return m_name; }
    QComboBox* kindCombo() const { return m_kind; }
    QLineEdit* folderEdit() const { return m_folder; }
    QComboBox* autoSyncCombo() const { return m_autoSync; }

    void accept() override;

private:
    void chooseFolder();

    QLineEdit* m_name;
    QComboBox* m_kind;
    QStackedWidget* m_pages;
    QLineEdit* m_folder;
    QLineEdit* m_container;
    QPlainTextEdit* m_connectionString;
    QLineEdit* m_sasUrl;
    QLineEdit* m_caFile;
    QComboBox* m_media;
    QComboBox* m_autoSync;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

} // namespace holdfast::desktop

#pragma once

#include "sync/SyncTypes.h"
#include "sync/VaultAccountStore.h"

#include <QWidget>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace holdfast {
class Workspace;
}

namespace holdfast::desktop {

class SyncJob;

// Vault accounts and syncing: the saved accounts, adding and removing one,
// testing its connection, "Sync now" with progress (stage, files, bytes,
// rate, ETA) and Cancel, the outcome of the last sync with Retry, and the
// quarantined recordings with the reason each was refused. In a read-only
// (auditor) workspace the controls that would change the cache are absent.
class SyncPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SyncPanel(Workspace& workspace, QWidget* parent = nullptr);
    ~SyncPanel() override; // cancels and waits for a running job

    bool isBusy() const { return m_job != nullptr; }
    QString selectedAccountName() const;
    void selectAccount(const QString& name);
    // Saves an account through the workspace; false with a message box on failure.
    bool addAccount(const sync::VaultAccount& account);
    void syncSelected();
    void testSelected();
    void cancel();
    void reloadAccounts();
    void reloadQuarantine();

    QTreeWidget* accountList() const { return m_accounts; }
    QTreeWidget* resultList() const { return m_results; }
    QTreeWidget* quarantineList() const { return m_quarantine; }
    QLabel* statusLabel() const { return m_status; }

Q_SIGNALS:
    // The cache changed (a sync committed something): the library reloads.
    void cacheChanged();
    void syncFinished(bool succeeded);
    void connectionTested(bool succeeded);

private:
    void chooseNewAccount();
    void removeSelected();
    void retry();
    void startJob(int kind);
    void showProgress(const sync::SyncProgress& progress);
    void showReport(const sync::SyncReport& report);
    void finishJob();
    void updateButtons();

    Workspace& m_workspace;
    QList<sync::VaultAccount> m_accountData;
    QTreeWidget* m_accounts;
    QPushButton* m_add;
    QPushButton* m_remove;
    QPushButton* m_test;
    QPushButton* m_sync;
    QPushButton* m_cancel;
    QPushButton* m_retry;
    QLabel* m_stage;
    QProgressBar* m_progress;
    QLabel* m_transfer;
    QLabel* m_status;
    QTreeWidget* m_results;
    QTreeWidget* m_quarantine;
    std::unique_ptr<SyncJob> m_job;
    QString m_lastAccount;
};

} // namespace holdfast::desktop

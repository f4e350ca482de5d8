#pragma once

#include "sync/SyncTypes.h"
#include "sync/VaultAccountStore.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace holdfast {
class Workspace;
}

namespace holdfast::desktop {

class SyncJob;
class SyncScheduler;

// Vault accounts and syncing: the saved accounts, adding and removing one,
// testing its connection, "Sync now" with progress (stage, files, bytes,
// rate, ETA) and Cancel, the outcome of the last sync with Retry, and the
// quarantined recordings with the reason each was refused. Each account may
// sync automatically (off, every 15 min, 1 h, 4 h, daily: kept with the
// account in the cache); the panel's SyncScheduler starts those syncs like
// "Sync now" does, never while another job runs, and shows when the next one
// is due. In a read-only (auditor) workspace the controls that would change
// the cache are absent and nothing is synced automatically.
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
    QComboBox* autoSyncCombo() const { return m_autoSync; }
    QLabel* nextSyncLabel() const { return m_nextSync; }
    SyncScheduler* scheduler() const { return m_scheduler; }
    // Saves how often the account syncs by itself (one of sync::kAutoSyncIntervals_min).
    bool setAutoSyncInterval(const QString& accountName, int interval_min);

Q_SIGNALS:
    // The cache changed (a sync committed something): the library reloads.
    void cacheChanged();
    void syncFinished(bool succeeded);
    void connectionTested(bool succeeded);
    void automaticSyncStarted(const QString& accountName);

private:
    void chooseNewAccount();
    void removeSelected();
    void retry();
    void startJob(int kind, const QString& accountName, bool automatic);
    void showProgress(const sync::SyncProgress& progress);
    void showReport(const sync::SyncReport& report);
    void showFailure(const QString& accountName, const QString& message, bool automatic);
    void finishJob();
    void updateButtons();
    void updateNextSync();

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
    QLabel* m_autoSyncLabel;
    QComboBox* m_autoSync;
    QLabel* m_nextSync;
    SyncScheduler* m_scheduler;
    std::unique_ptr<SyncJob> m_job;
    QString m_lastAccount;
    QString m_syncing; // the account the running job syncs; empty for a connection test
};

} // namespace holdfast::desktop

#include "sync/SyncPanel.h"

#include "app/MutatingControl.h"
#include "sync/SyncJob.h"
#include "sync/SyncScheduler.h"
#include "sync/VaultAccountDialog.h"
#include "workspace/Workspace.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>

namespace holdfast::desktop {

namespace {

QString mediaPolicyText(sync::MediaPolicy policy)
{
    switch (policy) {
    case sync::MediaPolicy::All:
        return SyncPanel::tr("all media");
    case sync::MediaPolicy::OnDemand:
        return SyncPanel::tr("media on demand");
    case sync::MediaPolicy::None:
        return SyncPanel::tr("metadata only");
    }
    return {};
}

QString stageText(sync::SyncStage stage)
{
    switch (stage) {
    case sync::SyncStage::Listing:
        return SyncPanel::tr("Listing the vault");
    case sync::SyncStage::Metadata:
        return SyncPanel::tr("Verifying manifests and transcripts");
    case sync::SyncStage::Media:
        return SyncPanel::tr("Downloading media");
    case sync::SyncStage::Evicting:
        return SyncPanel::tr("Evicting what left the scope");
    case sync::SyncStage::Done:
        return SyncPanel::tr("Done");
    }
    return {};
}

QString outcomeText(sync::SyncedItem::Outcome outcome)
{
    using Outcome = sync::SyncedItem::Outcome;
    switch (outcome) {
    case Outcome::New:
        return SyncPanel::tr("New");
    case Outcome::Updated:
        return SyncPanel::tr("Updated");
    case Outcome::Unchanged:
        return SyncPanel::tr("Unchanged");
    case Outcome::Quarantined:
        return SyncPanel::tr("Quarantined");
    case Outcome::Failed:
        return SyncPanel::tr("Failed");
    case Outcome::MediaStored:
        return SyncPanel::tr("Media stored");
    case Outcome::Evicted:
        return SyncPanel::tr("Evicted");
    case Outcome::KeptHeld:
        return SyncPanel::tr("Kept (on hold)");
    }
    return {};
}

QString formatDuration(qint64 ms)
{
    const qint64 seconds = (ms + 999) / 1000;
    if (seconds >= 3600)
        return SyncPanel::tr("%1 h %2 min").arg(seconds / 3600).arg(seconds / 60 % 60);
    if (seconds >= 60)
        return SyncPanel::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return SyncPanel::tr("%1 s").arg(seconds);
}

// A moment of the next automatic sync: the time of day when it is today, else date and time.
QString formatWhen(const QDateTime& at)
{
    const QDateTime local = at.toLocalTime();
    const QLocale locale;
    return local.date() == QDate::currentDate() ? locale.toString(local.time(), QLocale::ShortFormat)
                                                : locale.toString(local, QLocale::ShortFormat);
}

} // namespace

SyncPanel::SyncPanel(Workspace& workspace, QWidget* parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_accounts(new QTreeWidget(this))
    , m_add(new QPushButton(tr("&Add Account…"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_test(new QPushButton(tr("&Test Connection"), this))
    , m_sync(new QPushButton(tr("&Sync Now"), this))
    , m_cancel(new QPushButton(tr("&Cancel"), this))
    , m_retry(new QPushButton(tr("Re&try"), this))
    , m_stage(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_transfer(new QLabel(this))
    , m_status(new QLabel(this))
    , m_results(new QTreeWidget(this))
    , m_quarantine(new QTreeWidget(this))
    , m_autoSyncLabel(new QLabel(tr("Sync aut&omatically:"), this))
    , m_autoSync(new QComboBox(this))
    , m_nextSync(new QLabel(this))
    , m_scheduler(new SyncScheduler(this))
{
    setObjectName(QStringLiteral("syncPanel"));
    const bool readOnly = m_workspace.isReadOnly();

    m_accounts->setObjectName(QStringLiteral("vaultAccountList"));
    m_accounts->setAccessibleName(tr("Vault accounts"));
    m_accounts->setHeaderLabels({tr("Account"), tr("Vault"), tr("Media"), tr("Automatic sync")});
    m_accounts->setRootIsDecorated(false);
    m_accounts->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_accounts->header()->setStretchLastSection(false);
    m_accounts->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_accounts->header()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    connect(m_accounts, &QTreeWidget::currentItemChanged, this, &SyncPanel::updateButtons);

    const std::pair<QPushButton*, QString> buttons[] = {
        {m_add, QStringLiteral("addAccountButton")},      {m_remove, QStringLiteral("removeAccountButton")},
        {m_test, QStringLiteral("testConnectionButton")}, {m_sync, QStringLiteral("syncNowButton")},
        {m_cancel, QStringLiteral("cancelSyncButton")},   {m_retry, QStringLiteral("retrySyncButton")}};
    for (const auto& [button, name] : buttons)
        button->setObjectName(name);
    m_add->setAccessibleName(tr("Add a vault account"));
    m_remove->setAccessibleName(tr("Remove the selected vault account"));
    m_test->setAccessibleName(tr("Test the connection to the selected vault"));
    m_sync->setAccessibleName(tr("Sync the selected vault now"));
    m_cancel->setAccessibleName(tr("Cancel the running sync"));
    m_retry->setAccessibleName(tr("Retry the last sync"));
    for (QPushButton* button : {m_add, m_remove, m_sync, m_retry}) {
        markMutating(button);
        if (readOnly) {
            button->setEnabled(false);
            button->hide();
        }
    }
    connect(m_add, &QPushButton::clicked, this, &SyncPanel::chooseNewAccount);
    connect(m_remove, &QPushButton::clicked, this, &SyncPanel::removeSelected);
    connect(m_test, &QPushButton::clicked, this, &SyncPanel::testSelected);
    connect(m_sync, &QPushButton::clicked, this, &SyncPanel::syncSelected);
    connect(m_cancel, &QPushButton::clicked, this, &SyncPanel::cancel);
    connect(m_retry, &QPushButton::clicked, this, &SyncPanel::retry);

    m_autoSync->setObjectName(QStringLiteral("autoSyncCombo"));
    m_autoSync->setAccessibleName(tr("How often the selected account syncs by itself"));
    for (const int interval_min : sync::kAutoSyncIntervals_min)
        m_autoSync->addItem(SyncScheduler::intervalText(interval_min), interval_min);
    m_autoSyncLabel->setBuddy(m_autoSync);
    markMutating(m_autoSync);
    if (readOnly) {
        m_autoSync->setEnabled(false);
        m_autoSync->hide();
        m_autoSyncLabel->hide();
    }
    connect(m_autoSync, &QComboBox::activated, this, [this](int index) {
        setAutoSyncInterval(selectedAccountName(), m_autoSync->itemData(index).toInt());
    });
    m_nextSync->setObjectName(QStringLiteral("nextAutoSyncLabel"));
    m_nextSync->setWordWrap(true);
    connect(m_scheduler, &SyncScheduler::scheduleChanged, this, &SyncPanel::updateNextSync);
    connect(m_scheduler, &SyncScheduler::due, this, [this](const QString& name) {
        if (m_job || m_workspace.isReadOnly())
            return;
        startJob(int(SyncJob::Kind::Sync), name, true);
        if (m_job)
            Q_EMIT automaticSyncStarted(name);
    });

    m_stage->setObjectName(QStringLiteral("syncStage"));
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setAccessibleName(tr("Sync progress"));
    m_transfer->setObjectName(QStringLiteral("syncTransfer"));
    m_status->setObjectName(QStringLiteral("syncStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->hide();

    m_results->setObjectName(QStringLiteral("syncResults"));
    m_results->setAccessibleName(tr("Outcome of the last sync"));
    m_results->setHeaderLabels({tr("Outcome"), tr("Recording"), tr("Vault path"), tr("Reason")});
    m_results->setRootIsDecorated(false);
    for (QTreeWidget* tree : {m_results, m_quarantine}) {
        tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
        tree->header()->setStretchLastSection(true);
    }
    m_quarantine->setObjectName(QStringLiteral("quarantineList"));
    m_quarantine->setAccessibleName(tr("Quarantined recordings"));
    m_quarantine->setHeaderLabels({tr("Recording"), tr("Started"), tr("Title"), tr("Why it was refused")});
    m_quarantine->setRootIsDecorated(false);
    m_quarantine->setWordWrap(true);

    auto* accountButtons = new QHBoxLayout;
    accountButtons->addWidget(m_add);
    accountButtons->addWidget(m_remove);
    accountButtons->addWidget(m_test);
    accountButtons->addStretch(1);
    accountButtons->addWidget(m_sync);
    accountButtons->addWidget(m_cancel);
    auto* scheduleRow = new QHBoxLayout;
    scheduleRow->addWidget(m_autoSyncLabel);
    scheduleRow->addWidget(m_autoSync);
    scheduleRow->addWidget(m_nextSync, 1);
    auto* accountsBox = new QGroupBox(tr("Vault accounts"), this);
    auto* accountsLayout = new QVBoxLayout(accountsBox);
    accountsLayout->addWidget(m_accounts);
    accountsLayout->addLayout(accountButtons);
    accountsLayout->addLayout(scheduleRow);

    auto* progressBox = new QGroupBox(tr("Sync"), this);
    auto* progressLayout = new QVBoxLayout(progressBox);
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_retry);
    progressLayout->addWidget(m_stage);
    progressLayout->addWidget(m_progress);
    progressLayout->addWidget(m_transfer);
    progressLayout->addLayout(statusRow);
    progressLayout->addWidget(m_results);

    auto* quarantineBox = new QGroupBox(tr("Quarantine: packages that failed verification"), this);
    auto* quarantineLayout = new QVBoxLayout(quarantineBox);
    quarantineLayout->addWidget(m_quarantine);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(accountsBox);
    splitter->addWidget(progressBox);
    splitter->addWidget(quarantineBox);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    m_retry->hide();
    // Never enabled read-only: an auditor's workspace is not even asked to sync.
    m_scheduler->setEnabled(!readOnly);
    reloadAccounts();
    reloadQuarantine();
    updateButtons();
    updateNextSync();
}

SyncPanel::~SyncPanel() = default;

QString SyncPanel::selectedAccountName() const
{
    const QTreeWidgetItem* item = m_accounts->currentItem();
    return item ? item->text(0) : QString();
}

void SyncPanel::selectAccount(const QString& name)
{
    for (int i = 0; i < m_accounts->topLevelItemCount(); ++i)
        if (m_accounts->topLevelItem(i)->text(0) == name)
            m_accounts->setCurrentItem(m_accounts->topLevelItem(i));
}

void SyncPanel::reloadAccounts()
{
    const QString selected = selectedAccountName();
    m_accounts->clear();
    auto accounts = m_workspace.vaultAccounts();
    if (!accounts) {
        m_status->setText(tr("Could not read the vault accounts: %1").arg(accounts.errorMessage()));
        return;
    }
    m_accountData = std::move(accounts).value();
    QList<SyncScheduler::Account> scheduled;
    for (const sync::VaultAccount& account : std::as_const(m_accountData)) {
        auto* item =
            new QTreeWidgetItem(m_accounts, {account.name, account.url, mediaPolicyText(account.media),
                                             SyncScheduler::intervalText(account.autoSyncInterval_min)});
        item->setToolTip(1, account.connectionString.isEmpty()
                                ? account.url
                                : tr("%1 (credentials stored in the cache)").arg(account.url));
        if (account.autoSyncInterval_min > 0 && !m_workspace.isReadOnly()) {
            // The interval counts from the end of the last sync, also one before this session.
            auto ended = m_workspace.lastSyncEnded(account.url);
            if (!ended)
                m_status->setText(tr("Could not read when \"%1\" was last synced; its automatic sync counts "
                                     "from now: %2")
                                      .arg(account.name, ended.errorMessage()));
            scheduled.append(
                {account.name, account.autoSyncInterval_min, ended ? *ended : std::optional<QDateTime>()});
        }
    }
    m_scheduler->setAccounts(scheduled);
    if (!selected.isEmpty())
        selectAccount(selected);
    if (!m_accounts->currentItem() && m_accounts->topLevelItemCount() > 0)
        m_accounts->setCurrentItem(m_accounts->topLevelItem(0));
    if (m_accountData.isEmpty() && !m_workspace.isReadOnly())
        m_status->setText(tr("No vault account yet. Add one to sync recordings into this cache."));
    updateButtons();
}

void SyncPanel::reloadQuarantine()
{
    m_quarantine->clear();
    cache::SearchFilter filter;
    filter.verificationState = cache::verificationStateName(cache::VerificationState::Quarantined);
    auto quarantined = m_workspace.listRecordings(filter);
    if (!quarantined) {
        new QTreeWidgetItem(m_quarantine, {QString(), QString(), QString(), quarantined.errorMessage()});
        return;
    }
    for (const cache::RecordingSummary& s : std::as_const(*quarantined)) {
        auto* item = new QTreeWidgetItem(
            m_quarantine, {s.id, QLocale().toString(s.startedAt.toLocalTime(), QLocale::ShortFormat), s.title,
                           s.quarantineReason});
        item->setIcon(0, QIcon(QStringLiteral(":/icons/failed.svg")));
        item->setToolTip(3, s.quarantineReason);
    }
}

bool SyncPanel::setAutoSyncInterval(const QString& accountName, int interval_min)
{
    const auto found = std::find_if(m_accountData.cbegin(), m_accountData.cend(),
                                    [&](const sync::VaultAccount& a) { return a.name == accountName; });
    if (found == m_accountData.cend())
        return false;
    sync::VaultAccount account = *found;
    account.autoSyncInterval_min = interval_min;
    if (const Status saved = m_workspace.saveVaultAccount(account); !saved) {
        m_status->setText(tr("Could not change the automatic sync: %1").arg(saved.errorMessage()));
        updateButtons(); // the combo shows what is saved
        return false;
    }
    reloadAccounts();
    m_status->setText(tr("Automatic sync of \"%1\": %2.")
                          .arg(accountName, SyncScheduler::intervalText(interval_min).toLower()));
    return true;
}

bool SyncPanel::addAccount(const sync::VaultAccount& account)
{
    if (const Status saved = m_workspace.saveVaultAccount(account); !saved) {
        m_status->setText(tr("Could not save the account: %1").arg(saved.errorMessage()));
        return false;
    }
    reloadAccounts();
    selectAccount(account.name);
    m_status->setText(tr("Account \"%1\" saved in the encrypted cache.").arg(account.name));
    return true;
}

// Dialogs are non-blocking (open(), not exec()): locking deletes this panel,
// and with it any dialog it shows, which must not happen inside a nested
// event loop running in one of its own functions.
void SyncPanel::chooseNewAccount()
{
    auto* dialog = new VaultAccountDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (auto account = dialog->account())
            addAccount(*account);
    });
    dialog->open();
}

void SyncPanel::removeSelected()
{
    const QString name = selectedAccountName();
    if (name.isEmpty())
        return;
    auto* question = new QMessageBox(QMessageBox::Question, tr("Remove Vault Account"),
                                     tr("Remove the account \"%1\" and its stored credentials? Recordings "
                                        "already in the cache stay.")
                                         .arg(name),
                                     QMessageBox::Yes | QMessageBox::No, this);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this, name](int result) {
        if (result != QMessageBox::Yes)
            return;
        if (const Status removed = m_workspace.removeVaultAccount(name); !removed)
            m_status->setText(tr("Could not remove the account: %1").arg(removed.errorMessage()));
        reloadAccounts();
    });
    question->open();
}

void SyncPanel::syncSelected()
{
    startJob(int(SyncJob::Kind::Sync), selectedAccountName(), false);
}

void SyncPanel::testSelected()
{
    startJob(int(SyncJob::Kind::TestConnection), selectedAccountName(), false);
}

void SyncPanel::retry()
{
    if (!m_lastAccount.isEmpty())
        selectAccount(m_lastAccount);
    syncSelected();
}

void SyncPanel::cancel()
{
    if (!m_job)
        return;
    m_job->cancel();
    m_cancel->setEnabled(false);
    m_stage->setText(tr("Cancelling… what was committed stays; the next sync continues."));
}

void SyncPanel::startJob(int kindValue, const QString& name, bool automatic)
{
    const auto kind = SyncJob::Kind(kindValue);
    if (m_job)
        return;
    if (kind == SyncJob::Kind::Sync && m_workspace.isReadOnly())
        return;
    const auto account = std::find_if(m_accountData.cbegin(), m_accountData.cend(),
                                      [&](const sync::VaultAccount& a) { return a.name == name; });
    if (account == m_accountData.cend())
        return;
    m_job = std::make_unique<SyncJob>(m_workspace, *account, kind);
    connect(m_job.get(), &SyncJob::progressed, this, &SyncPanel::showProgress);
    connect(m_job.get(), &SyncJob::synced, this, [this, name, automatic](const sync::SyncReport& report) {
        finishJob();
        showReport(report);
        if (automatic)
            m_status->setText(tr("Automatic sync of \"%1\": %2").arg(name, m_status->text()));
        Q_EMIT cacheChanged();
        Q_EMIT syncFinished(!report.cancelled && report.count(sync::SyncedItem::Outcome::Failed) == 0);
    });
    connect(m_job.get(), &SyncJob::connectionTested, this, [this, name](const QString& error) {
        finishJob();
        m_status->setText(error.isEmpty() ? tr("\"%1\" answered: the connection works.").arg(name)
                                          : tr("\"%1\" did not answer: %2").arg(name, error));
        Q_EMIT connectionTested(error.isEmpty());
    });
    connect(m_job.get(), &SyncJob::failed, this, [this, kind, name, automatic](const QString& message) {
        finishJob();
        if (kind == SyncJob::Kind::Sync) {
            showFailure(name, message, automatic);
            Q_EMIT syncFinished(false);
        } else {
            m_status->setText(tr("Failed: %1").arg(message));
            Q_EMIT connectionTested(false);
        }
    });
    if (kind == SyncJob::Kind::Sync) {
        m_syncing = name;
        m_lastAccount = name;
        m_results->clear();
        m_retry->hide();
        m_progress->setRange(0, 0);
        m_progress->show();
        m_stage->setText(automatic ? tr("Starting the automatic sync of \"%1\"…").arg(name)
                                   : tr("Starting the sync of \"%1\"…").arg(name));
        m_status->clear();
    } else {
        m_status->setText(tr("Asking \"%1\" for a listing…").arg(name));
    }
    m_transfer->clear();
    m_scheduler->setBusy(true, m_syncing);
    m_job->start();
    updateButtons();
}

void SyncPanel::showFailure(const QString& name, const QString& message, bool automatic)
{
    m_status->setText(automatic ? tr("Automatic sync of \"%1\" failed: %2").arg(name, message)
                                : tr("Failed: %1").arg(message));
    m_stage->setText(tr("Failed"));
    // In the list with the outcome of the last sync, as a failed package would be.
    const auto account = std::find_if(m_accountData.cbegin(), m_accountData.cend(),
                                      [&](const sync::VaultAccount& a) { return a.name == name; });
    auto* row =
        new QTreeWidgetItem(m_results, {outcomeText(sync::SyncedItem::Outcome::Failed), QString(),
                                        account != m_accountData.cend() ? account->url : name, message});
    row->setIcon(0, QIcon(QStringLiteral(":/icons/failed.svg")));
    row->setToolTip(3, message);
    m_retry->setVisible(!m_workspace.isReadOnly());
}

void SyncPanel::showProgress(const sync::SyncProgress& p)
{
    m_stage->setText(p.current.isEmpty() ? stageText(p.stage)
                                         : tr("%1: %2").arg(stageText(p.stage), p.current));
    if (p.filesTotal > 0) {
        m_progress->setRange(0, int(std::min<qint64>(p.filesTotal, INT_MAX)));
        m_progress->setValue(int(std::min<qint64>(p.filesDone, INT_MAX)));
        m_progress->setFormat(tr("%v of %m files"));
    } else {
        m_progress->setRange(0, 0);
    }
    const QLocale locale;
    QStringList parts;
    parts << tr("%n file(s) done", nullptr, int(p.filesDone));
    if (p.bytesTotal > 0)
        parts << tr("%1 of %2")
                     .arg(locale.formattedDataSize(p.bytesDone), locale.formattedDataSize(p.bytesTotal));
    if (p.bytesPerSecond > 0)
        parts << tr("%1/s").arg(locale.formattedDataSize(qint64(p.bytesPerSecond)));
    if (p.eta_ms >= 0)
        parts << tr("about %1 left").arg(formatDuration(p.eta_ms));
    m_transfer->setText(parts.join(QStringLiteral(" · ")));
}

void SyncPanel::showReport(const sync::SyncReport& report)
{
    using Outcome = sync::SyncedItem::Outcome;
    m_results->clear();
    for (const sync::SyncedItem& item : report.items) {
        if (item.outcome == Outcome::Unchanged)
            continue;
        auto* row = new QTreeWidgetItem(
            m_results, {outcomeText(item.outcome), item.recordingId, item.path, item.reason});
        if (item.outcome == Outcome::Quarantined || item.outcome == Outcome::Failed)
            row->setIcon(0, QIcon(QStringLiteral(":/icons/failed.svg")));
        row->setToolTip(3, item.reason);
    }
    const int failed = report.count(Outcome::Failed);
    QString summary =
        tr("%1 package(s): %2 new, %3 updated, %4 unchanged, %5 quarantined, %6 failed; %7 media "
           "file(s) stored (%8); %9 evicted. Took %10.")
            .arg(report.packagesListed)
            .arg(report.count(Outcome::New))
            .arg(report.count(Outcome::Updated))
            .arg(report.count(Outcome::Unchanged))
            .arg(report.count(Outcome::Quarantined))
            .arg(failed)
            .arg(report.count(Outcome::MediaStored))
            .arg(QLocale().formattedDataSize(report.mediaBytes))
            .arg(report.count(Outcome::Evicted))
            .arg(formatDuration(report.elapsed_ms));
    if (report.cancelled)
        summary = tr("Cancelled; what was committed stays and the next sync continues. ") + summary;
    m_status->setText(summary);
    m_transfer->clear();
    m_stage->setText(report.cancelled ? tr("Cancelled") : stageText(sync::SyncStage::Done));
    m_retry->setVisible(!m_workspace.isReadOnly() && (failed > 0 || report.cancelled));
    reloadQuarantine();
}

void SyncPanel::finishJob()
{
    // Deleting the job from inside its own signal would destroy the sender mid-emit.
    if (m_job)
        m_job.release()->deleteLater();
    m_progress->hide();
    // However it ended, the account's interval starts again now; what fell
    // due meanwhile is due now (the scheduler's timer, not this call, starts it).
    if (!m_syncing.isEmpty())
        m_scheduler->syncEnded(std::exchange(m_syncing, QString()));
    m_scheduler->setBusy(false);
    updateButtons();
}

void SyncPanel::updateButtons()
{
    const bool selected = m_accounts->currentItem() != nullptr;
    const bool busy = m_job != nullptr;
    const bool readOnly = m_workspace.isReadOnly();
    m_add->setEnabled(!readOnly && !busy);
    m_remove->setEnabled(!readOnly && !busy && selected);
    m_sync->setEnabled(!readOnly && !busy && selected);
    m_retry->setEnabled(!readOnly && !busy);
    m_test->setEnabled(!busy && selected);
    m_cancel->setEnabled(busy);
    m_cancel->setVisible(busy);
    const QString name = selectedAccountName();
    const auto account = std::find_if(m_accountData.cbegin(), m_accountData.cend(),
                                      [&](const sync::VaultAccount& a) { return a.name == name; });
    const QSignalBlocker blocker(m_autoSync);
    m_autoSync->setCurrentIndex(std::max(
        0, m_autoSync->findData(account != m_accountData.cend() ? account->autoSyncInterval_min : 0)));
    m_autoSync->setEnabled(!readOnly && selected);
}

void SyncPanel::updateNextSync()
{
    if (m_workspace.isReadOnly()) {
        m_nextSync->setText(
            tr("Automatic sync is unavailable in auditor mode: the cache is open read-only."));
        return;
    }
    const auto next = m_scheduler->next();
    if (!next) {
        const bool runningIsScheduled =
            std::any_of(m_accountData.cbegin(), m_accountData.cend(), [&](const sync::VaultAccount& a) {
                return a.name == m_syncing && a.autoSyncInterval_min > 0;
            });
        m_nextSync->setText(
            runningIsScheduled
                ? tr("The next automatic sync of \"%1\" counts from the end of this one.").arg(m_syncing)
                : tr("Automatic sync is off."));
        return;
    }
    if (m_job && next->at <= QDateTime::currentDateTimeUtc())
        m_nextSync->setText(
            tr("Automatic sync of \"%1\" is due: it starts when the running job ends.").arg(next->account));
    else
        m_nextSync->setText(tr("Next automatic sync: %1 (\"%2\")").arg(formatWhen(next->at), next->account));
}

} // namespace holdfast::desktop

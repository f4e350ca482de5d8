#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <chrono>
#include <optional>

namespace holdfast::desktop {

// When each vault account with automatic sync is next due, and a timer that
// announces it (due()). An account's interval counts from the end of its last
// sync: one that ended in this session (automatic or not, failed or not, see
// syncEnded()), else the last one the cache recorded (Workspace::
// lastSyncEnded), else the moment the scheduler first saw the account's
// interval. An account already overdue when it is first seen is due at once.
// Nothing falls due while a sync or a connection test runs (setBusy()); what
// fell due meanwhile is due as soon as it ends. The sync panel of an unlocked
// workspace owns its scheduler, so locking (which deletes the panel) stops
// the timer and unlocking starts a new one; a read-only panel never enables it.
class SyncScheduler : public QObject
{
    Q_OBJECT

public:
    struct Account
    {
        QString name;
        int interval_min = 0;               // 0: no automatic sync
        std::optional<QDateTime> lastEnded; // the cache's record of the last sync
    };
    struct Next
    {
        QString account;
        QDateTime at; // UTC; in the past when it is overdue (waiting for a running job)
    };

    explicit SyncScheduler(QObject* parent = nullptr);

    // The saved accounts as they are now; call again after every change.
    void setAccounts(const QList<Account>& accounts);
    // Disabled (the default), nothing is ever due and next() is empty.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    // A sync or a connection test is running; `syncing` names the account a sync runs for.
    void setBusy(bool busy, const QString& syncing = {});
    bool isBusy() const { return m_busy; }
    // A sync of this account ended now, however it ended: its interval starts again.
    void syncEnded(const QString& account);

    // The account due first, or empty when none is (off, disabled, none has an interval).
    std::optional<Next> next() const;
    std::optional<QDateTime> nextFor(const QString& account) const;
    // The timer is running: something will fall due (or, while busy, is about to).
    bool isArmed() const { return m_timer.isActive(); }

    // Test hook: how long one minute of an interval lasts (60 s unless changed).
    void setMinuteLength(std::chrono::milliseconds length);

    // "Off", "Every 15 minutes", "Every hour", "Every 4 hours", "Daily".
    static QString intervalText(int interval_min);

Q_SIGNALS:
    // Start an automatic sync of this account now (nothing else is running).
    void due(const QString& account);
    // next() may have changed.
    void scheduleChanged();

private:
    struct Entry
    {
        int interval_min = 0;
        QDateTime countsFrom; // UTC
    };

    QDateTime dueAt(const Entry& entry) const;
    void rearm();
    void fire();

    QHash<QString, Entry> m_entries; // the accounts with an interval
    QString m_syncing;               // the account being synced, not due meanwhile
    QTimer m_timer;
    bool m_enabled = false;
    bool m_busy = false;
    std::chrono::milliseconds m_minute{std::chrono::minutes(1)};
};

} // namespace holdfast::desktop

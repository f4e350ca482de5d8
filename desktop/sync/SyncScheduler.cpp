#include "sync/SyncScheduler.h"

#include <algorithm>
#include <tuple>

namespace holdfast::desktop {

namespace {

// The timer wakes at least this often, so that a change of the wall clock or
// a machine waking from suspend delays an automatic sync by at most this much.
constexpr qint64 kLongestWait_ms = 60 * 1000;

} // namespace

SyncScheduler::SyncScheduler(QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SyncScheduler::fire);
}

void SyncScheduler::setAccounts(const QList<Account>& accounts)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QHash<QString, Entry> entries;
    for (const Account& account : accounts) {
        if (account.interval_min <= 0)
            continue;
        Entry entry{account.interval_min, now};
        const auto known = m_entries.constFind(account.name);
        if (known != m_entries.cend())
            entry.countsFrom = known->countsFrom;
        // The cache's record counts when it is the later end (a sync by the
        // CLI meanwhile), or when the account is new to this scheduler.
        if (account.lastEnded && (known == m_entries.cend() || *account.lastEnded > entry.countsFrom))
            entry.countsFrom = *account.lastEnded;
        entries.insert(account.name, entry);
    }
    m_entries = std::move(entries);
    rearm();
}

void SyncScheduler::setEnabled(bool enabled)
{
    m_enabled = enabled;
    rearm();
}

void SyncScheduler::setBusy(bool busy, const QString& syncing)
{
    m_busy = busy;
    m_syncing = busy ? syncing : QString();
    rearm();
}

void SyncScheduler::syncEnded(const QString& account)
{
    const auto entry = m_entries.find(account);
    if (entry != m_entries.end())
        entry->countsFrom = QDateTime::currentDateTimeUtc();
    rearm();
}

std::optional<SyncScheduler::Next> SyncScheduler::next() const
{
    if (!m_enabled)
        return std::nullopt;
    std::optional<Next> first;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (it.key() == m_syncing)
            continue;
        const QDateTime at = dueAt(*it);
        if (!first || std::tie(at, it.key()) < std::tie(first->at, first->account))
            first = Next{it.key(), at};
    }
    return first;
}

std::optional<QDateTime> SyncScheduler::nextFor(const QString& account) const
{
    const auto entry = m_entries.constFind(account);
    if (!m_enabled || account == m_syncing || entry == m_entries.cend())
        return std::nullopt;
    return dueAt(*entry);
}

void SyncScheduler::setMinuteLength(std::chrono::milliseconds length)
{
    m_minute = std::max(length, std::chrono::milliseconds(1));
    rearm();
}

QString SyncScheduler::intervalText(int interval_min)
{
    switch (interval_min) {
    case 0:
        return tr("Off");
    case 15:
        return tr("Every 15 minutes");
    case 60:
        return tr("Every hour");
    case 240:
        return tr("Every 4 hours");
    case 1440:
        return tr("Daily");
    default:
        return tr("Every %n minute(s)", nullptr, interval_min);
    }
}

QDateTime SyncScheduler::dueAt(const Entry& entry) const
{
    return entry.countsFrom.addMSecs(qint64(entry.interval_min) * qint64(m_minute.count()));
}

void SyncScheduler::rearm()
{
    m_timer.stop();
    if (const auto first = next()) {
        const qint64 wait_ms = QDateTime::currentDateTimeUtc().msecsTo(first->at);
        // While busy the timer only marks the moment an account falls due
        // (scheduleChanged); what is due waits for setBusy(false).
        if (!m_busy || wait_ms > 0)
            m_timer.start(int(std::clamp<qint64>(wait_ms, 0, kLongestWait_ms)));
    }
    Q_EMIT scheduleChanged();
}

void SyncScheduler::fire()
{
    const auto first = next();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!first || first->at > now || m_busy) {
        rearm(); // woke early to follow the wall clock, or it is due and waits
        return;
    }
    Q_EMIT due(first->account);
    if (!m_busy) {
        // Nothing was started: count this as the attempt, so it is not due again at once.
        const auto entry = m_entries.find(first->account);
        if (entry != m_entries.end())
            entry->countsFrom = now;
        rearm();
    }
}

} // namespace holdfast::desktop

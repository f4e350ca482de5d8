#pragma once

#include "sync/SyncTypes.h"
#include "sync/VaultAccountStore.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>

namespace holdfast {
class Workspace;
}

namespace holdfast::desktop {

// One piece of vault work on a worker thread: a connection test (one list
// call) or Workspace::syncVault for a saved account. Signals are delivered on
// the thread that owns the job (the GUI thread); the destructor cancels and
// waits, and queued results of a deleted job are dropped.
class SyncJob : public QObject
{
    Q_OBJECT

public:
    enum class Kind
    {
        Invalid = 0,
        TestConnection,
        Sync,
    };

    SyncJob(Workspace& workspace, sync::VaultAccount account, Kind kind, QObject* parent = nullptr);
    ~SyncJob() override;

    void start();
    void cancel();
    bool isRunning() const { return m_thread && m_thread->isRunning(); }
    Kind kind() const { return m_kind; }
    const sync::VaultAccount& account() const { return m_account; }

Q_SIGNALS:
    void progressed(const holdfast::sync::SyncProgress& progress);
    void connectionTested(const QString& error); // empty: the vault answered
    void synced(const holdfast::sync::SyncReport& report);
    void failed(const QString& message);

private:
    void run();

    Workspace& m_workspace;
    sync::VaultAccount m_account;
    Kind m_kind;
    std::atomic_bool m_cancelled{false};
    std::unique_ptr<QThread> m_thread;
};

} // namespace holdfast::desktop

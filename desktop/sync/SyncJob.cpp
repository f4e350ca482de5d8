#include "sync/SyncJob.h"

#include "vault/VaultFactory.h"
#include "workspace/Workspace.h"

#include <QElapsedTimer>
#include <optional>

namespace holdfast::desktop {

SyncJob::SyncJob(Workspace& workspace, sync::VaultAccount account, Kind kind, QObject* parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_account(std::move(account))
    , m_kind(kind)
{}

SyncJob::~SyncJob()
{
    cancel();
    if (m_thread)
        m_thread->wait();
}

void SyncJob::start()
{
    Q_ASSERT(!m_thread);
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->start();
}

void SyncJob::cancel()
{
    m_cancelled = true;
}

void SyncJob::run()
{
    const auto post = [this](auto call) {
        QMetaObject::invokeMethod(this, std::move(call), Qt::QueuedConnection);
    };
    auto opened = vault::openVault(m_account.url, m_account.connectionString, m_account.extraCaFile);
    if (!opened) {
        post([this, message = opened.errorMessage()] { Q_EMIT failed(message); });
        return;
    }
    vault::Vault& vault = **opened;

    if (m_kind == Kind::TestConnection) {
        auto listed = vault.list(QStringLiteral("keys/"), {}, 1, &m_cancelled);
        post([this, message = listed ? QString() : listed.errorMessage()] {
            Q_EMIT connectionTested(message);
        });
        return;
    }

    sync::SyncOptions syncOptions;
    syncOptions.media = m_account.media;
    syncOptions.scope = m_account.scope;
    // At most ten progress updates a second reach the GUI, and every stage change.
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    std::optional<sync::SyncStage> lastStage;
    const auto progress = [&](const sync::SyncProgress& p) {
        if (p.stage == lastStage && sinceProgress.elapsed() < 100)
            return;
        lastStage = p.stage;
        sinceProgress.restart();
        post([this, p] { Q_EMIT progressed(p); });
    };
    auto report = m_workspace.syncVault(vault, m_account.url, syncOptions, progress, &m_cancelled);
    if (report)
        post([this, r = std::move(report).value()] { Q_EMIT synced(r); });
    else
        post([this, message = report.errorMessage()] { Q_EMIT failed(message); });
}

} // namespace holdfast::desktop

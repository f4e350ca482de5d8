#include "library/VaultScanJob.h"

#include "review/VaultCatalog.h"

namespace holdfast::desktop {

VaultScanJob::VaultScanJob(QString vaultDirectory, QObject* parent)
    : QObject(parent)
    , m_vaultDirectory(std::move(vaultDirectory))
{}

VaultScanJob::~VaultScanJob()
{
    cancel();
    if (m_thread)
        m_thread->wait();
}

void VaultScanJob::start()
{
    Q_ASSERT(!m_thread);
    m_thread.reset(QThread::create([this] {
        auto result = review::VaultCatalog::scan(
            m_vaultDirectory,
            [this](int done, int total) {
                QMetaObject::invokeMethod(
                    this, [this, done, total] { Q_EMIT progressChanged(done, total); }, Qt::QueuedConnection);
            },
            &m_cancelled);
        // The destructor waits for this thread, so `this` outlives the lambda;
        // queued calls are dropped if the job is deleted before they run.
        if (result)
            QMetaObject::invokeMethod(
                this, [this, reports = std::move(result).value()] { Q_EMIT succeeded(reports); },
                Qt::QueuedConnection);
        else
            QMetaObject::invokeMethod(
                this, [this, message = result.errorMessage()] { Q_EMIT failed(message); },
                Qt::QueuedConnection);
    }));
    m_thread->start();
}

void VaultScanJob::cancel()
{
    m_cancelled = true;
}

} // namespace holdfast::desktop

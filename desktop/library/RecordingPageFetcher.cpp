#include "library/RecordingPageFetcher.h"

#include "workspace/Workspace.h"

namespace holdfast::desktop {

RecordingPageFetcher::RecordingPageFetcher(Workspace& workspace, QObject* parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_worker(std::make_unique<QObject>())
{
    m_thread.setObjectName(QStringLiteral("recording pages"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

RecordingPageFetcher::~RecordingPageFetcher()
{
    // Requests still queued are not run; the one under way finishes, and its
    // answer, posted to this object, is discarded with it.
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
}

void RecordingPageFetcher::fetch(Request request, Done done)
{
    QMetaObject::invokeMethod(
        m_worker.get(),
        [this, request = std::move(request), done = std::move(done)]() mutable {
            if (m_thread.isInterruptionRequested())
                return;
            Page page = m_workspace.listRecordings(request.filter, request.limit, request.offset,
                                                   request.order, request.after ? &*request.after : nullptr);
            QMetaObject::invokeMethod(
                this, [done = std::move(done), page = std::move(page)]() mutable { done(std::move(page)); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace holdfast::desktop

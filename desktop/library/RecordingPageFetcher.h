#pragma once

#include "cache/RecordingStore.h"
#include "cache/SearchQuery.h"
#include "util/Result.h"

#include <QList>
#include <QObject>
#include <QThread>
#include <functional>
#include <memory>
#include <optional>

namespace holdfast {
class Workspace;
}

namespace holdfast::desktop {

// Reads pages of the recording list (Workspace::listRecordings) on a worker
// thread of its own, so that a view scrolling through a large library never
// waits for the encrypted database on the GUI thread. Requests run one after
// another in the order given; each answer is handed back on the fetcher's own
// thread (the GUI thread), never from inside fetch(). The destructor waits
// for the page being read and drops answers not yet handed back, so the
// workspace must outlive the fetcher.
class RecordingPageFetcher : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        cache::SearchFilter filter;
        cache::RecordingOrder order = cache::RecordingOrder::NewestFirst;
        int limit = 0;
        int offset = 0;
        std::optional<cache::RecordingSummary> after; // keyset: the page starts after this row
    };
    using Page = Result<QList<cache::RecordingSummary>>;
    using Done = std::function<void(Page)>;

    explicit RecordingPageFetcher(Workspace& workspace, QObject* parent = nullptr);
    ~RecordingPageFetcher() override;
    RecordingPageFetcher(const RecordingPageFetcher&) = delete;
    RecordingPageFetcher& operator=(const RecordingPageFetcher&) = delete;

    void fetch(Request request, Done done);

private:
    Workspace& m_workspace;
    QThread m_thread;
    std::unique_ptr<QObject> m_worker; // lives in m_thread; deleted after it stopped
};

} // namespace holdfast::desktop

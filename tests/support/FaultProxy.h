#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QThread>
#include <atomic>
#include <deque>

class QObject;
class QTcpServer;

namespace holdfast::test {

// A loopback HTTP/1.1 proxy (its own thread) in front of a local server that
// injects faults into the next matching requests: connection resets and
// truncations mid-body, canned error answers with Retry-After, and stalls.
// Each request gets its own upstream connection ("Connection: close"), so
// faults line up with requests. Listens on 127.0.0.1 only.
class FaultProxy
{
public:
    enum class FaultType
    {
        ResetMidBody, // forward afterBodyBytes of the response body, then RST
        Truncate,     // forward afterBodyBytes of the body, then close cleanly
        Status,       // answer status (e.g. 503) with Retry-After, never reach upstream
        Stall,        // forward afterBodyBytes, then send nothing for stall_ms, then close
    };

    struct Fault
    {
        FaultType type = FaultType::Status;
        QByteArray method; // only requests with this method; empty: any
        qint64 afterBodyBytes = 0;
        int status = 503;
        QByteArray retryAfter; // Retry-After value for Status faults; empty: none
        qint64 stall_ms = 10000;
    };

    explicit FaultProxy(quint16 upstreamPort);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    bool start();
    quint16 port() const { return m_port; }

    // Applies fault to the next count matching requests.
    void addFault(const Fault& fault, int count = 1);
    void clearFaults();
    int pendingFaults() const;
    int faultsApplied() const { return m_applied.load(); }
    int requestsSeen() const { return m_requests.load(); }
    // Requests with this method ("GET", "HEAD", "PUT") since the last reset.
    int requestsSeen(const QByteArray& method) const;
    void resetCounts();

    // Internal: the proxy thread takes the fault for a request (or none).
    bool takeFault(const QByteArray& method, Fault* fault);
    quint16 upstreamPort() const { return m_upstreamPort; }
    void countRequest(const QByteArray& method);

private:
    quint16 m_upstreamPort;
    quint16 m_port = 0;
    QThread m_thread;
    QObject* m_context = nullptr; // lives in m_thread; owns the server and connections
    mutable QMutex m_mutex;
    std::deque<Fault> m_faults;
    std::atomic<int> m_applied{0};
    std::atomic<int> m_requests{0};
    QHash<QByteArray, int> m_requestsByMethod; // guarded by m_mutex
};

} // namespace holdfast::test

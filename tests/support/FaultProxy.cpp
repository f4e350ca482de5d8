#include "FaultProxy.h"

#include <QHostAddress>
#include <QMutexLocker>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <sys/socket.h>

namespace holdfast::test {

namespace {

// One client connection and its upstream connection, in the proxy thread.
class ProxyConnection : public QObject
{
public:
    ProxyConnection(FaultProxy* proxy, QTcpSocket* client, QObject* parent)
        : QObject(parent)
        , m_proxy(proxy)
        , m_client(client)
        , m_upstream(new QTcpSocket(this))
    {
        m_client->setParent(this);
        connect(m_client, &QTcpSocket::readyRead, this, [this] { onClientData(); });
        connect(m_client, &QTcpSocket::disconnected, this, [this] { finish(); });
        connect(m_upstream, &QTcpSocket::connected, this, [this] {
            m_upstream->write(m_pendingUpstream);
            m_pendingUpstream.clear();
        });
        connect(m_upstream, &QTcpSocket::readyRead, this, [this] { onUpstreamData(); });
        connect(m_upstream, &QTcpSocket::disconnected, this, [this] {
            if (!m_stalled && m_client->state() == QAbstractSocket::ConnectedState)
                m_client->disconnectFromHost();
        });
        connect(m_upstream, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
            if (error != QAbstractSocket::RemoteHostClosedError && !m_stalled)
                m_client->abort();
        });
    }

private:
    void onClientData()
    {
        const QByteArray data = m_client->readAll();
        if (m_requestParsed) {
            sendUpstream(data);
            return;
        }
        m_request += data;
        const int end = m_request.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        m_requestParsed = true;
        const QList<QByteArray> lines = m_request.left(end).split('\n');
        const QByteArray method = lines.value(0).split(' ').value(0);
        m_proxy->countRequest(method);
        m_hasFault = m_proxy->takeFault(method, &m_fault);

        if (m_hasFault && m_fault.type == FaultProxy::FaultType::Status) {
            QByteArray answer = "HTTP/1.1 " + QByteArray::number(m_fault.status) + " Injected Fault\r\n";
            if (!m_fault.retryAfter.isEmpty())
                answer += "Retry-After: " + m_fault.retryAfter + "\r\n";
            answer += "x-ms-error-code: ServerBusy\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            m_client->write(answer);
            m_client->disconnectFromHost();
            return;
        }
        // One request per upstream connection keeps faults aligned with requests.
        QByteArray head = lines.value(0).trimmed() + "\r\n";
        for (int i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            if (!line.isEmpty() && !line.toLower().startsWith("connection:"))
                head += line + "\r\n";
        }
        head += "Connection: close\r\n\r\n";
        sendUpstream(head + m_request.mid(end + 4));
        m_request.clear();
        m_upstream->connectToHost(QHostAddress::LocalHost, m_proxy->upstreamPort());
    }

    void sendUpstream(const QByteArray& data)
    {
        if (m_upstream->state() == QAbstractSocket::ConnectedState)
            m_upstream->write(data);
        else
            m_pendingUpstream += data;
    }

    void onUpstreamData()
    {
        QByteArray data = m_upstream->readAll();
        if (m_stalled || m_done)
            return;
        if (!m_responseHeadersDone) {
            m_responseHead += data;
            const int end = m_responseHead.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            m_responseHeadersDone = true;
            m_client->write(m_responseHead.left(end + 4));
            data = m_responseHead.mid(end + 4);
            m_responseHead.clear();
        }
        forwardBody(data);
    }

    void forwardBody(const QByteArray& data)
    {
        const bool bodyFault = m_hasFault && m_fault.type != FaultProxy::FaultType::Status;
        if (!bodyFault || m_bodyForwarded + data.size() < m_fault.afterBodyBytes) {
            m_client->write(data);
            m_bodyForwarded += data.size();
            return;
        }
        const qint64 allowed = m_fault.afterBodyBytes - m_bodyForwarded;
        m_client->write(data.left(allowed));
        m_bodyForwarded += allowed;
        m_client->flush();
        switch (m_fault.type) {
        case FaultProxy::FaultType::ResetMidBody: {
            m_done = true;
            // SO_LINGER 0 makes close() send a RST instead of a FIN.
            const struct linger hard
            {
                1, 0
            };
            ::setsockopt(static_cast<int>(m_client->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard,
                         sizeof hard);
            m_upstream->abort();
            m_client->abort();
            break;
        }
        case FaultProxy::FaultType::Truncate:
            m_done = true;
            m_upstream->abort();
            m_client->disconnectFromHost();
            break;
        case FaultProxy::FaultType::Stall:
            m_stalled = true;
            QTimer::singleShot(static_cast<int>(m_fault.stall_ms), this, [this] {
                m_upstream->abort();
                m_client->abort();
            });
            break;
        case FaultProxy::FaultType::Status:
            break;
        }
    }

    void finish()
    {
        m_upstream->abort();
        deleteLater();
    }

    FaultProxy* m_proxy;
    QTcpSocket* m_client;
    QTcpSocket* m_upstream;
    QByteArray m_request;
    QByteArray m_pendingUpstream;
    QByteArray m_responseHead;
    bool m_requestParsed = false;
    bool m_responseHeadersDone = false;
    bool m_hasFault = false;
    bool m_stalled = false;
    bool m_done = false;
    qint64 m_bodyForwarded = 0;
    FaultProxy::Fault m_fault;
};

} // namespace

FaultProxy::FaultProxy(quint16 upstreamPort)
    : m_upstreamPort(upstreamPort)
{}

FaultProxy::~FaultProxy()
{
    if (m_context != nullptr) {
        QMetaObject::invokeMethod(
            m_context, [this] { delete m_context; }, Qt::BlockingQueuedConnection);
        m_context = nullptr;
    }
    m_thread.quit();
    m_thread.wait();
}

bool FaultProxy::start()
{
    m_thread.setObjectName(QStringLiteral("FaultProxy"));
    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    bool listening = false;
    QMetaObject::invokeMethod(
        m_context,
        [this, &listening] {
            auto* server = new QTcpServer(m_context);
            listening = server->listen(QHostAddress::LocalHost, 0);
            m_port = server->serverPort();
            QObject::connect(server, &QTcpServer::newConnection, m_context, [this, server] {
                while (QTcpSocket* client = server->nextPendingConnection())
                    new ProxyConnection(this, client, m_context);
            });
        },
        Qt::BlockingQueuedConnection);
    return listening;
}

void FaultProxy::addFault(const Fault& fault, int count)
{
    QMutexLocker lock(&m_mutex);
    for (int i = 0; i < count; ++i)
        m_faults.push_back(fault);
}

void FaultProxy::clearFaults()
{
    QMutexLocker lock(&m_mutex);
    m_faults.clear();
}

int FaultProxy::pendingFaults() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_faults.size());
}

void FaultProxy::countRequest(const QByteArray& method)
{
    m_requests.fetch_add(1);
    const QMutexLocker lock(&m_mutex);
    ++m_requestsByMethod[method];
}

int FaultProxy::requestsSeen(const QByteArray& method) const
{
    const QMutexLocker lock(&m_mutex);
    return m_requestsByMethod.value(method);
}

void FaultProxy::resetCounts()
{
    const QMutexLocker lock(&m_mutex);
    m_requestsByMethod.clear();
    m_requests = 0;
}

bool FaultProxy::takeFault(const QByteArray& method, Fault* fault)
{
    QMutexLocker lock(&m_mutex);
    for (auto it = m_faults.begin(); it != m_faults.end(); ++it) {
        if (it->method.isEmpty() || it->method == method) {
            *fault = *it;
            m_faults.erase(it);
            m_applied.fetch_add(1);
            return true;
        }
    }
    return false;
}

} // namespace holdfast::test

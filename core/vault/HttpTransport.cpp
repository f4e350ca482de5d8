#include "vault/HttpTransport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QThreadStorage>
#include <QTimer>
#include <algorithm>
#include <unordered_map>

namespace holdfast::vault {

namespace {

// The managers of one thread, one per live transport. QThreadStorage deletes
// this when the thread ends (for the main thread: with QCoreApplication).
struct ThreadManagers
{
    struct Slot
    {
        std::weak_ptr<int> alive;
        std::unique_ptr<QNetworkAccessManager> manager;
    };
    std::unordered_map<quint64, Slot> slots;
};

QThreadStorage<ThreadManagers*>& threadManagers()
{
    static QThreadStorage<ThreadManagers*> storage;
    return storage;
}

std::atomic<quint64> g_nextTransportId{1};

QNetworkAccessManager* managerFor(quint64 id, const std::shared_ptr<int>& alive)
{
    auto& storage = threadManagers();
    if (!storage.hasLocalData())
        storage.setLocalData(new ThreadManagers);
    auto& slots = storage.localData()->slots;
    // Drop managers of transports that were destroyed since this thread last called.
    for (auto it = slots.begin(); it != slots.end();) {
        if (it->second.alive.expired())
            it = slots.erase(it);
        else
            ++it;
    }
    auto& slot = slots[id];
    if (!slot.manager) {
        slot.alive = alive;
        slot.manager = std::make_unique<QNetworkAccessManager>();
        // Azure never redirects; following one would send a request signed for another URL.
        slot.manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }
    return slot.manager.get();
}

// Errors that mean "an HTTP status arrived": the status code tells the story.
bool isHttpStatusError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ContentAccessDenied:
    case QNetworkReply::ContentOperationNotPermittedError:
    case QNetworkReply::ContentNotFoundError:
    case QNetworkReply::AuthenticationRequiredError:
    case QNetworkReply::ContentReSendError:
    case QNetworkReply::ContentConflictError:
    case QNetworkReply::ContentGoneError:
    case QNetworkReply::UnknownContentError:
    case QNetworkReply::ProtocolInvalidOperationError:
    case QNetworkReply::InternalServerError:
    case QNetworkReply::OperationNotImplementedError:
    case QNetworkReply::ServiceUnavailableError:
    case QNetworkReply::UnknownServerError:
        return true;
    default:
        return false;
    }
}

constexpr qint64 kMaxBufferedBody_bytes = 64 * 1024 * 1024;
constexpr int kCancelPoll_ms = 25;
constexpr qint64 kSinkReadBuffer_bytes = 2 * 1024 * 1024;

} // namespace

HttpTransport::HttpTransport(QSslConfiguration ssl, HttpTimeouts timeouts)
    : m_ssl(std::move(ssl))
    , m_timeouts(timeouts)
    , m_id(g_nextTransportId.fetch_add(1))
    , m_alive(std::make_shared<int>(0))
{}

HttpTransport::~HttpTransport() = default;

HttpResponse HttpTransport::execute(const HttpRequest& request, const BodySink& sink,
                                    const UploadProgress& uploadProgress, const std::atomic_bool* cancel,
                                    const HeadersCallback& onHeaders) const
{
    HttpResponse response;
    if (cancel != nullptr && cancel->load()) {
        response.failure = HttpResponse::Failure::Cancelled;
        response.failureMessage = QStringLiteral("cancelled");
        return response;
    }

    QNetworkAccessManager* manager = managerFor(m_id, m_alive);
    QNetworkRequest netRequest(request.url);
    if (request.url.scheme() == QLatin1String("https"))
        netRequest.setSslConfiguration(m_ssl);
    netRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    netRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    for (const auto& header : request.headers)
        netRequest.setRawHeader(header.first, header.second);

    QNetworkReply* reply = nullptr;
    if (request.verb == "HEAD")
        reply = manager->head(netRequest); // a custom "HEAD" would wait for a body that never comes
    else if (request.body != nullptr)
        reply = manager->sendCustomRequest(netRequest, request.verb, request.body);
    else
        reply = manager->sendCustomRequest(netRequest, request.verb);
    std::unique_ptr<QNetworkReply> owner(reply);
    // A bounded buffer for streamed bodies: when the sink is slower than the
    // network (a bandwidth cap, a slow disk) the socket is not read further
    // and TCP's flow control slows the sender, instead of the whole body
    // piling up in memory.
    if (sink)
        reply->setReadBufferSize(kSinkReadBuffer_bytes);

    QEventLoop loop;
    // One coarse poll timer for both cancellation and timeouts: restarting a
    // timer on every received chunk costs measurable throughput.
    QElapsedTimer sinceActivity;
    sinceActivity.start();
    qint64 allowedSilence_ms = std::max<qint64>(1, m_timeouts.connect_ms);
    QTimer cancelPoll;
    cancelPoll.start(kCancelPoll_ms);

    bool timedOut = false;
    bool cancelled = false;
    bool sinkFailed = false;
    bool statusRead = false;
    bool toSink = false;
    QStringList sslErrors;

    const auto alive = [&] {
        sinceActivity.restart();
        allowedSilence_ms = std::max<qint64>(1, m_timeouts.inactivity_ms);
    };
    const auto storeHeaders = [&] {
        response.headers.clear();
        response.rawHeaders.clear();
        for (const auto& pair : reply->rawHeaderPairs()) {
            response.headers.insert(pair.first.toLower(), pair.second);
            response.rawHeaders.append(pair);
        }
    };
    const auto readStatus = [&] {
        if (statusRead)
            return;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid())
            return;
        statusRead = true;
        response.status = status.toInt();
        toSink = sink && response.status >= 200 && response.status < 300;
        storeHeaders();
        if (onHeaders)
            onHeaders(response);
    };

    QObject::connect(&cancelPoll, &QTimer::timeout, reply, [&] {
        if (cancel != nullptr && cancel->load()) {
            cancelled = true;
            reply->abort();
        } else if (sinceActivity.elapsed() > allowedSilence_ms) {
            timedOut = true;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::encrypted, &loop, alive);
    QObject::connect(reply, &QNetworkReply::metaDataChanged, &loop, [&] {
        alive();
        readStatus();
    });
    QObject::connect(reply, &QNetworkReply::uploadProgress, &loop, [&](qint64 sent, qint64 total) {
        alive();
        if (uploadProgress)
            uploadProgress(sent, total);
    });
    QObject::connect(reply, &QNetworkReply::sslErrors, &loop, [&](const QList<QSslError>& errors) {
        for (const QSslError& error : errors)
            sslErrors.append(error.errorString());
    });
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
        alive();
        readStatus();
        if (sinkFailed)
            return;
        const QByteArray chunk = reply->readAll();
        response.bodyBytesReceived += chunk.size();
        if (toSink) {
            if (!sink(chunk.constData(), chunk.size())) {
                sinkFailed = true;
                reply->abort();
            }
            alive(); // the sink may have waited (a bandwidth cap): that is not the network's silence
        } else if (response.body.size() < kMaxBufferedBody_bytes) {
            response.body += chunk;
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    // Drain what arrived together with "finished".
    readStatus();
    if (!sinkFailed && reply->bytesAvailable() > 0) {
        const QByteArray chunk = reply->readAll();
        response.bodyBytesReceived += chunk.size();
        if (toSink) {
            if (!sink(chunk.constData(), chunk.size()))
                sinkFailed = true;
        } else if (response.body.size() < kMaxBufferedBody_bytes) {
            response.body += chunk;
        }
    }
    storeHeaders();

    const QNetworkReply::NetworkError error = reply->error();
    if (cancelled) {
        response.failure = HttpResponse::Failure::Cancelled;
        response.failureMessage = QStringLiteral("cancelled");
    } else if (sinkFailed) {
        response.failure = HttpResponse::Failure::Sink;
        response.failureMessage = QStringLiteral("could not store the received data");
    } else if (timedOut) {
        response.failure = HttpResponse::Failure::Timeout;
        response.failureMessage =
            response.status == 0 && response.bodyBytesReceived == 0
                ? QStringLiteral("no answer within %1 ms").arg(m_timeouts.connect_ms)
                : QStringLiteral("the transfer stalled for %1 ms").arg(m_timeouts.inactivity_ms);
    } else if (error == QNetworkReply::SslHandshakeFailedError || !sslErrors.isEmpty()) {
        response.failure = HttpResponse::Failure::Tls;
        response.failureMessage =
            sslErrors.isEmpty() ? reply->errorString() : sslErrors.join(QStringLiteral("; "));
    } else if (error != QNetworkReply::NoError && !(statusRead && isHttpStatusError(error))) {
        response.failure = HttpResponse::Failure::Network;
        response.failureMessage = reply->errorString();
    } else if (!statusRead) {
        response.failure = HttpResponse::Failure::Network;
        response.failureMessage = QStringLiteral("the connection closed without an HTTP answer");
    } else if (request.verb != "HEAD") {
        // A body shorter than Content-Length is a dropped connection, whatever Qt made of it.
        bool hasLength = false;
        const qint64 expected = response.header("content-length").toLongLong(&hasLength);
        if (hasLength && expected != response.bodyBytesReceived) {
            response.failure = HttpResponse::Failure::Network;
            response.failureMessage = QStringLiteral("the connection closed after %1 of %2 bytes")
                                          .arg(response.bodyBytesReceived)
                                          .arg(expected);
        }
    }
    return response;
}

BoundedDevice::BoundedDevice(QIODevice* source, qint64 length_bytes)
    : m_source(source)
    , m_start(source->isSequential() ? 0 : source->pos())
    , m_length(length_bytes)
{
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    QObject::connect(source, &QIODevice::readyRead, this, &QIODevice::readyRead);
}

qint64 BoundedDevice::bytesAvailable() const
{
    const qint64 left = m_length - m_consumed;
    if (m_source->isSequential())
        return std::min(left, m_source->bytesAvailable()) + QIODevice::bytesAvailable();
    return left + QIODevice::bytesAvailable();
}

bool BoundedDevice::seek(qint64 pos)
{
    if (m_source->isSequential() || pos < 0 || pos > m_length)
        return false;
    if (!m_source->seek(m_start + pos))
        return false;
    m_consumed = pos;
    return QIODevice::seek(pos);
}

qint64 BoundedDevice::readData(char* data, qint64 maxSize)
{
    const qint64 want = std::min(maxSize, m_length - m_consumed);
    if (want <= 0)
        return m_consumed >= m_length ? -1 : 0;
    const qint64 got = m_source->read(data, want);
    if (got > 0)
        m_consumed += got;
    return got;
}

} // namespace holdfast::vault

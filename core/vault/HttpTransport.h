#pragma once

#include "vault/AzureSharedKeySigner.h" // HttpHeaders

#include <QByteArray>
#include <QHash>
#include <QIODevice>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>
#include <atomic>
#include <functional>
#include <memory>

namespace holdfast::vault {

struct HttpRequest
{
    QByteArray verb;
    QUrl url;
    HttpHeaders headers;       // sent verbatim (already signed)
    QIODevice* body = nullptr; // read from its current position
    qint64 bodyBytes = 0;
};

struct HttpResponse
{
    enum class Failure
    {
        None,      // an HTTP answer arrived in full (any status)
        Network,   // refused, reset, closed early, DNS
        Tls,       // handshake or certificate verification failed
        Timeout,   // nothing moved for the connect/inactivity timeout
        Cancelled, // the caller's cancel flag was set
        Sink,      // the body sink refused data (e.g. disk full)
    };

    int status = 0;                        // 0 if no status line arrived
    QHash<QByteArray, QByteArray> headers; // lower-case names
    HttpHeaders rawHeaders;                // as received (metadata names keep their case)
    QByteArray body;                       // error bodies and bodies without a sink (bounded)
    qint64 bodyBytesReceived = 0;
    Failure failure = Failure::None;
    QString failureMessage;

    QByteArray header(const char* lowerCaseName) const { return headers.value(QByteArray(lowerCaseName)); }
    bool isSuccess() const { return failure == Failure::None && status >= 200 && status < 300; }
};

struct HttpTimeouts
{
    qint64 connect_ms = 15000;    // until the first sign of life (TLS done, headers, upload progress)
    qint64 inactivity_ms = 30000; // between two bytes moving either way
};

// Blocking HTTP over QNetworkAccessManager, usable from any thread: each
// calling thread gets its own manager (kept per transport so connections and
// TLS sessions are never shared between vaults with different trust), driven
// by a local QEventLoop. The transport itself is immutable and thread-safe.
class HttpTransport
{
public:
    HttpTransport(QSslConfiguration ssl, HttpTimeouts timeouts);
    ~HttpTransport();
    HttpTransport(const HttpTransport&) = delete;
    HttpTransport& operator=(const HttpTransport&) = delete;

    // Receives the body of 2xx answers chunk by chunk; return false to abort.
    using BodySink = std::function<bool(const char* data, qint64 bytes)>;
    using UploadProgress = std::function<void(qint64 sent_bytes, qint64 total_bytes)>;

    // Called once when the status line and headers arrived, before any body chunk.
    using HeadersCallback = std::function<void(const HttpResponse& head)>;

    HttpResponse execute(const HttpRequest& request, const BodySink& sink = {},
                         const UploadProgress& uploadProgress = {}, const std::atomic_bool* cancel = nullptr,
                         const HeadersCallback& onHeaders = {}) const;

    const HttpTimeouts& timeouts() const { return m_timeouts; }

private:
    QSslConfiguration m_ssl;
    HttpTimeouts m_timeouts;
    quint64 m_id;
    std::shared_ptr<int> m_alive; // per-thread managers outlive us only until their thread's next call
};

// Exposes bytes [start, start + length) of another device as a device of its
// own, so QNetworkAccessManager sends exactly that slice and a retry can rewind.
class BoundedDevice : public QIODevice
{
public:
    BoundedDevice(QIODevice* source, qint64 length_bytes);
    bool isSequential() const override { return m_source->isSequential(); }
    qint64 size() const override { return m_length; }
    bool seek(qint64 pos) override;
    bool atEnd() const override { return m_consumed >= m_length && QIODevice::bytesAvailable() == 0; }
    qint64 bytesAvailable() const override;

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QIODevice* m_source;
    qint64 m_start;
    qint64 m_length;
    qint64 m_consumed = 0; // bytes handed out since the last seek
};

} // namespace holdfast::vault

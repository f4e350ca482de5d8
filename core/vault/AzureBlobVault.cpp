#include "vault/AzureBlobVault.h"

#include "vault/VaultUrl.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QSslCertificate>
#include <QUrlQuery>
#include <QUuid>
#include <QXmlStreamReader>
#include <algorithm>
#include <functional>

namespace holdfast::vault {

namespace {

constexpr qint64 kRangeMd5Limit_bytes = 4 * 1024 * 1024; // x-ms-range-get-content-md5 works up to 4 MiB
constexpr qint64 kMaxPutBlob_bytes = 5000LL * 1024 * 1024;
constexpr qint64 kHashChunk_bytes = 1024 * 1024;

QDateTime parseHttpDate(const QByteArray& value)
{
    QDateTime time = QLocale::c().toDateTime(QString::fromLatin1(value.trimmed()),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (time.isValid())
        time.setTimeSpec(Qt::UTC);
    return time;
}

// Azure answers ETags quoted in headers and bare in listings: keep one form.
QString normalizeEtag(const QString& etag)
{
    if (etag.isEmpty() || etag.startsWith(QLatin1Char('"')))
        return etag;
    return QLatin1Char('"') + etag + QLatin1Char('"');
}

void appendCondition(HttpHeaders& headers, const Condition& condition)
{
    switch (condition.kind) {
    case Condition::Kind::None:
        break;
    case Condition::Kind::IfMatch:
        headers.emplaceBack("If-Match", normalizeEtag(condition.etag).toUtf8());
        break;
    case Condition::Kind::IfNoneMatchAny:
        headers.emplaceBack("If-None-Match", "*");
        break;
    }
}

VaultStatus validateCondition(const QString& name, const Condition& condition)
{
    if (condition.kind == Condition::Kind::IfMatch && condition.etag.isEmpty())
        return makeVaultError(ErrorKind::InvalidArgument,
                              QStringLiteral("write to '%1': If-Match needs an ETag").arg(name));
    return {};
}

struct ServiceError
{
    QString code;
    QString message;
};

ServiceError parseServiceError(const HttpResponse& response)
{
    ServiceError error;
    error.code = QString::fromUtf8(response.header("x-ms-error-code"));
    QXmlStreamReader xml(response.body);
    while (!xml.atEnd() && !xml.hasError()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("Code") && error.code.isEmpty())
            error.code = xml.readElementText();
        else if (xml.name() == QLatin1String("Message"))
            error.message = xml.readElementText().section(QLatin1Char('\n'), 0, 0).trimmed();
    }
    return error;
}

std::optional<qint64> contentRangeTotal(const QByteArray& contentRange)
{
    // "bytes 0-99/1234"
    const int slash = contentRange.lastIndexOf('/');
    if (slash < 0)
        return std::nullopt;
    bool ok = false;
    const qint64 total = contentRange.mid(slash + 1).toLongLong(&ok);
    return ok ? std::optional<qint64>(total) : std::nullopt;
}

} // namespace

struct AzureBlobVault::Operation
{
    QByteArray verb;
    QString blobPath;    // in the container (prefix applied); empty: container-level
    QString displayName; // vault-relative name for messages
    QString action;      // "reading blob 'x'" for messages
    QList<QPair<QString, QString>> query;
    HttpHeaders headers;
    QIODevice* body = nullptr; // rewound with seek(0) before a retry
    qint64 bodyBytes = 0;
    bool conditional = false;     // 409 BlobAlreadyExists is then a failed precondition
    bool resumingRead = false;    // a 412 then means the blob changed under us
    HttpTransport::BodySink sink; // for 2xx bodies; otherwise the body is buffered
    HttpTransport::UploadProgress uploadProgress;
    std::function<void(Operation&)> beforeAttempt;
    std::function<void(const HttpResponse&)> onHeaders;
    std::function<bool()> complete;                      // everything needed already arrived
    std::function<bool(const HttpResponse&)> acceptAlso; // non-2xx answers that count as success
};

VaultResult<std::unique_ptr<AzureBlobVault>> AzureBlobVault::create(Options options)
{
    if (!isValidContainerName(options.container))
        return makeVaultError(
            ErrorKind::InvalidArgument,
            QStringLiteral("'%1' is not a valid Azure container name").arg(options.container));
    if (!options.prefix.isEmpty() && !options.prefix.endsWith(QLatin1Char('/')))
        options.prefix += QLatin1Char('/');
    const QUrl& endpoint = options.credentials.blobEndpoint;
    if (!endpoint.isValid() || endpoint.host().isEmpty())
        return makeVaultError(ErrorKind::InvalidArgument,
                              QStringLiteral("no Azure Blob endpoint configured"));
    if (!options.credentials.hasSharedKey() && !options.credentials.hasSas())
        return makeVaultError(ErrorKind::InvalidArgument,
                              QStringLiteral("no Azure credentials: give an account key or a SAS token"));

    // System CAs by default; an extra CA is added, never a switch to skip verification.
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (!options.extraCaFile.isEmpty()) {
        QFile file(options.extraCaFile);
        if (!file.open(QIODevice::ReadOnly))
            return makeVaultError(
                ErrorKind::Io,
                QStringLiteral("cannot read CA file '%1': %2").arg(options.extraCaFile, file.errorString()));
        const QList<QSslCertificate> cas = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (cas.isEmpty())
            return makeVaultError(
                ErrorKind::InvalidArgument,
                QStringLiteral("CA file '%1' holds no PEM certificate").arg(options.extraCaFile));
        ssl.addCaCertificates(cas);
    }
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return std::unique_ptr<AzureBlobVault>(new AzureBlobVault(std::move(options), std::move(ssl)));
}

AzureBlobVault::AzureBlobVault(Options options, QSslConfiguration ssl)
    : m_options(std::move(options))
    , m_transport(std::move(ssl), m_options.timeouts)
{
    if (m_options.credentials.hasSharedKey())
        m_signer.emplace(m_options.credentials.accountName, m_options.credentials.accountKey);
}

AzureBlobVault::~AzureBlobVault() = default;

QString AzureBlobVault::host() const
{
    const QUrl& endpoint = m_options.credentials.blobEndpoint;
    const int port = endpoint.port(endpoint.scheme() == QLatin1String("https") ? 443 : 80);
    return QStringLiteral("%1:%2").arg(endpoint.host()).arg(port);
}

QString AzureBlobVault::describe() const
{
    QString prefix = m_options.prefix;
    if (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    return QStringLiteral("azure://%1%2 (%3)")
        .arg(m_options.container, prefix.isEmpty() ? QString() : u'/' + prefix,
             m_options.credentials.blobEndpoint.toString());
}

QUrl AzureBlobVault::urlFor(const QString& blobPath, const QList<QPair<QString, QString>>& query) const
{
    QByteArray text = m_options.credentials.blobEndpoint.toEncoded(QUrl::StripTrailingSlash |
                                                                   QUrl::RemoveQuery | QUrl::RemoveFragment);
    text += '/' + QUrl::toPercentEncoding(m_options.container);
    if (!blobPath.isEmpty()) {
        const QStringList segments = blobPath.split(QLatin1Char('/'));
        for (const QString& segment : segments)
            text += '/' + QUrl::toPercentEncoding(segment);
    }
    QList<QByteArray> params;
    for (const auto& item : query)
        params.append(QUrl::toPercentEncoding(item.first) + '=' + QUrl::toPercentEncoding(item.second));
    // Shared Key wins when both are configured, as in Azure's SDKs.
    if (!m_signer && m_options.credentials.hasSas())
        params.append(m_options.credentials.sharedAccessSignature.toUtf8());
    if (!params.isEmpty())
        text += '?' + params.join('&');
    return QUrl::fromEncoded(text, QUrl::StrictMode);
}

VaultResult<HttpResponse> AzureBlobVault::run(Operation& op, const std::atomic_bool* cancel)
{
    QElapsedTimer clock;
    clock.start();
    const RetryPolicy& policy = m_options.retry;
    const bool rewindable = op.body == nullptr || !op.body->isSequential();
    for (int attempt = 1;; ++attempt) {
        if (isCancelled(cancel))
            return makeVaultError(ErrorKind::Cancelled, QStringLiteral("%1 was cancelled").arg(op.action));
        if (op.beforeAttempt)
            op.beforeAttempt(op);
        if (attempt > 1 && op.body != nullptr && !op.body->seek(0))
            return makeVaultError(ErrorKind::Io,
                                  QStringLiteral("%1: cannot rewind the data to retry").arg(op.action));

        HttpRequest request;
        request.verb = op.verb;
        request.url = urlFor(op.blobPath, op.query);
        request.headers = op.headers;
        request.headers.emplaceBack("x-ms-version", kApiVersion);
        request.headers.append(
            {"x-ms-date", AzureSharedKeySigner::httpDate(QDateTime::currentDateTimeUtc())});
        request.headers.append(
            {"x-ms-client-request-id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
        request.headers.emplaceBack("Accept-Encoding", "identity");
        if (op.verb == "PUT" || op.body != nullptr)
            request.headers.emplaceBack("Content-Length", QByteArray::number(op.bodyBytes));
        if (m_signer)
            request.headers.append(
                {"Authorization", m_signer->authorization(op.verb, request.url, request.headers)});
        if (op.body != nullptr) {
            request.body = op.body;
            request.bodyBytes = op.bodyBytes;
        }

        m_attempts.fetch_add(1);
        if (attempt > 1)
            m_retries.fetch_add(1);
        HttpResponse response =
            m_transport.execute(request, op.sink, op.uploadProgress, cancel, op.onHeaders);
        if (response.isSuccess() ||
            (response.failure == HttpResponse::Failure::None && op.acceptAlso && op.acceptAlso(response)))
            return response;
        if (op.complete && op.complete())
            return response; // the connection dropped after the last byte we needed

        std::optional<qint64> retryAfter_ms;
        bool retryable = false;
        switch (response.failure) {
        case HttpResponse::Failure::Network:
        case HttpResponse::Failure::Timeout:
            retryable = true;
            break;
        case HttpResponse::Failure::None:
            retryable = RetryPolicy::isRetryableStatus(response.status);
            retryAfter_ms = RetryPolicy::parseRetryAfter_ms(response.header("retry-after"),
                                                            QDateTime::currentDateTimeUtc());
            break;
        case HttpResponse::Failure::Tls:
        case HttpResponse::Failure::Cancelled:
        case HttpResponse::Failure::Sink:
            break;
        }
        const auto fail = [&](const QString& note) {
            VaultError error = response.failure == HttpResponse::Failure::None ? mapHttpError(op, response)
                                                                               : mapFailure(op, response);
            if (!note.isEmpty())
                error.message += QStringLiteral(" (%1)").arg(note);
            return error;
        };
        const QString attempts = attempt > 1 ? QStringLiteral("after %1 attempts").arg(attempt) : QString();
        if (!retryable || !rewindable)
            return fail(attempts);
        if (attempt >= policy.maxAttempts)
            return fail(attempts);
        qint64 delay_ms = policy.backoff_ms(attempt);
        if (retryAfter_ms)
            delay_ms = std::max(delay_ms, *retryAfter_ms);
        if (clock.elapsed() + delay_ms > policy.maxTotal_ms)
            return fail(
                QStringLiteral("gave up after %1 attempts in %2 ms").arg(attempt).arg(clock.elapsed()));
        if (!RetryPolicy::sleepCancellable(delay_ms, cancel))
            return makeVaultError(ErrorKind::Cancelled, QStringLiteral("%1 was cancelled").arg(op.action));
    }
}

VaultError AzureBlobVault::mapFailure(const Operation& op, const HttpResponse& response) const
{
    switch (response.failure) {
    case HttpResponse::Failure::Tls:
        return makeVaultError(ErrorKind::Tls,
                              QStringLiteral("secure connection to Azure Blob Storage at %1 failed "
                                             "while %2: %3. Is the server's CA trusted?")
                                  .arg(host(), op.action, response.failureMessage));
    case HttpResponse::Failure::Timeout:
        return makeVaultError(ErrorKind::Timeout,
                              QStringLiteral("Azure Blob Storage at %1 timed out while %2: %3")
                                  .arg(host(), op.action, response.failureMessage));
    case HttpResponse::Failure::Cancelled:
        return makeVaultError(ErrorKind::Cancelled, QStringLiteral("%1 was cancelled").arg(op.action));
    case HttpResponse::Failure::Sink:
        return makeVaultError(ErrorKind::Io,
                              QStringLiteral("%1: %2").arg(op.action, response.failureMessage));
    case HttpResponse::Failure::Network:
    case HttpResponse::Failure::None:
        break;
    }
    return makeVaultError(ErrorKind::Network,
                          QStringLiteral("cannot reach Azure Blob Storage at %1 while %2: %3")
                              .arg(host(), op.action, response.failureMessage));
}

VaultError AzureBlobVault::mapHttpError(const Operation& op, const HttpResponse& response) const
{
    const ServiceError service = parseServiceError(response);
    const int status = response.status;
    const QString detail =
        QStringLiteral("HTTP %1%2%3")
            .arg(status)
            .arg(service.code.isEmpty() ? QString() : u' ' + service.code)
            .arg(service.message.isEmpty() ? QString() : QStringLiteral(": ") + service.message);
    const auto error = [&](ErrorKind kind, const QString& message) {
        return makeVaultError(kind, message + QStringLiteral(" [%1]").arg(detail), status, service.code);
    };
    const QString& container = m_options.container;
    const QString account = m_options.credentials.accountName;

    if (status == 404) {
        if (service.code == QLatin1String("ContainerNotFound") || op.blobPath.isEmpty())
            return error(ErrorKind::ContainerNotFound,
                         QStringLiteral("container '%1' does not exist at %2").arg(container, host()));
        return error(ErrorKind::NotFound, QStringLiteral("blob '%1' not found in container '%2' at %3")
                                              .arg(op.displayName, container, host()));
    }
    if (status == 412 && op.resumingRead)
        return error(ErrorKind::Protocol,
                     QStringLiteral("blob '%1' in container '%2' changed while it was being read")
                         .arg(op.displayName, container));
    if (status == 412 ||
        (status == 409 && op.conditional && service.code == QLatin1String("BlobAlreadyExists")))
        return error(ErrorKind::PreconditionFailed,
                     QStringLiteral("%1: the condition did not hold (blob '%2' in container '%3' %4)")
                         .arg(op.action, op.displayName, container,
                              status == 409 || service.code == QLatin1String("BlobAlreadyExists")
                                  ? QStringLiteral("already exists")
                                  : QStringLiteral("was changed or does not exist")));
    // AuthorizationFailure is Azure's generic "these credentials do not get you in" (Azurite
    // answers a bad signature or an expired SAS with it); the Authorization*Mismatch codes
    // mean the credentials are valid but lack a permission.
    if (status == 401 || (status == 403 && (service.code == QLatin1String("AuthenticationFailed") ||
                                            service.code == QLatin1String("InvalidAuthenticationInfo") ||
                                            service.code == QLatin1String("AuthorizationFailure")))) {
        QString hint =
            m_signer ? QStringLiteral("check the account key") : QStringLiteral("check the SAS token");
        if (!m_signer) {
            const QString expiry = QUrlQuery(m_options.credentials.sharedAccessSignature)
                                       .queryItemValue(QStringLiteral("se"), QUrl::FullyDecoded);
            const QDateTime expiresAt = QDateTime::fromString(expiry, Qt::ISODate);
            if (expiresAt.isValid() && expiresAt < QDateTime::currentDateTimeUtc())
                hint = QStringLiteral("the SAS token expired at %1")
                           .arg(expiresAt.toUTC().toString(Qt::ISODate));
        }
        return error(
            ErrorKind::AuthenticationFailed,
            QStringLiteral("Azure Blob Storage at %1 rejected the credentials for account '%2' while %3; %4")
                .arg(host(), account, op.action, hint));
    }
    if (status == 403)
        return error(ErrorKind::PermissionDenied,
                     QStringLiteral("the credentials for account '%1' at %2 do not permit %3")
                         .arg(account, host(), op.action));
    if (status == 416)
        return error(
            ErrorKind::InvalidArgument,
            QStringLiteral("%1: the requested range starts beyond the end of the blob").arg(op.action));
    if (status == 400 && service.code == QLatin1String("Md5Mismatch"))
        return error(ErrorKind::Integrity,
                     QStringLiteral("%1: the service saw different bytes than were sent "
                                    "(Content-MD5 mismatch)")
                         .arg(op.action));
    if (RetryPolicy::isRetryableStatus(status))
        return error(
            ErrorKind::ServerBusy,
            QStringLiteral("Azure Blob Storage at %1 is busy or failing while %2").arg(host(), op.action));
    return error(
        ErrorKind::Protocol,
        QStringLiteral("unexpected answer from Azure Blob Storage at %1 while %2").arg(host(), op.action));
}

VaultStatus AzureBlobVault::createContainer(const std::atomic_bool* cancel)
{
    Operation op;
    op.verb = "PUT";
    op.action = QStringLiteral("creating container '%1'").arg(m_options.container);
    op.query = {{QStringLiteral("restype"), QStringLiteral("container")}};
    op.acceptAlso = [](const HttpResponse& r) {
        return r.status == 409;
    }; // ContainerAlreadyExists
    auto response = run(op, cancel);
    if (!response)
        return response.error();
    if (response->status == 409 &&
        parseServiceError(*response).code != QLatin1String("ContainerAlreadyExists"))
        return mapHttpError(op, *response);
    return {};
}

VaultStatus AzureBlobVault::deleteBlob(const QString& name, const std::atomic_bool* cancel)
{
    if (auto valid = validateBlobName(name); !valid)
        return valid.error();
    Operation op;
    op.verb = "DELETE";
    op.blobPath = m_options.prefix + name;
    op.displayName = name;
    op.action = QStringLiteral("deleting blob '%1'").arg(name);
    auto response = run(op, cancel);
    if (!response)
        return response.error();
    return {};
}

VaultResult<ListPage> AzureBlobVault::doList(const QString& prefix, const QString& marker, int maxResults,
                                             const std::atomic_bool* cancel)
{
    Operation op;
    op.verb = "GET";
    op.action = QStringLiteral("listing container '%1'").arg(m_options.container);
    op.query = {{QStringLiteral("restype"), QStringLiteral("container")},
                {QStringLiteral("comp"), QStringLiteral("list")}};
    const QString fullPrefix = m_options.prefix + prefix;
    if (!fullPrefix.isEmpty())
        op.query.append({QStringLiteral("prefix"), fullPrefix});
    if (!marker.isEmpty())
        op.query.append({QStringLiteral("marker"), marker});
    op.query.append({QStringLiteral("maxresults"), QString::number(std::clamp(maxResults, 1, 5000))});
    auto response = run(op, cancel);
    if (!response)
        return response.error();

    ListPage page;
    QXmlStreamReader xml(response->body);
    BlobEntry entry;
    bool inBlob = false;
    bool sawRoot = false;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const auto name = xml.name();
            if (name == QLatin1String("EnumerationResults")) {
                sawRoot = true;
            } else if (name == QLatin1String("Blob")) {
                inBlob = true;
                entry = BlobEntry();
            } else if (name == QLatin1String("NextMarker")) {
                page.nextMarker = xml.readElementText();
            } else if (inBlob && name == QLatin1String("Name")) {
                const bool encoded =
                    xml.attributes().value(QLatin1String("Encoded")) == QLatin1String("true");
                const QString text = xml.readElementText();
                entry.name = encoded ? QUrl::fromPercentEncoding(text.toUtf8()) : text;
            } else if (inBlob && name == QLatin1String("Etag")) {
                entry.etag = normalizeEtag(xml.readElementText());
            } else if (inBlob && name == QLatin1String("Content-Length")) {
                entry.bytes = xml.readElementText().toLongLong();
            } else if (inBlob && name == QLatin1String("Content-MD5")) {
                entry.contentMd5 = QByteArray::fromBase64(xml.readElementText().toLatin1());
            } else if (inBlob && name == QLatin1String("Content-Type")) {
                entry.contentType = xml.readElementText();
            } else if (inBlob && name == QLatin1String("Last-Modified")) {
                entry.lastModified = parseHttpDate(xml.readElementText().toLatin1());
            }
        } else if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("Blob")) {
            inBlob = false;
            if (entry.name.startsWith(m_options.prefix)) {
                entry.name = entry.name.mid(m_options.prefix.size());
                page.entries.append(entry);
            }
        }
    }
    if (xml.hasError() || !sawRoot)
        return makeVaultError(
            ErrorKind::Protocol,
            QStringLiteral("malformed blob listing from %1 for container '%2': %3")
                .arg(host(), m_options.container,
                     xml.hasError() ? xml.errorString() : QStringLiteral("no EnumerationResults")));
    return page;
}

VaultResult<BlobEntry> AzureBlobVault::doStat(const QString& name, const std::atomic_bool* cancel)
{
    if (auto valid = validateBlobName(name); !valid)
        return valid.error();
    Operation op;
    op.verb = "HEAD";
    op.blobPath = m_options.prefix + name;
    op.displayName = name;
    op.action = QStringLiteral("reading the properties of blob '%1'").arg(name);
    auto response = run(op, cancel);
    if (!response)
        return response.error();
    BlobEntry entry;
    entry.name = name;
    entry.etag = normalizeEtag(QString::fromUtf8(response->header("etag")));
    entry.bytes = response->header("content-length").toLongLong();
    entry.contentMd5 = QByteArray::fromBase64(response->header("content-md5"));
    entry.contentType = QString::fromUtf8(response->header("content-type"));
    entry.lastModified = parseHttpDate(response->header("last-modified"));
    for (const auto& header : response->rawHeaders) {
        if (header.first.toLower().startsWith("x-ms-meta-"))
            entry.metadata.insert(QString::fromUtf8(header.first.mid(10)), QString::fromUtf8(header.second));
    }
    return entry;
}

VaultResult<qint64> AzureBlobVault::readSmallRange(const QString& name, QIODevice* out, qint64 offset_bytes,
                                                   qint64 length_bytes, const ProgressCallback& progress,
                                                   const std::atomic_bool* cancel)
{
    // Small ranges are buffered per attempt so the range MD5 is checked before
    // anything reaches the caller's device.
    QByteArray buffer;
    Operation op;
    op.verb = "GET";
    op.blobPath = m_options.prefix + name;
    op.displayName = name;
    op.action = QStringLiteral("reading blob '%1'").arg(name);
    op.beforeAttempt = [&](Operation& o) {
        buffer.clear();
        o.headers = {
            {"x-ms-range",
             QStringLiteral("bytes=%1-%2").arg(offset_bytes).arg(offset_bytes + length_bytes - 1).toLatin1()},
            {"x-ms-range-get-content-md5", "true"}};
    };
    op.sink = [&](const char* data, qint64 bytes) {
        buffer.append(data, bytes);
        return true;
    };
    auto response = run(op, cancel);
    if (!response) {
        if (response.error().httpStatus == 416 && offset_bytes == 0)
            return qint64(0); // an empty blob has no byte 0
        return response.error();
    }
    const QByteArray md5 = QByteArray::fromBase64(response->header("content-md5"));
    if (!md5.isEmpty() && QCryptographicHash::hash(buffer, QCryptographicHash::Md5) != md5)
        return makeVaultError(
            ErrorKind::Integrity,
            QStringLiteral("blob '%1' in container '%2': the received range %3+%4 does not match "
                           "its Content-MD5")
                .arg(name, m_options.container)
                .arg(offset_bytes)
                .arg(buffer.size()));
    if (out->write(buffer) != buffer.size())
        return makeVaultError(
            ErrorKind::Io,
            QStringLiteral("reading blob '%1': cannot write: %2").arg(name, out->errorString()));
    if (progress)
        progress(buffer.size(), buffer.size());
    return qint64(buffer.size());
}

VaultResult<qint64> AzureBlobVault::doReadTo(const QString& name, QIODevice* out, qint64 offset_bytes,
                                             qint64 length_bytes, const ProgressCallback& progress,
                                             const std::atomic_bool* cancel)
{
    if (auto valid = validateBlobName(name); !valid)
        return valid.error();
    if (out == nullptr || !out->isWritable())
        return makeVaultError(
            ErrorKind::InvalidArgument,
            QStringLiteral("reading blob '%1': the output is not open for writing").arg(name));
    if (offset_bytes < 0 || length_bytes < -1)
        return makeVaultError(ErrorKind::InvalidArgument,
                              QStringLiteral("reading blob '%1': invalid range %2+%3")
                                  .arg(name)
                                  .arg(offset_bytes)
                                  .arg(length_bytes));
    if (length_bytes == 0)
        return qint64(0);
    if (length_bytes > 0 && length_bytes <= kRangeMd5Limit_bytes)
        return readSmallRange(name, out, offset_bytes, length_bytes, progress, cancel);

    // One streaming GET for the whole range; a dropped connection resumes
    // from the last byte received, pinned to the first answer's ETag.
    qint64 delivered = 0;
    qint64 lastByte = length_bytes < 0 ? -1 : offset_bytes + length_bytes - 1; // inclusive; -1 = to the end
    qint64 blobSize = -1;
    QString etag;
    QByteArray wholeMd5;
    QCryptographicHash md5(QCryptographicHash::Md5);
    bool sinkError = false;
    bool hashWhole = false;

    Operation op;
    op.verb = "GET";
    op.blobPath = m_options.prefix + name;
    op.displayName = name;
    op.action = QStringLiteral("reading blob '%1'").arg(name);
    op.beforeAttempt = [&](Operation& o) {
        o.headers.clear();
        const qint64 from = offset_bytes + delivered;
        if (from > 0 || lastByte >= 0) {
            const QString range = lastByte >= 0 ? QStringLiteral("bytes=%1-%2").arg(from).arg(lastByte)
                                                : QStringLiteral("bytes=%1-").arg(from);
            o.headers.emplaceBack("x-ms-range", range.toLatin1());
        }
        if (!etag.isEmpty()) {
            o.headers.emplaceBack("If-Match", etag.toUtf8());
            o.resumingRead = true;
        }
    };
    op.onHeaders = [&](const HttpResponse& r) {
        if (!etag.isEmpty() || (r.status != 200 && r.status != 206))
            return;
        etag = QString::fromUtf8(r.header("etag"));
        if (r.status == 200) {
            blobSize = r.header("content-length").toLongLong();
            wholeMd5 = QByteArray::fromBase64(r.header("content-md5"));
        } else {
            blobSize = contentRangeTotal(r.header("content-range")).value_or(-1);
            wholeMd5 = QByteArray::fromBase64(r.header("x-ms-blob-content-md5"));
        }
        if (blobSize >= 0 && (lastByte < 0 || lastByte >= blobSize))
            lastByte = blobSize - 1;
        // Hash only when the stored whole-blob MD5 can be checked at the end.
        hashWhole = offset_bytes == 0 && !wholeMd5.isEmpty();
    };
    op.complete = [&] {
        return !sinkError && lastByte >= 0 && offset_bytes + delivered > lastByte;
    };
    op.sink = [&](const char* data, qint64 bytes) {
        if (out->write(data, bytes) != bytes) {
            sinkError = true;
            return false;
        }
        if (hashWhole)
            md5.addData(QByteArrayView(data, bytes));
        delivered += bytes;
        if (progress)
            progress(delivered, lastByte >= 0 ? lastByte - offset_bytes + 1 : -1);
        return true;
    };
    auto response = run(op, cancel);
    if (!response) {
        if (sinkError)
            return makeVaultError(
                ErrorKind::Io,
                QStringLiteral("reading blob '%1': cannot write: %2").arg(name, out->errorString()));
        if (response.error().httpStatus == 416 && offset_bytes == 0)
            return qint64(0);
        return response.error();
    }
    const qint64 expected = lastByte >= 0 ? lastByte - offset_bytes + 1 : delivered;
    if (delivered != expected)
        return makeVaultError(ErrorKind::Protocol,
                              QStringLiteral("reading blob '%1' from %2: received %3 bytes, expected %4")
                                  .arg(name, host())
                                  .arg(delivered)
                                  .arg(expected));
    if (hashWhole && blobSize == delivered && md5.result() != wholeMd5)
        return makeVaultError(
            ErrorKind::Integrity,
            QStringLiteral("blob '%1' in container '%2' does not match its stored Content-MD5")
                .arg(name, m_options.container));
    return delivered;
}

VaultResult<QString> AzureBlobVault::doPut(const QString& name, QIODevice* data, qint64 bytes,
                                           const Condition& condition, const PutOptions& options,
                                           const ProgressCallback& progress, const std::atomic_bool* cancel)
{
    if (auto valid = validateBlobName(name); !valid)
        return valid.error();
    if (auto valid = validateMetadata(options.metadata); !valid)
        return valid.error();
    if (auto valid = validateCondition(name, condition); !valid)
        return valid.error();
    if (data == nullptr || !data->isReadable() || bytes < 0)
        return makeVaultError(ErrorKind::InvalidArgument,
                              QStringLiteral("writing blob '%1': no readable data").arg(name));
    if (bytes > kMaxPutBlob_bytes)
        return makeVaultError(
            ErrorKind::InvalidArgument,
            QStringLiteral("writing blob '%1': %2 bytes is more than one Put Blob takes (5000 MiB)")
                .arg(name)
                .arg(bytes));

    // MD5 up front (random-access data only): the service checks it on arrival
    // and stores it as the blob's Content-MD5 for later readers.
    QByteArray md5;
    if (!data->isSequential()) {
        const qint64 start = data->pos();
        QCryptographicHash hash(QCryptographicHash::Md5);
        QByteArray chunk;
        qint64 left = bytes;
        while (left > 0) {
            chunk = data->read(std::min(left, kHashChunk_bytes));
            if (chunk.isEmpty())
                return makeVaultError(ErrorKind::Io,
                                      QStringLiteral("writing blob '%1': the data ends after %2 of %3 bytes")
                                          .arg(name)
                                          .arg(bytes - left)
                                          .arg(bytes));
            hash.addData(chunk);
            left -= chunk.size();
        }
        if (!data->seek(start))
            return makeVaultError(ErrorKind::Io,
                                  QStringLiteral("writing blob '%1': cannot rewind the data").arg(name));
        md5 = hash.result();
    }

    BoundedDevice body(data, bytes);
    Operation op;
    op.verb = "PUT";
    op.blobPath = m_options.prefix + name;
    op.displayName = name;
    op.action = QStringLiteral("writing blob '%1'").arg(name);
    op.body = &body;
    op.bodyBytes = bytes;
    op.conditional = condition.kind != Condition::Kind::None;
    op.headers = {{"x-ms-blob-type", "BlockBlob"},
                  {"Content-Type", options.contentType.isEmpty() ? QByteArray("application/octet-stream")
                                                                 : options.contentType.toUtf8()}};
    if (!md5.isEmpty())
        op.headers.emplaceBack("Content-MD5", md5.toBase64());
    for (auto it = options.metadata.cbegin(); it != options.metadata.cend(); ++it)
        op.headers.emplaceBack("x-ms-meta-" + it.key().toLatin1(), it.value().toLatin1());
    appendCondition(op.headers, condition);
    if (progress)
        op.uploadProgress = [&](qint64 sent, qint64) {
            progress(sent, bytes);
        };
    auto response = run(op, cancel);
    if (!response)
        return response.error();
    if (progress)
        progress(bytes, bytes); // Qt may drop the last upload-progress signal once the reply finished
    return normalizeEtag(QString::fromUtf8(response->header("etag")));
}

VaultResult<QString> AzureBlobVault::doSetMetadata(const QString& name, const Metadata& metadata,
                                                   const Condition& condition, const std::atomic_bool* cancel)
{
    if (auto valid = validateBlobName(name); !valid)
        return valid.error();
    if (auto valid = validateMetadata(metadata); !valid)
        return valid.error();
    if (auto valid = validateCondition(name, condition); !valid)
        return valid.error();
    Operation op;
    op.verb = "PUT";
    op.blobPath = m_options.prefix + name;
    op.displayName = name;
    op.action = QStringLiteral("setting the metadata of blob '%1'").arg(name);
    op.query = {{QStringLiteral("comp"), QStringLiteral("metadata")}};
    op.conditional = condition.kind != Condition::Kind::None;
    for (auto it = metadata.cbegin(); it != metadata.cend(); ++it)
        op.headers.emplaceBack("x-ms-meta-" + it.key().toLatin1(), it.value().toLatin1());
    appendCondition(op.headers, condition);
    auto response = run(op, cancel);
    if (!response)
        return response.error();
    return normalizeEtag(QString::fromUtf8(response->header("etag")));
}

} // namespace holdfast::vault

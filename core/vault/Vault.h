#pragma once

// The blob-level view of a recording vault: a flat namespace of names
// ("recordings/2024/05/01/<id>/manifest.json") holding immutable-ish byte
// strings with ETags. Backends: FolderVault (file:///path) and
// AzureBlobVault (azure://container[/prefix]).
//
// Every method blocks the calling thread and is safe to call concurrently
// from several worker threads; no GUI event loop is needed. Pass a
// std::atomic_bool* that another thread sets to abort promptly (the call
// then fails with ErrorKind::Cancelled).

#include "util/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <atomic>
#include <functional>
#include <optional>
#include <utility>
#include <variant>

class QIODevice;

namespace holdfast::vault {

enum class ErrorKind
{
    Invalid = 0,
    NotFound,             // the blob does not exist
    PreconditionFailed,   // If-Match / If-None-Match did not hold
    AuthenticationFailed, // wrong key, bad or expired SAS signature
    PermissionDenied,     // authenticated, but not allowed (SAS without the permission)
    ContainerNotFound,    // the container (or vault directory) does not exist
    Network,              // connection refused/reset, DNS, dropped mid-transfer
    Tls,                  // certificate not trusted, handshake failed
    Timeout,              // no progress within the connect/inactivity timeout
    Cancelled,            // the caller's cancel flag was set
    Protocol,             // unexpected status or malformed answer, blob changed during a resumed read
    ServerBusy,           // 408/429/5xx still failing after the retries
    Integrity,            // Content-MD5 of the received bytes does not match the service's
    InvalidArgument,      // bad name, range or condition
    Io,                   // local file system error (FolderVault, the output device)
};

// Stable, lower-case name of a kind for logs and JSON ("precondition_failed").
QString errorKindName(ErrorKind kind);

struct VaultError
{
    ErrorKind kind = ErrorKind::Invalid;
    QString message;     // user-facing: names the blob / container / host
    int httpStatus = 0;  // 0 when the request never got an HTTP answer
    QString serviceCode; // e.g. x-ms-error-code "BlobNotFound"; empty if none

    // For code that only speaks holdfast::Result.
    holdfast::Error toError() const { return holdfast::makeError(message); }
};

inline VaultError makeVaultError(ErrorKind kind, QString message, int httpStatus = 0,
                                 QString serviceCode = {})
{
    return VaultError{kind, std::move(message), httpStatus, std::move(serviceCode)};
}

// holdfast::Result whose error carries a kind callers can branch on.
template <typename T> using VaultResult = holdfast::Result<T, VaultError>;
using VaultStatus = VaultResult<void>;

using Metadata = QMap<QString, QString>;

struct BlobEntry
{
    QString name; // relative to the vault root, '/'-separated
    QString etag; // opaque, compare as a string; changes on every write
    qint64 bytes = -1;
    QByteArray contentMd5;  // raw 16 bytes when the service stores it, else empty
    QDateTime lastModified; // UTC
    QString contentType;    // empty if unknown
    Metadata metadata;      // filled by stat(); list() leaves it empty
};

struct ListPage
{
    QList<BlobEntry> entries; // sorted by name
    QString nextMarker;       // empty on the last page
};

// Write precondition for put()/setMetadata().
struct Condition
{
    enum class Kind
    {
        None,
        IfMatch,        // the blob exists and still has etag
        IfNoneMatchAny, // the blob does not exist (create only)
    };
    Kind kind = Kind::None;
    QString etag;

    static Condition none() { return {}; }
    static Condition ifMatch(QString etag) { return {Kind::IfMatch, std::move(etag)}; }
    static Condition ifNoneMatchAny() { return {Kind::IfNoneMatchAny, {}}; }
};

struct PutOptions
{
    QString contentType = QStringLiteral("application/octet-stream");
    Metadata metadata; // ASCII names (C identifiers) and values
};

// Called from the calling thread as bytes arrive or leave; total_bytes is -1 when unknown.
using ProgressCallback = std::function<void(qint64 done_bytes, qint64 total_bytes)>;

class Vault
{
public:
    Vault() = default;
    virtual ~Vault() = default;
    Vault(const Vault&) = delete;
    Vault& operator=(const Vault&) = delete;

    // "file:///srv/vault" or "azure://vault/prefix (https://acct.blob.core.windows.net)", for messages.
    virtual QString describe() const = 0;

    // One page of blobs whose name starts with prefix, in name order. marker is
    // the previous page's nextMarker (empty for the first page). maxResults is
    // clamped to 1..5000.
    VaultResult<ListPage> list(const QString& prefix, const QString& marker = {}, int maxResults = 1000,
                               const std::atomic_bool* cancel = nullptr)
    {
        return doList(prefix, marker, maxResults, cancel);
    }

    // Properties and metadata of one blob; ErrorKind::NotFound if absent.
    VaultResult<BlobEntry> stat(const QString& name, const std::atomic_bool* cancel = nullptr)
    {
        return doStat(name, cancel);
    }

    // length_bytes bytes from offset_bytes (-1: to the end). Reading past the end
    // returns the bytes that exist; an offset beyond the end is InvalidArgument.
    VaultResult<QByteArray> read(const QString& name, qint64 offset_bytes = 0, qint64 length_bytes = -1,
                                 const std::atomic_bool* cancel = nullptr);

    // Streams the range into out (opened for writing) without holding it in
    // memory; returns the number of bytes written. On failure out may hold a
    // partial prefix: write to a temp file and discard it.
    VaultResult<qint64> readTo(const QString& name, QIODevice* out, qint64 offset_bytes = 0,
                               qint64 length_bytes = -1, const ProgressCallback& progress = {},
                               const std::atomic_bool* cancel = nullptr)
    {
        return doReadTo(name, out, offset_bytes, length_bytes, progress, cancel);
    }

    // Writes the whole blob; returns the new etag. A failed condition gives
    // ErrorKind::PreconditionFailed.
    VaultResult<QString> put(const QString& name, const QByteArray& data, const Condition& condition = {},
                             const PutOptions& options = {}, const std::atomic_bool* cancel = nullptr);

    // As put(), reading bytes bytes from data's current position. Retries need
    // a random-access device (a file); a sequential one is sent once.
    VaultResult<QString> putFrom(const QString& name, QIODevice* data, qint64 bytes,
                                 const Condition& condition = {}, const PutOptions& options = {},
                                 const ProgressCallback& progress = {},
                                 const std::atomic_bool* cancel = nullptr)
    {
        return doPut(name, data, bytes, condition, options, progress, cancel);
    }

    VaultResult<Metadata> getMetadata(const QString& name, const std::atomic_bool* cancel = nullptr);

    // Replaces all metadata; returns the new etag.
    VaultResult<QString> setMetadata(const QString& name, const Metadata& metadata,
                                     const Condition& condition = {},
                                     const std::atomic_bool* cancel = nullptr)
    {
        return doSetMetadata(name, metadata, condition, cancel);
    }

    // Creates the container (Azure) or root directory (folder) when it does
    // not exist yet; succeeds when it does. For publishing (upload).
    VaultStatus createIfMissing(const std::atomic_bool* cancel = nullptr)
    {
        return doCreateIfMissing(cancel);
    }

protected:
    virtual VaultStatus doCreateIfMissing(const std::atomic_bool* cancel) = 0;
    virtual VaultResult<ListPage> doList(const QString& prefix, const QString& marker, int maxResults,
                                         const std::atomic_bool* cancel) = 0;
    virtual VaultResult<BlobEntry> doStat(const QString& name, const std::atomic_bool* cancel) = 0;
    virtual VaultResult<qint64> doReadTo(const QString& name, QIODevice* out, qint64 offset_bytes,
                                         qint64 length_bytes, const ProgressCallback& progress,
                                         const std::atomic_bool* cancel) = 0;
    virtual VaultResult<QString> doPut(const QString& name, QIODevice* data, qint64 bytes,
                                       const Condition& condition, const PutOptions& options,
                                       const ProgressCallback& progress, const std::atomic_bool* cancel) = 0;
    virtual VaultResult<QString> doSetMetadata(const QString& name, const Metadata& metadata,
                                               const Condition& condition,
                                               const std::atomic_bool* cancel) = 0;
};

// A blob name both backends accept: 1-1024 characters, '/'-separated, no
// empty, "." or ".." component, no backslash or control character.
// Returns an InvalidArgument error naming the blob otherwise.
VaultStatus validateBlobName(const QString& name);

// Metadata names must be C identifiers (Azure's rule) and values printable ASCII.
VaultStatus validateMetadata(const Metadata& metadata);

inline bool isCancelled(const std::atomic_bool* cancel)
{
    return cancel != nullptr && cancel->load(std::memory_order_relaxed);
}

} // namespace holdfast::vault

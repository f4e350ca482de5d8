#pragma once

#include "model/Participant.h"
#include "model/Track.h"
#include "util/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>
#include <QtGlobal>

namespace holdfast::model {

inline constexpr auto kManifestFormat = "holdfast.recording/1";
inline constexpr auto kManifestFileName = "manifest.json";
inline constexpr auto kSignatureFileName = "manifest.json.sig";
inline constexpr auto kTranscriptFileName = "transcript.json";
inline constexpr auto kVaultKeysDirectory = "keys";             // keys/<capture-node-id>.pem
inline constexpr auto kVaultRecordingsDirectory = "recordings"; // recordings/YYYY/MM/DD/<id>/

// Limits that bound the work done on hostile input (documented in FORMAT.md).
inline constexpr qint64 kMaxJsonBytes = 64LL * 1024 * 1024;         // manifest.json and transcript.json
inline constexpr qint64 kMaxFileBytes = 1LL << 40;                  // 1 TiB per package file
inline constexpr qint64 kMaxDurationMs = 7LL * 24 * 60 * 60 * 1000; // calls, tracks and times
inline constexpr qint64 kTrackEndSlackMs = 5000;        // a track may end this much after the call
inline constexpr qsizetype kMaxManifestEntries = 10000; // participants, tracks, files each
inline constexpr qsizetype kMaxPathChars = 1024;
inline constexpr qsizetype kMaxFieldChars = 4096; // any other manifest string
inline constexpr qsizetype kMaxCaptureNodeChars = 128;

// A file of the package other than manifest.json and its signature.
struct PackageFile
{
    QString path;      // relative, '/'-separated, never escaping the package
    QByteArray sha256; // lower-case hex, 64 characters
    qint64 bytes = 0;

    bool operator==(const PackageFile&) const = default;
};

enum class CallDirection
{
    Invalid = 0,
    Inbound,
    Outbound,
    Internal,
};
QString callDirectionName(CallDirection direction); // "inbound" | "outbound" | "internal"
CallDirection callDirectionFromName(const QString& name);

struct Manifest
{
    QString format =
        QString::fromLatin1(kManifestFormat); // as read: may carry a minor, "holdfast.recording/1.2"
    QUuid id;
    QString captureNode;
    QDateTime startedAt; // UTC
    QDateTime endedAt;   // UTC
    QString source;      // "teams", "sip", "turret", ...
    CallDirection direction = CallDirection::Invalid;
    QString title; // optional: meeting subject or queue name
    QList<Participant> participants;
    QList<Track> tracks;
    QList<PackageFile> files;

    qint64 durationMs() const { return startedAt.msecsTo(endedAt); }
    // nullptr when absent.
    const PackageFile* file(const QString& path) const;
    const Participant* participant(const QString& id) const;
    const Track* track(const QString& id) const;
    // "recordings/YYYY/MM/DD/<id>" for this manifest (date of startedAt in UTC,
    // id without braces), '/'-separated. Empty when id or startedAt is invalid.
    QString vaultDirectory() const;

    bool operator==(const Manifest&) const = default;
};

// True for "holdfast.recording/1" and any "holdfast.recording/1.<minor>".
bool isSupportedManifestFormat(const QString& format);

// Strict parser: rejects an unknown major format, missing or mistyped fields,
// times out of order, paths escaping the package, absurd sizes, duplicate ids,
// tracks whose file is not listed. The message names the field at fault.
// Unknown keys are ignored (forward compatibility within major version 1).
// Errors read "manifest.json: <json path>: <problem>".
Result<Manifest> parseManifestJson(const QByteArray& json);

// The semantic checks of parseManifestJson on a Manifest built in code (for
// producers, before they serialise and sign). Same messages as the parser.
Status validateManifest(const Manifest& manifest);

// Deterministic serialisation in the canonical form of FORMAT.md (documented
// key order, 2-space indentation, trailing newline), so that the same manifest
// always produces the same bytes to sign. Empty optional strings are omitted.
QByteArray serializeManifestJson(const Manifest& manifest);

// True when path is a safe relative package path: non-empty, '/'-separated,
// no "..", ".", empty or absolute components, no backslashes, NULs or other
// control characters, at most kMaxPathChars characters.
bool isSafePackagePath(const QString& path);

// True when id can name keys/<id>.pem: 1..128 characters of [A-Za-z0-9._-],
// not starting with '.'.
bool isSafeCaptureNodeId(const QString& id);

// "2024-05-01T09:30:00Z", or "2024-05-01T09:30:00.250Z" when there are milliseconds.
QString formatUtcTimestamp(const QDateTime& time);
// Parses exactly that form (1 to 3 fraction digits); an invalid QDateTime otherwise.
QDateTime parseUtcTimestamp(const QString& text);

} // namespace holdfast::model

#pragma once

#include "model/Participant.h"
#include "model/Track.h"
#include "util/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

namespace holdfast::model {

inline constexpr auto kManifestFormat = "holdfast.recording/1";
inline constexpr auto kManifestFileName = "manifest.json";
inline constexpr auto kSignatureFileName = "manifest.json.sig";
inline constexpr auto kTranscriptFileName = "transcript.json";

// A file of the package other than manifest.json and its signature.
struct PackageFile
{
    QString path;     // relative, '/'-separated, never escaping the package
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
    QString format = QString::fromLatin1(kManifestFormat);
    QUuid id;
    QString captureNode;
    QDateTime startedAt; // UTC
    QDateTime endedAt;   // UTC
    QString source;      // "teams", "sip", "turret", ...
    CallDirection direction = CallDirection::Invalid;
    QString title;       // optional: meeting subject or queue name
    QList<Participant> participants;
    QList<Track> tracks;
    QList<PackageFile> files;

    qint64 durationMs() const { return startedAt.msecsTo(endedAt); }
    const PackageFile* file(const QString& path) const;
    const Participant* participant(const QString& id) const;
    // "recordings/YYYY/MM/DD/<id>" for this manifest, '/'-separated.
    QString vaultDirectory() const;

    bool operator==(const Manifest&) const = default;
};

// Strict parser: rejects an unknown major format, missing or mistyped fields,
// times out of order, paths escaping the package, absurd sizes, duplicate ids,
// tracks whose file is not listed. The message names the field at fault.
Result<Manifest> parseManifestJson(const QByteArray& json);

// Deterministic serialisation (stable key order, compact indentation), so that
// the same manifest always produces the same bytes to sign.
QByteArray serializeManifestJson(const Manifest& manifest);

// True when path is a safe relative package path: non-empty, '/'-separated,
// no "..", ".", empty or absolute components, no backslashes or NULs.
bool isSafePackagePath(const QString& path);

} // namespace holdfast::model

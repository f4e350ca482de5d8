#pragma once

#include "model/Manifest.h"
#include "model/Transcript.h"
#include "util/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>
#include <functional>
#include <optional>

namespace holdfast::crypto {
class Ed25519PrivateKey;
}

namespace holdfast::capture {

struct CaptureTrackInput
{
    QString sourceFile; // existing media file to ingest (copied bit-exact)
    model::TrackKind kind = model::TrackKind::Invalid;
    QString participant; // participant id or "mixed"
    qint64 offset_ms = 0;
};

struct CaptureRequest
{
    QUuid id;       // null: a random UUID is assigned
    QString source; // "teams", "sip", ...
    model::CallDirection direction = model::CallDirection::Invalid;
    QString title;
    QDateTime startedAt; // UTC
    QDateTime endedAt;   // null: startedAt + the end of the latest track
    QList<model::Participant> participants;
    QList<CaptureTrackInput> tracks;
    std::optional<model::Transcript> transcript;
};

// Turns captured media into a signed package in a folder vault:
// probes every track with GStreamer, copies it bit-exact, hashes it, writes
// transcript.json and manifest.json, signs the manifest with the capture
// node's Ed25519 key and publishes the public key under keys/. The package is
// assembled in a staging directory inside the vault and renamed into
// recordings/YYYY/MM/DD/<id>/ only when complete, so a crash never leaves a
// half-written package where readers look.
class PackageBuilder
{
public:
    PackageBuilder(QString vaultDirectory, QString captureNodeId, const crypto::Ed25519PrivateKey& key);

    Result<model::Manifest> build(const CaptureRequest& request) const;

private:
    QString m_vaultDirectory;
    QString m_captureNodeId;
    const crypto::Ed25519PrivateKey& m_key;
};

} // namespace holdfast::capture

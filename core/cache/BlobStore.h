#pragma once

#include "cache/BlobReader.h"
#include "cache/BlobWriter.h"
#include "util/Result.h"

#include <QSet>
#include <QString>
#include <QStringList>
#include <memory>

namespace holdfast::cache {

class MasterKey;

// The encrypted media store of a cache: <cache>/blobs/<id>, each blob
// encrypted in 64 KiB AES-256-GCM chunks under its own key (BlobFormat.h).
// Keeps a reference to the master key: the key must outlive the store.
class BlobStore
{
public:
    BlobStore(QString blobsDirectory, const MasterKey& masterKey);

    QString directory() const { return m_directory; }
    // Creates the directory (mode 0700) when missing.
    Status ensureDirectory() const;

    // Path of a blob; empty for a string that is not a blob id.
    QString blobPath(const QString& blobId) const;
    bool contains(const QString& blobId) const;
    // Ids of the complete blobs (partial files are not blobs).
    QStringList blobIds() const;

    Result<std::unique_ptr<BlobWriter>> createWriter() const;
    Result<BlobInfo> importFile(const QString& sourcePath) const;
    // Continues a suspended download (BlobWriter::resume).
    Result<std::unique_ptr<BlobWriter>> resumeWriter(const QString& blobId) const;
    // Removes the partial file of a blob, if any.
    void removePartial(const QString& blobId) const;
    Result<std::unique_ptr<BlobReader>> openReader(const QString& blobId, QObject* parent = nullptr) const;
    Status remove(const QString& blobId) const;
    // Deletes the *.partial files a crash left behind (call while no writer
    // is active), except those of the ids in keep (suspended downloads);
    // returns how many were removed.
    int removeInterruptedWrites(const QSet<QString>& keep = {}) const;

private:
    QString m_directory;
    const MasterKey& m_masterKey;
};

} // namespace holdfast::cache

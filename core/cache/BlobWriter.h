#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <memory>

namespace holdfast::cache {

class MasterKey;

// What a finished blob holds, for comparison with the recording's manifest.
struct BlobInfo
{
    QString blobId;
    qint64 plaintextBytes = 0;
    QByteArray plaintextSha256; // raw 32 bytes, computed while writing
};

// Streams plaintext into a new encrypted blob (format: BlobFormat.h). Bytes
// go to blobs/<id>.partial, which finish() fsyncs and renames to blobs/<id>:
// an interrupted write never looks like a blob. A writer that is aborted,
// fails or is destroyed before finish() removes its partial file. Plaintext
// only ever exists in memory (one 64 KiB chunk; importFile's pipeline keeps up
// to 16 MiB in flight), wiped on destruction or encrypted in place.
// Not thread-safe; move it between threads, do not share it.
class BlobWriter
{
public:
    ~BlobWriter();
    BlobWriter(const BlobWriter&) = delete;
    BlobWriter& operator=(const BlobWriter&) = delete;

    // A writer for a new blob with a fresh random id in blobsDirectory (which
    // must exist). The master key is only used here, not retained.
    static Result<std::unique_ptr<BlobWriter>> create(const QString& blobsDirectory,
                                                      const MasterKey& masterKey);
    // Encrypts a whole file into a new blob and finishes it. Reading and
    // hashing, encryption and writing run on three threads
    // (BlobImportPipeline) so the CPU work overlaps the disk. Fails, leaving
    // nothing behind, when the file cannot be read or shrinks while read.
    static Result<BlobInfo> importFile(const QString& sourcePath, const QString& blobsDirectory,
                                       const MasterKey& masterKey);
    // Reopens the partial file a suspend() (or a crash) left behind, for a
    // download that continues where it stopped: every whole record is
    // decrypted and checked (which also rebuilds the SHA-256 of the plaintext),
    // and the file is cut after the last good one. plaintextBytesWritten()
    // then says where to continue. Fails when there is no such partial file or
    // its header is not this blob's.
    static Result<std::unique_ptr<BlobWriter>> resume(const QString& blobsDirectory,
                                                      const MasterKey& masterKey, const QString& blobId);

    QString blobId() const;
    qint64 plaintextBytesWritten() const;

    // Appends plaintext. After an error the writer is dead: every later call
    // repeats the error and the partial file is gone.
    Status write(const char* data, qint64 bytes);
    Status write(QByteArrayView data) { return write(data.data(), data.size()); }
    // Appends a file's contents (reads in 1 MiB blocks, no temporary copy).
    Status appendFile(const QString& sourcePath);
    // Seals the last chunk, fsyncs, renames into place, fsyncs the directory.
    Result<BlobInfo> finish();
    // Drops the blob: closes and removes the partial file. Idempotent.
    void abort();
    // Stops writing but keeps the partial file for resume(): writes the
    // records sealed so far (the unsealed tail is dropped) and closes the
    // file. Returns the plaintext bytes kept. The writer is done afterwards.
    Result<qint64> suspend();

private:
    struct Private;
    explicit BlobWriter(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace holdfast::cache

#pragma once

#include "util/Result.h"

#include <QIODevice>
#include <memory>

namespace holdfast::cache {

class MasterKey;

// Random-access, read-only view of the plaintext of one encrypted blob, for
// QMediaPlayer::setSourceDevice() and GStreamer appsrc in random-access mode.
// size() is the plaintext size, any position can be sought, and readData()
// decrypts only the chunks it needs, keeping the last one decrypted in a
// one-chunk cache (64 KiB, wiped on close). Nothing unauthenticated is ever
// returned: a chunk that fails its tag makes the read return -1 with an
// errorString() naming the blob and chunk; bytes already copied from
// earlier, authentic chunks in the same call are returned first.
class BlobReader : public QIODevice
{
    Q_OBJECT

public:
    explicit BlobReader(QObject* parent = nullptr);
    ~BlobReader() override;

    // Opens blobs/<id> read-only and unbuffered (the chunk cache is the
    // buffer). The id comes from the file name and selects the key. Checks
    // the header and the final chunk, so size() is authentic; errors name
    // the blob. The master key is not retained.
    Status open(const QString& blobPath, const MasterKey& masterKey);
    // Always fails: a blob needs its key, use open(path, masterKey).
    bool open(OpenMode mode) override;
    void close() override;

    QString blobId() const;
    bool isSequential() const override { return false; }
    qint64 size() const override;
    bool seek(qint64 position) override;

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char* data, qint64 maxSize) override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace holdfast::cache

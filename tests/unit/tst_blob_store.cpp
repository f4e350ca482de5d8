// Encrypted blob store: round trips, random access, and that every kind of
// damage is detected (never garbage handed to a decoder).

#include "cache/BlobFormat.h"
#include "cache/BlobImportPipeline.h"
#include "cache/BlobReader.h"
#include "cache/BlobStore.h"
#include "cache/BlobWriter.h"
#include "cache/MasterKey.h"
#include "crypto/Sha256.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <sys/resource.h>

using namespace holdfast;
using namespace holdfast::cache;
namespace bf = holdfast::cache::blobformat;

namespace {

MasterKey fixedMasterKey(unsigned char seed)
{
    SecretKey secret;
    for (int i = 0; i < SecretKey::kBytes; ++i)
        secret.data()[i] = static_cast<unsigned char>(seed + i * 7);
    return MasterKey::fromSecret(std::move(secret));
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator random(seed);
    for (char& c : bytes)
        c = static_cast<char>(random.bounded(256));
    return bytes;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

qint64 chunkOffset(qint64 index)
{
    return bf::kHeaderBytes + index * bf::kRecordBytes;
}

} // namespace

class TestBlobStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void roundTrip_data();
    void roundTrip();
    void importFileAndStoreOperations();
    void importFilePipeline_data();
    void importFilePipeline();
    void appendFileThenWrite();
    void importFileReadFailureLeavesNothing();
    void importFileWriteFailureLeavesNothing();
    void randomAccessReads();
    void readerIsARandomAccessDevice();
    void ciphertextHoldsNoPlaintextWindow();
    void flippedBytesAreDetected();
    void swappedChunksAreDetected();
    void droppedChunkIsDetected();
    void truncatedBlobIsDetected();
    void appendedJunkIsDetected();
    void chunkFromAnotherBlobIsDetected();
    void wrongKeyOrRenamedBlobIsDetected();
    void badHeaderNamesTheBlob();
    void unfinishedWriterLeavesNothing();
    void suspendedWriterResumesFromLastWholeChunk();
    void resumeCutsATornOrForeignTail();
    void resumeRefusesAnotherBlobsFile();

private:
    BlobInfo writeBlob(const QByteArray& plaintext, quint32 pieceSeed = 1);
    // Reads [offset, offset + bytes) through a fresh seek; -1 on error.
    static qint64 readAt(BlobReader& reader, qint64 offset, qint64 bytes, QByteArray* out);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_blobs;
    std::unique_ptr<MasterKey> m_key;
    std::unique_ptr<BlobStore> m_store;
};

void TestBlobStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_blobs = m_dir->filePath(QStringLiteral("blobs"));
    m_key = std::make_unique<MasterKey>(fixedMasterKey(3));
    m_store = std::make_unique<BlobStore>(m_blobs, *m_key);
    QVERIFY(m_store->ensureDirectory().ok());
}

BlobInfo TestBlobStore::writeBlob(const QByteArray& plaintext, quint32 pieceSeed)
{
    Result<std::unique_ptr<BlobWriter>> writer = m_store->createWriter();
    if (!writer)
        qFatal("createWriter: %s", qPrintable(writer.errorMessage()));
    // Irregular piece sizes exercise every buffering path.
    QRandomGenerator random(pieceSeed);
    qsizetype done = 0;
    while (done < plaintext.size()) {
        const qsizetype piece = std::min<qsizetype>(plaintext.size() - done, random.bounded(1, 200000));
        if (Status written = (*writer)->write(plaintext.constData() + done, piece); !written)
            qFatal("write: %s", qPrintable(written.errorMessage()));
        done += piece;
    }
    Result<BlobInfo> info = (*writer)->finish();
    if (!info)
        qFatal("finish: %s", qPrintable(info.errorMessage()));
    return *info;
}

qint64 TestBlobStore::readAt(BlobReader& reader, qint64 offset, qint64 bytes, QByteArray* out)
{
    if (!reader.seek(offset))
        return -1;
    out->resize(bytes);
    const qint64 got = reader.read(out->data(), bytes);
    out->resize(std::max<qint64>(got, 0));
    return got;
}

void TestBlobStore::roundTrip_data()
{
    QTest::addColumn<qint64>("size");
    QTest::newRow("0") << qint64(0);
    QTest::newRow("1") << qint64(1);
    QTest::newRow("64Ki-1") << qint64(bf::kChunkBytes - 1);
    QTest::newRow("64Ki") << qint64(bf::kChunkBytes);
    QTest::newRow("64Ki+1") << qint64(bf::kChunkBytes + 1);
    QTest::newRow("2x64Ki") << qint64(2 * bf::kChunkBytes);
    QTest::newRow("5MiB") << qint64(5 * 1024 * 1024);
}

void TestBlobStore::roundTrip()
{
    QFETCH(qint64, size);
    const QByteArray plaintext = randomBytes(size, quint32(size) + 11);
    const BlobInfo info = writeBlob(plaintext);
    QVERIFY(bf::isValidBlobId(info.blobId));
    QCOMPARE(info.plaintextBytes, size);
    QCOMPARE(info.plaintextSha256, crypto::Sha256::hash(plaintext));

    const qint64 chunks = size == 0 ? 1 : (size + bf::kChunkBytes - 1) / bf::kChunkBytes;
    QCOMPARE(QFileInfo(m_store->blobPath(info.blobId)).size(),
             bf::kHeaderBytes + size + chunks * bf::kTagBytes);
    QCOMPARE(QDir(m_blobs).entryList(QDir::Files), QStringList{info.blobId});
    QCOMPARE(m_store->blobIds(), QStringList{info.blobId});

    Result<std::unique_ptr<BlobReader>> reader = m_store->openReader(info.blobId);
    QVERIFY2(reader.ok(), qPrintable(reader.errorMessage()));
    QCOMPARE((*reader)->size(), size);
    QCOMPARE((*reader)->blobId(), info.blobId);
    const QByteArray back = (*reader)->readAll();
    QCOMPARE(back.size(), plaintext.size());
    QVERIFY(back == plaintext);
    QVERIFY((*reader)->atEnd());
}

void TestBlobStore::importFileAndStoreOperations()
{
    const QByteArray plaintext = randomBytes(3 * 1024 * 1024 + 17, 5);
    const QString source = m_dir->filePath(QStringLiteral("call.opus"));
    QVERIFY(writeFile(source, plaintext));
    Result<BlobInfo> info = m_store->importFile(source);
    QVERIFY2(info.ok(), qPrintable(info.errorMessage()));
    QCOMPARE(info->plaintextBytes, plaintext.size());
    QCOMPARE(info->plaintextSha256, crypto::Sha256::hash(plaintext));
    QVERIFY(m_store->contains(info->blobId));
    Result<std::unique_ptr<BlobReader>> reader = m_store->openReader(info->blobId);
    QVERIFY(reader.ok());
    QVERIFY((*reader)->readAll() == plaintext);
    (*reader)->close();

    Result<BlobInfo> missing = m_store->importFile(m_dir->filePath(QStringLiteral("missing.opus")));
    QVERIFY(!missing.ok());
    QVERIFY(missing.errorMessage().contains(QStringLiteral("missing.opus")));
    QCOMPARE(QDir(m_blobs).entryList(QDir::Files), QStringList{info->blobId});

    QVERIFY(!m_store->openReader(QStringLiteral("../../etc/passwd")).ok());
    QVERIFY(m_store->blobPath(QStringLiteral("ABCDEF")).isEmpty());
    QVERIFY(m_store->remove(info->blobId).ok());
    QVERIFY(!m_store->contains(info->blobId));
    QVERIFY(!m_store->openReader(info->blobId).ok());

    // Leftovers of a crash are not blobs and can be swept.
    QVERIFY(
        writeFile(QDir(m_blobs).filePath(QStringLiteral("0123456789abcdef0123456789abcdef.partial")), "x"));
    QVERIFY(m_store->blobIds().isEmpty());
    QCOMPARE(m_store->removeInterruptedWrites(), 1);
    QVERIFY(QDir(m_blobs).entryList(QDir::Files).isEmpty());
}

// importFile runs a read / hash / encrypt+write pipeline in 1 MiB slots
// (BlobImportPipeline): sizes around chunk and slot boundaries, odd sizes
// spanning several slots.
void TestBlobStore::importFilePipeline_data()
{
    QTest::addColumn<qint64>("size");
    const qint64 slot = BlobImportPipeline::kChunksPerSlot * bf::kChunkBytes;
    QTest::newRow("0") << qint64(0);
    QTest::newRow("1") << qint64(1);
    QTest::newRow("64Ki") << qint64(bf::kChunkBytes);
    QTest::newRow("slot-1") << slot - 1;
    QTest::newRow("slot") << slot;
    QTest::newRow("slot+1") << slot + 1;
    QTest::newRow("2 slots") << 2 * slot;
    // More slots than the ring holds, odd size: a short last chunk.
    QTest::newRow("odd multi-slot") << (BlobImportPipeline::kSlots + 2) * slot + 3 * bf::kChunkBytes + 4321;
}

void TestBlobStore::importFilePipeline()
{
    QFETCH(qint64, size);
    const QByteArray plaintext = randomBytes(size, quint32(size) + 41);
    const QString source = m_dir->filePath(QStringLiteral("recording.mp4"));
    QVERIFY(writeFile(source, plaintext));
    Result<BlobInfo> info = m_store->importFile(source);
    QVERIFY2(info.ok(), qPrintable(info.errorMessage()));
    QCOMPARE(info->plaintextBytes, size);
    QCOMPARE(info->plaintextSha256, crypto::Sha256::hash(plaintext));
    const qint64 chunks = size == 0 ? 1 : (size + bf::kChunkBytes - 1) / bf::kChunkBytes;
    QCOMPARE(QFileInfo(m_store->blobPath(info->blobId)).size(),
             bf::kHeaderBytes + size + chunks * bf::kTagBytes);
    QCOMPARE(QDir(m_blobs).entryList(QDir::Files | QDir::Hidden), QStringList{info->blobId});

    Result<std::unique_ptr<BlobReader>> reader = m_store->openReader(info->blobId);
    QVERIFY2(reader.ok(), qPrintable(reader.errorMessage()));
    QCOMPARE((*reader)->size(), size);
    const QByteArray back = (*reader)->readAll();
    QCOMPARE(back.size(), plaintext.size());
    QVERIFY(back == plaintext);
}

// appendFile is the single-threaded path: the file need not be the whole blob.
void TestBlobStore::appendFileThenWrite()
{
    const QByteArray head = randomBytes(2 * bf::kChunkBytes + 99, 43);
    const QByteArray tail = randomBytes(777, 44);
    const QString source = m_dir->filePath(QStringLiteral("part.opus"));
    QVERIFY(writeFile(source, head));
    Result<std::unique_ptr<BlobWriter>> writer = m_store->createWriter();
    QVERIFY(writer.ok());
    QVERIFY((*writer)->appendFile(source).ok());
    QVERIFY((*writer)->write(tail).ok());
    Result<BlobInfo> info = (*writer)->finish();
    QVERIFY2(info.ok(), qPrintable(info.errorMessage()));
    QCOMPARE(info->plaintextSha256, crypto::Sha256::hash(head + tail));
    Result<std::unique_ptr<BlobReader>> reader = m_store->openReader(info->blobId);
    QVERIFY(reader.ok());
    QVERIFY((*reader)->readAll() == head + tail);
}

void TestBlobStore::importFileReadFailureLeavesNothing()
{
    // A directory opens for reading, but read() fails (EISDIR): the failure
    // comes from inside the pipeline, after the partial file was created.
    const QString directory = m_dir->filePath(QStringLiteral("not-a-file.mp4"));
    QVERIFY(QDir().mkpath(directory));
    Result<BlobInfo> info = m_store->importFile(directory);
    QVERIFY(!info.ok());
    QVERIFY2(info.errorMessage().contains(QStringLiteral("not-a-file.mp4: read error")),
             qPrintable(info.errorMessage()));
    QVERIFY(QDir(m_blobs).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

void TestBlobStore::importFileWriteFailureLeavesNothing()
{
    // A file size limit makes the writer thread fail part-way, with slots
    // still being read and encrypted behind it.
    const qint64 slot = BlobImportPipeline::kChunksPerSlot * bf::kChunkBytes;
    const QByteArray plaintext = randomBytes(5 * slot + 12345, 47);
    const QString source = m_dir->filePath(QStringLiteral("long-call.mp4"));
    QVERIFY(writeFile(source, plaintext));

    rlimit saved = {};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    rlimit limited = saved;
    limited.rlim_cur = rlim_t(2 * slot + 1000);
    const auto savedHandler = std::signal(SIGXFSZ, SIG_IGN); // write() fails with EFBIG instead
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
    Result<BlobInfo> info = m_store->importFile(source);
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, savedHandler);

    QVERIFY(!info.ok());
    QVERIFY2(info.errorMessage().contains(QStringLiteral("cannot write")), qPrintable(info.errorMessage()));
    QVERIFY(QDir(m_blobs).entryList(QDir::Files | QDir::Hidden).isEmpty());
    // The store still works afterwards.
    QVERIFY(m_store->importFile(source).ok());
}

void TestBlobStore::randomAccessReads()
{
    const QByteArray plaintext = randomBytes(5 * 1024 * 1024 + 123, 99);
    const BlobInfo info = writeBlob(plaintext);
    Result<std::unique_ptr<BlobReader>> opened = m_store->openReader(info.blobId);
    QVERIFY(opened.ok());
    BlobReader& reader = **opened;
    QRandomGenerator random(20240601);
    QByteArray out;
    for (int i = 0; i < 1000; ++i) {
        const qint64 offset = random.bounded(qint64(plaintext.size() + 1));
        const qint64 bytes = random.bounded(i % 10 == 0 ? qint64(400000) : qint64(5000));
        const qint64 got = readAt(reader, offset, bytes, &out);
        const qint64 expected = std::min<qint64>(bytes, plaintext.size() - offset);
        QCOMPARE(got, expected);
        QVERIFY2(out == plaintext.mid(offset, expected), qPrintable(QStringLiteral("offset %1").arg(offset)));
    }
    // Across a chunk boundary, and exactly one chunk at a boundary.
    QCOMPARE(readAt(reader, bf::kChunkBytes - 3, 6, &out), 6);
    QCOMPARE(out, plaintext.mid(bf::kChunkBytes - 3, 6));
    QCOMPARE(readAt(reader, 3 * bf::kChunkBytes, bf::kChunkBytes, &out), bf::kChunkBytes);
    QCOMPARE(out, plaintext.mid(3 * bf::kChunkBytes, bf::kChunkBytes));
    QCOMPARE(readAt(reader, plaintext.size(), 10, &out), 0);
}

void TestBlobStore::readerIsARandomAccessDevice()
{
    const QByteArray plaintext = randomBytes(200000, 4);
    const BlobInfo info = writeBlob(plaintext);
    BlobReader reader;
    QVERIFY(!reader.open(QIODevice::ReadOnly));
    QVERIFY(reader.open(m_store->blobPath(info.blobId), *m_key).ok());
    QVERIFY(reader.isOpen());
    QVERIFY(reader.isReadable());
    QVERIFY(!reader.isWritable());
    QVERIFY(!reader.isSequential());
    QCOMPARE(reader.size(), qint64(plaintext.size()));
    QCOMPARE(reader.bytesAvailable(), qint64(plaintext.size()));
    QVERIFY(reader.seek(150000));
    QCOMPARE(reader.pos(), qint64(150000));
    QCOMPARE(reader.bytesAvailable(), qint64(50000));
    QCOMPARE(reader.read(10), plaintext.mid(150000, 10));
    QVERIFY(!reader.seek(plaintext.size() + 1));
    QVERIFY(!reader.seek(-1));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("ReadOnly device")));
    QCOMPARE(reader.write("x", 1), qint64(-1));
    reader.close();
    QCOMPARE(reader.size(), qint64(0));
}

void TestBlobStore::ciphertextHoldsNoPlaintextWindow()
{
    // Recognisable plaintext: repeated text and a run of zeros. Its distinct
    // 16-byte windows are few, so each can be searched for in the whole file.
    const QByteArray pattern = "CARD 4111-1111-1111-1111 EXP 12/29 CVV 123; DIAGNOSIS: J45.909 |";
    QByteArray plaintext;
    while (plaintext.size() < 1024 * 1024)
        plaintext += pattern;
    plaintext += QByteArray(128 * 1024, '\0');
    plaintext += pattern.repeated(100);
    QSet<QByteArray> windows;
    for (qsizetype i = 0; i + 16 <= plaintext.size(); ++i) {
        windows.insert(plaintext.mid(i, 16));
        if (i > 2 * pattern.size() && i < 1024 * 1024 - 64)
            i = 1024 * 1024 - 64; // the rest of the periodic part repeats the same windows
    }
    const BlobInfo info = writeBlob(plaintext);
    const QByteArray file = readFile(m_store->blobPath(info.blobId));
    QVERIFY(file.size() > plaintext.size());
    QVERIFY(windows.size() >= pattern.size());
    for (const QByteArray& window : std::as_const(windows))
        QVERIFY2(file.indexOf(window) < 0, window.toHex().constData());
}

void TestBlobStore::flippedBytesAreDetected()
{
    const QByteArray plaintext = randomBytes(17 * bf::kChunkBytes + 1000, 8);
    const BlobInfo info = writeBlob(plaintext);
    const QString path = m_store->blobPath(info.blobId);
    const QByteArray original = readFile(path);
    const qint64 chunks = 18;
    QRandomGenerator random(424242);
    int failedOpens = 0;
    int failedReads = 0;
    for (int trial = 0; trial < 200; ++trial) {
        const qint64 offset = random.bounded(qint64(original.size()));
        QByteArray damaged = original;
        damaged[offset] = static_cast<char>(damaged[offset] ^ random.bounded(1, 256));
        QVERIFY(writeFile(path, damaged));

        BlobReader reader;
        Status opened = reader.open(path, *m_key);
        const qint64 hitChunk =
            offset < bf::kHeaderBytes ? -1 : (offset - bf::kHeaderBytes) / bf::kRecordBytes;
        if (!opened) {
            // Header or final chunk: caught on open.
            QVERIFY2(hitChunk == -1 || hitChunk == chunks - 1, qPrintable(opened.errorMessage()));
            QVERIFY(opened.errorMessage().contains(info.blobId));
            ++failedOpens;
            continue;
        }
        QVERIFY(hitChunk >= 0 && hitChunk < chunks - 1);
        QByteArray out;
        for (qint64 chunk = 0; chunk < chunks; ++chunk) {
            const qint64 start = chunk * bf::kChunkBytes;
            const qint64 got = readAt(reader, start + 5, 100, &out);
            if (chunk == hitChunk) {
                QCOMPARE(got, qint64(-1));
                QVERIFY(reader.errorString().contains(info.blobId));
                QVERIFY(reader.errorString().contains(QStringLiteral("chunk %1").arg(chunk)));
                ++failedReads;
            } else {
                QCOMPARE(got, qint64(100));
                QVERIFY(out == plaintext.mid(start + 5, 100));
            }
        }
        // A big read through the damaged chunk stops before it, never past it.
        const qint64 got = readAt(reader, 0, plaintext.size(), &out);
        QCOMPARE(got, hitChunk == 0 ? qint64(-1) : hitChunk * bf::kChunkBytes);
        QVERIFY(out == plaintext.left(std::max<qint64>(got, 0)));
    }
    QVERIFY(writeFile(path, original));
    // Most offsets land in the 17 middle chunks; flips in the header and the
    // final chunk (caught by open) are covered by badHeaderNamesTheBlob and
    // the truncation tests.
    QVERIFY(failedReads > 150);
    QCOMPARE(failedOpens + failedReads, 200);
}

void TestBlobStore::swappedChunksAreDetected()
{
    const QByteArray plaintext = randomBytes(5 * bf::kChunkBytes + 10, 21);
    const BlobInfo info = writeBlob(plaintext);
    const QString path = m_store->blobPath(info.blobId);
    QByteArray file = readFile(path);
    const QByteArray one = file.mid(chunkOffset(1), bf::kRecordBytes);
    const QByteArray two = file.mid(chunkOffset(2), bf::kRecordBytes);
    file.replace(chunkOffset(1), bf::kRecordBytes, two);
    file.replace(chunkOffset(2), bf::kRecordBytes, one);
    QVERIFY(writeFile(path, file));

    BlobReader reader;
    QVERIFY(reader.open(path, *m_key).ok());
    QByteArray out;
    QCOMPARE(readAt(reader, 0, 10, &out), qint64(10));
    QCOMPARE(readAt(reader, bf::kChunkBytes, 10, &out), qint64(-1));
    QVERIFY(reader.errorString().contains(info.blobId + QStringLiteral(": chunk 1")));
    QCOMPARE(readAt(reader, 2 * bf::kChunkBytes, 10, &out), qint64(-1));
    QVERIFY(reader.errorString().contains(QStringLiteral("chunk 2")));
}

void TestBlobStore::droppedChunkIsDetected()
{
    const QByteArray plaintext = randomBytes(5 * bf::kChunkBytes + 10, 22);
    const BlobInfo info = writeBlob(plaintext);
    const QString path = m_store->blobPath(info.blobId);
    const QByteArray file = readFile(path);
    for (const qint64 dropped : {0, 2, 4, 5}) {
        QByteArray damaged = file;
        damaged.remove(chunkOffset(dropped), dropped == 5 ? 10 + bf::kTagBytes : bf::kRecordBytes);
        QVERIFY(writeFile(path, damaged));
        BlobReader reader;
        Status opened = reader.open(path, *m_key);
        QVERIFY2(!opened.ok(), qPrintable(QStringLiteral("dropped chunk %1 not detected").arg(dropped)));
        QVERIFY(opened.errorMessage().startsWith(QStringLiteral("blob %1: ").arg(info.blobId)));
    }
}

void TestBlobStore::truncatedBlobIsDetected()
{
    const QByteArray plaintext = randomBytes(3 * bf::kChunkBytes, 23);
    const BlobInfo info = writeBlob(plaintext);
    const QString path = m_store->blobPath(info.blobId);
    const QByteArray file = readFile(path);
    for (const qint64 keep :
         {qint64(0), qint64(10), qint64(bf::kHeaderBytes), qint64(bf::kHeaderBytes + 5), chunkOffset(1),
          chunkOffset(2), chunkOffset(2) + 100, chunkOffset(3) - 1, qint64(file.size() - 1)}) {
        QVERIFY(writeFile(path, file.left(keep)));
        BlobReader reader;
        Status opened = reader.open(path, *m_key);
        QVERIFY2(!opened.ok(), qPrintable(QStringLiteral("truncation to %1 not detected").arg(keep)));
        QVERIFY(opened.errorMessage().startsWith(QStringLiteral("blob %1: ").arg(info.blobId)));
    }
    // The empty blob truncated to its header.
    const BlobInfo empty = writeBlob({});
    const QString emptyPath = m_store->blobPath(empty.blobId);
    QVERIFY(writeFile(emptyPath, readFile(emptyPath).left(bf::kHeaderBytes)));
    BlobReader reader;
    QVERIFY(!reader.open(emptyPath, *m_key).ok());
}

void TestBlobStore::appendedJunkIsDetected()
{
    const QByteArray plaintext = randomBytes(2 * bf::kChunkBytes + 7, 24);
    const BlobInfo info = writeBlob(plaintext);
    const QString path = m_store->blobPath(info.blobId);
    const QByteArray file = readFile(path);
    const QByteArray lastRecord = file.mid(chunkOffset(2));
    for (const QByteArray& junk :
         {QByteArray(1, 'x'), QByteArray(16, '\0'), randomBytes(100, 1), randomBytes(bf::kRecordBytes, 2),
          lastRecord, file.mid(chunkOffset(0), bf::kRecordBytes)}) {
        QVERIFY(writeFile(path, file + junk));
        BlobReader reader;
        Status opened = reader.open(path, *m_key);
        QVERIFY2(!opened.ok(), qPrintable(QStringLiteral("%1 junk bytes not detected").arg(junk.size())));
        QVERIFY(opened.errorMessage().startsWith(QStringLiteral("blob %1: ").arg(info.blobId)));
    }
    // A full-size final chunk followed by an extra record of junk.
    const BlobInfo full = writeBlob(randomBytes(2 * bf::kChunkBytes, 25));
    const QString fullPath = m_store->blobPath(full.blobId);
    QVERIFY(writeFile(fullPath, readFile(fullPath) + randomBytes(bf::kRecordBytes, 3)));
    BlobReader reader;
    QVERIFY(!reader.open(fullPath, *m_key).ok());
}

void TestBlobStore::chunkFromAnotherBlobIsDetected()
{
    // Same plaintext, same master key: only the per-blob key differs.
    const QByteArray plaintext = randomBytes(4 * bf::kChunkBytes + 3, 26);
    const BlobInfo a = writeBlob(plaintext);
    const BlobInfo b = writeBlob(plaintext);
    const QString pathA = m_store->blobPath(a.blobId);
    QByteArray fileA = readFile(pathA);
    const QByteArray fileB = readFile(m_store->blobPath(b.blobId));
    QCOMPARE(fileA.size(), fileB.size());
    fileA.replace(chunkOffset(1), bf::kRecordBytes, fileB.mid(chunkOffset(1), bf::kRecordBytes));
    QVERIFY(writeFile(pathA, fileA));
    BlobReader reader;
    QVERIFY(reader.open(pathA, *m_key).ok());
    QByteArray out;
    QCOMPARE(readAt(reader, bf::kChunkBytes, 100, &out), qint64(-1));
    QVERIFY(reader.errorString().contains(a.blobId + QStringLiteral(": chunk 1")));
    QCOMPARE(readAt(reader, 0, 100, &out), qint64(100));
    QVERIFY(out == plaintext.left(100));
}

void TestBlobStore::wrongKeyOrRenamedBlobIsDetected()
{
    const QByteArray plaintext = randomBytes(100000, 27);
    const BlobInfo a = writeBlob(plaintext);
    const BlobInfo b = writeBlob(plaintext);

    const MasterKey otherKey = fixedMasterKey(4);
    BlobReader reader;
    Status opened = reader.open(m_store->blobPath(a.blobId), otherKey);
    QVERIFY(!opened.ok());
    QVERIFY(opened.errorMessage().contains(a.blobId));

    // Blob b's file under a's name: the id selects the key, the header says b.
    QVERIFY(QFile::remove(m_store->blobPath(a.blobId)));
    QVERIFY(QFile::copy(m_store->blobPath(b.blobId), m_store->blobPath(a.blobId)));
    opened = reader.open(m_store->blobPath(a.blobId), *m_key);
    QVERIFY(!opened.ok());
    QVERIFY(opened.errorMessage().startsWith(QStringLiteral("blob %1: bad header").arg(a.blobId)));
}

void TestBlobStore::badHeaderNamesTheBlob()
{
    const BlobInfo info = writeBlob(randomBytes(1000, 28));
    const QString path = m_store->blobPath(info.blobId);
    const QByteArray file = readFile(path);
    for (int offset = 0; offset < bf::kHeaderBytes; ++offset) {
        QByteArray damaged = file;
        damaged[offset] = static_cast<char>(damaged[offset] ^ 0x01);
        QVERIFY(writeFile(path, damaged));
        BlobReader reader;
        Status opened = reader.open(path, *m_key);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.errorMessage().startsWith(QStringLiteral("blob %1: bad header").arg(info.blobId)),
                 qPrintable(opened.errorMessage()));
        QCOMPARE(reader.errorString(), opened.errorMessage());
        QVERIFY(!reader.isOpen());
    }
    QVERIFY(writeFile(path, "not a blob"));
    BlobReader reader;
    QVERIFY(reader.open(path, *m_key)
                .errorMessage()
                .startsWith(QStringLiteral("blob %1: bad header").arg(info.blobId)));
    const QString notAnId = m_dir->filePath(QStringLiteral("movie.mp4"));
    QVERIFY(writeFile(notAnId, file));
    QVERIFY(reader.open(notAnId, *m_key).errorMessage().contains(QStringLiteral("movie.mp4")));
}

void TestBlobStore::unfinishedWriterLeavesNothing()
{
    const QByteArray plaintext = randomBytes(300000, 29);
    {
        Result<std::unique_ptr<BlobWriter>> writer = m_store->createWriter();
        QVERIFY(writer.ok());
        QVERIFY((*writer)->write(plaintext).ok());
        // Only a .partial exists while writing: it never looks like a blob.
        const QStringList during = QDir(m_blobs).entryList(QDir::Files);
        QCOMPARE(during, QStringList{(*writer)->blobId() + QStringLiteral(".partial")});
        QVERIFY(m_store->blobIds().isEmpty());
    } // destroyed before finish()
    QVERIFY(QDir(m_blobs).entryList(QDir::Files | QDir::Hidden).isEmpty());

    Result<std::unique_ptr<BlobWriter>> aborted = m_store->createWriter();
    QVERIFY(aborted.ok());
    QVERIFY((*aborted)->write(plaintext).ok());
    (*aborted)->abort();
    QVERIFY(QDir(m_blobs).entryList(QDir::Files | QDir::Hidden).isEmpty());
    QVERIFY(!(*aborted)->write(plaintext).ok());
    QVERIFY(!(*aborted)->finish().ok());
    QVERIFY(QDir(m_blobs).entryList(QDir::Files | QDir::Hidden).isEmpty());

    // A finished writer cannot be written to again, and its blob stays.
    Result<std::unique_ptr<BlobWriter>> finished = m_store->createWriter();
    QVERIFY(finished.ok());
    QVERIFY((*finished)->write(plaintext).ok());
    QVERIFY((*finished)->finish().ok());
    QVERIFY(!(*finished)->write(plaintext).ok());
    (*finished)->abort();
    finished = makeError(QString()); // destroy it
    QCOMPARE(m_store->blobIds().size(), 1);
}

void TestBlobStore::suspendedWriterResumesFromLastWholeChunk()
{
    const QByteArray plaintext = randomBytes(5 * bf::kChunkBytes + 1234, 41);
    QString id;
    {
        auto writer = m_store->createWriter();
        QVERIFY(writer.ok());
        id = (*writer)->blobId();
        QVERIFY((*writer)->write(plaintext.left(3 * bf::kChunkBytes + 500)).ok());
        // The unsealed tail (the last 500 bytes, which might have been the
        // end of the blob) is dropped: three whole chunks survive.
        auto kept = (*writer)->suspend();
        QVERIFY2(kept.ok(), qPrintable(kept.errorMessage()));
        QCOMPARE(*kept, 3 * bf::kChunkBytes);
        QVERIFY(!(*writer)->write(plaintext).ok());
    } // destroying a suspended writer keeps its partial file
    QCOMPARE(QDir(m_blobs).entryList(QDir::Files), QStringList{id + QStringLiteral(".partial")});
    QCOMPARE(m_store->removeInterruptedWrites({id}), 0);

    auto resumed = m_store->resumeWriter(id);
    QVERIFY2(resumed.ok(), qPrintable(resumed.errorMessage()));
    QCOMPARE((*resumed)->blobId(), id);
    const qint64 offset = (*resumed)->plaintextBytesWritten();
    QCOMPARE(offset, 3 * bf::kChunkBytes);
    QVERIFY((*resumed)->write(plaintext.mid(offset)).ok());
    auto info = (*resumed)->finish();
    QVERIFY2(info.ok(), qPrintable(info.errorMessage()));
    // The hash covers the whole plaintext, the resumed part rebuilt from disk.
    QCOMPARE(info->plaintextSha256, QCryptographicHash::hash(plaintext, QCryptographicHash::Sha256));
    QCOMPARE(info->plaintextBytes, plaintext.size());
    auto reader = m_store->openReader(id);
    QVERIFY(reader.ok());
    QCOMPARE((*reader)->readAll(), plaintext);
}

void TestBlobStore::resumeCutsATornOrForeignTail()
{
    const QByteArray plaintext = randomBytes(40 * bf::kChunkBytes, 42);
    QString id;
    {
        auto writer = m_store->createWriter();
        QVERIFY(writer.ok());
        id = (*writer)->blobId();
        QVERIFY((*writer)->write(plaintext.left(34 * bf::kChunkBytes)).ok());
        QVERIFY((*writer)->suspend().ok());
    }
    const QString partial = m_blobs + QLatin1Char('/') + id + QStringLiteral(".partial");
    QByteArray bytes = readFile(partial);
    QCOMPARE(bytes.size(), chunkOffset(33));
    // A crash mid-write: half a record at the end, and record 20 damaged.
    bytes.append(randomBytes(bf::kRecordBytes / 2, 43));
    bytes[chunkOffset(20) + 100] = char(bytes[chunkOffset(20) + 100] ^ 1);
    QVERIFY(writeFile(partial, bytes));

    auto resumed = m_store->resumeWriter(id);
    QVERIFY(resumed.ok());
    QCOMPARE((*resumed)->plaintextBytesWritten(), 20 * bf::kChunkBytes);
    QCOMPARE(QFileInfo(partial).size(), chunkOffset(20));
    QVERIFY((*resumed)->write(plaintext.mid(20 * bf::kChunkBytes)).ok());
    auto info = (*resumed)->finish();
    QVERIFY(info.ok());
    QCOMPARE(info->plaintextSha256, QCryptographicHash::hash(plaintext, QCryptographicHash::Sha256));
}

void TestBlobStore::resumeRefusesAnotherBlobsFile()
{
    QString first;
    QString second;
    for (QString* id : {&first, &second}) {
        auto writer = m_store->createWriter();
        QVERIFY(writer.ok());
        *id = (*writer)->blobId();
        QVERIFY((*writer)->write(randomBytes(3 * bf::kChunkBytes, 44)).ok());
        QVERIFY((*writer)->suspend().ok());
    }
    // The first blob's partial file renamed over the second's: its header
    // (and key) belong to another id.
    QVERIFY(QFile::remove(m_blobs + QLatin1Char('/') + second + QStringLiteral(".partial")));
    QVERIFY(QFile::rename(m_blobs + QLatin1Char('/') + first + QStringLiteral(".partial"),
                          m_blobs + QLatin1Char('/') + second + QStringLiteral(".partial")));
    auto resumed = m_store->resumeWriter(second);
    QVERIFY(!resumed.ok());
    QVERIFY2(resumed.errorMessage().contains(second), qPrintable(resumed.errorMessage()));
    QVERIFY(!m_store->resumeWriter(first).ok()); // no file at all
    QVERIFY(!m_store->resumeWriter(QStringLiteral("not-an-id")).ok());
    m_store->removePartial(second);
    QVERIFY(QDir(m_blobs).entryList(QDir::Files).isEmpty());
}

QTEST_GUILESS_MAIN(TestBlobStore)
#include "tst_blob_store.moc"

// Throughput of the encrypted blob store, driven by bench_blob_store.sh:
//   bench_blob_store memory <seconds>       in-memory chunk encrypt / decrypt, 16 KiB blocks
//   bench_blob_store import <file> <dir>    BlobWriter::importFile into <dir> (created)
//   bench_blob_store append <file> <dir>    the same through create / appendFile / finish,
//                                           the single-threaded path (for comparison)
//   bench_blob_store roundtrip <file> <dir> import, then sequential 16 KiB reads through BlobReader
// Prints "key value" lines; the script turns them into BENCH lines.

#include "cache/BlobCipher.h"
#include "cache/BlobFormat.h"
#include "cache/BlobReader.h"
#include "cache/BlobStore.h"
#include "cache/MasterKey.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <cstdio>
#include <cstring>
#include <vector>

using namespace holdfast;
using namespace holdfast::cache;
namespace bf = holdfast::cache::blobformat;

namespace {

constexpr qint64 kBlockBytes = 16 * 1024;
// Like `openssl speed`, which encrypts one 16 KiB buffer over and over, the
// same data is processed repeatedly: 256 KiB of plaintext and its records
// stay in the CPU caches, so this measures the cipher path, not DRAM.
constexpr qint64 kDataBytes = 256 * 1024;
constexpr qint64 kChunksInData = kDataBytes / bf::kChunkBytes;

int fail(const QString& message)
{
    std::fprintf(stderr, "bench_blob_store: %s\n", qPrintable(message));
    return 1;
}

double megabytesPerSecond(qint64 bytes, qint64 nanoseconds)
{
    return nanoseconds > 0 ? (double(bytes) / 1e6) / (double(nanoseconds) / 1e9) : 0;
}

// The same work BlobWriter and BlobReader do per chunk, minus file I/O and
// SHA-256 (those are in the import measurement): 16 KiB blocks are staged
// into a 64 KiB chunk, sealed into a record; records are opened into a chunk
// cache and copied out in 16 KiB blocks.
int runMemory(double seconds)
{
    const MasterKey key = std::move(MasterKey::generate()).value();
    const QByteArray id(bf::kIdBytes, '\x5a');
    Result<BlobCipher> encryptor = BlobCipher::create(key, id, crypto::AesGcm::Direction::Encrypt);
    Result<BlobCipher> decryptor = BlobCipher::create(key, id, crypto::AesGcm::Direction::Decrypt);
    if (!encryptor || !decryptor)
        return fail(QStringLiteral("cannot set up the cipher"));

    std::vector<unsigned char> data(kDataBytes);
    QRandomGenerator random(1);
    random.fillRange(reinterpret_cast<quint32*>(data.data()), data.size() / sizeof(quint32));
    std::vector<unsigned char> records(kChunksInData * bf::kRecordBytes);
    std::vector<unsigned char> staging(bf::kChunkBytes);
    std::vector<unsigned char> chunkCache(bf::kChunkBytes);
    std::vector<unsigned char> destination(kBlockBytes);

    const qint64 budgetNs = qint64(seconds * 1e9);
    QElapsedTimer timer;
    qint64 encryptedBytes = 0;
    timer.start();
    do {
        for (qint64 chunk = 0; chunk < kChunksInData; ++chunk) {
            const unsigned char* source = data.data() + chunk * bf::kChunkBytes;
            for (qint64 block = 0; block < bf::kChunkBytes; block += kBlockBytes)
                std::memcpy(staging.data() + block, source + block, kBlockBytes);
            if (!encryptor->sealChunk(quint64(chunk), chunk == kChunksInData - 1, staging.data(),
                                      bf::kChunkBytes, records.data() + chunk * bf::kRecordBytes))
                return fail(QStringLiteral("seal failed"));
        }
        encryptedBytes += kDataBytes;
    } while (timer.nsecsElapsed() < budgetNs);
    const qint64 encryptNs = timer.nsecsElapsed();

    qint64 decryptedBytes = 0;
    timer.restart();
    do {
        for (qint64 chunk = 0; chunk < kChunksInData; ++chunk) {
            if (!decryptor->openChunk(quint64(chunk), chunk == kChunksInData - 1,
                                      records.data() + chunk * bf::kRecordBytes, bf::kChunkBytes,
                                      chunkCache.data()))
                return fail(QStringLiteral("chunk %1 failed to authenticate").arg(chunk));
            for (qint64 block = 0; block < bf::kChunkBytes; block += kBlockBytes)
                std::memcpy(destination.data(), chunkCache.data() + block, kBlockBytes);
        }
        decryptedBytes += kDataBytes;
    } while (timer.nsecsElapsed() < budgetNs);
    const qint64 decryptNs = timer.nsecsElapsed();
    if (std::memcmp(chunkCache.data(), data.data() + (kChunksInData - 1) * bf::kChunkBytes,
                    bf::kChunkBytes) != 0)
        return fail(QStringLiteral("round trip mismatch"));

    std::printf("encrypt_mbps %.1f\n", megabytesPerSecond(encryptedBytes, encryptNs));
    std::printf("decrypt_mbps %.1f\n", megabytesPerSecond(decryptedBytes, decryptNs));
    return 0;
}

Result<BlobInfo> appendWhole(const BlobStore& store, const QString& source)
{
    Result<std::unique_ptr<BlobWriter>> writer = store.createWriter();
    if (!writer)
        return writer.error();
    if (Status appended = (*writer)->appendFile(source); !appended)
        return appended.error();
    return (*writer)->finish();
}

int runImport(const QString& source, const QString& directory, bool pipelined)
{
    const MasterKey key = std::move(MasterKey::generate()).value();
    BlobStore store(directory, key);
    if (Status made = store.ensureDirectory(); !made)
        return fail(made.errorMessage());
    QElapsedTimer timer;
    timer.start();
    Result<BlobInfo> info = pipelined ? store.importFile(source) : appendWhole(store, source);
    const qint64 elapsedNs = timer.nsecsElapsed();
    if (!info)
        return fail(info.errorMessage());
    std::printf("blob_id %s\n", qPrintable(info->blobId));
    std::printf("import_seconds %.4f\n", double(elapsedNs) / 1e9);
    std::printf("import_mbps %.1f\n", megabytesPerSecond(info->plaintextBytes, elapsedNs));
    return 0;
}

// Import then read back sequentially in 16 KiB reads with the same key:
// BlobReader throughput from a warm page cache (informational).
int runRoundTrip(const QString& source, const QString& directory)
{
    const MasterKey key = std::move(MasterKey::generate()).value();
    BlobStore store(directory, key);
    if (Status made = store.ensureDirectory(); !made)
        return fail(made.errorMessage());
    Result<BlobInfo> info = store.importFile(source);
    if (!info)
        return fail(info.errorMessage());
    Result<std::unique_ptr<BlobReader>> reader = store.openReader(info->blobId);
    if (!reader)
        return fail(reader.errorMessage());
    std::vector<char> block(kBlockBytes);
    QElapsedTimer timer;
    timer.start();
    qint64 total = 0;
    for (;;) {
        const qint64 got = (*reader)->read(block.data(), kBlockBytes);
        if (got < 0)
            return fail((*reader)->errorString());
        if (got == 0)
            break;
        total += got;
    }
    std::printf("reader_mbps %.1f\n", megabytesPerSecond(total, timer.nsecsElapsed()));
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 2 && args[1] == QLatin1String("memory"))
        return runMemory(args.size() >= 3 ? args[2].toDouble() : 3.0);
    if (args.size() == 4 && args[1] == QLatin1String("import"))
        return runImport(args[2], args[3], true);
    if (args.size() == 4 && args[1] == QLatin1String("append"))
        return runImport(args[2], args[3], false);
    if (args.size() == 4 && args[1] == QLatin1String("roundtrip"))
        return runRoundTrip(args[2], args[3]);
    return fail(
        QStringLiteral("usage: bench_blob_store memory [seconds] | import|append|roundtrip <file> <dir>"));
}

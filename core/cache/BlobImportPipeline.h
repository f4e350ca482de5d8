#pragma once

#include "cache/BlobFormat.h"

#include <QtGlobal>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace holdfast::crypto {
class Sha256;
}

namespace holdfast::cache {

class BlobCipher;

// Turns a whole source file into the chunk records of a blob (BlobFormat.h)
// on several threads, so that hashing (the slowest step, ~1.7 GB/s with
// SHA-NI), encryption and the disk overlap:
//   read        (caller's thread) readv() into a slot
//   hash        SHA-256 of the plaintext
//   seal+write  encrypts the slot's chunks in place and pwrite()s them at
//               once, while they are in this core's cache (handing sealed
//               slots to yet another thread made the copy into the page
//               cache ~5x slower); sync_file_range() starts writeback
//   sync        fdatasync() every 32 MiB, so the disk (and a VM host's
//               cache) drain while the work goes on and finish()'s
//               fdatasync has little left
// A slot holds kChunksPerSlot chunks laid out as records (64 KiB of text
// then a 16-byte gap for the tag), so the data is read straight into place,
// encrypted in place and written with no copy. Slots go round a ring of
// kSlots in file order. Used by BlobWriter::importFile; not reusable.
class BlobImportPipeline
{
public:
    static constexpr qint64 kChunksPerSlot = 16; // 1 MiB of plaintext
    static constexpr int kSlots = 16;            // 16 MiB in flight

    enum class Failure
    {
        None,
        CannotStart, // no thread could be started; nothing was read or written
        Read,
        SourceShrank, // the file ended before the size it had when opened
        Seal,
        Write,
        Sync,
    };
    struct Outcome
    {
        Failure failure = Failure::None;
        int error = 0; // errno for Read / Write
        qint64 plaintextBytes = 0;
        quint64 chunks = 0;
        qint64 recordBytes = 0; // written after destinationOffset
    };

    // cipher and sha are used by the pipeline's threads until run() returns.
    BlobImportPipeline(BlobCipher& cipher, crypto::Sha256& sha);
    ~BlobImportPipeline();
    BlobImportPipeline(const BlobImportPipeline&) = delete;
    BlobImportPipeline& operator=(const BlobImportPipeline&) = delete;

    // Reads sourceFd to its end and writes every record, the last one sealed
    // as last, to destinationFd from destinationOffset on. On failure the
    // destination holds garbage: the caller discards it.
    Outcome run(int sourceFd, int destinationFd, qint64 destinationOffset);

private:
    struct Slot;

    void readStage(int sourceFd);
    void hashStage();
    void sealAndWriteStage(int destinationFd, qint64 destinationOffset);
    void syncStage(int destinationFd);
    // Wait until slot `index` may be filled / has been read; false once the
    // pipeline failed.
    bool waitForFreeSlot(quint64 index);
    bool waitFor(quint64 index, const quint64& previousStageDone);
    void markDone(quint64 index, quint64& stageDone);
    void setFailure(Failure failure, int error);

    BlobCipher& m_cipher;
    crypto::Sha256& m_sha;
    std::unique_ptr<Slot[]> m_slots;
    unsigned char* m_memory = nullptr; // the slots' records, one mapping
    size_t m_memoryBytes = 0;
    bool m_holdsPlaintext = false;

    std::mutex m_mutex;
    std::condition_variable m_changed;
    // Slots are handed on strictly in order: these count completed slots.
    quint64 m_read = 0;
    quint64 m_hashed = 0;
    quint64 m_written = 0;
    qint64 m_bytesWritten = 0;
    Outcome m_outcome;
};

} // namespace holdfast::cache

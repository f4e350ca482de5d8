#include "cache/BlobImportPipeline.h"

#include "cache/BlobCipher.h"
#include "crypto/Sha256.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <system_error>
#include <thread>
#include <unistd.h>

namespace holdfast::cache {

using namespace blobformat;

namespace {

constexpr qint64 kSlotPlainBytes = BlobImportPipeline::kChunksPerSlot * kChunkBytes;
constexpr qint64 kSlotRecordBytes = BlobImportPipeline::kChunksPerSlot * kRecordBytes;
constexpr qint64 kPageBytes = 4096;
// Writeback is started in steps of this many bytes.
constexpr qint64 kWritebackBytes = 4 * 1024 * 1024;
// fdatasync in the background every this many bytes. In a VM a sync also
// makes the host persist what it cached; done only at the end, that costs
// ~0.15 s for 256 MiB, done as the blob grows it overlaps with the work.
constexpr qint64 kInterimSyncBytes = 16 * 1024 * 1024;
constexpr size_t kHugePageBytes = 2 * 1024 * 1024;

unsigned char* plainAt(unsigned char* records, qint64 plainOffset)
{
    return records + (plainOffset / kChunkBytes) * kRecordBytes + plainOffset % kChunkBytes;
}

// Joins on every path out of run(), including an early failure.
struct ThreadJoiner
{
    std::thread thread;
    ~ThreadJoiner()
    {
        if (thread.joinable())
            thread.join();
    }
};

} // namespace

struct BlobImportPipeline::Slot
{
    unsigned char* records = nullptr;
    qint64 plainBytes = 0;
    qint64 recordBytes = 0;
    bool last = false; // holds the blob's last chunk
};

BlobImportPipeline::BlobImportPipeline(BlobCipher& cipher, crypto::Sha256& sha)
    : m_cipher(cipher)
    , m_sha(sha)
    , m_slots(new Slot[kSlots])
{
    // All slots in one mapping on transparent huge pages where the kernel
    // offers them: with 4 KiB pages the first pass through 16 MiB costs
    // ~4,000 page faults, which are expensive in a VM. Aligned to 2 MiB by
    // over-allocating and trimming, so every huge page is usable.
    const size_t bytes = (size_t(kSlots * kSlotRecordBytes) + kHugePageBytes - 1) & ~(kHugePageBytes - 1);
    void* mapped =
        ::mmap(nullptr, bytes + kHugePageBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED)
        return; // run() reports CannotStart
    const auto start = reinterpret_cast<uintptr_t>(mapped);
    const uintptr_t aligned = (start + kHugePageBytes - 1) & ~uintptr_t(kHugePageBytes - 1);
    if (aligned > start)
        ::munmap(mapped, aligned - start);
    if (const size_t tail = kHugePageBytes - (aligned - start); tail > 0)
        ::munmap(reinterpret_cast<void*>(aligned + bytes), tail);
    m_memory = reinterpret_cast<unsigned char*>(aligned);
    m_memoryBytes = bytes;
    ::madvise(m_memory, m_memoryBytes, MADV_HUGEPAGE);
    ::madvise(m_memory, m_memoryBytes, MADV_DONTDUMP); // plaintext stays out of core dumps
    for (int i = 0; i < kSlots; ++i)
        m_slots[i].records = m_memory + i * kSlotRecordBytes;
}

BlobImportPipeline::~BlobImportPipeline()
{
    if (!m_memory)
        return;
    // After a complete run every slot was encrypted in place; after a failure
    // some may still hold plaintext.
    if (m_holdsPlaintext)
        OPENSSL_cleanse(m_memory, m_memoryBytes);
    ::munmap(m_memory, m_memoryBytes);
}

void BlobImportPipeline::setFailure(Failure failure, int error)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_outcome.failure == Failure::None) {
            m_outcome.failure = failure;
            m_outcome.error = error;
        }
    }
    m_changed.notify_all();
}

bool BlobImportPipeline::waitForFreeSlot(quint64 index)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_outcome.failure != Failure::None || index - m_written < kSlots; });
    return m_outcome.failure == Failure::None;
}

bool BlobImportPipeline::waitFor(quint64 index, const quint64& previousStageDone)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_outcome.failure != Failure::None || index < previousStageDone; });
    return m_outcome.failure == Failure::None;
}

void BlobImportPipeline::markDone(quint64 index, quint64& stageDone)
{
    {
        std::lock_guard lock(m_mutex);
        stageDone = index + 1;
    }
    m_changed.notify_all();
}

BlobImportPipeline::Outcome BlobImportPipeline::run(int sourceFd, int destinationFd, qint64 destinationOffset)
{
    if (!m_memory) {
        m_outcome.failure = Failure::CannotStart;
        return m_outcome;
    }
    m_holdsPlaintext = true;
    {
        ThreadJoiner hasher;
        ThreadJoiner writer;
        ThreadJoiner syncer;
        try {
            hasher.thread = std::thread([this] { hashStage(); });
            writer.thread = std::thread([this, destinationFd, destinationOffset] {
                sealAndWriteStage(destinationFd, destinationOffset);
            });
            syncer.thread = std::thread([this, destinationFd] { syncStage(destinationFd); });
        } catch (const std::system_error&) {
            setFailure(Failure::CannotStart, 0); // stops the writer if it started
        }
        if (syncer.thread.joinable())
            readStage(sourceFd);
    } // joins
    std::lock_guard lock(m_mutex);
    m_holdsPlaintext = m_outcome.failure != Failure::None;
    return m_outcome;
}

void BlobImportPipeline::readStage(int sourceFd)
{
    struct stat status = {};
    const qint64 sizeWhenOpened = ::fstat(sourceFd, &status) == 0 ? qint64(status.st_size) : 0;
    qint64 total = 0;
    // Reads up to `bytes` of plaintext into slot at plainOffset, across the
    // tag gaps, and hashes them while they are still in this core's cache.
    auto readInto = [this, sourceFd](Slot& slot, qint64 plainOffset, qint64 bytes) -> ssize_t {
        iovec pieces[kChunksPerSlot + 1];
        int count = 0;
        for (qint64 at = plainOffset; at < plainOffset + bytes; ++count) {
            const qint64 piece = std::min(kChunkBytes - at % kChunkBytes, plainOffset + bytes - at);
            pieces[count] = {plainAt(slot.records, at), size_t(piece)};
            at += piece;
        }
        ssize_t got = 0;
        do {
            got = ::readv(sourceFd, pieces, count);
        } while (got < 0 && errno == EINTR);
        return got;
    };

    qint64 carried = 0; // bytes already in the current slot from the end-of-file probe
    for (quint64 index = 0;; ++index) {
        if (!waitForFreeSlot(index))
            return;
        Slot& slot = m_slots[index % kSlots];
        qint64 filled = carried;
        bool atEnd = false;
        while (filled < kSlotPlainBytes) {
            const ssize_t got = readInto(slot, filled, kSlotPlainBytes - filled);
            if (got < 0)
                return setFailure(Failure::Read, errno);
            if (got == 0) {
                atEnd = true;
                break;
            }
            filled += got;
        }
        total += filled - carried;
        slot.plainBytes = filled;
        // A full slot's last chunk is the blob's last only if nothing follows:
        // read on into the next slot before handing this one on.
        carried = 0;
        if (!atEnd) {
            if (!waitForFreeSlot(index + 1))
                return;
            const ssize_t got = readInto(m_slots[(index + 1) % kSlots], 0, kSlotPlainBytes);
            if (got < 0)
                return setFailure(Failure::Read, errno);
            carried = got;
            total += got;
            atEnd = got == 0;
        }
        if (atEnd && total < sizeWhenOpened)
            return setFailure(Failure::SourceShrank, 0);
        slot.last = atEnd;
        if (atEnd) {
            std::lock_guard lock(m_mutex);
            m_outcome.plaintextBytes = total;
        }
        markDone(index, m_read);
        if (atEnd)
            return;
    }
}

void BlobImportPipeline::hashStage()
{
    for (quint64 index = 0;; ++index) {
        if (!waitFor(index, m_read))
            return;
        const Slot& slot = m_slots[index % kSlots];
        for (qint64 at = 0; at < slot.plainBytes; at += kChunkBytes) {
            m_sha.addData(reinterpret_cast<const char*>(slot.records + (at / kChunkBytes) * kRecordBytes),
                          std::min(kChunkBytes, slot.plainBytes - at));
        }
        const bool last = slot.last; // the slot is not ours after markDone()
        markDone(index, m_hashed);
        if (last)
            return;
    }
}

void BlobImportPipeline::sealAndWriteStage(int destinationFd, qint64 destinationOffset)
{
    quint64 chunk = 0;
    qint64 offset = destinationOffset;
    qint64 writebackFrom = 0;
    for (quint64 index = 0;; ++index) {
        if (!waitFor(index, m_hashed))
            return;
        Slot& slot = m_slots[index % kSlots];
        const bool last = slot.last; // the slot is not ours after markDone()
        // Every blob has at least one chunk: an empty file is one empty last chunk.
        const qint64 chunks = std::max<qint64>(1, (slot.plainBytes + kChunkBytes - 1) / kChunkBytes);
        for (qint64 i = 0; i < chunks; ++i) {
            const qint64 bytes = std::min(kChunkBytes, slot.plainBytes - i * kChunkBytes);
            unsigned char* record = slot.records + i * kRecordBytes;
            if (!m_cipher.sealChunk(chunk, last && i == chunks - 1, record, bytes, record))
                return setFailure(Failure::Seal, 0);
            ++chunk;
        }
        // Written right after sealing, while the records are in this core's cache.
        const qint64 recordBytes = slot.plainBytes + chunks * kTagBytes;
        for (qint64 done = 0; done < recordBytes;) {
            const ssize_t written =
                ::pwrite(destinationFd, slot.records + done, size_t(recordBytes - done), offset);
            if (written < 0 && errno == EINTR)
                continue;
            if (written <= 0)
                return setFailure(Failure::Write, written < 0 ? errno : ENOSPC);
            done += written;
            offset += written;
        }
        // Best effort: start writeback now, so the disk works while later
        // slots are read and encrypted; fdatasync still decides. Whole pages
        // only: a page under writeback that is written again is not resent.
        if (const qint64 end = offset & ~(kPageBytes - 1); end - writebackFrom >= kWritebackBytes) {
            ::sync_file_range(destinationFd, writebackFrom, end - writebackFrom, SYNC_FILE_RANGE_WRITE);
            writebackFrom = end;
        }
        {
            std::lock_guard lock(m_mutex);
            m_bytesWritten = offset - destinationOffset;
            if (last) {
                m_outcome.chunks = chunk;
                m_outcome.recordBytes = m_bytesWritten;
            }
        }
        markDone(index, m_written);
        if (last)
            return;
    }
}

void BlobImportPipeline::syncStage(int destinationFd)
{
    qint64 synced = 0;
    for (;;) {
        qint64 written = 0;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] {
                return m_outcome.failure != Failure::None || m_outcome.recordBytes > 0 ||
                       m_bytesWritten - synced >= kInterimSyncBytes;
            });
            // The last stretch is left to BlobWriter::finish().
            if (m_outcome.failure != Failure::None || m_outcome.recordBytes > 0)
                return;
            written = m_bytesWritten;
        }
        // An error is reported once: one seen here must fail the blob, a
        // later fdatasync may not repeat it.
        if (::fdatasync(destinationFd) != 0)
            return setFailure(Failure::Sync, errno);
        synced = written;
    }
}

} // namespace holdfast::cache

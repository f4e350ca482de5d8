#pragma once

// On-disk format of an encrypted blob, version 1: blobs/<id>, where <id> is
// 32 lower-case hex digits (16 random bytes chosen by the writer).
//
//   header (48 bytes)
//     0   8  magic "HFBLOB\r\n"
//     8   4  format version, big-endian (1)
//     12  4  plaintext bytes per chunk, big-endian (65536)
//     16  16 blob id (raw)
//     32  16 GCM tag over bytes 0..31 (empty plaintext), nonce domain 1
//   chunk records, one per 64 KiB of plaintext, back to back:
//     ciphertext (65536 bytes; the last chunk 0..65536) || 16-byte GCM tag
//
// Key: HKDF-SHA256(master key, info "holdfast/blob/v1" || raw id), one per
// blob, derived from the id the caller asks for, so a file renamed over
// another id fails its header check.
// Nonce (12 bytes): 4-byte domain (0 chunk, 1 header) || 8-byte chunk index,
// big-endian; unique per key because a key only ever encrypts one blob.
// Chunk associated data (41 bytes): magic || version || chunk size || id ||
// 8-byte chunk index || 1-byte last-chunk flag.
//
// Consequences: a modified, swapped, reordered or foreign chunk fails its tag
// (index and key are bound); a truncated or extended blob fails because the
// chunk that is now last was not sealed as last (or is not a whole record).
// Every blob has at least one chunk: an empty blob is one empty final chunk.
// The plaintext size follows from the file size and is authenticated by the
// final chunk, which readers verify when they open a blob.

#include <QStringView>

namespace holdfast::cache::blobformat {

constexpr char kMagic[8] = {'H', 'F', 'B', 'L', 'O', 'B', '\r', '\n'};
constexpr quint32 kVersion = 1;
constexpr qint64 kChunkBytes = 64 * 1024;
constexpr int kIdBytes = 16;
constexpr int kTagBytes = 16;
constexpr int kHeaderAuthenticatedBytes = 32;
constexpr int kHeaderBytes = kHeaderAuthenticatedBytes + kTagBytes;
constexpr qint64 kRecordBytes = kChunkBytes + kTagBytes;
constexpr auto kPartialSuffix = ".partial";

// 32 lower-case hex digits.
inline bool isValidBlobId(QStringView id)
{
    if (id.size() != 2 * kIdBytes)
        return false;
    for (const QChar c : id) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

} // namespace holdfast::cache::blobformat

#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QList>
#include <QtGlobal>
#include <atomic>
#include <functional>
#include <vector>

class QIODevice;

namespace holdfast::media {

// Lowest and highest sample of one bucket, full scale = ±32767 (S16).
struct PeakRange
{
    qint16 min = 0;
    qint16 max = 0;

    bool operator==(const PeakRange&) const = default;
};

class WaveformPeaks;

// A track's waveform on the call timeline, for WaveformPeaks::mix().
struct PlacedWaveform
{
    const WaveformPeaks* peaks = nullptr;
    qint64 offset_ms = 0; // the track's start on the call timeline (Track::offset_ms), >= 0
};

// A waveform summary of one audio track (or of a call, see mix()): min/max
// of the mono downmix per fixed bucket of bucket_ms, bucket i covering
// [i * bucket_ms, (i + 1) * bucket_ms) of the track, plus the decoded
// duration. Buckets with no samples (before the first or in a gap) are 0/0.
// Small enough to keep for every track: 4 bytes per bucket, 1.4 MB per hour
// at 10 ms.
class WaveformPeaks
{
public:
    static constexpr int kDefaultBucket_ms = 10;
    static constexpr int kMaxBucket_ms = 60000;
    static constexpr qint64 kMaxDuration_ms = 7LL * 24 * 60 * 60 * 1000; // as model::kMaxDurationMs
    static constexpr quint16 kFormatVersion = 1;

    // bytesTotal is -1 when the device is sequential (size unknown).
    using ProgressFn = std::function<void(qint64 bytesRead, qint64 bytesTotal)>;

    WaveformPeaks() = default; // no buckets, duration 0, bucket 10 ms

    // Checked construction: 1 <= bucket_ms <= kMaxBucket_ms, 0 <= duration_ms
    // <= kMaxDuration_ms, buckets.size() == bucketCountFor(duration_ms,
    // bucket_ms), min <= max in every bucket.
    static Result<WaveformPeaks> fromBuckets(int bucket_ms, qint64 duration_ms,
                                             std::vector<PeakRange> buckets);
    // ceil(duration_ms / bucket_ms).
    static qint64 bucketCountFor(qint64 duration_ms, int bucket_ms);

    // Decodes the first audio stream in device (any container and codec
    // GStreamer reads, downmixed to mono) from the start. The device is read
    // only on the calling thread, in 64 KiB blocks, and handed to an appsrc in
    // stream mode: the bytes are read once, front to back, so no demuxer
    // needs to seek. A random-access device (cache::BlobReader, QFile) is
    // rewound to 0 first and its size gives exact progress; a sequential one
    // is read until read() returns 0 at atEnd(). progress(bytesRead,
    // bytesTotal) runs on the calling thread after every further 1 % (every
    // block when the size is unknown). Samples are placed by their
    // timestamps; timestamps past kMaxDuration_ms and a sample rate that
    // changes mid-stream are refused. Errors start "waveform peaks: " and
    // name the failing step; a cancelled run returns an error ending in
    // "cancelled" within about 20 ms.
    static Result<WaveformPeaks> compute(QIODevice& device, int bucket_ms = kDefaultBucket_ms,
                                         const ProgressFn& progress = {},
                                         const std::atomic_bool* cancelled = nullptr);

    // The waveform of a call from its tracks placed by offset: per bucket the
    // envelope of the tracks (lowest min, highest max) rather than their sum,
    // which would overstate and clip where tracks overlap. A track whose
    // offset is not a whole number of buckets straddles two buckets each
    // time; both get its range, so no peak is lost. The result starts at call
    // time 0 and lasts until the end of the latest track. All inputs must have
    // the same bucket size.
    static Result<WaveformPeaks> mix(const QList<PlacedWaveform>& tracks);

    // Compact binary form, little-endian, version kFormatVersion:
    //   "HFWP" | u16 version | u16 flags (0) | u32 bucket_ms | i64 duration_ms |
    //   u64 bucket count | count x (i16 min, i16 max) | SHA-256 of all before
    // parse() accepts only exactly this: every field, the size and the
    // checksum are checked, and a message says which one is wrong.
    QByteArray serialize() const;
    static Result<WaveformPeaks> parse(const QByteArray& bytes);

    int bucket_ms() const { return m_bucket_ms; }
    qint64 duration_ms() const { return m_duration_ms; }
    qsizetype bucketCount() const { return qsizetype(m_buckets.size()); }
    const std::vector<PeakRange>& buckets() const { return m_buckets; }
    bool isEmpty() const { return m_buckets.empty(); }

    // Envelope of the buckets overlapping [from_ms, to_ms): what one pixel
    // column shows at any zoom. 0/0 outside the waveform.
    PeakRange range(qint64 from_ms, qint64 to_ms) const;

    static float toFloat(qint16 peak) { return float(peak) / 32767.0f; }

    bool operator==(const WaveformPeaks&) const = default;

private:
    WaveformPeaks(int bucket_ms, qint64 duration_ms, std::vector<PeakRange> buckets);

    int m_bucket_ms = kDefaultBucket_ms;
    qint64 m_duration_ms = 0;
    std::vector<PeakRange> m_buckets;
};

} // namespace holdfast::media

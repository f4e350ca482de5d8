-- Holdfast cache schema, version 4: waveform peaks of audio tracks.
-- Derived data (media::WaveformPeaks::serialize()), computed once from the
-- encrypted media so that the player's timeline opens instantly afterwards.
-- It lives inside the encrypted database like everything else, and goes
-- with its recording (ON DELETE CASCADE). bucket_ms is part of the key so
-- that a different resolution never reads a stale summary.
CREATE TABLE waveforms (
    recording_id TEXT NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    track_id     TEXT NOT NULL,
    bucket_ms    INTEGER NOT NULL,
    peaks        BLOB NOT NULL,
    computed_at  INTEGER NOT NULL,
    PRIMARY KEY (recording_id, track_id, bucket_ms)
);

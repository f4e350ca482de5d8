-- Holdfast cache schema, version 1.
-- Times are milliseconds since the Unix epoch (UTC). Text ids of recordings are
-- manifest UUIDs without braces. Applied in one transaction by the Migrator,
-- which then sets PRAGMA user_version = 1.

CREATE TABLE recordings (
    id                 TEXT PRIMARY KEY NOT NULL,
    started_at         INTEGER NOT NULL,
    ended_at           INTEGER NOT NULL,
    duration_ms        INTEGER NOT NULL,
    source             TEXT NOT NULL,
    direction          TEXT NOT NULL,
    title              TEXT NOT NULL DEFAULT '',
    capture_node       TEXT NOT NULL,
    manifest_json      BLOB NOT NULL,  -- the exact signed bytes
    signature          BLOB NOT NULL,
    verification_state TEXT NOT NULL CHECK (verification_state IN ('verified', 'quarantined')),
    quarantine_reason  TEXT,
    hold_state         TEXT NOT NULL DEFAULT 'none',
    imported_at        INTEGER NOT NULL,
    -- Derived from tracks (1 audio, 2 video, 4 screen) so the "track kinds
    -- present" filter needs no join.
    track_kinds        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX recordings_started_at ON recordings (started_at);
CREATE INDEX recordings_duration ON recordings (duration_ms);
CREATE INDEX recordings_direction ON recordings (direction, started_at);
CREATE INDEX recordings_hold_state ON recordings (hold_state, started_at);

-- Rowid tables: the rowid is the docid of the external-content FTS tables.
CREATE TABLE participants (
    id             INTEGER PRIMARY KEY,
    recording_id   TEXT NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL,
    display_name   TEXT NOT NULL DEFAULT '',
    role           TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    UNIQUE (recording_id, participant_id)
);
CREATE INDEX participants_display_name ON participants (display_name COLLATE NOCASE);
CREATE INDEX participants_participant_id ON participants (participant_id);

CREATE TABLE tracks (
    recording_id   TEXT NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    track_id       TEXT NOT NULL,
    kind           TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    path           TEXT NOT NULL,
    media_type     TEXT NOT NULL DEFAULT '',
    codec          TEXT NOT NULL DEFAULT '',
    offset_ms      INTEGER NOT NULL,
    duration_ms    INTEGER NOT NULL,
    bytes          INTEGER NOT NULL,
    sha256         TEXT NOT NULL,
    blob_id        TEXT,  -- NULL until the media is in the blob store
    PRIMARY KEY (recording_id, track_id)
);
CREATE INDEX tracks_path ON tracks (recording_id, path);

CREATE TABLE files (
    recording_id TEXT NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    path         TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    bytes        INTEGER NOT NULL,
    blob_id      TEXT,
    PRIMARY KEY (recording_id, path)
);
CREATE INDEX files_blob_id ON files (blob_id) WHERE blob_id IS NOT NULL;

CREATE TABLE transcript_segments (
    id           INTEGER PRIMARY KEY,
    recording_id TEXT NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    speaker      TEXT NOT NULL,
    start_ms     INTEGER NOT NULL,
    end_ms       INTEGER NOT NULL,
    text         TEXT NOT NULL,
    UNIQUE (recording_id, seq)
);

CREATE TABLE transcript_words (
    segment_id INTEGER NOT NULL REFERENCES transcript_segments (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    start_ms   INTEGER NOT NULL,
    end_ms     INTEGER NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (segment_id, seq)
) WITHOUT ROWID;

CREATE TABLE tags (
    id           INTEGER PRIMARY KEY,
    recording_id TEXT NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    tag          TEXT NOT NULL,
    UNIQUE (recording_id, tag)
);
CREATE INDEX tags_tag ON tags (tag);

CREATE TABLE bookmarks (
    id           INTEGER PRIMARY KEY,
    recording_id TEXT NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    position_ms  INTEGER NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    author       TEXT NOT NULL
);
CREATE INDEX bookmarks_recording ON bookmarks (recording_id, position_ms);

-- One row per vault object seen by the sync engine (conditional GETs).
CREATE TABLE sync_state (
    vault_url  TEXT NOT NULL,
    path       TEXT NOT NULL,
    etag       TEXT NOT NULL DEFAULT '',
    bytes      INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (vault_url, path)
);

-- Hash-chained audit log (core/audit). Append-only by convention; the chain
-- makes any change detectable by AuditVerifier.
CREATE TABLE audit_events (
    seq       INTEGER PRIMARY KEY,
    actor     TEXT NOT NULL,
    role      TEXT NOT NULL,
    time_ms   INTEGER NOT NULL,
    action    TEXT NOT NULL,
    target    TEXT NOT NULL,
    details   TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_events_time ON audit_events (time_ms);
CREATE INDEX audit_events_action ON audit_events (action, time_ms);
CREATE INDEX audit_events_target ON audit_events (target, time_ms);

-- The last appended event: catches a truncated chain (deleted tail events).
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL
);

-- Full-text search (FTS4; SQLCipher 3.4.1 is SQLite 3.15, no FTS5). External
-- content tables: the text lives once, in the tables above. RecordingStore,
-- the only writer of those tables, updates these indexes in the same
-- transaction. Deliberately no triggers: a trigger makes every INSERT run
-- with a statement journal, and SQLCipher 3.4.1 encrypts each page copied
-- into it, which made bulk imports 2-3 times slower than plain SQLite.
CREATE VIRTUAL TABLE segments_fts USING fts4(
    content="transcript_segments", text, tokenize=unicode61 "remove_diacritics=1");
CREATE VIRTUAL TABLE participants_fts USING fts4(
    content="participants", display_name, phone, email, tokenize=unicode61 "remove_diacritics=1");
CREATE VIRTUAL TABLE tags_fts USING fts4(
    content="tags", tag, tokenize=unicode61 "remove_diacritics=1");
CREATE VIRTUAL TABLE notes_fts USING fts4(
    content="bookmarks", note, tokenize=unicode61 "remove_diacritics=1");

-- Holdfast cache schema, version 2: what the sync engine knows of each vault.
-- vault_url is the vault's URL as the user gave it (file:///..., azure://...).
-- sync_state (version 1) holds the ETag of every vault blob whose content
-- the cache reflects, so a re-sync with nothing changed needs list calls only.

-- The recordings a vault delivered and the package directory they came from
-- ("recordings/2024/05/01/<id>"). Eviction only ever touches these.
CREATE TABLE sync_recordings (
    vault_url    TEXT NOT NULL,
    recording_id TEXT NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    package_path TEXT NOT NULL,
    PRIMARY KEY (vault_url, recording_id)
);
CREATE INDEX sync_recordings_recording ON sync_recordings (recording_id);

-- Media downloads in progress: the partial blob (blobs/<blob_id>.partial) a
-- resumed sync continues from its last verified chunk, if the vault blob
-- still has this ETag.
CREATE TABLE sync_downloads (
    vault_url TEXT NOT NULL,
    path      TEXT NOT NULL,
    etag      TEXT NOT NULL,
    blob_id   TEXT NOT NULL,
    PRIMARY KEY (vault_url, path)
);

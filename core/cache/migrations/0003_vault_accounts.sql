-- Holdfast cache schema, version 3: the vault accounts a user saved.
-- The connection string (an account key or a SAS token) is a secret: it lives
-- only here, inside the encrypted database, never in a configuration file,
-- and never in the audit log.
CREATE TABLE vault_accounts (
    name              TEXT PRIMARY KEY NOT NULL,
    url               TEXT NOT NULL,                -- file:///... or azure://container[/prefix]
    connection_string TEXT NOT NULL DEFAULT '',     -- '' for folder vaults
    extra_ca_file     TEXT NOT NULL DEFAULT '',
    media_policy      TEXT NOT NULL DEFAULT 'all',  -- all | on-demand | none
    scope_from        TEXT NOT NULL DEFAULT '',     -- YYYY-MM-DD or '' (open)
    scope_to          TEXT NOT NULL DEFAULT '',
    updated_at        INTEGER NOT NULL
);

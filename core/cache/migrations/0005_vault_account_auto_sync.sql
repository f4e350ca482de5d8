-- Holdfast cache schema, version 5: how often the desktop syncs a vault
-- account by itself, in minutes (0: never; the desktop offers 15, 60, 240
-- and 1440). Kept with the account, inside the encrypted cache: each vault
-- has its own cadence, the setting goes with the cache, and changing it is
-- checked by the access policy and audited like any change of the account.
ALTER TABLE vault_accounts ADD COLUMN auto_sync_min INTEGER NOT NULL DEFAULT 0;

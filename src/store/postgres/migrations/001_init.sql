-- The store's first schema: a guild's settings with a version for conditional writes, and the
-- post ledger, one row per (guild, key), claimed before a post is sent.

CREATE TABLE settings (
  guild_id   text PRIMARY KEY,
  -- The GuildSettings object (zod-checked in the bot on write and on read). NULL once deleted:
  -- the row stays as a tombstone so the version keeps rising and a cache sees the deletion.
  value      jsonb,
  version    integer NOT NULL CHECK (version >= 1),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- What changed since a moment: how a process keeps its copy of many guilds' settings current.
CREATE INDEX settings_updated_at ON settings (updated_at);

CREATE TABLE ledger (
  guild_id         text NOT NULL,
  key              text NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
  kind             text NOT NULL CHECK (kind IN ('anniversary', 'digest', 'prompt')),
  -- The server's local date, kept as text: pg would turn a `date` into a JS Date at local midnight.
  local_date       text NOT NULL CHECK (local_date ~ '^\d{4}-\d{2}-\d{2}$'),
  state            text NOT NULL CHECK (state IN ('claimed', 'posted', 'skipped', 'failed')),
  owner            text,
  nonce            text NOT NULL CHECK (length(nonce) BETWEEN 1 AND 25),
  attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  first_claimed_at timestamptz,
  -- Always the database's now() plus the lease: never a worker's clock. NULL when not leased
  -- (settled, or released after a passing error: then owner is NULL too).
  lease_until      timestamptz,
  message_id       text,
  reason           text CHECK (length(reason) <= 500),
  -- A posted message whose thread is still to open ({ name, auto_archive_duration }).
  pending_thread   jsonb,
  at               timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (guild_id, key)
);
-- Pruning and "what changed since" both look entries up by when they last changed.
CREATE INDEX ledger_at ON ledger (at);
-- Pruning keeps each guild's newest entry of a kind: found by this index.
CREATE INDEX ledger_guild_kind_at ON ledger (guild_id, kind, at);
-- The few posted messages whose thread is still to open.
CREATE INDEX ledger_pending_thread ON ledger (guild_id) WHERE pending_thread IS NOT NULL;

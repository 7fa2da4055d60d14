-- Scheduled work split across processes (issue 11): a fixed number of partitions by guild id,
-- leased by live processes with heartbeats in the database's time; and /discuss cooldowns that
-- hold across processes.

-- Each server's partition, computed by the database from its id with the hash and modulus of
-- src/schedule/partition-plan.ts (partitionOf: the first 32 bits of md5, modulo 60). Stored, so
-- a process lists the servers of its partitions through an index instead of hashing them all.
ALTER TABLE settings ADD COLUMN partition smallint
  GENERATED ALWAYS AS (((('x' || substr(md5(guild_id), 1, 8))::bit(32)::bigint) % 60)::smallint) STORED;
CREATE INDEX settings_partition ON settings (partition) WHERE value IS NOT NULL;

-- The live processes: each renews its row every heartbeat; one whose heartbeat_until has passed
-- is dead for the fair share (ceil(partitions / live members)).
CREATE TABLE partition_members (
  member         text PRIMARY KEY CHECK (length(member) BETWEEN 1 AND 200),
  heartbeat_until timestamptz NOT NULL,
  joined_at      timestamptz NOT NULL DEFAULT now()
);

-- One row per partition, made here, never added or removed: who holds it and until when (the
-- database's now() plus the lease, never a process clock). NULL owner: free.
CREATE TABLE partition_leases (
  partition   smallint PRIMARY KEY CHECK (partition >= 0 AND partition < 60),
  owner       text,
  lease_until timestamptz,
  -- How many times it changed hands: a figure for /metrics and the tests.
  handovers   integer NOT NULL DEFAULT 0,
  CHECK ((owner IS NULL) = (lease_until IS NULL))
);
INSERT INTO partition_leases (partition) SELECT generate_series(0, 59);

-- /discuss cooldowns, per member and per channel: a key is taken only when its wait is over.
CREATE TABLE cooldowns (
  key   text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 100),
  until timestamptz NOT NULL
);
CREATE INDEX cooldowns_until ON cooldowns (until);

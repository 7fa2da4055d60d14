-- Gateway logins shared by every process of the bot (src/discord/identify-*.ts).

-- One row per identify bucket (shard_id % max_concurrency): the last identify granted in it, in
-- database time, so processes on machines with different clocks space their identifies alike.
CREATE TABLE identify_buckets (
  rate_limit_key integer PRIMARY KEY,
  granted_at     timestamptz NOT NULL,
  -- Which process and shard took it: for an operator reading the table, never for a decision.
  granted_to     text NOT NULL
);

-- Starts of one set of shards since it last stayed up: a crash loop backs off on this count.
CREATE TABLE login_starts (
  -- The shards a process holds, e.g. '4:0,1' (count:ids), or 'auto'.
  process_key   text PRIMARY KEY,
  starts        integer NOT NULL,
  last_start_at timestamptz NOT NULL
);

-- Community (issue 13): fact reports, follows with their DMs' once-keys, and the polls whose
-- results are still to post. Number 004: 002 and 003 belong to other features.

CREATE TABLE fact_reports (
  id          text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32),
  guild_id    text,
  reporter_id text NOT NULL,
  record_id   text NOT NULL CHECK (length(record_id) BETWEEN 1 AND 100),
  field       text NOT NULL CHECK (length(field) BETWEEN 1 AND 64),
  body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),
  source_url  text CHECK (length(source_url) <= 500),
  created_at  timestamptz NOT NULL,
  state       text NOT NULL CHECK (state IN ('open', 'closed')),
  delivered   boolean NOT NULL DEFAULT false,
  closed_at   timestamptz,
  close_note  text CHECK (length(close_note) <= 1000)
);
-- Rate limits count a member's and a server's recent reports.
CREATE INDEX fact_reports_reporter ON fact_reports (reporter_id, created_at);
CREATE INDEX fact_reports_guild ON fact_reports (guild_id, created_at);
-- The operator's list of open ones, oldest first.
CREATE INDEX fact_reports_open ON fact_reports (created_at) WHERE state = 'open';

CREATE TABLE follows (
  user_id      text NOT NULL,
  agreement_id text NOT NULL CHECK (length(agreement_id) BETWEEN 1 AND 100),
  -- The member's language when they last followed it: what the DM is written in.
  language     text NOT NULL CHECK (length(language) BETWEEN 2 AND 10),
  created_at   timestamptz NOT NULL,
  paused_at    timestamptz,
  PRIMARY KEY (user_id, agreement_id)
);
CREATE INDEX follows_active ON follows (user_id, agreement_id) WHERE paused_at IS NULL;

-- Members to tell, once, that a DM was refused and their follows paused.
CREATE TABLE follow_notices (
  user_id text PRIMARY KEY,
  at      timestamptz NOT NULL DEFAULT now()
);

-- One row per DM: claimed (leased, by the database's clock) before it is sent, then settled.
CREATE TABLE follow_deliveries (
  user_id     text NOT NULL,
  key         text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  state       text NOT NULL CHECK (state IN ('claimed', 'sent', 'refused', 'failed')),
  owner       text,
  lease_until timestamptz,
  at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

CREATE TABLE polls (
  message_id        text PRIMARY KEY,
  channel_id        text NOT NULL,
  guild_id          text NOT NULL,
  closes_at         timestamptz NOT NULL,
  language          text NOT NULL CHECK (length(language) BETWEEN 2 AND 10),
  state             text NOT NULL CHECK (state IN ('open', 'claimed', 'posted', 'gone')),
  owner             text,
  lease_until       timestamptz,
  attempts          integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  result_message_id text,
  reason            text CHECK (length(reason) <= 500)
);
-- The job's question each minute: which polls have closed and are still to announce.
CREATE INDEX polls_due ON polls (closes_at) WHERE state IN ('open', 'claimed');

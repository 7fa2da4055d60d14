-- Members' suggestions for discussion prompts and the admins' decisions on them. A decision is a
-- conditional write on `version`, so two admins clicking at once decide a suggestion once.
-- Denied suggestions stay (an admin may reconsider); nothing deletes a row.

CREATE TABLE suggestions (
  guild_id        text NOT NULL,
  id              text NOT NULL CHECK (id ~ '^[a-z0-9]{4,16}$'),
  author_id       text NOT NULL,
  question        text NOT NULL CHECK (length(question) BETWEEN 1 AND 300),
  -- Poll answers (a JSON array of 2 to 10 strings), or NULL for an open question.
  answers         jsonb,
  state           text NOT NULL CHECK (state IN ('open', 'approved', 'denied')),
  reason          text CHECK (length(reason) <= 300),
  decided_by      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  decided_at      timestamptz,
  version         integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  author_notified boolean NOT NULL DEFAULT false,
  PRIMARY KEY (guild_id, id)
);
-- The admins' queue, a page at a time, and a server's approved rotation.
CREATE INDEX suggestions_guild_state ON suggestions (guild_id, state, created_at);
-- One member's cap of open suggestions and their cooldown.
CREATE INDEX suggestions_author ON suggestions (guild_id, author_id, created_at);
-- Decisions whose author has not been told yet: looked up at that member's next interaction.
CREATE INDEX suggestions_untold ON suggestions (author_id) WHERE state <> 'open' AND NOT author_notified;

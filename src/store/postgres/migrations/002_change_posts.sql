-- Data-change announcements (issue 12): a fourth kind of post, one ledger row per change and
-- server (key `change:<changelog id>`). The kind check of 001 is replaced by one that names it;
-- existing rows all pass it. 001 left the check its default name, ledger_kind_check.

ALTER TABLE ledger DROP CONSTRAINT ledger_kind_check;
ALTER TABLE ledger ADD CONSTRAINT ledger_kind_check
  CHECK (kind IN ('anniversary', 'digest', 'prompt', 'change'));

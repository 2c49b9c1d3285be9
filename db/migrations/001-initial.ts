// Migration 1: the whole first data model. Forward-only: a later change is a new file,
// never an edit of this one (project files in the wild were made by it).
//
// Offsets (mentions.start/end, documents.blocks) are Unicode code points, end exclusive:
// SQLite's substr() counts characters the same way, so `substr(text, start + 1, end - start)`
// is the mention's text, in SQL as in Python. See db/schema.ts.

export const sql = /* sql */ `
CREATE TABLE import_batches (
  id          INTEGER PRIMARY KEY,
  created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  finished_at TEXT,
  source      TEXT    NOT NULL DEFAULT '',
  format      TEXT    NOT NULL DEFAULT '',
  report      TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(report))
);

CREATE TABLE documents (
  id           INTEGER PRIMARY KEY,
  batch_id     INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
  title        TEXT    NOT NULL DEFAULT '',
  source       TEXT    NOT NULL DEFAULT '',
  metadata     TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  text         TEXT    NOT NULL,
  -- [{"kind":"heading"|"paragraph","start":cp,"end":cp}, ...] in text order
  blocks       TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(blocks)),
  status       TEXT    NOT NULL DEFAULT 'todo'
                       CHECK (status IN ('todo', 'in_progress', 'done', 'skipped')),
  note         TEXT    NOT NULL DEFAULT '',
  -- sha256 of the text, hex: a re-import of the same article is recognised and skipped
  content_hash TEXT    NOT NULL UNIQUE,
  created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX documents_status ON documents(status, id);
CREATE INDEX documents_batch ON documents(batch_id);

-- Annotations point into the text by offset, so the text may never change once imported.
CREATE TRIGGER documents_text_immutable BEFORE UPDATE OF text ON documents
WHEN NEW.text IS NOT OLD.text
BEGIN
  SELECT RAISE(ABORT, 'document text is immutable');
END;

-- Full-text search over title and text; the index holds no copy of the text.
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (NEW.id, NEW.title, NEW.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', OLD.id, OLD.title, OLD.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', OLD.id, OLD.title, OLD.text);
  INSERT INTO documents_fts(rowid, title, text) VALUES (NEW.id, NEW.title, NEW.text);
END;

-- --- the label schema ---------------------------------------------------------------
-- position orders types in the UI; the first nine entity types get hotkeys 1-9 by default.

CREATE TABLE entity_types (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL UNIQUE,
  color       TEXT    NOT NULL,
  hotkey      TEXT    UNIQUE,
  description TEXT    NOT NULL DEFAULT '',
  position    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE event_types (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL UNIQUE,
  color       TEXT    NOT NULL,
  hotkey      TEXT    UNIQUE,
  description TEXT    NOT NULL DEFAULT '',
  position    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE event_roles (
  id            INTEGER PRIMARY KEY,
  event_type_id INTEGER NOT NULL REFERENCES event_types(id) ON DELETE CASCADE,
  name          TEXT    NOT NULL,
  repeatable    INTEGER NOT NULL DEFAULT 0 CHECK (repeatable IN (0, 1)),
  position      INTEGER NOT NULL DEFAULT 0,
  UNIQUE (event_type_id, name)
);

-- The entity types a role accepts; none listed means any.
CREATE TABLE event_role_accepts (
  role_id        INTEGER NOT NULL REFERENCES event_roles(id) ON DELETE CASCADE,
  entity_type_id INTEGER NOT NULL REFERENCES entity_types(id) ON DELETE CASCADE,
  PRIMARY KEY (role_id, entity_type_id)
) WITHOUT ROWID;

CREATE TABLE relation_types (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL UNIQUE,
  color       TEXT    NOT NULL,
  hotkey      TEXT    UNIQUE,
  description TEXT    NOT NULL DEFAULT '',
  position    INTEGER NOT NULL DEFAULT 0
);

-- A flag when values is '[]', otherwise one of values.
CREATE TABLE attribute_defs (
  id            INTEGER PRIMARY KEY,
  target        TEXT    NOT NULL CHECK (target IN ('mention', 'event', 'relation')),
  name          TEXT    NOT NULL,
  "values"      TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid("values")),
  default_value TEXT,
  position      INTEGER NOT NULL DEFAULT 0,
  UNIQUE (target, name)
);

-- --- annotations --------------------------------------------------------------------

CREATE TABLE entities (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL,
  type_id     INTEGER REFERENCES entity_types(id) ON DELETE SET NULL,
  aliases     TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
  external_id TEXT,
  created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

CREATE TABLE mentions (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start       INTEGER NOT NULL CHECK (start >= 0),
  "end"       INTEGER NOT NULL CHECK ("end" > start),
  -- null: an untyped span, e.g. an event trigger (its event carries the type)
  type_id     INTEGER REFERENCES entity_types(id) ON DELETE RESTRICT,
  entity_id   INTEGER REFERENCES entities(id) ON DELETE SET NULL,
  attributes  TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
  note        TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX mentions_document ON mentions(document_id, start);
CREATE INDEX mentions_entity ON mentions(entity_id) WHERE entity_id IS NOT NULL;
CREATE INDEX mentions_type ON mentions(type_id);

CREATE TABLE events (
  id                 INTEGER PRIMARY KEY,
  document_id        INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  trigger_mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE RESTRICT,
  type_id            INTEGER NOT NULL REFERENCES event_types(id) ON DELETE RESTRICT,
  attributes         TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
  note               TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_trigger ON events(trigger_mention_id);
CREATE INDEX events_type ON events(type_id);

-- Exactly one of mention_id (an entity argument) and arg_event_id (a nested event).
CREATE TABLE event_arguments (
  id           INTEGER PRIMARY KEY,
  event_id     INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  role_id      INTEGER NOT NULL REFERENCES event_roles(id) ON DELETE RESTRICT,
  mention_id   INTEGER REFERENCES mentions(id) ON DELETE RESTRICT,
  arg_event_id INTEGER REFERENCES events(id) ON DELETE RESTRICT,
  CHECK ((mention_id IS NULL) <> (arg_event_id IS NULL))
);
CREATE INDEX event_arguments_event ON event_arguments(event_id);
CREATE INDEX event_arguments_mention ON event_arguments(mention_id) WHERE mention_id IS NOT NULL;
CREATE INDEX event_arguments_arg_event ON event_arguments(arg_event_id) WHERE arg_event_id IS NOT NULL;

CREATE TABLE relations (
  id              INTEGER PRIMARY KEY,
  document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  type_id         INTEGER NOT NULL REFERENCES relation_types(id) ON DELETE RESTRICT,
  from_mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE RESTRICT,
  to_mention_id   INTEGER NOT NULL REFERENCES mentions(id) ON DELETE RESTRICT,
  attributes      TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
  note            TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX relations_document ON relations(document_id);
CREATE INDEX relations_from ON relations(from_mention_id);
CREATE INDEX relations_to ON relations(to_mention_id);

-- --- history ------------------------------------------------------------------------
-- One row per user action (one transaction). state: 'done' → may be undone; 'undone' →
-- may be redone; 'discarded' → undone and then overtaken by a new action (redo stack
-- cleared). Undo and redo are themselves recorded as actions (kind 'undo' / 'redo',
-- reverts = the action they act on), so the log tells the whole story.
CREATE TABLE actions (
  id          INTEGER PRIMARY KEY,
  at          TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  kind        TEXT    NOT NULL CHECK (kind IN ('edit', 'undo', 'redo')),
  label       TEXT    NOT NULL,
  -- the document whose undo stack the action is on; null for schema and project actions
  document_id INTEGER,
  state       TEXT    NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'discarded')),
  reverts     INTEGER REFERENCES actions(id)
);
CREATE INDEX actions_stack ON actions(document_id, state, id);

-- The append-only change log: every row written by an action, with its before and after
-- images as JSON (null before = inserted, null after = deleted).
CREATE TABLE changes (
  id         INTEGER PRIMARY KEY,
  action_id  INTEGER NOT NULL REFERENCES actions(id),
  table_name TEXT    NOT NULL,
  row_id     INTEGER NOT NULL,
  before     TEXT    CHECK (before IS NULL OR json_valid(before)),
  after      TEXT    CHECK (after IS NULL OR json_valid(after))
);
CREATE INDEX changes_action ON changes(action_id);
CREATE TRIGGER changes_append_only_update BEFORE UPDATE ON changes
BEGIN
  SELECT RAISE(ABORT, 'the change log is append-only');
END;
CREATE TRIGGER changes_append_only_delete BEFORE DELETE ON changes
BEGIN
  SELECT RAISE(ABORT, 'the change log is append-only');
END;

-- Small project-level facts (name, created_at, the sample flag...).
CREATE TABLE project_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`;

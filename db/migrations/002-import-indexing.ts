// Migration 2: an import puts its documents in the full-text index itself, a group at a time.
//
// FTS5 writes a new segment of the index for every statement that adds to it, and merges
// the segments as they pile up. Indexed by the trigger, one document per INSERT, an import
// of 10,000 articles wrote 10,000 segments and spent more time merging them than on
// everything else it did. Documents of an import batch (batch_id set) are now left to the
// import, which indexes each group of them with one statement in the transaction that
// writes them (Documents.indexBatchDocuments), so they are searchable from the same commit:
// one segment per group, and half the time in `npm run bench import`. Every other document
// is indexed by the trigger as before.

export const sql = /* sql */ `
DROP TRIGGER documents_fts_insert;
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents WHEN NEW.batch_id IS NULL BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (NEW.id, NEW.title, NEW.text);
END;
`;

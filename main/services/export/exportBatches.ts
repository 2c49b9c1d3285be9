// The import batches an export can be limited to (`batch` in the request, `--batch N` on
// the command line): every `import_batches` row that still has documents, newest first,
// for the Export dialog to offer. A batch whose documents were all skipped as duplicates
// has none of its own and is not offered.

import type { ExportBatch } from '../../../common/export';
import type { Connection } from '../../../db/openDatabase';

interface BatchRow {
  id: number;
  created_at: string;
  source: string;
  documents: number;
}

/// The batches with documents in the project open on `db`.
export function exportBatches(db: Connection): ExportBatch[] {
  const rows = db
    .prepare<[], BatchRow>(
      `SELECT b.id, b.created_at, b.source, count(*) AS documents
       FROM import_batches b JOIN documents d ON d.batch_id = b.id
       GROUP BY b.id ORDER BY b.id DESC`,
    )
    .all();
  // The importer stores the paths it was given one per line (batchImport.ts).
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at, paths: r.source === '' ? [] : r.source.split('\n'), documents: r.documents }));
}

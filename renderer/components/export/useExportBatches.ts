// The import batches the Export dialog offers as a choice of documents, read when it opens
// (an import that ends while it is open shows the next time). null until they arrive.

import { useEffect, useState } from 'react';
import type { ExportBatch } from '../../../common/export';
import { useClient } from '../ClientContext';

export function useExportBatches(): ExportBatch[] | null {
  const client = useClient();
  const [batches, setBatches] = useState<ExportBatch[] | null>(null);
  useEffect(() => {
    let current = true;
    client.call('export.batches', {}).then(
      (list) => current && setBatches(list),
      // Without the list the choice is simply not offered; the other choices still work.
      () => current && setBatches([]),
    );
    return () => {
      current = false;
    };
  }, [client]);
  return batches;
}

/// How the dialog names a batch: `#3 · feed.jsonl and 2 more · 120 documents · 12 May 2024, 14:02`.
export function batchLabel(batch: ExportBatch): string {
  const first = batch.paths[0]?.split(/[\\/]/u).filter((part) => part !== '').at(-1) ?? 'import';
  const more = batch.paths.length > 1 ? ` and ${batch.paths.length - 1} more` : '';
  const when = new Date(batch.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const documents = `${batch.documents.toLocaleString()} document${batch.documents === 1 ? '' : 's'}`;
  return `#${batch.id} · ${first}${more} · ${documents} · ${when}`;
}

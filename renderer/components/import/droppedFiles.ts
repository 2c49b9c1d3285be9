// Files dropped onto the window, read in the page and sent as their bytes (import.files):
// this works the same in a browser (serve mode, where a dropped file has no path the
// server could read) and in the desktop app (where File.path is gone, and asking the
// preload for paths would widen the bridge beyond the contract). Folders are read through
// the entries API, recursively. The service takes at most 10 MB this way; larger batches
// go through Import… with their paths.

/** What import.files takes, at most (common/contract.ts, main/services/import/importJobs.ts). */
export const MAX_DROPPED_BYTES = 10 * 1024 * 1024;

export interface DroppedFile {
  name: string;
  /** The bytes, base64. */
  data: string;
}

/// Whether a drag carries files (rather than text or a link).
export function carriesFiles(transfer: DataTransfer | null): boolean {
  return transfer !== null && Array.from(transfer.types).includes('Files');
}

/// The files of a drop, folders walked; rejects with a message when they are too large.
export async function readDrop(transfer: DataTransfer): Promise<DroppedFile[]> {
  const files: { name: string; file: File }[] = [];
  const entries = Array.from(transfer.items)
    .map((item) => item.webkitGetAsEntry?.())
    .filter((entry): entry is FileSystemEntry => entry !== null && entry !== undefined);
  if (entries.length > 0) {
    for (const entry of entries) await collect(entry, files);
  } else {
    for (const file of Array.from(transfer.files)) files.push({ name: file.name, file });
  }
  const size = files.reduce((sum, f) => sum + f.file.size, 0);
  if (size > MAX_DROPPED_BYTES) {
    throw new Error(
      `The dropped files are ${(size / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_DROPPED_BYTES / 1024 / 1024} MB ` +
        'a drop can carry; use Import… and choose them instead.',
    );
  }
  return Promise.all(files.map(async ({ name, file }) => ({ name, data: base64(new Uint8Array(await file.arrayBuffer())) })));
}

// Files under `entry`, named by their path inside the drop ("batch/a.txt"), so that the
// report names them as the analyst knows them; hidden ones are left out.
async function collect(entry: FileSystemEntry, into: { name: string; file: File }[]): Promise<void> {
  if (entry.name.startsWith('.')) return;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    into.push({ name: entry.fullPath.replace(/^\//, '') || file.name, file });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries hands out a directory in batches; an empty batch means the end.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) await collect(child, into);
  }
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

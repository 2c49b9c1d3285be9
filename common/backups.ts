// What the Backups dialog shows and the contract's backups.* calls answer: one entry per
// backup copy of the open project (main/services/backups/ makes, lists and restores them).

/**
 * Why a copy was made. `open`: when the project was opened; `interval`: every few minutes
 * while it changes; `manual`: Back up now; `pre-restore`: the state a restore replaced, so
 * that the restore can itself be undone; `pre-migration`: the file as it was before a newer
 * Spanlab upgraded it.
 */
export const BACKUP_REASONS = ['open', 'interval', 'manual', 'pre-restore', 'pre-migration'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupInfo {
  /** The absolute path of the copy: what backups.restore takes. */
  file: string;
  /** When the copy was taken (ISO 8601, UTC), read from its name. */
  takenAt: string;
  reason: BackupReason;
  sizeBytes: number;
  /** The copy's project format version; null when it could not be read. */
  schemaVersion: number | null;
  /** Counts read from the copy itself; null when it could not be read. */
  documents: number | null;
  mentions: number | null;
  events: number | null;
  /** Why the copy cannot be read (damaged, not a project), or null. Such a copy is not restored. */
  problem: string | null;
}

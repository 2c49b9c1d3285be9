// How each document status reads in the UI; the order is the workflow's.

import type { DocumentStatus } from '../../common/model';

export const STATUS_LABELS: Readonly<Record<DocumentStatus, string>> = {
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
  skipped: 'Skipped',
};

export const STATUS_ORDER: readonly DocumentStatus[] = ['todo', 'in_progress', 'done', 'skipped'];

// One export job as the dialog follows it: start it, watch its `progress` events, cancel
// it, and fetch its report (export.status) once the service says it has finished.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput } from '../../../common/contract';
import type { ExportReport } from '../../../common/export';
import { errorMessage } from '../../client';
import { useClient } from '../ClientContext';

export type ExportPhase =
  | { phase: 'idle' }
  | { phase: 'running'; jobId: string | null; done: number; total: number | null }
  | { phase: 'finished'; report: ExportReport }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string };

export function useExportJob(): {
  state: ExportPhase;
  start(request: CallInput<'export.start'>): void;
  cancel(): void;
  reset(): void;
} {
  const client = useClient();
  const [state, setState] = useState<ExportPhase>({ phase: 'idle' });
  const jobId = useRef<string | null>(null);

  const settle = useCallback(
    (id: string) => {
      client.call('export.status', { jobId: id }).then(
        (status) => {
          if (jobId.current !== id) return;
          if (status.state === 'finished' && status.report) setState({ phase: 'finished', report: status.report });
          else if (status.state === 'cancelled') setState({ phase: 'cancelled' });
          else if (status.state === 'failed') setState({ phase: 'failed', message: status.error ?? 'The export failed.' });
        },
        (error: unknown) => setState({ phase: 'failed', message: errorMessage(error) }),
      );
    },
    [client],
  );

  useEffect(
    () =>
      client.on('progress', (payload) => {
        if (payload.jobId !== jobId.current) return;
        if (payload.finished) settle(payload.jobId);
        else setState({ phase: 'running', jobId: payload.jobId, done: payload.done, total: payload.total });
      }),
    [client, settle],
  );

  const start = useCallback(
    (request: CallInput<'export.start'>) => {
      jobId.current = null;
      setState({ phase: 'running', jobId: null, done: 0, total: null });
      client.call('export.start', request).then(
        ({ jobId: id }) => {
          jobId.current = id;
          // A short export may have finished before its id arrived here.
          settle(id);
        },
        (error: unknown) => setState({ phase: 'failed', message: errorMessage(error) }),
      );
    },
    [client, settle],
  );

  const cancel = useCallback(() => {
    if (jobId.current) void client.call('export.cancel', { jobId: jobId.current }).catch(() => undefined);
  }, [client]);

  const reset = useCallback(() => {
    jobId.current = null;
    setState({ phase: 'idle' });
  }, []);

  return { state, start, cancel, reset };
}

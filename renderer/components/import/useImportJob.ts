// The import the UI follows: start it (paths, or dropped files), watch its `progress`
// events, cancel it, and fetch its report (import.status) once the service says it has
// finished. One at a time from this window; the service would run more.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput } from '../../../common/contract';
import type { ImportProgress, ImportReport } from '../../../common/importReport';
import { errorMessage } from '../../client';
import { useClient } from '../ClientContext';

export type ImportPhase =
  | { phase: 'idle' }
  | { phase: 'running'; jobId: string | null; progress: ImportProgress | null; cancelling: boolean }
  | { phase: 'ended'; report: ImportReport }
  | { phase: 'failed'; message: string };

export function useImportJob(onEnded: (report: ImportReport) => void): {
  state: ImportPhase;
  startPaths(request: CallInput<'import.start'>): void;
  startFiles(request: CallInput<'import.files'>): void;
  cancel(): void;
  dismiss(): void;
} {
  const client = useClient();
  const [state, setState] = useState<ImportPhase>({ phase: 'idle' });
  const jobId = useRef<string | null>(null);
  const ended = useRef(onEnded);
  useEffect(() => {
    ended.current = onEnded;
  });

  const settle = useCallback(
    (id: string) => {
      client.call('import.status', { jobId: id }).then(
        (status) => {
          if (jobId.current !== id || status.report === null) return;
          setState({ phase: 'ended', report: status.report });
          ended.current(status.report);
        },
        (error: unknown) => setState({ phase: 'failed', message: errorMessage(error) }),
      );
    },
    [client],
  );

  useEffect(
    () =>
      client.on('progress', (payload) => {
        if (payload.jobId !== jobId.current || !payload.import) return;
        if (payload.finished) settle(payload.jobId);
        else {
          const progress = payload.import;
          setState((s) => (s.phase === 'running' ? { ...s, jobId: payload.jobId, progress } : s));
        }
      }),
    [client, settle],
  );

  const begin = useCallback(
    (call: Promise<{ jobId: string }>) => {
      jobId.current = null;
      setState({ phase: 'running', jobId: null, progress: null, cancelling: false });
      call.then(
        ({ jobId: id }) => {
          jobId.current = id;
          // A small import may have ended before its id arrived here.
          settle(id);
        },
        (error: unknown) => setState({ phase: 'failed', message: errorMessage(error) }),
      );
    },
    [settle],
  );

  const startPaths = useCallback((request: CallInput<'import.start'>) => begin(client.call('import.start', request)), [begin, client]);
  const startFiles = useCallback((request: CallInput<'import.files'>) => begin(client.call('import.files', request)), [begin, client]);

  const cancel = useCallback(() => {
    if (!jobId.current) return;
    setState((s) => (s.phase === 'running' ? { ...s, cancelling: true } : s));
    void client.call('import.cancel', { jobId: jobId.current }).catch(() => undefined);
  }, [client]);

  const dismiss = useCallback(() => {
    jobId.current = null;
    setState({ phase: 'idle' });
  }, []);

  return { state, startPaths, startFiles, cancel, dismiss };
}

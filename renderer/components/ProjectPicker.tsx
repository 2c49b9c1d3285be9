// Where work starts when no project is open (and where "switch project" leads): create
// the sample, create or open a project file, or reopen a recent one.
//
// Paths: in Electron, New and Open ask the OS with a native dialog (project.pickPath).
// In serve mode the page cannot reach the server's file dialogs, so that call answers
// `unsupported` and the picker asks for the path in a text field instead.

import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ProjectInfo, RecentProject } from '../../common/model';
import { SpanlabError } from '../../common/errors';
import { errorMessage } from '../client';
import { Button } from './Button';
import { useClient } from './ClientContext';
import type { IconName } from './Icon';
import { Icon } from './Icon';
import { RecentProjectList } from './RecentProjectList';
import './ProjectPicker.css';

export type PickerAction = 'sample' | 'create' | 'open';

interface ProjectPickerProps {
  /** False when the host has no native file dialogs (serve mode). */
  nativeDialogs: boolean;
  /** The project open behind the picker, if any: the picker can go back to it. */
  current: ProjectInfo | null;
  /** An action to start right away (from the native menu). */
  initialAction?: PickerAction | null;
  onOpened: (project: ProjectInfo) => void;
  onCancel?: () => void;
}

const ACTIONS: { action: PickerAction; icon: IconName; title: string; detail: string; testId: string }[] = [
  {
    action: 'sample',
    icon: 'book',
    title: 'Create sample project',
    detail: 'A short news article with entities, to try Spanlab out.',
    testId: 'picker-sample',
  },
  { action: 'create', icon: 'plus', title: 'New project…', detail: 'An empty project file.', testId: 'picker-new' },
  { action: 'open', icon: 'folder', title: 'Open project…', detail: 'A .spanlab file on this computer.', testId: 'picker-open' },
];

const SUBMIT_LABELS: Record<PickerAction, string> = {
  sample: 'Create sample project',
  create: 'Create project',
  open: 'Open project',
};

export function ProjectPicker({ nativeDialogs, current, initialAction, onOpened, onCancel }: ProjectPickerProps) {
  const client = useClient();
  const [dialogs, setDialogs] = useState(nativeDialogs);
  const [pathAction, setPathAction] = useState<PickerAction | null>(null);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [recent, setRecent] = useState<RecentProject[] | null>(null);
  const pathInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let current = true;
    client.call('project.recent', {}).then(
      (list) => current && setRecent(list),
      () => current && setRecent([]),
    );
    return () => {
      current = false;
    };
  }, [client]);

  useEffect(() => {
    if (pathAction) pathInput.current?.focus();
  }, [pathAction]);

  async function finish(action: PickerAction, chosen: string) {
    setBusy(true);
    setError(null);
    try {
      const project =
        action === 'open'
          ? await client.call('project.open', { path: chosen })
          : await client.call('project.create', { path: chosen, sample: action === 'sample' });
      onOpened(project);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  async function start(action: PickerAction) {
    setError(null);
    if (dialogs) {
      try {
        const { path: chosen } = await client.call('project.pickPath', { mode: action === 'open' ? 'open' : 'create' });
        if (chosen) await finish(action, chosen);
        return;
      } catch (failure) {
        if (!(failure instanceof SpanlabError && failure.code === 'unsupported')) {
          setError(errorMessage(failure));
          return;
        }
        setDialogs(false);
      }
    }
    setPathAction(action);
  }

  // Started once per mount: the menu's action is a request to begin, not a state to keep.
  const started = useRef(false);
  useEffect(() => {
    if (initialAction && !started.current) {
      started.current = true;
      void start(initialAction);
    }
  });

  function submitPath(event: FormEvent) {
    event.preventDefault();
    const chosen = path.trim();
    if (!pathAction) return;
    if (!chosen) {
      setError('Enter the path of a project file, e.g. /home/me/news.spanlab.');
      return;
    }
    void finish(pathAction, chosen);
  }

  return (
    <div
      className={current ? 'picker-backdrop' : 'picker-page'}
      data-testid="project-picker"
      // Over an open project the picker is a dialog: Escape or a click outside goes back.
      onKeyDown={(event) => {
        if (event.key === 'Escape' && onCancel && !busy) onCancel();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget && onCancel && !busy) onCancel();
      }}
    >
      <div className="picker" role="dialog" aria-modal={current ? true : undefined} aria-labelledby="picker-title">
        <header className="picker-header">
          <span className="picker-mark" aria-hidden="true">
            <Icon name="layers" size={22} />
          </span>
          <div>
            <h1 id="picker-title">{current ? 'Switch project' : 'Welcome to Spanlab'}</h1>
            <p className="picker-tagline">Annotate news articles with entities and events, and export training data.</p>
          </div>
          {onCancel && (
            <Button variant="quiet" icon="close" aria-label="Back to the open project" onClick={onCancel} className="picker-close" />
          )}
        </header>

        <div className="picker-actions">
          {ACTIONS.map(({ action, icon, title, detail, testId }) => (
            <button
              key={action}
              type="button"
              className={`picker-action${pathAction === action ? ' is-selected' : ''}`}
              onClick={() => void start(action)}
              disabled={busy}
              data-testid={testId}
            >
              <span className="picker-action-icon">
                <Icon name={icon} size={18} />
              </span>
              <span className="picker-action-text">
                <span className="picker-action-title">{title}</span>
                <span className="picker-action-detail">{detail}</span>
              </span>
            </button>
          ))}
        </div>

        {pathAction && (
          <form className="picker-path" onSubmit={submitPath} data-testid="project-path-form">
            <label htmlFor="project-path">Project file path</label>
            <div className="picker-path-row">
              <input
                id="project-path"
                ref={pathInput}
                value={path}
                onChange={(event) => setPath(event.target.value)}
                placeholder="/path/to/project.spanlab"
                spellCheck={false}
                autoComplete="off"
                data-testid="project-path-input"
              />
              <Button type="submit" variant="primary" disabled={busy} data-testid="project-path-submit">
                {SUBMIT_LABELS[pathAction]}
              </Button>
            </div>
            <p className="picker-hint">
              {pathAction === 'open'
                ? 'A project file on the machine running Spanlab.'
                : 'Where to save the new project file, on the machine running Spanlab.'}
            </p>
          </form>
        )}

        {error && (
          <p className="picker-error" role="alert" data-testid="picker-error">
            <Icon name="alert" />
            <span>{error}</span>
          </p>
        )}

        <RecentProjectList projects={recent} disabled={busy} onOpen={(chosen) => void finish('open', chosen)} />
      </div>
    </div>
  );
}

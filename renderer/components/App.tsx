// The application shell: the project picker while no project is open, else the top bar,
// the document list, the open document and its side panel. Owns what several parts
// share (the open project, the open document, the list's freshness) and reacts to the
// events the services push.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallOutputs, EventPayloads } from '../../common/contract';
import type { ProjectInfo } from '../../common/model';
import { errorMessage } from '../client';
import { applyLabelColors } from '../editor/labelStyles';
import { SchemaView } from '../schema/SchemaView';
import { useTheme } from '../theme/useTheme';
import { AboutDialog } from './AboutDialog';
import { BackupsDialog } from './backups/BackupsDialog';
import { useClient } from './ClientContext';
import type { ListNavigator } from './DocumentList';
import { DocumentList } from './DocumentList';
import { DocumentPane } from './DocumentPane';
import { EmptyState } from './EmptyState';
import { ExportDialog } from './export/ExportDialog';
import { EntitiesView } from './entities/EntitiesView';
import { ImportCenter } from './import/ImportCenter';
import { Notice } from './Notice';
import type { PickerAction } from './ProjectPicker';
import { ProjectPicker } from './ProjectPicker';
import { ProjectOverview } from './ProjectOverview';
import { TopBar } from './TopBar';
import type { AppView } from './ViewSwitch';
import './App.css';

/** A request to show the project picker, and the action it should start (from a menu). */
interface PickerRequest {
  action: PickerAction | null;
  /** Distinguishes two requests for the same action, so the picker starts afresh. */
  seq: number;
}

export function App() {
  const client = useClient();
  const { theme, toggle: toggleTheme } = useTheme();
  /** undefined until project.current answered. */
  const [project, setProject] = useState<ProjectInfo | null | undefined>(undefined);
  const [info, setInfo] = useState<CallOutputs['app.info'] | null>(null);
  /** The picker over an open project ("switch project"), with the action to start. */
  const [switching, setSwitching] = useState<PickerRequest | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [listVersion, setListVersion] = useState(0);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [backupsOpen, setBackupsOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  /** The action a menu command asked of the picker shown while no project is open. */
  const [pickerRequest, setPickerRequest] = useState<PickerRequest | null>(null);
  const [view, setView] = useState<AppView>('documents');
  /** Changes each time the Import… dialog is asked for (menu, top bar). */
  const [importRequest, setImportRequest] = useState(0);
  /** A mention for the document opened from the entities view to focus. */
  const [reveal, setReveal] = useState<number | null>(null);
  const listNavigator = useRef<ListNavigator | null>(null);
  const openDocument = useCallback((documentId: number) => {
    setReveal(null);
    setOpenId(documentId);
  }, []);
  const refreshList = useCallback(() => setListVersion((v) => v + 1), []);

  const showProject = useCallback((next: ProjectInfo | null) => {
    setProject(next);
    setOpenId(null);
    setSwitching(null);
    setListVersion((v) => v + 1);
    setView('documents');
  }, []);

  useEffect(() => {
    client.call('app.info', {}).then(setInfo, () => setInfo(null));
    client.call('project.current', {}).then(showProject, (error: unknown) => {
      setNotice(errorMessage(error));
      showProject(null);
    });
  }, [client, showProject]);

  // Label colours for the highlights, per project.
  const projectPath = project?.path;
  useEffect(() => {
    if (!projectPath) return;
    client.call('schema.get', {}).then(
      (schema) => applyLabelColors(schema.entityTypes),
      (error: unknown) => console.warn('[spanlab] no label colours:', errorMessage(error)),
    );
  }, [client, projectPath]);

  // Menu commands read the latest state through a ref, so the subscription is made once.
  const onMenu = useRef<(payload: EventPayloads['menu']) => void>(() => {});
  const handleMenu = ({ command, path }: EventPayloads['menu']) => {
    if (command === 'toggleTheme') toggleTheme();
    else if (command === 'about') setAboutOpen(true);
    else if (command === 'export') setExportOpen(project !== null && project !== undefined);
    else if (command === 'backups') setBackupsOpen(project !== null && project !== undefined);
    else if (command === 'newProject' || command === 'openProject') {
      if (path) {
        const call =
          command === 'openProject'
            ? client.call('project.open', { path })
            : client.call('project.create', { path, sample: false });
        call.then(showProject, (error: unknown) => setNotice(errorMessage(error)));
      } else {
        const request = { action: command === 'openProject' ? 'open' : 'create', seq: Date.now() } as const;
        if (project) setSwitching(request);
        else setPickerRequest(request);
      }
    }
    else if (command === 'import' && project) setImportRequest(Date.now());
    // undo and redo belong to later parts of the UI.
  };
  useEffect(() => {
    onMenu.current = handleMenu;
  });

  useEffect(() => {
    const stops = [
      client.on('project.changed', showProject),
      client.on('document.changed', refreshList),
      client.on('menu', (payload) => onMenu.current(payload)),
      client.on('backup.failed', ({ message }) => setNotice(message)),
    ];
    return () => stops.forEach((stop) => stop());
  }, [client, showProject, refreshList]);

  const nativeDialogs = info?.mode !== 'serve';
  const about = aboutOpen && <AboutDialog info={info} onClose={() => setAboutOpen(false)} />;
  const topBar = (
    <TopBar
      project={project ?? null}
      theme={theme}
      onToggleTheme={toggleTheme}
      onSwitchProject={() => setSwitching({ action: null, seq: Date.now() })}
      onAbout={() => setAboutOpen(true)}
      onImport={project ? () => setImportRequest(Date.now()) : undefined}
      onExport={project ? () => setExportOpen(true) : undefined}
      view={view}
      onViewChange={setView}
    />
  );
  const noticeBar = notice && <Notice message={notice} onDismiss={() => setNotice(null)} />;

  if (project === undefined) return <div className="app-loading" aria-busy="true" />;

  if (project === null) {
    return (
      <div className="app app-no-project">
        {topBar}
        {noticeBar}
        <ProjectPicker
          // Remounted to start an action a menu command asked for.
          key={pickerRequest?.seq ?? 0}
          nativeDialogs={nativeDialogs}
          current={null}
          initialAction={pickerRequest?.action ?? null}
          onOpened={showProject}
        />
        {about}
      </div>
    );
  }

  return (
    <div className="app" data-testid="app-shell">
      {topBar}
      {noticeBar}
      {/* The schema view replaces the workspace; returning remounts the document, which
          then reads the schema as edited. */}
      {view === 'schema' ? (
        <SchemaView />
      ) : view === 'entities' ? (
        <EntitiesView
          version={listVersion}
          onOpenMention={(documentId, mentionId) => {
            setReveal(mentionId);
            setOpenId(documentId);
            setView('documents');
          }}
        />
      ) : (
        <div className="workspace">
          <DocumentList
            project={project.path}
            version={listVersion}
            openId={openId}
            onOpen={openDocument}
            navigator={listNavigator}
          />
          {openId === null ? (
            <>
              <main className="document-pane">
                <EmptyState
                  icon="file"
                  testId="no-document"
                  title={project.documentCount === 0 ? 'This project has no documents yet' : 'No document open'}
                  detail={
                    project.documentCount === 0 ? (
                      'Import articles to start annotating.'
                    ) : (
                      <>
                        Choose a document from the list, or move with <kbd>↑</kbd> <kbd>↓</kbd> and press <kbd>Enter</kbd>.
                      </>
                    )
                  }
                />
              </main>
              <ProjectOverview project={project} version={listVersion} onBackups={() => setBackupsOpen(true)} />
            </>
          ) : (
            <DocumentPane
              key={openId}
              documentId={openId}
              revealMentionId={reveal}
              onSummaryChange={refreshList}
              neighbour={async (step) => (await listNavigator.current?.neighbour(openId, step)) ?? null}
              onOpen={openDocument}
            />
          )}
        </div>
      )}
      <ImportCenter
        request={importRequest}
        nativeDialogs={nativeDialogs}
        onProgressed={refreshList}
        onImported={() => {
          // New documents: the list, and the counts of the project (without closing the
          // document the analyst is reading).
          refreshList();
          client.call('project.current', {}).then((current) => current && setProject(current), () => undefined);
          // The import may have added labels: their highlights need colours.
          client.call('schema.get', {}).then((schema) => applyLabelColors(schema.entityTypes), () => undefined);
        }}
      />
      {switching && (
        <ProjectPicker
          key={switching.seq}
          nativeDialogs={nativeDialogs}
          current={project}
          initialAction={switching.action}
          onOpened={showProject}
          onCancel={() => setSwitching(null)}
        />
      )}
      {backupsOpen && <BackupsDialog project={project} onClose={() => setBackupsOpen(false)} />}
      {exportOpen && <ExportDialog project={project} nativeDialogs={nativeDialogs} onClose={() => setExportOpen(false)} />}
      {about}
    </div>
  );
}

// The schema view: the project's label schema as a list on the left and the selected type
// or attribute's form on the right, with undo, redo and annotation.conf import and export
// above. Every change goes through the contract's schema calls and lands on the
// project-wide undo stack (history with documentId null), which Ctrl+Z here walks back.

import type { KeyboardEvent } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LabelSchema, SchemaImportReport } from '../../common/model';
import { errorMessage } from '../client';
import { Button } from '../components/Button';
import { useClient } from '../components/ClientContext';
import { EmptyState } from '../components/EmptyState';
import { applyLabelColors } from '../editor/labelStyles';
import { AttributeEditor } from './AttributeEditor';
import type { DeleteRequest } from './DeleteDialog';
import { DeleteDialog } from './DeleteDialog';
import { ImportReportDialog } from './ImportReportDialog';
import { SchemaList } from './SchemaList';
import type { SchemaKind, SchemaSelection } from './schemaSelection';
import { KIND_NOUN, selectedItem, typesOf } from './schemaSelection';
import { SchemaToolbar } from './SchemaToolbar';
import { TypeEditor } from './TypeEditor';
import './SchemaView.css';

interface Toast {
  text: string;
  /** Offer Undo beside the message (after a change, not after an undo). */
  undoable: boolean;
  seq: number;
}

const MAC = /Mac|iPhone|iPad/.test(navigator.userAgent);
const UNDO_KEY = MAC ? '⌘Z' : 'Ctrl+Z';
const REDO_KEY = MAC ? '⇧⌘Z' : 'Ctrl+Shift+Z';

export function SchemaView() {
  const client = useClient();
  const [schema, setSchema] = useState<LabelSchema | null>(null);
  const [usage, setUsage] = useState<Record<string, number> | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selection, setSelection] = useState<SchemaSelection | null>(null);
  // Bumped to start the form afresh from the stored definition (after a save or an undo).
  const [formSeq, setFormSeq] = useState(0);
  const [toast, setToast] = useState<Toast | null>(null);
  const [deleting, setDeleting] = useState<DeleteRequest | null>(null);
  const [imported, setImported] = useState<{ fileName: string; report: SchemaImportReport } | null>(null);
  const root = useRef<HTMLDivElement>(null);

  const say = useCallback((text: string, undoable = false) => setToast({ text, undoable, seq: Date.now() }), []);

  const reload = useCallback(async (): Promise<LabelSchema | null> => {
    try {
      const next = await client.call('schema.get', {});
      setSchema(next);
      setLoadError(null);
      // The article's highlights follow a recolour at once.
      applyLabelColors(next.entityTypes);
      client.call('project.stats', {}).then(
        (stats) => setUsage(stats.perLabel),
        () => setUsage(null),
      );
      return next;
    } catch (error) {
      setLoadError(errorMessage(error));
      return null;
    }
  }, [client]);

  useEffect(() => {
    void reload().then((loaded) => {
      const first = loaded?.entityTypes[0];
      if (first) setSelection((s) => s ?? { kind: 'entityType', id: first.id });
    });
    // The view takes the keyboard, so that Ctrl+Z undoes schema changes straight away.
    root.current?.focus();
  }, [reload]);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast((t) => (t?.seq === toast.seq ? null : t)), 6_000);
    return () => clearTimeout(timer);
  }, [toast]);

  // After the schema changed, selects `wanted` if it still exists (or is a new one being
  // added), else the first definition of `kind`, else the first entity type; and starts
  // the form afresh from what is stored.
  const settle = (next: LabelSchema | null, wanted: SchemaSelection | null, kind: SchemaKind) => {
    if (!next) return;
    if (wanted && (wanted.id === null || selectedItem(next, wanted))) {
      setSelection(wanted);
    } else {
      const first = (kind === 'attribute' ? next.attributes : typesOf(next, kind))[0];
      const firstEntity = next.entityTypes[0];
      if (first) setSelection({ kind, id: first.id });
      else setSelection(firstEntity ? { kind: 'entityType', id: firstEntity.id } : null);
    }
    setFormSeq((n) => n + 1);
    // The form that had the keyboard is replaced; the view takes it back so that Ctrl+Z
    // keeps working.
    requestAnimationFrame(() => {
      if (document.activeElement === document.body) root.current?.focus();
    });
  };

  const history = async (direction: 'undo' | 'redo') => {
    try {
      const step = await client.call(direction === 'undo' ? 'history.undo' : 'history.redo', { documentId: null });
      if (!step) say(direction === 'undo' ? 'Nothing to undo in the schema.' : 'Nothing to redo.');
      else say(`${direction === 'undo' ? 'Undone' : 'Redone'}: ${step.label}`);
    } catch (error) {
      say(errorMessage(error));
    }
    settle(await reload(), selection, selection?.kind ?? 'entityType');
  };

  const saved = async (id: number, what: string) => {
    say(what, true);
    const kind = selection?.kind ?? 'entityType';
    settle(await reload(), { kind, id }, kind);
  };

  // Deletes a definition; one in use is only deleted once the analyst confirmed (force).
  const remove = async (target: { kind: SchemaKind; id: number; name: string }, force: boolean) => {
    if (!schema) return;
    const { kind, id, name } = target;
    try {
      const result = await client.call('schema.delete', { kind, id, force });
      if (!result.deleted) {
        setDeleting({ ...target, affected: result.affected });
        return;
      }
      setDeleting(null);
      const n = result.affected;
      const also = n > 0 ? ` and ${n.toLocaleString()} ${n === 1 ? 'annotation' : 'annotations'}` : '';
      say(`Deleted the ${KIND_NOUN[kind]} ${name}${also}`, true);
      // The selection moves to the neighbour below (or above) the deleted row.
      const list = kind === 'attribute' ? schema.attributes : typesOf(schema, kind);
      const index = list.findIndex((t) => t.id === id);
      const neighbour = list[index + 1] ?? list[index - 1];
      settle(await reload(), neighbour ? { kind, id: neighbour.id } : null, kind);
    } catch (error) {
      setDeleting(null);
      say(errorMessage(error));
    }
  };

  const onImported = async (fileName: string, report: SchemaImportReport) => {
    setImported({ fileName, report });
    settle(await reload(), selection, selection?.kind ?? 'entityType');
  };

  // Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z (or Ctrl+Y) anywhere in the view, except in a text
  // field, where they undo typing as everywhere else.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!(MAC ? event.metaKey : event.ctrlKey) || event.altKey) return;
    const target = event.target as HTMLElement;
    if (target.closest('input:not([type=checkbox]):not([type=color]), textarea, select, dialog')) return;
    const key = event.key.toLowerCase();
    if (key === 'z' || key === 'y') {
      event.preventDefault();
      void history(key === 'y' || event.shiftKey ? 'redo' : 'undo');
    }
  };

  const item = schema && selection ? selectedItem(schema, selection) : null;
  const formKey = `${selection?.kind}-${selection?.id}-${formSeq}`;
  let editor = null;
  if (schema && selection && (item || selection.id === null)) {
    const cancel = () => settle(schema, null, selection.kind);
    const onDelete = () => item && void remove({ kind: selection.kind, id: item.id, name: item.name }, false);
    editor =
      selection.kind === 'attribute' ? (
        <AttributeEditor
          key={formKey}
          attribute={item && 'target' in item ? item : null}
          schema={schema}
          onSaved={saved}
          onDelete={onDelete}
          onCancel={cancel}
        />
      ) : (
        <TypeEditor
          key={formKey}
          kind={selection.kind}
          type={item && !('target' in item) ? item : null}
          schema={schema}
          usage={item && usage ? (usage[item.name] ?? 0) : null}
          onSaved={saved}
          onDelete={onDelete}
          onCancel={cancel}
        />
      );
  }

  return (
    <div className="schema-view" ref={root} tabIndex={-1} onKeyDown={onKeyDown} data-testid="schema-view">
      <SchemaToolbar
        onUndo={() => void history('undo')}
        onRedo={() => void history('redo')}
        onImported={(name, report) => void onImported(name, report)}
        onMessage={(text) => say(text)}
        undoKey={UNDO_KEY}
        redoKey={REDO_KEY}
      />
      <div className="schema-body">
        {schema && <SchemaList schema={schema} usage={usage} selection={selection} onSelect={setSelection} />}
        <main className="schema-main" data-testid="schema-main">
          {loadError && <EmptyState icon="alert" title="The schema could not be read" detail={loadError} />}
          {editor ??
            (schema && (
              <EmptyState icon="tag" title="Nothing selected" detail="Choose a label on the left, or add one with +." />
            ))}
        </main>
      </div>
      {toast && (
        <div className="schema-toast" role="status" key={toast.seq} data-testid="schema-toast">
          <span>{toast.text}</span>
          {toast.undoable && (
            <Button variant="quiet" onClick={() => void history('undo')}>
              Undo
            </Button>
          )}
          <Button
            variant="quiet"
            icon="close"
            aria-label="Dismiss"
            onClick={() => setToast(null)}
            data-testid="toast-dismiss"
          />
        </div>
      )}
      {deleting && (
        <DeleteDialog
          request={deleting}
          onConfirm={() => void remove(deleting, true)}
          onCancel={() => setDeleting(null)}
        />
      )}
      {imported && (
        <ImportReportDialog fileName={imported.fileName} report={imported.report} onClose={() => setImported(null)} />
      )}
    </div>
  );
}

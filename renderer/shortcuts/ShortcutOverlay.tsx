// The `?` overlay: every shortcut, drawn from the keymap (keymap.ts) and the project's label
// keys, so that it cannot drift from what the keys do. A native modal <dialog>: focus stays
// inside and Escape closes it.

import { useEffect, useRef } from 'react';
import type { LabelSchema } from '../../common/model';
import { Button } from '../components/Button';
import type { LabelBinding, ShortcutGroup } from './keymap';
import { GESTURES, SHORTCUTS, isMac, keyCaps, labelBindings } from './keymap';
import './ShortcutOverlay.css';

const GROUPS: readonly ShortcutGroup[] = ['Annotate', 'Move', 'History', 'Documents', 'Help'];
const MAC = isMac(navigator.platform || navigator.userAgent);

export function ShortcutOverlay({ schema, onClose }: { schema: LabelSchema | null; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const labels = schema ? [...labelBindings(schema)] : [];

  return (
    <dialog ref={ref} className="shortcuts modal" onClose={onClose} aria-labelledby="shortcuts-title" data-testid="shortcut-overlay">
      <header className="shortcuts-header">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <form method="dialog">
          <Button type="submit" variant="quiet" icon="close" aria-label="Close" />
        </form>
      </header>
      <div className="shortcuts-body">
        <section className="shortcuts-labels" aria-label="Label keys">
          <h3>Labels</h3>
          <p className="shortcuts-hint">
            Select text and press a label&apos;s key. With a mention focused, the key relabels it.
          </p>
          <LabelKeys title="Entity types" labels={labels} kind="entity" />
          <LabelKeys title="Event types" labels={labels} kind="event" />
          <LabelKeys title="Relation types" labels={labels} kind="relation" />
        </section>
        <div className="shortcuts-columns">
          {GROUPS.map((group) => (
            <section key={group} className="shortcuts-group">
              <h3>{group}</h3>
              <dl>
                {SHORTCUTS.filter((s) => s.group === group).map((s) => (
                  <Row key={s.command} keys={s.keys} description={s.description} />
                ))}
                {GESTURES.filter((g) => g.group === group).map((g) => (
                  <Row key={g.keys} keys={[g.keys]} description={g.description} gesture />
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </dialog>
  );
}

function LabelKeys({ title, labels, kind }: { title: string; labels: [string, LabelBinding][]; kind: LabelBinding['kind'] }) {
  const mine = labels.filter(([, b]) => b.kind === kind);
  if (mine.length === 0) return null;
  const colorClass = { entity: 'mention-type', event: 'event-type', relation: 'relation-type' }[kind];
  return (
    <div className="shortcuts-label-group">
      <h4>{title}</h4>
      <ul>
        {mine.map(([key, binding]) => (
          <li key={key} className={`${colorClass}-${binding.type.id}`} title={binding.type.description}>
            <kbd>{key.toUpperCase()}</kbd>
            <span className="label-swatch" aria-hidden="true" />
            <span className="shortcuts-label-name">{binding.type.name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Row({ keys, description, gesture }: { keys: readonly string[]; description: string; gesture?: boolean }) {
  return (
    <div className="shortcuts-row">
      <dt>
        {keys.map((key, i) => (
          <span key={key} className="shortcuts-keys">
            {i > 0 && <span className="shortcuts-or">or</span>}
            {gesture ? <kbd className="gesture">{key}</kbd> : keyCaps(key, MAC).map((cap) => <kbd key={cap}>{cap}</kbd>)}
          </span>
        ))}
      </dt>
      <dd>{description}</dd>
    </div>
  );
}

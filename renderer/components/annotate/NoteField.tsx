// A free-text note (on a document or a mention) that saves itself: after a pause in typing
// and when the field loses the keyboard, so a note is never lost to a forgotten button. The
// field says when its text is saved.

import { useEffect, useRef, useState } from 'react';
import './Inspector.css';

interface NoteFieldProps {
  /** The saved note; a new value from outside (an undo) replaces the text shown. */
  value: string;
  label: string;
  placeholder: string;
  onSave: (note: string) => Promise<unknown>;
  testId?: string;
}

const PAUSE_MS = 800;

export function NoteField({ value, label, placeholder, onSave, testId }: NoteFieldProps) {
  const [text, setText] = useState(value);
  const [state, setState] = useState<'saved' | 'editing' | 'saving'>('saved');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSaved = useRef(value);

  useEffect(() => {
    // Only an outside change replaces what is being typed; our own save comes back equal.
    if (value !== lastSaved.current) {
      lastSaved.current = value;
      setText(value);
      setState('saved');
    }
  }, [value]);

  const save = async (note: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (note === lastSaved.current) {
      setState('saved');
      return;
    }
    setState('saving');
    lastSaved.current = note;
    const result = await onSave(note);
    // A failed save (the toast said why) leaves the text as typed, to be saved again.
    if (result === null) lastSaved.current = '\u0000unsaved';
    setState(result === null ? 'editing' : 'saved');
  };

  // A note still being typed when the field or the window goes away is saved, not dropped.
  const pending = useRef({ text, save });
  useEffect(() => {
    pending.current = { text, save };
  });
  useEffect(() => {
    const flush = () => {
      if (timer.current) void pending.current.save(pending.current.text);
    };
    // The window going away (closed, hidden) does not unmount the field: save then too.
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  return (
    <div className="note-field">
      <div className="note-field-label">
        <span>{label}</span>
        <span className="note-field-state" aria-live="polite">
          {state === 'saving' ? 'Saving…' : state === 'editing' ? '' : text ? 'Saved' : ''}
        </span>
      </div>
      <textarea
        value={text}
        placeholder={placeholder}
        aria-label={label}
        rows={3}
        dir="auto"
        data-testid={testId}
        onChange={(event) => {
          const note = event.target.value;
          setText(note);
          setState('editing');
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(note), PAUSE_MS);
        }}
        onBlur={() => void save(text)}
      />
    </div>
  );
}

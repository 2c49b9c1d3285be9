// Short messages about what just happened ("Undid: Add PER mention", "Deleted FAC mention
// with 1 event"), at the bottom of the document, each gone after a few seconds. Errors stay
// longer and are announced as alerts. A toast may carry one action (Undo).

import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from './Button';
import { Icon } from './Icon';
import './Toasts.css';

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

export interface ToastOptions {
  tone?: Toast['tone'];
  action?: Toast['action'];
}

const SHOWN = 3;
const INFO_MS = 4_000;
const ERROR_MS = 9_000;

/// The toasts of one view, and the functions that add and remove them.
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);

  const show = useCallback(
    (text: string, options: ToastOptions = {}) => {
      const toast: Toast = { id: nextId.current++, text, tone: options.tone ?? 'info', ...(options.action ? { action: options.action } : {}) };
      setToasts((list) => [...list, toast].slice(-SHOWN));
      timers.current.set(toast.id, setTimeout(() => dismiss(toast.id), toast.tone === 'error' ? ERROR_MS : INFO_MS));
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  return { toasts, show, dismiss };
}

export function ToastStack({ toasts, onDismiss }: { toasts: readonly Toast[]; onDismiss: (id: number) => void }) {
  return (
    <div className="toast-stack" aria-live="polite" data-testid="toasts">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'} data-testid="toast">
          {toast.tone === 'error' && <Icon name="alert" />}
          <span className="toast-text">{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                toast.action!.run();
                onDismiss(toast.id);
              }}
            >
              {toast.action.label}
            </button>
          )}
          <Button variant="quiet" icon="close" aria-label="Dismiss" className="toast-close" onClick={() => onDismiss(toast.id)} />
        </div>
      ))}
    </div>
  );
}

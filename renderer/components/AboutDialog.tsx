// "About Spanlab": version and where it runs, in a native modal <dialog> (focus trapping
// and Escape come with it).

import { useEffect, useRef } from 'react';
import type { CallOutputs } from '../../common/contract';
import { Button } from './Button';
import { Icon } from './Icon';
import './AboutDialog.css';

interface AboutDialogProps {
  info: CallOutputs['app.info'] | null;
  onClose: () => void;
}

export function AboutDialog({ info, onClose }: AboutDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog ref={ref} className="about modal" onClose={onClose} aria-labelledby="about-title" data-testid="about-dialog">
      <span className="about-mark" aria-hidden="true">
        <Icon name="layers" size={22} />
      </span>
      <h2 id="about-title">Spanlab</h2>
      <p className="about-tagline">Offline annotation of news articles: entities, events and the links between them.</p>
      {info && (
        <dl className="about-facts">
          <dt>Version</dt>
          <dd>{info.version}</dd>
          <dt>Running as</dt>
          <dd>{info.mode === 'serve' ? 'Local server (spanlab serve)' : 'Desktop app'}</dd>
          <dt>Platform</dt>
          <dd>{info.platform}</dd>
        </dl>
      )}
      <form method="dialog">
        <Button type="submit" variant="primary" autoFocus>
          Close
        </Button>
      </form>
    </dialog>
  );
}

// The right-hand panel while a mention is focused: the events it triggers first (an event is
// focused through its trigger), then the mention itself. "Document" goes back to the
// document's details, as Escape does.

import type { DocumentDetail, LabelSchema, Mention } from '../../../common/model';
import type { AnnotationActions } from '../../annotate/useAnnotationActions';
import type { Picking } from '../../editor/annotationsPlugin';
import { Icon } from '../Icon';
import { EventInspector } from './EventInspector';
import { MentionInspector } from './MentionInspector';
import '../SidePanel.css';
import './Inspector.css';

interface InspectorPanelProps {
  mention: Mention;
  detail: DocumentDetail;
  schema: LabelSchema;
  mentionText: (id: number) => string;
  picking: Picking | null;
  actions: AnnotationActions;
  onFocus: (mentionId: number | null) => void;
  onStartPicking: (picking: Picking) => void;
  onCancelPicking: () => void;
  onDelete: () => void;
}

export function InspectorPanel(props: InspectorPanelProps) {
  const { mention, detail, onFocus } = props;
  const events = detail.events.filter((e) => e.triggerMentionId === mention.id);
  const focusMention = (id: number) => onFocus(id);
  return (
    <aside className="info-panel inspector-panel" aria-label="Annotation" data-testid="inspector">
      <div className="inspector-back">
        <button type="button" className="link-button" onClick={() => onFocus(null)} data-testid="inspector-back">
          <Icon name="back" size={14} />
          Document
        </button>
        <span className="inspector-back-hint">
          <kbd>Tab</kbd> next · <kbd>Esc</kbd> close
        </span>
      </div>
      {events.map((event) => (
        <EventInspector key={event.id} {...props} event={event} onFocus={focusMention} />
      ))}
      <MentionInspector {...props} asTrigger={events.length > 0 && mention.typeId === null} onFocus={focusMention} />
    </aside>
  );
}

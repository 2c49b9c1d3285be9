// A strip above the text while a role or a relation target is being picked: what the next
// click will do, and how to get out of it.

import type { DocumentDetail, LabelSchema } from '../../../common/model';
import type { Picking } from '../../editor/annotationsPlugin';

interface PickingBannerProps {
  picking: Picking;
  detail: DocumentDetail;
  schema: LabelSchema;
  mentionText: (id: number) => string;
  onCancel: () => void;
}

export function PickingBanner({ picking, detail, schema, mentionText, onCancel }: PickingBannerProps) {
  let message: string;
  if (picking.kind === 'argument') {
    const event = detail.events.find((e) => e.id === picking.eventId);
    const type = schema.eventTypes.find((t) => t.id === event?.typeId);
    const role = type?.roles.find((r) => r.id === picking.roleId);
    const trigger = event ? mentionText(event.triggerMentionId) : '';
    message = `Fill ${role?.name ?? 'the role'} of ${type?.name ?? 'the event'} “${trigger}”: click a mention, or select text and press its type's key.`;
  } else {
    const type = schema.relationTypes.find((t) => t.id === picking.typeId);
    message = `${type?.name ?? 'Relation'} from “${mentionText(picking.fromMentionId)}”: click the mention it goes to.`;
  }
  return (
    <div className="picking-banner" role="status" data-testid="picking-banner">
      <span className="picking-dot" aria-hidden="true" />
      <span className="picking-message">{message}</span>
      <button type="button" className="picking-cancel" onClick={onCancel}>
        Cancel <kbd>Esc</kbd>
      </button>
    </div>
  );
}

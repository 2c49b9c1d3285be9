// An event in the side panel: its type (changeable), each role of the type with the
// mentions or nested events that fill it, the event's attributes, and Delete. Choosing a
// role's "+" starts picking: the next click on a mention (or text selected and given a type
// with its key) fills it. A filler whose entity type the role does not accept is shown
// with a warning, never refused: the analyst may know better than the schema.

import type { DocumentDetail, EventArgument, EventRecord, EventRole, LabelSchema } from '../../../common/model';
import type { AnnotationActions } from '../../annotate/useAnnotationActions';
import { accepts } from '../../editor/annotationLinks';
import type { Picking } from '../../editor/annotationsPlugin';
import { AttributeFields } from './AttributeFields';
import { Icon } from '../Icon';

interface EventInspectorProps {
  event: EventRecord;
  detail: DocumentDetail;
  schema: LabelSchema;
  mentionText: (id: number) => string;
  picking: Picking | null;
  actions: AnnotationActions;
  onFocus: (mentionId: number) => void;
  onStartPicking: (picking: Picking) => void;
  onCancelPicking: () => void;
}

export function EventInspector(props: EventInspectorProps) {
  const { event, detail, schema, actions, picking, onStartPicking, onCancelPicking } = props;
  const type = schema.eventTypes.find((t) => t.id === event.typeId);
  const fillers = detail.arguments.filter((a) => a.eventId === event.id);

  return (
    <section className={`inspector-section event-type-${event.typeId}`} aria-label="Focused event" data-testid="event-inspector" data-event-id={event.id}>
      <header className="inspector-head">
        <h2 className="info-heading">Event</h2>
      </header>
      <label className="inspector-label">
        <span className="label-swatch" aria-hidden="true" />
        <span className="visually-hidden">Event type</span>
        <select
          className="inspector-select"
          value={event.typeId}
          onChange={(e) => void actions.updateEvent(event.id, { typeId: Number(e.target.value) })}
          data-testid="event-type"
        >
          {schema.eventTypes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      {type?.description && <p className="inspector-description">{type.description}</p>}

      <div className="inspector-block">
        <h3 className="inspector-subheading">Arguments</h3>
        <ul className="role-list">
          {type?.roles.map((role) => (
            <RoleRow
              {...props}
              key={role.id}
              role={role}
              fillers={fillers.filter((a) => a.roleId === role.id)}
              picking={picking?.kind === 'argument' && picking.eventId === event.id && picking.roleId === role.id}
              onPick={() => onStartPicking({ kind: 'argument', eventId: event.id, roleId: role.id })}
              onCancel={onCancelPicking}
            />
          ))}
        </ul>
      </div>

      <div className="inspector-block">
        <h3 className="inspector-subheading">Attributes</h3>
        <AttributeFields
          definitions={schema.attributes.filter((a) => a.target === 'event')}
          values={event.attributes}
          onChange={(attributes) => void actions.updateEvent(event.id, { attributes })}
        />
      </div>

      <div className="inspector-actions">
        <button type="button" className="danger-button" onClick={() => void actions.deleteEvent(event.id)} data-testid="event-delete">
          Delete event
        </button>
      </div>
    </section>
  );
}

interface RoleRowProps extends Omit<EventInspectorProps, 'picking'> {
  role: EventRole;
  fillers: readonly EventArgument[];
  picking: boolean;
  onPick: () => void;
  onCancel: () => void;
}

function RoleRow({ role, fillers, picking, onPick, onCancel, detail, schema, mentionText, actions, onFocus }: RoleRowProps) {
  const typeName = (id: number | null) => schema.entityTypes.find((t) => t.id === id)?.name;
  const acceptedNames = role.accepts.map((id) => typeName(id)).filter(Boolean).join(', ');
  const canAdd = role.repeatable || fillers.length === 0;
  return (
    <li className={`role-row${picking ? ' is-picking' : ''}`} data-testid="role-row" data-role={role.name}>
      <div className="role-head">
        <span className="role-name" title={acceptedNames ? `Takes ${acceptedNames}` : 'Takes any entity type'}>
          {role.name}
        </span>
        {canAdd && !picking && (
          <button type="button" className="icon-button role-add" aria-label={`Fill ${role.name}`} title={`Fill ${role.name}: then click a mention`} onClick={onPick} data-testid="role-add">
            <Icon name="plus" size={14} />
          </button>
        )}
      </div>
      {fillers.length > 0 && (
        <ul className="filler-list">
          {fillers.map((argument) => {
            const mention = argument.mentionId !== null ? detail.mentions.find((m) => m.id === argument.mentionId) : undefined;
            const nested = argument.argEventId !== null ? detail.events.find((e) => e.id === argument.argEventId) : undefined;
            const target = mention?.id ?? nested?.triggerMentionId;
            const mismatch = mention !== undefined && !accepts(role.accepts, mention.typeId);
            const kind = mention ? typeName(mention.typeId) : nested ? schema.eventTypes.find((t) => t.id === nested.typeId)?.name : undefined;
            const colour = mention ? `mention-type-${mention.typeId ?? 'none'}` : nested ? `event-type-${nested.typeId}` : '';
            return (
              <li key={argument.id} className={`filler ${colour}`} data-testid="filler">
                <button type="button" className="filler-text" onClick={() => target !== undefined && onFocus(target)} title="Go to this mention">
                  {target !== undefined ? mentionText(target) : '(missing)'}
                </button>
                {kind && <span className="filler-type">{kind}</span>}
                <button type="button" className="icon-button" aria-label={`Remove ${role.name} argument`} onClick={() => void actions.deleteArgument(argument.id)}>
                  <Icon name="close" size={13} />
                </button>
                {mismatch && (
                  <span className="filler-warning" data-testid="filler-warning">
                    <Icon name="alert" size={12} />
                    {role.name} takes {acceptedNames}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {picking && (
        <p className="picking-hint" data-testid="role-picking">
          Click a mention or another event&apos;s trigger — or select new text and press its type&apos;s key.{' '}
          <button type="button" className="link-button" onClick={onCancel}>
            Cancel
          </button>
        </p>
      )}
    </li>
  );
}

// The focused mention in the side panel: its text and offsets, its label (changeable), its
// attributes and note, its entity link, its relations and the events it takes part in, and
// Delete. Every change is a contract call through the document's actions.

import type { DocumentDetail, LabelSchema, Mention } from '../../../common/model';
import type { AnnotationActions } from '../../annotate/useAnnotationActions';
import type { Picking } from '../../editor/annotationsPlugin';
import { keyOfLabel, labelBindings } from '../../shortcuts/keymap';
import { AttributeFields } from './AttributeFields';
import { EntityLinker } from './EntityLinker';
import { NoteField } from './NoteField';
import { RelationList } from './RelationList';

interface MentionInspectorProps {
  mention: Mention;
  detail: DocumentDetail;
  schema: LabelSchema;
  mentionText: (id: number) => string;
  picking: Picking | null;
  actions: AnnotationActions;
  /** A trigger's span is shown briefly below its event: no label, entity or relations. */
  asTrigger: boolean;
  onFocus: (mentionId: number) => void;
  onStartPicking: (picking: Picking) => void;
  onCancelPicking: () => void;
  onDelete: () => void;
}

export function MentionInspector(props: MentionInspectorProps) {
  const { mention, detail, schema, mentionText, picking, actions, asTrigger, onFocus, onStartPicking, onCancelPicking, onDelete } = props;
  const text = mentionText(mention.id);
  const bindings = labelBindings(schema);
  const linked = detail.entities.find((e) => e.id === mention.entityId) ?? null;
  const roles = new Map(schema.eventTypes.flatMap((t) => t.roles.map((r) => [r.id, r] as const)));
  const eventNames = new Map(schema.eventTypes.map((t) => [t.id, t.name]));
  const usedIn = detail.arguments.filter((a) => a.mentionId === mention.id);
  const relationPicking = picking?.kind === 'relation' && picking.fromMentionId === mention.id ? picking.typeId : null;

  return (
    <section
      className={`inspector-section mention-type-${mention.typeId ?? 'none'}`}
      aria-label="Focused mention"
      data-testid="mention-inspector"
      data-mention-id={mention.id}
    >
      <header className="inspector-head">
        <h2 className="info-heading">{asTrigger ? 'Trigger span' : 'Mention'}</h2>
        <span className="inspector-offsets" title="Code-point offsets (Python's text[start:end])" data-testid="mention-offsets">
          {mention.start}–{mention.end}
        </span>
      </header>
      <blockquote className="inspector-quote" dir="auto" data-testid="mention-text">
        {text}
      </blockquote>

      {!asTrigger && (
        <label className={`inspector-label mention-type-${mention.typeId ?? 'none'}`}>
          <span className="label-swatch" aria-hidden="true" />
          <span className="visually-hidden">Label</span>
          <select
            className="inspector-select"
            value={mention.typeId ?? ''}
            onChange={(event) => void actions.updateMention(mention.id, { typeId: event.target.value ? Number(event.target.value) : null })}
            data-testid="mention-label"
          >
            <option value="">No label</option>
            {schema.entityTypes.map((type) => {
              const key = keyOfLabel(bindings, 'entity', type.id);
              return (
                <option key={type.id} value={type.id}>
                  {type.name}
                  {key ? `  (${key})` : ''}
                </option>
              );
            })}
          </select>
        </label>
      )}

      {usedIn.length > 0 && (
        <div className="inspector-block">
          <h3 className="inspector-subheading">In events</h3>
          <ul className="used-in">
            {usedIn.map((argument) => {
              const event = detail.events.find((e) => e.id === argument.eventId);
              if (!event) return null;
              return (
                <li key={argument.id}>
                  <span className="filler-role">{roles.get(argument.roleId)?.name ?? 'Argument'}</span> of{' '}
                  <button type="button" className={`link-button event-type-${event.typeId}`} onClick={() => onFocus(event.triggerMentionId)}>
                    {eventNames.get(event.typeId) ?? 'an event'} “{mentionText(event.triggerMentionId)}”
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}

      {!asTrigger && (
        <>
          <div className="inspector-block">
            <h3 className="inspector-subheading">Attributes</h3>
            <AttributeFields
              definitions={schema.attributes.filter((a) => a.target === 'mention')}
              values={mention.attributes}
              onChange={(attributes) => void actions.updateMention(mention.id, { attributes })}
            />
          </div>
          <div className="inspector-block">
            <h3 className="inspector-subheading">Entity</h3>
            <EntityLinker
              mention={mention}
              text={text}
              linked={linked}
              entityTypes={schema.entityTypes}
              onLink={(entity) => void actions.linkEntity(mention.id, entity)}
              onCreate={(name) => void actions.createEntityFor(mention.id, name, mention.typeId)}
            />
          </div>
          <div className="inspector-block">
            <h3 className="inspector-subheading">Relations</h3>
            <RelationList
              mention={mention}
              relations={detail.relations}
              relationTypes={schema.relationTypes}
              mentionText={mentionText}
              picking={relationPicking}
              onStart={(typeId) => onStartPicking({ kind: 'relation', fromMentionId: mention.id, typeId })}
              onCancel={onCancelPicking}
              onDelete={(relation) => void actions.deleteRelation(relation.id)}
              onFocus={onFocus}
            />
          </div>
          <div className="inspector-block">
            <NoteField
              key={mention.id}
              label="Note"
              placeholder="A note on this mention"
              value={mention.note}
              onSave={(note) => actions.updateMention(mention.id, { note })}
              testId="mention-note"
            />
          </div>
        </>
      )}

      <div className="inspector-actions">
        <button
          type="button"
          className="danger-button"
          onClick={onDelete}
          title={asTrigger ? 'Deletes the span and the events it triggers' : 'Deletes the mention and the events and relations that use it'}
          data-testid="mention-delete"
        >
          {asTrigger ? 'Delete span' : 'Delete mention'}
          <kbd>Del</kbd>
        </button>
      </div>
    </section>
  );
}

// The relations a mention takes part in, each with its direction, type and the mention at
// the other end (click it to go there); and the start of a new one: pick a type, then click
// the other mention in the text.

import type { Mention, Relation, RelationType } from '../../../common/model';
import { Icon } from '../Icon';

interface RelationListProps {
  mention: Mention;
  relations: readonly Relation[];
  relationTypes: readonly RelationType[];
  mentionText: (id: number) => string;
  /** The relation type being picked a target for, if any. */
  picking: number | null;
  onStart: (typeId: number) => void;
  onCancel: () => void;
  onDelete: (relation: Relation) => void;
  onFocus: (mentionId: number) => void;
}

export function RelationList(props: RelationListProps) {
  const { mention, relations, relationTypes, mentionText, picking, onStart, onCancel, onDelete, onFocus } = props;
  const mine = relations.filter((r) => r.fromMentionId === mention.id || r.toMentionId === mention.id);
  const typeName = (id: number) => relationTypes.find((t) => t.id === id)?.name ?? 'Relation';
  return (
    <div className="relation-list" data-testid="relation-list">
      {mine.length > 0 && (
        <ul className="filler-list">
          {mine.map((relation) => {
            const outgoing = relation.fromMentionId === mention.id;
            const other = outgoing ? relation.toMentionId : relation.fromMentionId;
            return (
              <li key={relation.id} className={`filler relation-type-${relation.typeId}`} data-testid="relation">
                <span className="filler-role">{outgoing ? '→' : '←'} {typeName(relation.typeId)}</span>
                <button type="button" className="filler-text" onClick={() => onFocus(other)} title="Go to this mention">
                  {mentionText(other)}
                </button>
                <button type="button" className="icon-button" aria-label={`Delete ${typeName(relation.typeId)} relation`} onClick={() => onDelete(relation)}>
                  <Icon name="close" size={13} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {picking !== null ? (
        <p className="picking-hint" data-testid="relation-picking">
          Click the mention this one is <strong>{typeName(picking)}</strong> to.{' '}
          <button type="button" className="link-button" onClick={onCancel}>
            Cancel
          </button>
        </p>
      ) : (
        relationTypes.length > 0 && (
          <select
            className="inspector-select add-select"
            value=""
            aria-label="Add a relation"
            onChange={(event) => event.target.value && onStart(Number(event.target.value))}
            data-testid="relation-add"
          >
            <option value="">Add relation…</option>
            {relationTypes.map((type) => (
              <option key={type.id} value={type.id}>
                {type.name}
              </option>
            ))}
          </select>
        )
      )}
    </div>
  );
}

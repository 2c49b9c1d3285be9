// What the schema view has selected: one type or attribute, or a new one being added.

import type { AttributeDef, EntityType, EventType, LabelSchema, RelationType } from '../../common/model';
import type { LabelKind } from '../../core/labelPalette';

/** The four kinds of definition, named as `schema.delete` names them. */
export type SchemaKind = 'entityType' | 'eventType' | 'relationType' | 'attribute';
export type TypeKind = Exclude<SchemaKind, 'attribute'>;

export interface SchemaSelection {
  kind: SchemaKind;
  /** null: a new definition, not saved yet. */
  id: number | null;
}

/** How each kind is spoken of, and the palette of each kind of type. */
export const KIND_NOUN: Record<SchemaKind, string> = {
  entityType: 'entity type',
  eventType: 'event type',
  relationType: 'relation type',
  attribute: 'attribute',
};
export const KIND_PALETTE: Record<TypeKind, LabelKind> = {
  entityType: 'entity',
  eventType: 'event',
  relationType: 'relation',
};

/// The types of a kind, in display order.
export function typesOf(schema: LabelSchema, kind: TypeKind): (EntityType | EventType | RelationType)[] {
  if (kind === 'entityType') return schema.entityTypes;
  if (kind === 'eventType') return schema.eventTypes;
  return schema.relationTypes;
}

/// The selected definition, or null when it is new or no longer exists.
export function selectedItem(
  schema: LabelSchema,
  selection: SchemaSelection,
): EntityType | EventType | RelationType | AttributeDef | null {
  const list = selection.kind === 'attribute' ? schema.attributes : typesOf(schema, selection.kind);
  return list.find((item) => item.id === selection.id) ?? null;
}

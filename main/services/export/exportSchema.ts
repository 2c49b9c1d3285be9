// The project's label schema as an export needs it: by name, in the order the project
// lists it (core/defaultSchema.ts's SchemaSeed, which is also what the spanlab-jsonl header
// carries), with its ids (for the brat export's annotation.conf, written as the Schema view
// writes it), and the names behind the ids that annotation rows hold.

import type { AttributeTarget, LabelSchema } from '../../../common/model';
import type { SchemaSeed } from '../../../core/defaultSchema';
import type { Connection } from '../../../db/openDatabase';

export interface ExportSchema {
  seed: SchemaSeed;
  /** The same schema with its ids, as the Schema view has it. */
  labels: LabelSchema;
  entityTypes: Map<number, string>;
  eventTypes: Map<number, string>;
  roles: Map<number, string>;
  relationTypes: Map<number, string>;
}

interface TypeRow {
  id: number;
  name: string;
  color: string;
  hotkey: string | null;
  description: string;
}

/// Reads the schema (the caller holds the read transaction the export runs in).
export function readExportSchema(db: Connection): ExportSchema {
  const types = (table: string) =>
    db.prepare<[], TypeRow>(`SELECT id, name, color, hotkey, description FROM ${table} ORDER BY position, id`).all();
  const entityTypes = types('entity_types');
  const eventTypes = types('event_types');
  const relationTypes = types('relation_types');
  const roles = db
    .prepare<[], { id: number; event_type_id: number; name: string; repeatable: number }>(
      'SELECT id, event_type_id, name, repeatable FROM event_roles ORDER BY position, id',
    )
    .all();
  const accepts = db
    .prepare<[], { role_id: number; entity_type_id: number }>('SELECT role_id, entity_type_id FROM event_role_accepts')
    .all();
  const attributes = db
    .prepare<[], { id: number; target: AttributeTarget; name: string; values: string; default_value: string | null }>(
      'SELECT id, target, name, "values", default_value FROM attribute_defs ORDER BY target, position, id',
    )
    .all();

  const entityNames = new Map(entityTypes.map((t) => [t.id, t.name]));
  const entityOrder = new Map(entityTypes.map((t, i) => [t.id, i]));
  const seedType = (t: TypeRow) => ({ name: t.name, color: t.color, hotkey: t.hotkey, description: t.description });
  const acceptedBy = (roleId: number) =>
    accepts
      .filter((a) => a.role_id === roleId)
      .sort((a, b) => entityOrder.get(a.entity_type_id)! - entityOrder.get(b.entity_type_id)!)
      .map((a) => a.entity_type_id);
  const labels: LabelSchema = {
    entityTypes,
    eventTypes: eventTypes.map((t) => ({
      ...t,
      roles: roles
        .filter((r) => r.event_type_id === t.id)
        .map((r) => ({ id: r.id, eventTypeId: t.id, name: r.name, accepts: acceptedBy(r.id), repeatable: r.repeatable === 1 })),
    })),
    relationTypes,
    attributes: attributes.map((a) => ({
      id: a.id,
      target: a.target,
      name: a.name,
      values: JSON.parse(a.values) as string[],
      defaultValue: a.default_value,
    })),
  };
  return {
    labels,
    seed: {
      entityTypes: entityTypes.map(seedType),
      eventTypes: eventTypes.map((t) => ({
        ...seedType(t),
        roles: roles
          .filter((r) => r.event_type_id === t.id)
          .map((r) => ({
            name: r.name,
            accepts: acceptedBy(r.id).map((id) => entityNames.get(id)!),
            repeatable: r.repeatable === 1,
          })),
      })),
      relationTypes: relationTypes.map(seedType),
      attributes: labels.attributes.map((a) => ({ target: a.target, name: a.name, values: a.values, defaultValue: a.defaultValue })),
    },
    entityTypes: entityNames,
    eventTypes: new Map(eventTypes.map((t) => [t.id, t.name])),
    roles: new Map(roles.map((r) => [r.id, r.name])),
    relationTypes: new Map(relationTypes.map((t) => [t.id, t.name])),
  };
}

// The project's label schema: entity, event and relation types, event roles and the
// attributes of annotations. Annotations refer to types by id, so a rename or recolour
// shows everywhere at once; attributes are stored by name inside each annotation's JSON,
// so renaming or deleting one rewrites those annotations (recorded, undoable). All schema
// actions are on the project-wide stack (scope null).

import type { Statement } from 'better-sqlite3';
import type { ValidInput } from '../../common/contract';
import { SpanlabError } from '../../common/errors';
import type {
  AttributeDef,
  AttributeTarget,
  EntityType,
  EventRole,
  EventType,
  LabelSchema,
  RelationType,
} from '../../common/model';
import type { ChangeRecorder, Row } from '../../db/changeRecorder';
import type { Connection } from '../../db/openDatabase';
import type { AnnotationRemoval } from './annotationRemoval';

type TypeTable = 'entity_types' | 'event_types' | 'relation_types';
type AnnotationTable = 'mentions' | 'events' | 'relations';

interface TypeRow {
  id: number;
  name: string;
  color: string;
  hotkey: string | null;
  description: string;
}
interface RoleRow {
  id: number;
  event_type_id: number;
  name: string;
  repeatable: number;
}
interface AcceptRow {
  role_id: number;
  entity_type_id: number;
}
interface AttributeRow {
  id: number;
  target: AttributeTarget;
  name: string;
  values: string;
  default_value: string | null;
}
/** What saving any of the three kinds of type needs. */
interface TypeInput {
  id?: number | undefined;
  name: string;
  color: string;
  hotkey: string | null;
  description?: string | undefined;
}

interface TypeStatements {
  all: Statement<[], TypeRow>;
  get: Statement<[number], TypeRow>;
  /** A type with this name (any case), other than the given id. */
  named: Statement<[string, number | null], string>;
  /** A type with this hotkey (any case), other than the given id. */
  hotkey: Statement<[string, number | null], string>;
  nextPosition: Statement<[], number>;
  /** Annotations of the type. */
  users: Statement<[number], number>;
}

const TYPE_NOUN: Record<TypeTable, string> = {
  entity_types: 'entity type',
  event_types: 'event type',
  relation_types: 'relation type',
};
const TYPE_TABLES = Object.keys(TYPE_NOUN) as TypeTable[];
const TYPE_USERS: Record<TypeTable, AnnotationTable> = {
  entity_types: 'mentions',
  event_types: 'events',
  relation_types: 'relations',
};
const ATTRIBUTE_HOLDERS: Record<AttributeTarget, AnnotationTable> = {
  mention: 'mentions',
  event: 'events',
  relation: 'relations',
};
const DELETED_KIND: Record<Exclude<ValidInput<'schema.delete'>['kind'], 'attribute'>, TypeTable> = {
  entityType: 'entity_types',
  eventType: 'event_types',
  relationType: 'relation_types',
};

export class LabelSchemaEditor {
  private readonly types: Record<TypeTable, TypeStatements>;
  private readonly withAttribute: Record<AnnotationTable, Statement<[string], { id: number; attributes: string }>>;
  private readonly roles: Statement<[], RoleRow>;
  private readonly rolesOf: Statement<[number], RoleRow>;
  private readonly accepts: Statement<[], AcceptRow>;
  private readonly acceptsOf: Statement<[number], number>;
  private readonly roleUses: Statement<[number], number>;
  private readonly entityTypeExists: Statement<[number], number>;
  private readonly attributes: Statement<[], AttributeRow>;
  private readonly attribute: Statement<[number], AttributeRow>;
  private readonly attributeNamed: Statement<[string, string, number | null], string>;
  private readonly attributeNextPosition: Statement<[string], number>;

  constructor(
    db: Connection,
    private readonly recorder: ChangeRecorder,
    private readonly removal: AnnotationRemoval,
  ) {
    const typeStatements = (t: TypeTable): TypeStatements => ({
      all: db.prepare(`SELECT id, name, color, hotkey, description FROM ${t} ORDER BY position, id`),
      get: db.prepare(`SELECT id, name, color, hotkey, description FROM ${t} WHERE id = ?`),
      named: db
        .prepare<[string, number | null], string>(`SELECT name FROM ${t} WHERE name = ? COLLATE NOCASE AND id IS NOT ?`)
        .pluck(),
      hotkey: db
        .prepare<[string, number | null], string>(
          `SELECT name FROM ${t} WHERE hotkey = ? COLLATE NOCASE AND id IS NOT ?`,
        )
        .pluck(),
      nextPosition: db.prepare<[], number>(`SELECT coalesce(max(position), -1) + 1 FROM ${t}`).pluck(),
      users: db.prepare<[number], number>(`SELECT id FROM ${TYPE_USERS[t]} WHERE type_id = ? ORDER BY id`).pluck(),
    });
    this.types = {
      entity_types: typeStatements('entity_types'),
      event_types: typeStatements('event_types'),
      relation_types: typeStatements('relation_types'),
    };
    const holders = (t: AnnotationTable) =>
      db.prepare<[string], { id: number; attributes: string }>(
        `SELECT id, attributes FROM ${t} a
         WHERE EXISTS (SELECT 1 FROM json_each(a.attributes) WHERE key = ?) ORDER BY id`,
      );
    this.withAttribute = { mentions: holders('mentions'), events: holders('events'), relations: holders('relations') };
    const roleColumns = 'id, event_type_id, name, repeatable';
    this.roles = db.prepare(`SELECT ${roleColumns} FROM event_roles ORDER BY event_type_id, position, id`);
    this.rolesOf = db.prepare(`SELECT ${roleColumns} FROM event_roles WHERE event_type_id = ? ORDER BY position, id`);
    this.accepts = db.prepare(
      'SELECT role_id, entity_type_id FROM event_role_accepts ORDER BY role_id, entity_type_id',
    );
    this.acceptsOf = db
      .prepare<[number], number>('SELECT entity_type_id FROM event_role_accepts WHERE role_id = ? ORDER BY entity_type_id')
      .pluck();
    this.roleUses = db.prepare<[number], number>('SELECT count(*) FROM event_arguments WHERE role_id = ?').pluck();
    this.entityTypeExists = db.prepare<[number], number>('SELECT count(*) FROM entity_types WHERE id = ?').pluck();
    const attributeColumns = 'id, target, name, "values", default_value';
    this.attributes = db.prepare(`SELECT ${attributeColumns} FROM attribute_defs ORDER BY target, position, id`);
    this.attribute = db.prepare(`SELECT ${attributeColumns} FROM attribute_defs WHERE id = ?`);
    this.attributeNamed = db
      .prepare<[string, string, number | null], string>(
        'SELECT name FROM attribute_defs WHERE target = ? AND name = ? COLLATE NOCASE AND id IS NOT ?',
      )
      .pluck();
    this.attributeNextPosition = db
      .prepare<[string], number>('SELECT coalesce(max(position), -1) + 1 FROM attribute_defs WHERE target = ?')
      .pluck();
  }

  /// The whole schema, each list in its display order.
  get(): LabelSchema {
    // Grouped once: filtering every role for every type (and every accepted type for every
    // role) made a schema of thousands of types, as a large annotation.conf brings,
    // quadratic to read — and it is read after each type saved.
    const accepts = groupBy(this.accepts.all(), (a) => a.role_id);
    const roles = groupBy(
      this.roles.all().map((row) => toRole(row, accepts.get(row.id)?.map((a) => a.entity_type_id) ?? [])),
      (r) => r.eventTypeId,
    );
    return {
      entityTypes: this.types.entity_types.all.all(),
      eventTypes: this.types.event_types.all.all().map((type) => ({ ...type, roles: roles.get(type.id) ?? [] })),
      relationTypes: this.types.relation_types.all.all(),
      attributes: this.attributes.all().map(toAttribute),
    };
  }

  saveEntityType(input: ValidInput<'schema.saveEntityType'>): EntityType {
    return this.saveType('entity_types', input);
  }

  saveRelationType(input: ValidInput<'schema.saveRelationType'>): RelationType {
    return this.saveType('relation_types', input);
  }

  /// Saves an event type with its full list of roles: roles with an id are updated, new
  /// ones added, missing ones removed — unless arguments use them (`conflict`).
  saveEventType(input: ValidInput<'schema.saveEventType'>): EventType {
    if (input.id !== undefined) this.typeRow('event_types', input.id);
    const existing = input.id === undefined ? [] : this.rolesOf.all(input.id);
    this.checkRoles(input.roles, existing);
    const removed = existing.filter((r) => !input.roles.some((role) => role.id === r.id));
    for (const role of removed) {
      const uses = this.roleUses.get(role.id)!;
      if (uses > 0) {
        throw new SpanlabError(
          'conflict',
          `The role "${role.name}" fills ${uses} argument(s); delete those arguments before removing the role.`,
        );
      }
    }

    const id = this.recorder.action(this.typeLabel('event_types', input), null, () => {
      const typeId = this.writeType('event_types', input);
      for (const role of removed) this.recorder.delete('event_roles', role.id);
      // Renamed roles go through a temporary name first, so that swapping two roles' names
      // never meets the UNIQUE (event_type_id, name) constraint halfway.
      for (const role of input.roles) {
        const before = existing.find((r) => r.id === role.id);
        if (before && before.name !== role.name) {
          this.recorder.update('event_roles', before.id, { name: `\u0000renaming ${before.id}` });
        }
      }
      for (const [position, role] of input.roles.entries()) {
        const values: Row = { name: role.name, repeatable: role.repeatable ? 1 : 0, position };
        let roleId = role.id;
        if (roleId === undefined) roleId = this.recorder.insert('event_roles', { ...values, event_type_id: typeId });
        else this.recorder.update('event_roles', roleId, values);
        this.writeAccepts(roleId, role.accepts);
      }
      return typeId;
    });
    const roles = this.rolesOf.all(id).map((row) => toRole(row, this.acceptsOf.all(row.id)));
    return { ...this.typeRow('event_types', id), roles };
  }

  /// Saves an attribute definition. Renaming it renames the key in every annotation of its
  /// target that has it. Its target cannot change.
  saveAttribute(input: ValidInput<'schema.saveAttribute'>): AttributeDef {
    const before = input.id === undefined ? undefined : this.attributeRow(input.id);
    if (before && before.target !== input.target) {
      throw new SpanlabError(
        'invalid_input',
        'An attribute cannot move to another kind of annotation; add a new one instead.',
        'target',
      );
    }
    if (new Set(input.values).size !== input.values.length) {
      throw new SpanlabError('invalid_input', 'Two values are the same.', 'values');
    }
    const allowed = input.values.length === 0 ? ['true', 'false'] : input.values;
    if (input.defaultValue !== null && !allowed.includes(input.defaultValue)) {
      const message = `The default must be one of ${allowed.join(', ')}, or none.`;
      throw new SpanlabError('invalid_input', message, 'defaultValue');
    }
    const clash = this.attributeNamed.get(input.target, input.name, input.id ?? null);
    if (clash !== undefined) {
      const what = `${article(input.target)} ${input.target} attribute`;
      throw new SpanlabError('conflict', `There is already ${what} named "${clash}".`, 'name');
    }

    const row: Row = {
      target: input.target,
      name: input.name,
      values: JSON.stringify(input.values),
      default_value: input.defaultValue,
    };
    let label = `Edit attribute ${input.name}`;
    if (!before) label = `Add attribute ${input.name}`;
    else if (before.name !== input.name) label = `Rename attribute ${before.name} to ${input.name}`;
    const id = this.recorder.action(label, null, () => {
      if (!before) {
        const position = this.attributeNextPosition.get(input.target)!;
        return this.recorder.insert('attribute_defs', { ...row, position });
      }
      this.recorder.update('attribute_defs', before.id, row);
      if (before.name !== input.name) this.rewriteAttribute(before.target, before.name, input.name);
      return before.id;
    });
    return toAttribute(this.attributeRow(id));
  }

  /// Deletes a type or attribute. In use and without `force`, nothing is deleted and
  /// `affected` says how many annotations would go (or, for an attribute, lose the value).
  delete(input: ValidInput<'schema.delete'>): { deleted: boolean; affected: number } {
    if (input.kind === 'attribute') {
      const attribute = this.attributeRow(input.id);
      const holders = this.withAttribute[ATTRIBUTE_HOLDERS[attribute.target]].all(attribute.name);
      if (holders.length > 0 && !input.force) return { deleted: false, affected: holders.length };
      this.recorder.action(`Delete attribute ${attribute.name}`, null, () => {
        this.rewriteAttribute(attribute.target, attribute.name, null);
        this.recorder.delete('attribute_defs', attribute.id);
      });
      return { deleted: true, affected: holders.length };
    }
    const table = DELETED_KIND[input.kind];
    const type = this.typeRow(table, input.id);
    const users = this.types[table].users.all(type.id);
    if (users.length > 0 && !input.force) return { deleted: false, affected: users.length };
    this.recorder.action(`Delete ${TYPE_NOUN[table]} ${type.name}`, null, () => {
      for (const id of users) {
        if (table === 'entity_types') this.removal.mention(id);
        else if (table === 'event_types') this.removal.event(id, true);
        else this.recorder.delete('relations', id);
      }
      // The recorder also unlinks entities of this type and drops it from roles' accepts,
      // and takes an event type's roles along.
      this.recorder.delete(table, type.id);
    });
    return { deleted: true, affected: users.length };
  }

  private saveType(table: 'entity_types' | 'relation_types', input: TypeInput): TypeRow {
    const id = this.recorder.action(this.typeLabel(table, input), null, () => this.writeType(table, input));
    return this.typeRow(table, id);
  }

  // Inserts or updates the type row itself; the caller's action wraps it. Names are unique
  // per kind and hotkeys across all kinds (one key, one label), both regardless of case.
  private writeType(table: TypeTable, input: TypeInput): number {
    const clash = this.types[table].named.get(input.name, input.id ?? null);
    if (clash !== undefined) {
      const what = `${article(TYPE_NOUN[table])} ${TYPE_NOUN[table]}`;
      throw new SpanlabError('conflict', `There is already ${what} named "${clash}".`, 'name');
    }
    if (input.hotkey !== null) {
      for (const other of TYPE_TABLES) {
        const user = this.types[other].hotkey.get(input.hotkey, other === table ? (input.id ?? null) : null);
        if (user !== undefined) {
          const message = `The key ${input.hotkey} is already used by the ${TYPE_NOUN[other]} ${user}.`;
          throw new SpanlabError('conflict', message, 'hotkey');
        }
      }
    }
    const row: Row = { name: input.name, color: input.color, hotkey: input.hotkey };
    if (input.description !== undefined) row.description = input.description;
    if (input.id === undefined) {
      return this.recorder.insert(table, { ...row, position: this.types[table].nextPosition.get()! });
    }
    this.recorder.update(table, input.id, row);
    return input.id;
  }

  // Role names are unique within the type (any case); ids must be the type's own roles;
  // accepted types must exist.
  private checkRoles(roles: ValidInput<'schema.saveEventType'>['roles'], existing: readonly RoleRow[]): void {
    const seen = new Set<string>();
    for (const [i, role] of roles.entries()) {
      const key = role.name.toLowerCase();
      if (seen.has(key)) throw new SpanlabError('conflict', `Two roles are named "${role.name}".`, `roles.${i}.name`);
      seen.add(key);
      if (role.id !== undefined && !existing.some((r) => r.id === role.id)) {
        throw new SpanlabError('not_found', `Role ${role.id} is not a role of this event type.`, `roles.${i}.id`);
      }
      for (const typeId of role.accepts) {
        if (this.entityTypeExists.get(typeId) === 0) {
          throw new SpanlabError('not_found', `There is no entity type ${typeId}.`, `roles.${i}.accepts`);
        }
      }
    }
  }

  private writeAccepts(roleId: number, accepts: readonly number[]): void {
    const current = this.acceptsOf.all(roleId);
    const wanted = [...new Set(accepts)];
    for (const typeId of current) {
      if (wanted.includes(typeId)) continue;
      this.recorder.delete('event_role_accepts', { role_id: roleId, entity_type_id: typeId });
    }
    for (const typeId of wanted) {
      if (current.includes(typeId)) continue;
      this.recorder.insert('event_role_accepts', { role_id: roleId, entity_type_id: typeId });
    }
  }

  private typeLabel(table: TypeTable, input: TypeInput): string {
    const noun = TYPE_NOUN[table];
    if (input.id === undefined) return `Add ${noun} ${input.name}`;
    const before = this.typeRow(table, input.id);
    return before.name !== input.name ? `Rename ${noun} ${before.name} to ${input.name}` : `Edit ${noun} ${input.name}`;
  }

  private typeRow(table: TypeTable, id: number): TypeRow {
    const row = this.types[table].get.get(id);
    if (!row) throw new SpanlabError('not_found', `There is no ${TYPE_NOUN[table]} ${id}.`, 'id');
    return row;
  }

  private attributeRow(id: number): AttributeRow {
    const row = this.attribute.get(id);
    if (!row) throw new SpanlabError('not_found', `There is no attribute ${id}.`, 'id');
    return row;
  }

  // Renames (or with `to` null removes) an attribute key in every annotation that has it,
  // keeping the order of the other keys.
  private rewriteAttribute(target: AttributeTarget, from: string, to: string | null): void {
    const table = ATTRIBUTE_HOLDERS[target];
    for (const row of this.withAttribute[table].all(from)) {
      const entries = Object.entries(JSON.parse(row.attributes) as Record<string, unknown>);
      const rewritten = entries.flatMap(([key, value]) => {
        if (key !== from) return [[key, value]];
        return to === null ? [] : [[to, value]];
      });
      this.recorder.update(table, row.id, { attributes: JSON.stringify(Object.fromEntries(rewritten)) });
    }
  }
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? 'an' : 'a';
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

// A role with the ids of the entity types it accepts.
function toRole(row: RoleRow, accepts: number[]): EventRole {
  return {
    id: row.id,
    eventTypeId: row.event_type_id,
    name: row.name,
    accepts,
    repeatable: row.repeatable === 1,
  };
}

function toAttribute(row: AttributeRow): AttributeDef {
  return {
    id: row.id,
    target: row.target,
    name: row.name,
    values: JSON.parse(row.values) as string[],
    defaultValue: row.default_value,
  };
}

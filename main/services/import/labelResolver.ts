// Label names in imported files → the project's type ids. A name matches a type of its kind
// regardless of case, or through brat's storage form (`Conflict_Attack` is our
// `Conflict.Attack`); a name the schema lacks gets a new type with the first palette colour
// no label uses yet (core/labelPalette.ts), and the report lists it. Event roles
// and attribute definitions are added the same way. These writes are part of the import,
// not undoable actions, and run in the import's own transactions: after a rollback the
// resolver forgets what it made (reset), after a commit it reports it (commit).

import type { Statement } from 'better-sqlite3';
import type { CreatedSchema } from '../../../common/importReport';
import type { AttributeTarget } from '../../../common/model';
import { storageForm } from '../../../core/brat/annotationConf';
import type { LabelKind } from '../../../core/labelPalette';
import { unusedColor } from '../../../core/labelPalette';
import type { Connection } from '../../../db/openDatabase';
import type { IdTable, RowIds } from './rowIds';

type TypeTable = 'entity_types' | 'event_types' | 'relation_types';

const KIND: Record<TypeTable, LabelKind> = { entity_types: 'entity', event_types: 'event', relation_types: 'relation' };
const CREATED_LIST: Record<TypeTable, keyof CreatedSchema> = {
  entity_types: 'entityTypes',
  event_types: 'eventTypes',
  relation_types: 'relationTypes',
};
/** Longest name the contract lets a type have (common/contract.ts). */
const MAX_NAME = 200;

interface TypeCache {
  /** Lower-cased name, and lower-cased brat storage form, → id. */
  byName: Map<string, number>;
}

interface AttributeEntry {
  id: number;
  values: string[];
}

export class LabelResolver {
  private types = new Map<TypeTable, TypeCache>();
  /** The colours of every label, of all three kinds: a new label takes one none has. */
  private colors: string[] | null = null;
  private roles = new Map<string, { id: number; repeatable: boolean }>();
  private attributes = new Map<string, AttributeEntry>();
  /** Rows created since the last commit; a rollback may have taken some of them back. */
  private pending: { list: keyof CreatedSchema; table: IdTable; id: number; name: string }[] = [];
  private readonly exists = new Map<IdTable, Statement<[number], number>>();
  /** Everything created by committed transactions. */
  readonly created: CreatedSchema = emptyCreated();
  private readonly statements: {
    insertType: Record<TypeTable, Statement>;
    nextPosition: Record<TypeTable, Statement<[], number>>;
    allTypes: Record<TypeTable, Statement<[], { id: number; name: string; color: string }>>;
    allRoles: Statement<[], { id: number; event_type_id: number; name: string; repeatable: number }>;
    insertRole: Statement;
    setRepeatable: Statement<[number]>;
    nextRolePosition: Statement<[number], number>;
    allAttributes: Statement<[], { id: number; target: string; name: string; values: string }>;
    insertAttribute: Statement;
    setValues: Statement<[string, number]>;
    nextAttributePosition: Statement<[string], number>;
  };

  constructor(
    private readonly db: Connection,
    private readonly ids: RowIds,
  ) {
    const perTable = <T>(make: (table: TypeTable) => T): Record<TypeTable, T> => ({
      entity_types: make('entity_types'),
      event_types: make('event_types'),
      relation_types: make('relation_types'),
    });
    this.statements = {
      insertType: perTable((t) =>
        db.prepare(`INSERT INTO ${t} (id, name, color, hotkey, description, position) VALUES (?, ?, ?, NULL, ?, ?)`),
      ),
      nextPosition: perTable((t) =>
        db.prepare<[], number>(`SELECT coalesce(max(position), -1) + 1 FROM ${t}`).pluck(),
      ),
      allTypes: perTable((t) => db.prepare(`SELECT id, name, color FROM ${t}`)),
      allRoles: db.prepare('SELECT id, event_type_id, name, repeatable FROM event_roles'),
      insertRole: db.prepare(
        'INSERT INTO event_roles (id, event_type_id, name, repeatable, position) VALUES (?, ?, ?, ?, ?)',
      ),
      setRepeatable: db.prepare('UPDATE event_roles SET repeatable = 1 WHERE id = ?'),
      nextRolePosition: db
        .prepare<[number], number>('SELECT coalesce(max(position), -1) + 1 FROM event_roles WHERE event_type_id = ?')
        .pluck(),
      allAttributes: db.prepare('SELECT id, target, name, "values" FROM attribute_defs'),
      insertAttribute: db.prepare(
        'INSERT INTO attribute_defs (id, target, name, "values", default_value, position) VALUES (?, ?, ?, ?, NULL, ?)',
      ),
      setValues: db.prepare('UPDATE attribute_defs SET "values" = ? WHERE id = ?'),
      nextAttributePosition: db
        .prepare<[string], number>('SELECT coalesce(max(position), -1) + 1 FROM attribute_defs WHERE target = ?')
        .pluck(),
    };
  }

  entityType(name: string): number {
    return this.type('entity_types', name);
  }

  eventType(name: string): number {
    return this.type('event_types', name);
  }

  relationType(name: string): number {
    return this.type('relation_types', name);
  }

  /// The role `name` of an event type, created when missing. A role the data fills more
  /// than once in one event is made repeatable, as the data shows it is.
  role(eventTypeId: number, eventTypeName: string, name: string, repeated: boolean): number {
    if (this.roles.size === 0) {
      for (const r of this.statements.allRoles.all()) {
        this.roles.set(roleKey(r.event_type_id, r.name), { id: r.id, repeatable: r.repeatable === 1 });
      }
    }
    const stored = clip(name);
    const key = roleKey(eventTypeId, stored);
    const known = this.roles.get(key);
    if (known) {
      if (repeated && !known.repeatable) {
        this.statements.setRepeatable.run(known.id);
        known.repeatable = true;
      }
      return known.id;
    }
    const id = this.ids.take('event_roles');
    const position = this.statements.nextRolePosition.get(eventTypeId)!;
    this.statements.insertRole.run(id, eventTypeId, stored, repeated ? 1 : 0, position);
    this.roles.set(key, { id, repeatable: repeated });
    this.pending.push({ list: 'roles', table: 'event_roles', id, name: `${eventTypeName}.${stored}` });
    return id;
  }

  /// Makes sure the attribute `name` of `target` can hold `value`: a new definition (a flag
  /// for true/false, else a list of values), or a value added to an existing list. Returns
  /// a remark when the value does not fit the definition's kind (it is stored anyway).
  attribute(target: AttributeTarget, name: string, value: string | boolean): string | null {
    if (this.attributes.size === 0) {
      for (const a of this.statements.allAttributes.all()) {
        this.attributes.set(attributeKey(a.target, a.name), { id: a.id, values: JSON.parse(a.values) as string[] });
      }
    }
    const stored = clip(name);
    const key = attributeKey(target, stored);
    const known = this.attributes.get(key);
    if (!known) {
      const id = this.ids.take('attribute_defs');
      const values = typeof value === 'string' ? [value] : [];
      const position = this.statements.nextAttributePosition.get(target)!;
      this.statements.insertAttribute.run(id, target, stored, JSON.stringify(values), position);
      this.attributes.set(key, { id, values });
      this.pending.push({ list: 'attributes', table: 'attribute_defs', id, name: `${target}.${stored}` });
      return null;
    }
    const isFlag = known.values.length === 0;
    if (typeof value === 'boolean') return isFlag ? null : `${target} attribute ${name} takes a value, but is set as a flag`;
    if (isFlag) return `${target} attribute ${name} is a flag, but has the value "${value}"`;
    if (!known.values.includes(value)) {
      known.values = [...known.values, value];
      this.statements.setValues.run(JSON.stringify(known.values), known.id);
    }
    return null;
  }

  /// After a commit: what was made and survived every rollback is the project's now, and
  /// the report's.
  commit(): void {
    for (const entry of this.pending) {
      let exists = this.exists.get(entry.table);
      if (!exists) {
        exists = this.db.prepare<[number], number>(`SELECT count(*) FROM ${entry.table} WHERE id = ?`).pluck();
        this.exists.set(entry.table, exists);
      }
      if (exists.get(entry.id)) this.created[entry.list].push(entry.name);
    }
    this.pending = [];
  }

  /// After a rollback: forgets the names it knew, since some may be gone (they are read
  /// again when next needed). After a whole transaction's rollback nothing made since the
  /// last commit exists; after a document's savepoint, what earlier documents made does.
  reset(scope: 'document' | 'transaction'): void {
    if (scope === 'transaction') this.pending = [];
    this.types = new Map();
    this.colors = null;
    this.roles = new Map();
    this.attributes = new Map();
  }

  private type(table: TypeTable, name: string): number {
    const cache = this.cache(table);
    // Looked up by the name as it would be stored (trimmed, clipped): "PER " is PER, and two
    // names that would be stored alike are one type, not a clash with the unique name.
    const stored = clip(name);
    const id = cache.byName.get(stored.toLowerCase()) ?? cache.byName.get(storageForm(stored).toLowerCase());
    if (id !== undefined) return id;
    const created = this.ids.take(table as IdTable);
    const colors = this.allColors();
    const color = unusedColor(KIND[table], colors);
    const position = this.statements.nextPosition[table].get()!;
    this.statements.insertType[table].run(created, stored, color, 'Added by an import.', position);
    colors.push(color);
    cache.byName.set(stored.toLowerCase(), created);
    this.pending.push({ list: CREATED_LIST[table], table, id: created, name: stored });
    return created;
  }

  private cache(table: TypeTable): TypeCache {
    let cache = this.types.get(table);
    if (!cache) {
      cache = { byName: new Map() };
      for (const row of this.statements.allTypes[table].all()) {
        // The exact name wins over another type's storage form.
        const storage = storageForm(row.name).toLowerCase();
        if (!cache.byName.has(storage)) cache.byName.set(storage, row.id);
        cache.byName.set(row.name.toLowerCase(), row.id);
      }
      this.types.set(table, cache);
    }
    return cache;
  }

  private allColors(): string[] {
    this.colors ??= (Object.keys(KIND) as TypeTable[]).flatMap((t) => this.statements.allTypes[t].all().map((r) => r.color));
    return this.colors;
  }
}

function emptyCreated(): CreatedSchema {
  return { entityTypes: [], eventTypes: [], relationTypes: [], roles: [], attributes: [] };
}

function roleKey(eventTypeId: number, name: string): string {
  return `${eventTypeId}\u0000${name.toLowerCase()}`;
}

function attributeKey(target: string, name: string): string {
  return `${target}\u0000${name}`;
}

function clip(name: string): string {
  const chars = Array.from(name.trim());
  return chars.length > MAX_NAME ? chars.slice(0, MAX_NAME).join('') : chars.join('') || '(unnamed)';
}

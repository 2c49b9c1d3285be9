// What a new project starts with: the default label schema, its name and, on request, the
// sample article. Written directly, not through the change recorder: the starting point
// of a project is not an action anyone should be able to undo.

import path from 'node:path';
import { DEFAULT_SCHEMA } from '../../core/defaultSchema';
import type { SchemaSeed } from '../../core/defaultSchema';
import { SAMPLE_TEXT, SAMPLE_TITLE } from '../../core/sampleArticle';
import type { Connection } from '../../db/openDatabase';
import { PROJECT_EXTENSION } from '../../db/schema';
import type { Documents } from './documents';

/// Fills a freshly migrated project file, in one transaction.
export function seedProject(db: Connection, documents: Documents, file: string, options: { sample: boolean }): void {
  db.transaction(() => {
    const meta = db.prepare('INSERT INTO project_meta (key, value) VALUES (?, ?)');
    meta.run('name', path.basename(file, PROJECT_EXTENSION));
    meta.run('created_at', new Date().toISOString());
    meta.run('sample', options.sample ? '1' : '0');
    writeSchema(db, DEFAULT_SCHEMA);
    if (options.sample) documents.add({ title: SAMPLE_TITLE, source: 'Spanlab sample article', text: SAMPLE_TEXT });
  })();
}

function writeSchema(db: Connection, seed: SchemaSeed): void {
  const typeSql = (table: string) =>
    `INSERT INTO ${table} (name, color, hotkey, description, position) VALUES (?, ?, ?, ?, ?)`;
  const entityType = db.prepare(typeSql('entity_types'));
  const eventType = db.prepare(typeSql('event_types'));
  const relationType = db.prepare(typeSql('relation_types'));
  const role = db.prepare('INSERT INTO event_roles (event_type_id, name, repeatable, position) VALUES (?, ?, ?, ?)');
  const accepts = db.prepare('INSERT INTO event_role_accepts (role_id, entity_type_id) VALUES (?, ?)');
  const attribute = db.prepare(
    'INSERT INTO attribute_defs (target, name, "values", default_value, position) VALUES (?, ?, ?, ?, ?)',
  );

  const entityIds = new Map<string, number>();
  seed.entityTypes.forEach((t, i) => {
    entityIds.set(t.name, Number(entityType.run(t.name, t.color, t.hotkey, t.description, i).lastInsertRowid));
  });
  seed.eventTypes.forEach((t, i) => {
    const typeId = Number(eventType.run(t.name, t.color, t.hotkey, t.description, i).lastInsertRowid);
    t.roles.forEach((r, position) => {
      const roleId = Number(role.run(typeId, r.name, r.repeatable ? 1 : 0, position).lastInsertRowid);
      for (const name of r.accepts) {
        const entityTypeId = entityIds.get(name);
        if (entityTypeId === undefined) {
          throw new Error(`default schema: role ${t.name}/${r.name} accepts unknown ${name}`);
        }
        accepts.run(roleId, entityTypeId);
      }
    });
  });
  seed.relationTypes.forEach((t, i) => relationType.run(t.name, t.color, t.hotkey, t.description, i));
  const positions = new Map<string, number>();
  for (const a of seed.attributes) {
    const position = positions.get(a.target) ?? 0;
    positions.set(a.target, position + 1);
    attribute.run(a.target, a.name, JSON.stringify(a.values), a.defaultValue, position);
  }
}

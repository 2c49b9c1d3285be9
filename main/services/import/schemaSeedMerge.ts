// The label schema a spanlab-jsonl file carries in its header, merged into the project's:
// what the project lacks (by name, any case) is added with the file's colours,
// descriptions, roles and attribute values, and its hotkeys where no label of the project
// has them yet; what the project has is kept as it is. Like the merge of a brat
// annotation.conf (schemaInterchange.ts) it is one undoable action on the project-wide
// stack, made through the schema editor so that every rule of the schema holds.

import { SpanlabError } from '../../../common/errors';
import type { SchemaSeed } from '../../../core/defaultSchema';
import type { ChangeRecorder } from '../../../db/changeRecorder';
import type { LabelSchemaEditor } from '../labelSchema';

/// Merges `seed` into the schema; returns what was added ("entity type PER"…) and what
/// was left out and why.
export function mergeSchemaSeed(
  project: { recorder: ChangeRecorder; schema: LabelSchemaEditor },
  seed: SchemaSeed,
): { added: string[]; skipped: string[] } {
  const { schema } = project;
  const current = schema.get();
  const added: string[] = [];
  const skipped: string[] = [];
  const key = (name: string) => name.toLowerCase();
  const hotkeys = new Set(
    [...current.entityTypes, ...current.eventTypes, ...current.relationTypes].flatMap((t) => (t.hotkey ? [key(t.hotkey)] : [])),
  );
  const freeHotkey = (hotkey: string | null) => {
    if (hotkey === null || hotkeys.has(key(hotkey))) return null;
    hotkeys.add(key(hotkey));
    return hotkey;
  };
  // Each definition on its own: one the schema refuses is reported and the rest go on.
  const attempt = (what: string, save: () => void) => {
    try {
      save();
      added.push(what);
    } catch (error) {
      if (!(error instanceof SpanlabError)) throw error;
      skipped.push(`${what}: ${error.message}`);
    }
  };

  project.recorder.action('Import schema from spanlab-jsonl', null, () => {
    const entityIds = new Map(current.entityTypes.map((t) => [key(t.name), t.id]));
    for (const t of seed.entityTypes) {
      if (entityIds.has(key(t.name))) continue;
      attempt(`entity type ${t.name}`, () => {
        const saved = schema.saveEntityType({ ...t, hotkey: freeHotkey(t.hotkey) });
        entityIds.set(key(t.name), saved.id);
      });
    }
    const relations = new Set(current.relationTypes.map((t) => key(t.name)));
    for (const t of seed.relationTypes) {
      if (relations.has(key(t.name))) continue;
      attempt(`relation type ${t.name}`, () => schema.saveRelationType({ ...t, hotkey: freeHotkey(t.hotkey) }));
    }
    const events = new Set(current.eventTypes.map((t) => key(t.name)));
    for (const t of seed.eventTypes) {
      if (events.has(key(t.name))) continue;
      const roles = t.roles.map((r) => ({
        name: r.name,
        repeatable: r.repeatable,
        accepts: r.accepts.flatMap((name) => entityIds.get(key(name)) ?? []),
      }));
      attempt(`event type ${t.name}`, () =>
        schema.saveEventType({ name: t.name, color: t.color, hotkey: freeHotkey(t.hotkey), description: t.description, roles }),
      );
    }
    const attributes = new Set(current.attributes.map((a) => `${a.target}:${key(a.name)}`));
    for (const a of seed.attributes) {
      if (attributes.has(`${a.target}:${key(a.name)}`)) continue;
      attempt(`${a.target} attribute ${a.name}`, () => schema.saveAttribute(a));
    }
  });
  return { added, skipped };
}

// A project's label schema in and out of brat's annotation.conf, so that a schema designed
// for brat (or a corpus annotated with it) can be taken over, and ours handed to brat users.
//
// Importing merges: what the schema lacks is added, what it has (same name, any case) is
// kept as it is, and the report says which is which. The whole import is one action on the
// project-wide undo stack. Exporting writes brat's storage names (`Conflict.Attack` becomes
// `Conflict_Attack|Conflict.Attack`, the original as an alternative name), which an import
// reads back to the original.

import type { ValidInput } from '../../common/contract';
import type { AttributeTarget, LabelSchema, SchemaImportReport } from '../../common/model';
import type { BratArgument, BratConf, BratType } from '../../core/brat/annotationConf';
import { parseAnnotationConf, storageForm, writeAnnotationConf } from '../../core/brat/annotationConf';
import type { LabelKind } from '../../core/labelPalette';
import { unusedColor } from '../../core/labelPalette';
import type { ChangeRecorder } from '../../db/changeRecorder';
import type { LabelSchemaEditor } from './labelSchema';

/** What an import needs of the open project. */
export interface SchemaTarget {
  recorder: ChangeRecorder;
  schema: LabelSchemaEditor;
}

// The contract's limits on names and lists (common/contract.ts), checked before saving so
// that one odd line is skipped instead of failing the whole import.
const MAX_NAME = 200;
const MAX_ROLES = 50;
const MAX_VALUES = 100;
/** The most declarations of each kind one file adds: far more than any real schema has,
 * and few enough that the merge, one transaction on the UI's connection, stays short. */
const MAX_DECLARATIONS = 1_000;

const MACRO_TARGETS = new Map<string, AttributeTarget[]>([
  ['<ENTITY>', ['mention']],
  ['<EVENT>', ['event']],
  ['<RELATION>', ['relation']],
  ['<ANY>', ['mention', 'event', 'relation']],
]);
const TARGET_MACRO: Record<AttributeTarget, string> = { mention: '<ENTITY>', event: '<EVENT>', relation: '<RELATION>' };
const TARGET_NOUN: Record<AttributeTarget, string> = { mention: 'Mention', event: 'Event', relation: 'Relation' };

/// Merges the types and attributes of an annotation.conf into the project's schema, as one
/// undoable action. Lines that cannot be read are reported, never thrown.
export function importBratConf(project: SchemaTarget, text: string): SchemaImportReport {
  const { conf: declared, notes, errors } = parseAnnotationConf(text);
  const { schema } = project;
  const current = schema.get();
  const skipped = notes.map((n) => `Line ${n.line}: ${n.message}`);
  const limited = <T>(noun: string, list: T[]): T[] => {
    if (list.length <= MAX_DECLARATIONS) return list;
    const [first, all] = [MAX_DECLARATIONS, list.length].map((n) => n.toLocaleString('en-US'));
    skipped.push(`${noun} after the first ${first} of the file's ${all}: not imported`);
    return list.slice(0, MAX_DECLARATIONS);
  };
  const conf: BratConf = {
    entities: limited('Entity types', declared.entities),
    relations: limited('Relation declarations', declared.relations),
    events: limited('Event types', declared.events),
    attributes: limited('Attributes', declared.attributes),
  };
  const added = { entityTypes: 0, eventTypes: 0, relationTypes: 0, attributes: 0 };
  const key = (name: string) => name.toLowerCase();

  // Types by every name a line may use for them: ours, and brat's storage form of it.
  const entityIds = new Map<string, number>();
  const knownEvents = new Set<string>();
  const knownRelations = new Set<string>();
  const remember = (names: Map<string, number> | Set<string>, name: string, id = 0) => {
    for (const n of [key(name), key(storageForm(name))]) {
      if (names instanceof Map) names.set(n, id);
      else names.add(n);
    }
  };
  for (const t of current.entityTypes) remember(entityIds, t.name, t.id);
  for (const t of current.eventTypes) remember(knownEvents, t.name);
  for (const t of current.relationTypes) remember(knownRelations, t.name);
  const colors = [...current.entityTypes, ...current.eventTypes, ...current.relationTypes].map((t) => t.color);
  const nextColor = (kind: LabelKind) => {
    const color = unusedColor(kind, colors);
    colors.push(color);
    return color;
  };
  // Whether a type can be added: a usable name the schema does not have yet.
  const isNew = (noun: string, name: string, known: { has(name: string): boolean }) => {
    if (name.length > MAX_NAME) {
      skipped.push(`${noun} ${name.slice(0, 40)}…: the name is longer than ${MAX_NAME} characters`);
    }
    else if (known.has(key(name))) skipped.push(`${noun} ${name}: already in the schema`);
    else return true;
    return false;
  };

  project.recorder.action('Import annotation.conf', null, () => {
    for (const type of conf.entities) {
      const name = ourName(type);
      if (!isNew('Entity type', name, entityIds)) continue;
      const color = nextColor('entity');
      const saved = schema.saveEntityType({ name, color, hotkey: null, description: describe(type) });
      remember(entityIds, type.name, saved.id);
      remember(entityIds, name, saved.id);
      added.entityTypes++;
    }

    let relationArgumentsDropped = false;
    // A relation declared once per pair of argument types is one relation type: its first line.
    const firstDeclared = new Map<string, BratType>();
    for (const type of conf.relations) if (!firstDeclared.has(ourName(type))) firstDeclared.set(ourName(type), type);
    for (const type of conf.relations) {
      const name = ourName(type);
      if (firstDeclared.get(name) !== type) continue;
      if (!isNew('Relation type', name, knownRelations)) continue;
      schema.saveRelationType({ name, color: nextColor('relation'), hotkey: null, description: describe(type) });
      remember(knownRelations, type.name);
      remember(knownRelations, name);
      relationArgumentsDropped ||= type.args.length > 0;
      added.relationTypes++;
    }
    if (relationArgumentsDropped) {
      skipped.push('Argument types of relations (Arg1, Arg2): a Spanlab relation may link any two mentions');
    }

    // Roles and attributes may name any event type of the file, added or not.
    const existingEvents = new Set(knownEvents);
    for (const type of conf.events) remember(knownEvents, type.name);
    for (const type of conf.events) {
      const name = ourName(type);
      if (!isNew('Event type', name, existingEvents)) continue;
      if (type.roles.length > MAX_ROLES) {
        skipped.push(`Event type ${name}: more than ${MAX_ROLES} roles`);
        continue;
      }
      const roles = toRoles(name, type.roles, entityIds, knownEvents, skipped);
      schema.saveEventType({ name, color: nextColor('event'), hotkey: null, description: describe(type), roles });
      remember(existingEvents, type.name);
      remember(existingEvents, name);
      added.eventTypes++;
    }

    // What an attribute's `Arg:` names: a macro, or a type of some kind.
    const targetsOf = (target: string): AttributeTarget[] => {
      const macro = MACRO_TARGETS.get(target);
      if (macro) return macro;
      const found: AttributeTarget[] = [];
      if (entityIds.has(key(target))) found.push('mention');
      if (knownEvents.has(key(target))) found.push('event');
      if (knownRelations.has(key(target))) found.push('relation');
      return found;
    };
    const attributeKeys = new Set(current.attributes.map((a) => `${a.target}:${key(a.name)}`));
    for (const attribute of conf.attributes) {
      const name = ourName(attribute);
      const targets = new Set<AttributeTarget>();
      for (const target of attribute.targets) {
        const found = targetsOf(target);
        if (found.length === 0) skipped.push(`Attribute ${name}: applies to ${target}, which is no type of the schema`);
        else if (!MACRO_TARGETS.has(target)) {
          skipped.push(`Attribute ${name}: applies to every ${found[0]}, not only to ${target}`);
        }
        for (const t of found) targets.add(t);
      }
      const values = [...new Set(attribute.values)];
      if (values.length > MAX_VALUES || values.some((v) => v.length > MAX_NAME) || name.length > MAX_NAME) {
        skipped.push(`Attribute ${name.slice(0, 40)}: too long a name, or too many or too long values`);
        continue;
      }
      for (const target of targets) {
        if (attributeKeys.has(`${target}:${key(name)}`)) {
          skipped.push(`${TARGET_NOUN[target]} attribute ${name}: already in the schema`);
          continue;
        }
        schema.saveAttribute({ target, name, values, defaultValue: null });
        attributeKeys.add(`${target}:${key(name)}`);
        added.attributes++;
      }
    }
  });
  return { added, skipped, errors };
}

/// The schema as an annotation.conf: names in brat's storage form (the original as an
/// alternative name), roles optional (`?`) or repeatable (`*`), as Spanlab never requires a
/// role, and "any" written as `<ENTITY>|<EVENT>`.
export function exportBratConf(schema: LabelSchema, projectName: string): string {
  const comments = [
    `The label schema of the Spanlab project "${projectName.replace(/[\r\n]+/g, ' ')}".`,
    'Colours and hotkeys are not part of this file: brat keeps them in visual.conf and kb_shortcuts.conf.',
  ];
  const entityNames = new Map<number, string>();
  const conf: BratConf = { entities: [], relations: [], events: [], attributes: [] };

  const entityType = bratTypes();
  for (const t of schema.entityTypes) {
    const type = entityType(t.name);
    entityNames.set(t.id, type.name);
    conf.entities.push(type);
  }
  const relationType = bratTypes();
  const anyEntity = (name: string): BratArgument => ({ name, targets: ['<ENTITY>'], min: 1, max: 1 });
  for (const t of schema.relationTypes) {
    conf.relations.push({ ...relationType(t.name), args: [anyEntity('Arg1'), anyEntity('Arg2')] });
  }
  const eventType = bratTypes();
  for (const t of schema.eventTypes) {
    const roles = t.roles.map((r): BratArgument => {
      const name = storageForm(r.name);
      // brat numbers repeated fillers (Theme, Theme2…), so a role ending in a digit cannot repeat.
      const repeatable = r.repeatable && !/\d$/.test(name);
      if (r.repeatable && !repeatable) comments.push(`${t.name}: the role ${r.name} repeats in Spanlab, once here.`);
      const targets = r.accepts.length > 0 ? r.accepts.map((id) => entityNames.get(id)!) : ['<ENTITY>', '<EVENT>'];
      return { name, targets, min: 0, max: repeatable ? null : 1 };
    });
    conf.events.push({ ...eventType(t.name), roles });
  }

  // One line per attribute name: brat's attributes are not per kind of annotation, so
  // same-named ones with the same values share a line.
  const attributeType = bratTypes();
  const defaults: string[] = [];
  for (const a of schema.attributes) {
    const values = a.values.map((v) => v.replace(/[\s|,]/g, '_'));
    const same = conf.attributes.find((b) => b.name === storageForm(a.name));
    if (same && same.values.join('|') === values.join('|')) same.targets.push(TARGET_MACRO[a.target]);
    else if (same) comments.push(`The ${a.target} attribute ${a.name} has other values than its namesake; left out.`);
    else conf.attributes.push({ ...attributeType(a.name), targets: [TARGET_MACRO[a.target]], values });
    if (a.defaultValue !== null) defaults.push(`${a.name}=${a.defaultValue}`);
  }
  if (defaults.length > 0) comments.push(`Defaults (brat has none): ${defaults.join(', ')}.`);
  return writeAnnotationConf(conf, comments);
}

// Event roles from brat arguments: `<ENTITY>`/`<ANY>` mean any type (accepts nothing in
// particular); events (`<EVENT>`, an event type's name) may fill any Spanlab role, so they
// narrow nothing; other names are the entity types accepted.
function toRoles(
  eventName: string,
  args: readonly BratArgument[],
  entityIds: ReadonlyMap<string, number>,
  knownEvents: ReadonlySet<string>,
  skipped: string[],
): ValidInput<'schema.saveEventType'>['roles'] {
  const roles: ValidInput<'schema.saveEventType'>['roles'] = [];
  for (const arg of args) {
    if (arg.name.length > MAX_NAME || roles.some((r) => r.name.toLowerCase() === arg.name.toLowerCase())) {
      skipped.push(`Role ${arg.name.slice(0, 40)} of ${eventName}: its name is too long or used twice`);
      continue;
    }
    let any = false;
    const accepts = new Set<number>();
    for (const target of arg.targets) {
      const id = entityIds.get(target.toLowerCase());
      if (target === '<ENTITY>' || target === '<ANY>') any = true;
      else if (id !== undefined) accepts.add(id);
      else if (target !== '<EVENT>' && !knownEvents.has(target.toLowerCase())) {
        skipped.push(`Role ${arg.name} of ${eventName}: ${target} is no type of the schema`);
      }
    }
    roles.push({ name: arg.name, accepts: any ? [] : [...accepts], repeatable: arg.max === null || arg.max > 1 });
  }
  return roles;
}

// The name a brat type gets here: its first name, or the alternative that first name is
// brat's storage form of (what exportBratConf writes for `Conflict.Attack`).
function ourName(type: BratType): string {
  return type.aliases.find((a) => a !== type.name && storageForm(a) === type.name) ?? type.name;
}

// Alternative names other than the one taken as ours, kept in the description.
function describe(type: BratType): string {
  const name = ourName(type);
  const others = type.aliases.filter((a) => a !== name);
  return others.length > 0 ? `Also named ${others.join(', ')} in annotation.conf.` : '';
}

// Names one kind of brat type: the storage form, made unique within the kind ("A B" and
// "A_B" would both be "A_B"), with the original as the alternative name when it differs.
function bratTypes(): (name: string) => BratType {
  const used = new Set<string>();
  return (name) => {
    let stored = storageForm(name);
    for (let n = 2; used.has(stored); n++) stored = `${storageForm(name)}_${n}`;
    used.add(stored);
    // An alternative name may hold anything but the separators of a line.
    const alias = name.replace(/[\s|,]/g, '_').replace(/^!/, '_');
    return { name: stored, aliases: alias === stored ? [] : [alias] };
  };
}

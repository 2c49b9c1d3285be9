// `brat`: brat's standoff format. A folder with, per document, `<id>.txt` (the text, byte
// for byte) and `<id>.ann`, and `annotation.conf`: the schema exactly as the Schema view
// exports it (main/services/schemaInterchange.ts, written with core/brat/annotationConf.ts),
// plus `Equiv` when entity links were written and `<EVENT>` on roles that nested events
// fill. The .ann file names types as that annotation.conf does:
//
//   T1	PER 0 6	Farouk                         a typed mention (code-point offsets)
//   T5	Conflict_Attack 20 25	fired          an event trigger, typed with its event's type
//   E1	Conflict_Attack:T5 Attacker:T1 Target:T2 Target2:T3    (a repeated role is numbered)
//   R1	PHYS Arg1:T1 Arg2:T4
//   *	Equiv T1 T7                             mentions linked to one entity
//   A1	Realis E1 Actual                        an attribute (a flag when it has no value)
//   #1	AnnotatorNotes T1	the note
//   N1	Reference T1 Wikidata:Q1234	entity name   an entity's external id, when it is DB:ID
//
// Type, role and attribute names are brat's storage form (letters, digits, _ and -), with
// the original name as an alternative in annotation.conf (`Conflict_Attack|Conflict.Attack`),
// so that importing the folder gives the original names back. A mention that crosses a line
// break is written as brat writes it, as fragments (`0 5;6 10`) around the break, which an
// import joins into one mention again. What brat
// cannot hold is reported: an untyped span that is no trigger, an argument or relation end
// without a type, a note's line breaks, the document's own note.

import { EXPORT_FORMATS } from '../../common/export';
import type { BratConf } from '../brat/annotationConf';
import { parseAnnotationConf, storageForm, writeAnnotationConf } from '../brat/annotationConf';
import { CodePointText } from '../codePointText';
import type { AttributeValues } from '../../common/model';
import type { PortableDocument, PortableMention } from '../formats/portableDocument';
import type { ExportContext, ExportFormat } from './exportFormat';
import { ExportViolation } from './exportViolation';

export const brat: ExportFormat = {
  info: EXPORT_FORMATS.brat,
  create(context) {
    if (context.annotationConf === undefined) throw new Error('bug: the brat export needs the annotation.conf of the schema');
    const conf = parseAnnotationConf(context.annotationConf).conf;
    const names = bratNames(context.schema, conf);
    /** `event type / role` pairs filled by a nested event somewhere: their conf line accepts <EVENT>. */
    const nestedRoles = new Set<string>();
    let equivalences = false;
    return {
      write(document, sink) {
        const ann = annotationLines(document, context, names, nestedRoles);
        equivalences ||= ann.equivalences;
        const name = fileName(document.id);
        sink.file(`${name}.txt`, document.text);
        sink.file(`${name}.ann`, ann.lines.length > 0 ? `${ann.lines.join('\n')}\n` : '');
      },
      finish(root) {
        root.file('annotation.conf', finalConf(context.annotationConf!, conf, names, nestedRoles, equivalences));
      },
    };
  },
};

/** brat's names for the schema's, by kind: what the .ann file writes for each Spanlab name. */
interface BratNames {
  type(name: string): string;
  role(eventType: string, role: string): string;
  attribute(name: string): string;
  value(value: string): string;
}

// The names annotation.conf gives the schema's types: its entity, relation and event lines
// are the schema's types in order (schemaInterchange.ts writes one line per type), its
// roles the types' roles in order; an attribute line names one or more attributes.
function bratNames(schema: ExportContext['schema'], conf: BratConf): BratNames {
  const types = new Map<string, string>();
  const roles = new Map<string, string>();
  schema.entityTypes.forEach((t, i) => types.set(t.name, conf.entities[i]?.name ?? storageForm(t.name)));
  schema.relationTypes.forEach((t, i) => types.set(t.name, conf.relations[i]?.name ?? storageForm(t.name)));
  schema.eventTypes.forEach((t, i) => {
    types.set(t.name, conf.events[i]?.name ?? storageForm(t.name));
    t.roles.forEach((r, j) => roles.set(`${t.name}\u0000${r.name}`, conf.events[i]?.roles[j]?.name ?? storageForm(r.name)));
  });
  const attributes = new Map<string, string>();
  for (const a of conf.attributes) for (const alias of [a.name, ...a.aliases]) attributes.set(alias, a.name);
  return {
    type: (name) => types.get(name) ?? storageForm(name),
    role: (eventType, role) => roles.get(`${eventType}\u0000${role}`) ?? storageForm(role),
    attribute: (name) => attributes.get(alternativeName(name)) ?? storageForm(name),
    // As schemaInterchange.ts writes attribute values.
    value: (value) => value.replace(/[\s|,]/gu, '_'),
  };
}

// What schemaInterchange.ts makes of a name as an alternative name.
function alternativeName(name: string): string {
  return name.replace(/[\s|,]/gu, '_').replace(/^!/u, '_');
}

// The schema's annotation.conf, with what this export's annotations need beyond it: the
// Equiv relation for entity links, and <EVENT> on roles that nested events fill.
function finalConf(
  text: string,
  conf: BratConf,
  names: BratNames,
  nestedRoles: ReadonlySet<string>,
  equivalences: boolean,
): string {
  let changed = false;
  for (const key of nestedRoles) {
    const [eventType, role] = key.split('\u0000') as [string, string];
    const line = conf.events.find((t) => t.name === names.type(eventType));
    const arg = line?.roles.find((r) => r.name === names.role(eventType, role));
    if (arg && !arg.targets.includes('<EVENT>')) {
      arg.targets.push('<EVENT>');
      changed = true;
    }
  }
  if (equivalences && !conf.relations.some((r) => r.name === 'Equiv')) {
    const entity = (name: string) => ({ name, targets: ['<ENTITY>'], min: 1, max: 1 });
    const symmetric = { name: '<REL-TYPE>', targets: ['symmetric-transitive'], min: 1, max: 1 };
    conf.relations.push({ name: 'Equiv', aliases: [], args: [entity('Arg1'), entity('Arg2'), symmetric] });
    changed = true;
  }
  if (!changed) return text;
  // Rewritten from the parsed declarations, with the comments it started with.
  const comments = text.split('\n').filter((l) => l.startsWith('# ')).map((l) => l.slice(2));
  return writeAnnotationConf(conf, comments);
}

interface AnnotationLines {
  lines: string[];
  equivalences: boolean;
}

// The .ann lines of one document, checked against its text as they are made.
function annotationLines(
  document: PortableDocument,
  context: ExportContext,
  names: BratNames,
  nestedRoles: Set<string>,
): AnnotationLines {
  const issue = (item: string | null, reason: string) => context.issue(document.id, item, reason);
  const text = new CodePointText(document.text);
  const ids = new IdAllocator([...document.mentions, ...document.events, ...document.relations].map((a) => a.id));
  const spans: string[] = [];
  const rest: string[] = [];
  const attributes: [AttributeValues, string][] = [];
  const notes: [string, string, string][] = []; // [target, note, item]

  // Typed mentions: one T line each, under their own id where it is brat-shaped.
  const entityT = new Map<string, string>();
  for (const m of document.mentions) {
    if (m.label === null) continue;
    const id = ids.take(m.id, 'T');
    spans.push(spanLine(id, names.type(m.label), m, text, document.id, issue));
    entityT.set(m.id, id);
    attributes.push([m.attributes, id]);
    if (m.note !== '') notes.push([id, m.note, m.id]);
    context.count(m.label);
  }

  // Triggers: a T line per trigger and event type (brat types a trigger with its event's type).
  const mentions = new Map(document.mentions.map((m) => [m.id, m]));
  const triggerT = new Map<string, string>();
  const anyTriggerT = new Map<string, string>();
  const eventIds = new Map(document.events.map((e) => [e.id, ids.take(e.id, 'E')]));
  for (const e of document.events) {
    const key = `${e.trigger}\u0000${e.type}`;
    if (triggerT.has(key)) continue;
    const m = mentions.get(e.trigger)!;
    const own = m.label === null && !anyTriggerT.has(m.id);
    const id = own ? ids.take(m.id, 'T') : ids.fresh('T');
    spans.push(spanLine(id, names.type(e.type), m, text, document.id, issue));
    triggerT.set(key, id);
    if (!anyTriggerT.has(m.id)) {
      anyTriggerT.set(m.id, id);
      if (m.label === null) {
        attributes.push([m.attributes, id]);
        if (m.note !== '') notes.push([id, m.note, m.id]);
      }
    }
  }
  for (const m of document.mentions) {
    if (m.label === null && !anyTriggerT.has(m.id)) issue(m.id, `${describeSpan(m)}: an untyped span that triggers no event; brat needs a type; left out`);
  }
  const targetT = (mentionId: string) => entityT.get(mentionId) ?? anyTriggerT.get(mentionId);

  for (const e of document.events) {
    const id = eventIds.get(e.id)!;
    const parts = [`${names.type(e.type)}:${triggerT.get(`${e.trigger}\u0000${e.type}`)!}`];
    const filled = new Map<string, number>();
    for (const a of e.arguments) {
      const target = a.event !== undefined ? eventIds.get(a.event) : targetT(a.mention!);
      if (target === undefined) {
        issue(e.id, `${e.type} event: its ${a.role} argument ${describeSpan(mentions.get(a.mention!)!)} is an untyped span; brat needs a type; left out`);
        continue;
      }
      if (a.event !== undefined) nestedRoles.add(`${e.type}\u0000${a.role}`);
      const n = (filled.get(a.role) ?? 0) + 1;
      filled.set(a.role, n);
      parts.push(`${names.role(e.type, a.role)}${n === 1 ? '' : n}:${target}`);
    }
    rest.push(`${id}\t${parts.join(' ')}`);
    attributes.push([e.attributes, id]);
    if (e.note !== '') notes.push([id, e.note, e.id]);
    context.count(e.type);
  }

  for (const r of document.relations) {
    const from = targetT(r.from);
    const to = targetT(r.to);
    if (from === undefined || to === undefined) {
      issue(r.id, `${r.type} relation: one of its ends is an untyped span; brat needs a type; left out`);
      continue;
    }
    const id = ids.take(r.id, 'R');
    rest.push(`${id}\t${names.type(r.type)} Arg1:${from} Arg2:${to}`);
    attributes.push([r.attributes, id]);
    if (r.note !== '') notes.push([id, r.note, r.id]);
    context.count(r.type);
  }

  // Mentions linked to one entity, and the entities' external ids.
  const linked = new Map<string, string[]>();
  for (const m of document.mentions) {
    const id = entityT.get(m.id);
    if (id === undefined || m.entity === null) continue;
    linked.set(m.entity, [...(linked.get(m.entity) ?? []), id]);
  }
  let equivalences = false;
  for (const group of linked.values()) {
    if (group.length < 2) continue;
    rest.push(`*\tEquiv ${group.join(' ')}`);
    equivalences = true;
  }
  let normalizations = 0;
  for (const entity of document.entities) {
    const first = linked.get(entity.id)?.[0];
    if (first === undefined || entity.externalId === null || !/^[\w.-]+:\S+$/u.test(entity.externalId)) continue;
    rest.push(`N${++normalizations}\tReference ${first} ${entity.externalId}\t${oneLine(entity.name)}`);
  }

  let attributeCount = 0;
  for (const [values, target] of attributes) {
    for (const name of Object.keys(values).sort()) {
      const value = values[name];
      if (value === false) continue; // brat's absence of a flag
      rest.push(`A${++attributeCount}\t${names.attribute(name)} ${target}${value === true ? '' : ` ${names.value(value!)}`}`);
    }
  }
  let noteCount = 0;
  for (const [target, note, item] of notes) {
    const line = oneLine(note);
    if (line !== note) issue(item, 'its note has line breaks or tabs, which brat notes cannot hold; written on one line');
    rest.push(`#${++noteCount}\tAnnotatorNotes ${target}\t${line}`);
  }
  if (document.note !== '') issue(null, "the document's note is left out; brat has no document notes");
  return { lines: [...spans, ...rest], equivalences };
}

// A T line. A span across a line break (or a tab) becomes fragments, as brat's own editor
// makes them: the text between breaks, without the whitespace at its ends. Importing the
// fragments joins them again (core/import/brat.ts), since only whitespace with a break
// lies between them; whitespace at the mention's own ends has no fragment and is reported.
function spanLine(
  id: string,
  type: string,
  m: PortableMention,
  text: CodePointText,
  documentId: string,
  issue: (item: string, reason: string) => void,
): string {
  if (!text.contains(m.start, m.end) || text.slice(m.start, m.end) !== m.text) {
    throw new ExportViolation('brat', documentId, `${m.id} is not the text at ${m.start}–${m.end}`);
  }
  // Nearly every mention lies within a line.
  if (!FRAGMENT_BREAK.test(m.text)) return `${id}\t${type} ${m.start} ${m.end}\t${m.text}`;
  const points = Array.from(m.text);
  const fragments: [number, number][] = [];
  let from = 0;
  for (let i = 0; i <= points.length; i++) {
    if (i < points.length && !FRAGMENT_BREAK.test(points[i]!)) continue;
    let start = from;
    let end = i;
    while (start < end && WHITESPACE.test(points[start]!)) start++;
    while (end > start && WHITESPACE.test(points[end - 1]!)) end--;
    if (start < end) fragments.push([m.start + start, m.start + end]);
    from = i + 1;
  }
  if (fragments.length === 0) throw new ExportViolation('brat', documentId, `${m.id} covers only whitespace`);
  if (fragments[0]![0] !== m.start || fragments.at(-1)![1] !== m.end) {
    issue(m.id, `${describeSpan(m)}: brat fragments neither start nor end with whitespace; written without the whitespace at its ends`);
  }
  const offsets = fragments.map(([s, e]) => `${s} ${e}`).join(';');
  return `${id}\t${type} ${offsets}\t${fragments.map(([s, e]) => text.slice(s, e)).join(' ')}`;
}

/** What brat splits a span at: a line break or a tab. */
const FRAGMENT_BREAK = /[\r\n\t]/u;
const WHITESPACE = /\s/u;

const BRAT_ID = /^([TER])(\d+)$/;

// brat's ids: an annotation keeps its own id when it is already brat-shaped (T3, E1, R2)
// and unique; anything else gets the next free number of its letter.
class IdAllocator {
  private readonly own: ReadonlySet<string>;
  private readonly used = new Set<string>();
  private readonly next: Record<string, number> = {};

  constructor(own: readonly string[]) {
    this.own = new Set(own);
    for (const id of own) {
      const match = BRAT_ID.exec(id);
      if (match) this.next[match[1]!] = Math.max(this.next[match[1]!] ?? 1, Number(match[2]) + 1);
    }
  }

  take(id: string, letter: 'T' | 'E' | 'R'): string {
    if (id.startsWith(letter) && BRAT_ID.test(id) && this.own.has(id) && !this.used.has(id)) {
      this.used.add(id);
      return id;
    }
    return this.fresh(letter);
  }

  fresh(letter: 'T' | 'E' | 'R'): string {
    for (;;) {
      const n = this.next[letter] ?? 1;
      this.next[letter] = n + 1;
      const id = `${letter}${n}`;
      if (!this.used.has(id) && !this.own.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}

function describeSpan(m: PortableMention): string {
  return `${JSON.stringify(m.text.length > 60 ? `${m.text.slice(0, 57)}…` : m.text)} (${m.start}–${m.end})`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/gu, ' ');
}

// A document id as a file name: anything but letters, digits, `.`, `_` and `-` becomes `_`.
function fileName(id: string): string {
  return id.replace(/[^\p{L}\p{N}._-]/gu, '_').replace(/^\./u, '_');
}

// Spanlab's own lossless format, `spanlab-jsonl`: UTF-8 JSON Lines. The first line is a
// header carrying the label schema, so that a file is enough to rebuild the project it
// came from; every other line is one PortableDocument:
//
//   {"format":"spanlab-jsonl","version":1,"schema":{"entityTypes":[…],"eventTypes":[…],…}}
//   {"id":"…","title":"…","text":"…","source":"…","metadata":{…},"status":"done","note":"",
//    "blocks":[…],"mentions":[{"id":"T1","start":0,"end":6,"label":"PER","text":"Farouk",
//    "attributes":{},"note":"","entity":"N1"}],"entities":[…],"events":[…],"relations":[…]}
//
// Writing is deterministic, so that exporting the same annotations twice gives the same
// bytes: keys in the order above, object keys of metadata and attributes sorted, and
// lists in the order the document already has (see main/services/export/portableDocuments.ts
// for how the export orders and numbers them). Offsets are code points, end exclusive.
//
// Reading never throws: a line gives a document, the header, nothing (blank) or its errors,
// each with a path into the line. A reader may leave out everything but `text`: missing
// fields get their defaults, a mention's `text` is filled in (and checked when given).

import { z } from 'zod';
import { DOCUMENT_STATUSES, ATTRIBUTE_TARGETS, BLOCK_KINDS } from '../../common/model';
import type { JsonObject, JsonValue } from '../../common/model';
import type { SchemaSeed } from '../defaultSchema';
import { CodePointText } from '../codePointText';
import { shortened } from '../reportText';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './jsonDepth';
import type { PortableDocument } from './portableDocument';
import { portableDocumentProblems } from './portableDocumentCheck';

/** The header's `format` value. */
export const SPANLAB_JSONL_FORMAT = 'spanlab-jsonl';
/** The version this Spanlab writes and the newest it reads. */
export const SPANLAB_JSONL_VERSION = 1;

/** The first line of a file: what it is, and the schema its labels come from. */
export interface SpanlabJsonlHeader {
  format: typeof SPANLAB_JSONL_FORMAT;
  version: number;
  schema: SchemaSeed;
}

/** A problem with one line; `path` points into its JSON, e.g. `mentions.2.end`. */
export interface SpanlabJsonlError {
  line: number;
  path: string;
  message: string;
}

/** What one line held. */
export type SpanlabJsonlLine =
  | { kind: 'blank' }
  | { kind: 'header'; header: SpanlabJsonlHeader }
  | { kind: 'document'; document: PortableDocument }
  | { kind: 'invalid'; errors: SpanlabJsonlError[] };

// --- writing -------------------------------------------------------------------

/// The header line, newline included.
export function writeSpanlabJsonlHeader(schema: SchemaSeed): string {
  const type = (t: SchemaSeed['entityTypes'][number]) => ({
    name: t.name,
    color: t.color,
    hotkey: t.hotkey,
    description: t.description,
  });
  const header = {
    format: SPANLAB_JSONL_FORMAT,
    version: SPANLAB_JSONL_VERSION,
    schema: {
      entityTypes: schema.entityTypes.map(type),
      eventTypes: schema.eventTypes.map((t) => ({
        ...type(t),
        roles: t.roles.map((r) => ({ name: r.name, accepts: r.accepts, repeatable: r.repeatable })),
      })),
      relationTypes: schema.relationTypes.map(type),
      attributes: schema.attributes.map((a) => ({
        target: a.target,
        name: a.name,
        values: a.values,
        defaultValue: a.defaultValue,
      })),
    },
  };
  return `${JSON.stringify(header)}\n`;
}

/// One document as a line, newline included.
export function writeSpanlabJsonlDocument(document: PortableDocument): string {
  const line: Record<string, unknown> = {
    id: document.id,
    title: document.title,
    text: document.text,
    source: document.source,
    metadata: sortedKeys(document.metadata),
    status: document.status,
    note: document.note,
  };
  if (document.blocks) line.blocks = document.blocks.map((b) => ({ kind: b.kind, start: b.start, end: b.end }));
  line.mentions = document.mentions.map((m) => ({
    id: m.id,
    start: m.start,
    end: m.end,
    label: m.label,
    text: m.text,
    attributes: sortedKeys(m.attributes),
    note: m.note,
    entity: m.entity,
  }));
  line.entities = document.entities.map((e) => ({
    id: e.id,
    name: e.name,
    label: e.label,
    aliases: e.aliases,
    externalId: e.externalId,
  }));
  line.events = document.events.map((e) => ({
    id: e.id,
    type: e.type,
    trigger: e.trigger,
    arguments: e.arguments.map((a) => (a.mention !== undefined ? { role: a.role, mention: a.mention } : { role: a.role, event: a.event })),
    attributes: sortedKeys(e.attributes),
    note: e.note,
  }));
  line.relations = document.relations.map((r) => ({
    id: r.id,
    type: r.type,
    from: r.from,
    to: r.to,
    attributes: sortedKeys(r.attributes),
    note: r.note,
  }));
  return `${JSON.stringify(line)}\n`;
}

// Object keys in code-unit order, at every depth; arrays keep their order. Most attribute
// sets are empty and many are already sorted: those are written as they are.
function sortedKeys<T extends JsonValue>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => sortedKeys(v)) as T;
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 0) return value;
  const flat = keys.every((key, i) => (i === 0 || keys[i - 1]! < key) && !isObject((value as JsonObject)[key]));
  if (flat) return value;
  const sorted: JsonObject = {};
  for (const key of keys.sort()) sorted[key] = sortedKeys((value as JsonObject)[key]!);
  return sorted as T;
}

function isObject(value: JsonValue | undefined): boolean {
  return typeof value === 'object' && value !== null;
}

// --- reading -------------------------------------------------------------------

const name = z.string().min(1);
const attributes = z.record(z.string().min(1), z.union([z.string(), z.boolean()]));
const offset = z.int().min(0);

const seedType = z.object({
  name,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f77b4'),
  hotkey: z.string().regex(/^[0-9a-zA-Z]$/).nullable().default(null),
  description: z.string().default(''),
});
// More types than any real schema has would make the merge into a project (a transaction
// on the UI's connection) take long; see schemaSeedMerge.ts.
const MAX_SCHEMA_LIST = 1_000;
const headerLine = z
  .object({
    format: z.literal(SPANLAB_JSONL_FORMAT),
    version: z.int().min(1).max(SPANLAB_JSONL_VERSION, `this Spanlab reads spanlab-jsonl up to version ${SPANLAB_JSONL_VERSION}; update Spanlab`),
    schema: z
      .object({
        entityTypes: z.array(seedType.strict()).max(MAX_SCHEMA_LIST).default([]),
        eventTypes: z
          .array(
            seedType
              .extend({
                roles: z
                  .array(z.object({ name, accepts: z.array(name).default([]), repeatable: z.boolean().default(false) }).strict())
                  .default([]),
              })
              .strict(),
          )
          .max(MAX_SCHEMA_LIST)
          .default([]),
        relationTypes: z.array(seedType.strict()).max(MAX_SCHEMA_LIST).default([]),
        attributes: z
          .array(
            z
              .object({
                target: z.enum(ATTRIBUTE_TARGETS),
                name,
                values: z.array(name).default([]),
                defaultValue: z.string().nullable().default(null),
              })
              .strict(),
          )
          .max(MAX_SCHEMA_LIST)
          .default([]),
      })
      .strict(),
  })
  .strict();

const documentLine = z
  .object({
    id: name.optional(),
    title: z.string().default(''),
    text: z.string().min(1),
    source: z.string().default(''),
    metadata: z.record(z.string(), z.json()).default({}),
    status: z.enum(DOCUMENT_STATUSES).default('todo'),
    note: z.string().default(''),
    blocks: z.array(z.object({ kind: z.enum(BLOCK_KINDS), start: offset, end: offset }).strict()).optional(),
    mentions: z
      .array(
        z
          .object({
            id: name,
            start: offset,
            end: offset,
            label: name.nullable().default(null),
            text: z.string().optional(),
            attributes: attributes.default({}),
            note: z.string().default(''),
            entity: name.nullable().default(null),
          })
          .strict(),
      )
      .default([]),
    entities: z
      .array(
        z
          .object({
            id: name,
            name,
            label: name.nullable().default(null),
            aliases: z.array(name).default([]),
            externalId: z.string().nullable().default(null),
          })
          .strict(),
      )
      .default([]),
    events: z
      .array(
        z
          .object({
            id: name,
            type: name,
            trigger: name,
            arguments: z
              .array(z.object({ role: name, mention: name.optional(), event: name.optional() }).strict())
              .default([]),
            attributes: attributes.default({}),
            note: z.string().default(''),
          })
          .strict(),
      )
      .default([]),
    relations: z
      .array(
        z
          .object({ id: name, type: name, from: name, to: name, attributes: attributes.default({}), note: z.string().default('') })
          .strict(),
      )
      .default([]),
  })
  .strict();

/// Reads one line (`lineNumber` is 1-based, for the errors and a missing id).
export function readSpanlabJsonlLine(line: string, lineNumber: number): SpanlabJsonlLine {
  if (line.trim() === '') return { kind: 'blank' };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return invalid(lineNumber, '', `not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalid(lineNumber, '', 'expected a JSON object');
  }
  if (nestsDeeperThan(value)) return invalid(lineNumber, '', `nested more than ${MAX_JSON_DEPTH} levels deep`);
  if (Object.hasOwn(value, 'format')) {
    const parsed = headerLine.safeParse(value);
    if (!parsed.success) return { kind: 'invalid', errors: zodErrors(lineNumber, parsed.error) };
    return { kind: 'header', header: parsed.data };
  }
  const parsed = documentLine.safeParse(value);
  if (!parsed.success) return { kind: 'invalid', errors: zodErrors(lineNumber, parsed.error) };
  const { id, blocks, ...rest } = parsed.data;
  const text = new CodePointText(rest.text);
  const document: PortableDocument = {
    id: id ?? `line-${lineNumber}`,
    ...rest,
    ...(blocks ? { blocks } : {}),
    // A mention without its text gets the text it covers (when it is a span at all).
    mentions: rest.mentions.map((m) => ({
      ...m,
      text: m.text ?? (text.contains(m.start, m.end) ? text.slice(m.start, m.end) : ''),
    })),
    metadata: rest.metadata as JsonObject,
  };
  const problems = portableDocumentProblems(document, text);
  if (problems.length === 0) return { kind: 'document', document };
  return { kind: 'invalid', errors: problems.map((p) => ({ line: lineNumber, ...p })) };
}

/// Reads a whole file held in memory: its header (if any), its documents, and the errors
/// of the lines that were left out. Streaming readers call readSpanlabJsonlLine per line.
export function readSpanlabJsonl(text: string): {
  header: SpanlabJsonlHeader | null;
  documents: PortableDocument[];
  errors: SpanlabJsonlError[];
} {
  let header: SpanlabJsonlHeader | null = null;
  const documents: PortableDocument[] = [];
  const errors: SpanlabJsonlError[] = [];
  let seenContent = false;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      const read = readSpanlabJsonlLine(line, index + 1);
      if (read.kind === 'header') {
        if (seenContent) errors.push({ line: index + 1, path: '', message: 'a header may only be the first line' });
        else header = read.header;
      } else if (read.kind === 'document') {
        documents.push(read.document);
      } else if (read.kind === 'invalid') {
        errors.push(...read.errors);
      }
      if (read.kind !== 'blank') seenContent = true;
    });
  return { header, documents, errors };
}

function invalid(line: number, path: string, message: string): SpanlabJsonlLine {
  return { kind: 'invalid', errors: [{ line, path, message }] };
}

function zodErrors(line: number, error: z.ZodError): SpanlabJsonlError[] {
  // zod quotes the record's own keys ("Unrecognized key: …"), which may be any length.
  return error.issues.slice(0, 20).map((issue) => ({
    line,
    path: shortened(issue.path.map(String).join('.'), 100),
    message: shortened(issue.message, 200),
  }));
}

// The one contract between the UI and the services: every call the renderer may make
// (name → input schema → output type) and every event pushed to it. Main validates each
// input against these schemas before a service sees it; preload exposes exactly these
// names; the renderer's two transports (IPC, HTTP) are typed from here. Nothing else
// declares a channel.

import { z } from 'zod';
import type {
  AttributeDef,
  DocumentDetail,
  DocumentPage,
  DocumentSummary,
  Entity,
  EntityType,
  EventArgument,
  EventRecord,
  EventType,
  HistoryStep,
  LabelSchema,
  Mention,
  ProjectInfo,
  ProjectStats,
  RecentProject,
  Relation,
  RelationType,
  SchemaImportReport,
} from './model';
import { ATTRIBUTE_TARGETS, DOCUMENT_STATUSES } from './model';
import type { CallResult } from './errors';
import type { ImportJobState, ImportProgress } from './importReport';
import { IMPORT_FORMATS } from './importReport';
import type { ExportBatch, ExportJobState } from './export';
import { EXPORT_FORMAT_NAMES } from './export';
import type { BackupInfo, BackupReason } from './backups';

// --- building blocks ------------------------------------------------------------
// Bounds are generous for real work and small enough that a hostile payload is refused
// before it costs anything.

const id = z.int().min(1).max(Number.MAX_SAFE_INTEGER);
/** A code-point offset into a document's text (see model.ts). */
const offset = z.int().min(0).max(2 ** 31 - 1);
const name = z.string().trim().min(1).max(200);
const note = z.string().max(100_000);
const description = z.string().max(2_000);
const filePath = z.string().min(1).max(4_096);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f77b4');
/** One printable key (a digit or letter), or null for none. */
const hotkey = z
  .string()
  .regex(/^[0-9a-zA-Z]$/, 'one letter or digit')
  .nullable();
const attributes = z
  .record(z.string().min(1).max(100), z.union([z.string().max(1_000), z.boolean()]))
  .refine((a) => Object.keys(a).length <= 50, 'at most 50 attributes');
const empty = z.object({}).strict();
const importFormat = z.enum(['auto', ...IMPORT_FORMATS]);
/** A JSON field or CSV column name. */
const fieldName = z.string().min(1).max(200);
const jobId = z.string().min(1).max(100);

/** What to export and where (common/export.ts): `export.start`, and `spanlab export` too. */
const exportRequest = z
  .object({
    format: z.enum(EXPORT_FORMAT_NAMES),
    /**
     * The file, or for folder outputs (and any split) the folder, to write. Relative to the
     * project's folder when not absolute; `~/` is the home folder.
     */
    out: z.string().trim().min(1).max(4_096),
    /** Only documents with this status. */
    status: z.enum(DOCUMENT_STATUSES).optional(),
    /** Only documents of this import batch. */
    batch: z.int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
    /** Only documents matching this full-text search (as in the document list). */
    query: z.string().max(500).optional(),
    /** Only these labels (entity, event and relation type names); all when absent. */
    labels: z.array(z.string().trim().min(1).max(200)).min(1).max(1_000).optional(),
    /** Percentages of documents for train, dev and test. */
    split: z
      .object({ train: z.int().min(0).max(100), dev: z.int().min(0).max(100), test: z.int().min(0).max(100) })
      .strict()
      .refine((s) => s.train + s.dev + s.test === 100, 'train, dev and test must add up to 100')
      .optional(),
    seed: z.int().min(0).max(2 ** 31 - 1).optional(),
    /** CoNLL: write `-DOCSTART-` before each document (default true). */
    docstart: z.boolean().optional(),
    /** Tag formats: which of two overlapping mentions to keep (default outermost). */
    keep: z.enum(['outermost', 'innermost']).optional(),
    /** hf: one row per sentence (default) or per document. */
    level: z.enum(['sentence', 'document']).optional(),
    /** doccano: `labels` triples (default) or the `entities` + `relations` form. */
    doccanoForm: z.enum(['labels', 'entities']).optional(),
  })
  .strict();

const span = z
  .object({ start: offset, end: offset })
  .strict()
  .refine((s) => s.start < s.end, { message: 'start must be before end', path: ['end'] });

// --- calls ---------------------------------------------------------------------

export const callInputs = {
  'app.info': empty,

  'project.current': empty,
  'project.open': z.object({ path: filePath }).strict(),
  /** Creates a new project file; `sample` adds the short sample article. */
  'project.create': z.object({ path: filePath, sample: z.boolean() }).strict(),
  'project.recent': empty,
  /** Asks the user for a project path with a native dialog; `unsupported` in serve mode. */
  'project.pickPath': z.object({ mode: z.enum(['open', 'create']) }).strict(),
  'project.stats': empty,

  'documents.list': z
    .object({
      offset: z.int().min(0).max(10_000_000),
      limit: z.int().min(1).max(500),
      status: z.enum(DOCUMENT_STATUSES).optional(),
      /** Full-text search over title and text (FTS5 syntax is escaped; words are AND-ed). */
      query: z.string().max(500).optional(),
    })
    .strict(),
  'documents.get': z.object({ id }).strict(),
  'documents.setStatus': z.object({ id, status: z.enum(DOCUMENT_STATUSES) }).strict(),
  'documents.setNote': z.object({ id, note }).strict(),

  'mentions.create': z
    .object({
      documentId: id,
      start: offset,
      end: offset,
      typeId: id.nullable(),
      attributes: attributes.optional(),
      note: note.optional(),
    })
    .strict()
    .refine((m) => m.start < m.end, { message: 'start must be before end', path: ['end'] }),
  'mentions.update': z
    .object({
      id,
      start: offset.optional(),
      end: offset.optional(),
      typeId: id.nullable().optional(),
      entityId: id.nullable().optional(),
      attributes: attributes.optional(),
      note: note.optional(),
    })
    .strict(),
  /** Deletes the mention and what depends on it (events it triggers, arguments, relations). */
  'mentions.delete': z.object({ id }).strict(),

  /** Marks an event: the trigger is an existing mention or a new span (one undoable action). */
  'events.create': z
    .object({
      documentId: id,
      typeId: id,
      trigger: z.union([z.object({ mentionId: id }).strict(), span]),
      attributes: attributes.optional(),
    })
    .strict(),
  'events.update': z
    .object({ id, typeId: id.optional(), attributes: attributes.optional(), note: note.optional() })
    .strict(),
  'events.delete': z.object({ id }).strict(),

  /** Fills a role with a mention, another event (nested), or a new span that becomes a mention. */
  'arguments.create': z
    .object({
      eventId: id,
      roleId: id,
      target: z.union([
        z.object({ mentionId: id }).strict(),
        z.object({ eventId: id }).strict(),
        z.object({ start: offset, end: offset, typeId: id.nullable() }).strict(),
      ]),
    })
    .strict(),
  'arguments.delete': z.object({ id }).strict(),

  'relations.create': z
    .object({ typeId: id, fromMentionId: id, toMentionId: id, attributes: attributes.optional() })
    .strict(),
  'relations.delete': z.object({ id }).strict(),

  'entities.list': z
    .object({ query: z.string().max(200).optional(), limit: z.int().min(1).max(500) })
    .strict(),
  'entities.create': z
    .object({
      name,
      typeId: id.nullable(),
      aliases: z.array(name).max(100).optional(),
      externalId: z.string().max(500).nullable().optional(),
    })
    .strict(),
  'entities.update': z
    .object({
      id,
      name: name.optional(),
      typeId: id.nullable().optional(),
      aliases: z.array(name).max(100).optional(),
      externalId: z.string().max(500).nullable().optional(),
    })
    .strict(),
  /** Deletes the entity; its mentions stay, unlinked. */
  'entities.delete': z.object({ id }).strict(),
  /** Every mention linked to the entity, across documents. */
  'entities.mentions': z.object({ id }).strict(),

  /** Undo / redo the last annotation action of a document (null: schema and project actions). */
  'history.undo': z.object({ documentId: id.nullable() }).strict(),
  'history.redo': z.object({ documentId: id.nullable() }).strict(),

  'schema.get': empty,
  /** Creates (no id) or updates (rename, recolour, re-key) an entity type. */
  'schema.saveEntityType': z
    .object({ id: id.optional(), name, color, hotkey, description: description.optional() })
    .strict(),
  'schema.saveEventType': z
    .object({
      id: id.optional(),
      name,
      color,
      hotkey,
      description: description.optional(),
      roles: z
        .array(
          z
            .object({
              id: id.optional(),
              name,
              accepts: z.array(id).max(100),
              repeatable: z.boolean(),
            })
            .strict(),
        )
        .max(50),
    })
    .strict(),
  'schema.saveRelationType': z
    .object({ id: id.optional(), name, color, hotkey, description: description.optional() })
    .strict(),
  'schema.saveAttribute': z
    .object({
      id: id.optional(),
      target: z.enum(ATTRIBUTE_TARGETS),
      name,
      values: z.array(name).max(100),
      defaultValue: z.string().max(200).nullable(),
    })
    .strict(),
  /**
   * Deletes a type or attribute. Without `force`, a definition still in use is not deleted
   * and the answer says how many annotations it would take along, so the UI can ask.
   */
  'schema.delete': z
    .object({
      kind: z.enum(['entityType', 'eventType', 'relationType', 'attribute']),
      id,
      force: z.boolean(),
    })
    .strict(),
  /**
   * Merges a brat annotation.conf into the schema: adds the types and attributes it lacks,
   * keeps those it has (by name), as one undoable action. Unreadable lines are reported.
   */
  'schema.importBratConf': z.object({ text: z.string().max(1024 * 1024) }).strict(),
  /** The schema as a brat annotation.conf. */
  'schema.exportBratConf': empty,

  /**
   * Imports files and folders (taken recursively) into the open project, in a worker; its
   * progress comes as `progress` events, its report from import.status. In serve mode the
   * paths are paths on the machine running Spanlab.
   */
  'import.start': z
    .object({
      paths: z.array(filePath).min(1).max(10_000),
      format: importFormat.optional(),
      textField: fieldName.optional(),
      titleField: fieldName.optional(),
    })
    .strict(),
  /**
   * Imports files dropped on the window, sent as their bytes (base64) under their own
   * names; at most 10 MB in all (the service refuses more, saying to use import.start).
   */
  'import.files': z
    .object({
      files: z
        .array(z.object({ name: z.string().min(1).max(255), data: z.base64().max(14 * 1024 * 1024) }).strict())
        .min(1)
        .max(1_000),
      format: importFormat.optional(),
      textField: fieldName.optional(),
      titleField: fieldName.optional(),
    })
    .strict(),
  'import.cancel': z.object({ jobId }).strict(),
  'import.status': z.object({ jobId }).strict(),
  /** Asks the user for files or a folder to import with a native dialog; `unsupported` in serve mode. */
  'import.pickPaths': z.object({ kind: z.enum(['files', 'folder']) }).strict(),

  /**
   * Exports documents as training data (common/export.ts), in a worker; its progress comes
   * as `progress` events, its report from export.status. In serve mode `out` is a path on
   * the machine running Spanlab.
   */
  'export.start': exportRequest,
  'export.cancel': z.object({ jobId }).strict(),
  'export.status': z.object({ jobId }).strict(),
  /** Asks where to write an export with a native save dialog; `unsupported` in serve mode. */
  'export.pickPath': z.object({ format: z.enum(EXPORT_FORMAT_NAMES), split: z.boolean() }).strict(),
  /** The import batches that have documents, newest first: the dialog's choice of a batch. */
  'export.batches': empty,

  /** The open project's backups, newest first (common/backups.ts). */
  'backups.list': empty,
  /** Backs the open project up now ("Back up now"). */
  'backups.create': empty,
  /**
   * Replaces the open project with one of its backups, after backing up its current state
   * (`pre-restore`). `file` must be a `file` that backups.list answered; no other path is
   * accepted.
   */
  'backups.restore': z.object({ file: filePath }).strict(),
} as const satisfies Record<string, z.ZodType>;

/** The output of each call. Keys must match `callInputs` exactly (checked below). */
export interface CallOutputs {
  'app.info': { version: string; mode: 'electron' | 'serve'; platform: string };
  'project.current': ProjectInfo | null;
  'project.open': ProjectInfo;
  'project.create': ProjectInfo;
  'project.recent': RecentProject[];
  'project.pickPath': { path: string | null };
  'project.stats': ProjectStats;
  'documents.list': DocumentPage;
  'documents.get': DocumentDetail;
  'documents.setStatus': DocumentSummary;
  'documents.setNote': { id: number; note: string };
  'mentions.create': Mention;
  'mentions.update': Mention;
  'mentions.delete': { mentions: number; events: number; arguments: number; relations: number };
  'events.create': { event: EventRecord; trigger: Mention };
  'events.update': EventRecord;
  'events.delete': { events: number; arguments: number };
  'arguments.create': { argument: EventArgument; mention: Mention | null };
  'arguments.delete': { arguments: number };
  'relations.create': Relation;
  'relations.delete': { relations: number };
  'entities.list': Entity[];
  'entities.create': Entity;
  'entities.update': Entity;
  'entities.delete': { entities: number; unlinkedMentions: number };
  'entities.mentions': { mention: Mention; documentTitle: string; text: string }[];
  'history.undo': HistoryStep | null;
  'history.redo': HistoryStep | null;
  'schema.get': LabelSchema;
  'schema.saveEntityType': EntityType;
  'schema.saveEventType': EventType;
  'schema.saveRelationType': RelationType;
  'schema.saveAttribute': AttributeDef;
  'schema.delete': { deleted: boolean; affected: number };
  'schema.importBratConf': SchemaImportReport;
  'schema.exportBratConf': { text: string };
  'import.start': { jobId: string };
  'import.files': { jobId: string };
  'import.cancel': { cancelled: boolean };
  'import.status': ImportJobState;
  'import.pickPaths': { paths: string[] };
  'export.start': { jobId: string };
  'export.cancel': { cancelled: boolean };
  'export.status': ExportJobState;
  'export.pickPath': { path: string | null };
  'export.batches': ExportBatch[];
  'backups.list': BackupInfo[];
  'backups.create': BackupInfo;
  'backups.restore': ProjectInfo;
}

export type CallName = keyof typeof callInputs;
export const CALL_NAMES = Object.keys(callInputs) as CallName[];
/** What a caller passes (before defaults and trimming). */
export type CallInput<K extends CallName> = z.input<(typeof callInputs)[K]>;
/** What a handler receives, after validation. */
export type ValidInput<K extends CallName> = z.output<(typeof callInputs)[K]>;
export type CallOutput<K extends CallName> = CallOutputs[K];

// Compile-time check that inputs and outputs list the same calls.
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : never;
const _sameKeys: SameKeys<typeof callInputs, CallOutputs> = true;
void _sameKeys;

export function isCallName(value: unknown): value is CallName {
  return typeof value === 'string' && Object.hasOwn(callInputs, value);
}

/** The services side: one function per call, given validated input. */
export type CallHandlers = {
  [K in CallName]: (input: ValidInput<K>) => CallOutput<K> | Promise<CallOutput<K>>;
};

// --- events pushed to the UI ---------------------------------------------------------

export const MENU_COMMANDS = [
  'newProject',
  'openProject',
  'import',
  'export',
  'undo',
  'redo',
  'toggleTheme',
  'about',
  'backups',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface EventPayloads {
  /** A project was opened or closed (null) from outside the UI, e.g. the native menu. */
  'project.changed': ProjectInfo | null;
  /** Annotations or status of a document changed by someone other than the caller (undo, import). */
  'document.changed': { documentId: number };
  /** Progress of a long job (import, export); `total` null while unknown. */
  progress: {
    jobId: string;
    label: string;
    done: number;
    total: number | null;
    finished: boolean;
    /** An import's files, documents, bytes, rate and time left. */
    import?: ImportProgress;
  };
  /** A native menu item the renderer carries out. */
  menu: { command: MenuCommand; path?: string };
  /** An automatic backup could not be written (the project itself is unharmed). */
  'backup.failed': { reason: BackupReason; message: string };
}
export type EventName = keyof EventPayloads;
export const EVENT_NAMES = [
  'project.changed',
  'document.changed',
  'progress',
  'menu',
  'backup.failed',
] as const satisfies readonly EventName[];

// --- the bridge both transports implement ----------------------------------------------

/**
 * What `window.spanlab` is in Electron (exposed by the preload) and what the HTTP
 * transport implements in a browser. The renderer codes against this and nothing else.
 */
export interface SpanlabBridge {
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallResult<CallOutput<K>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

/** IPC channel names, derived from the contract so that no side types one by hand. */
export const ipcChannel = {
  call: (name: CallName) => `spanlab:call:${name}`,
  event: (name: EventName) => `spanlab:event:${name}`,
} as const;

/** One pushed event, as a discriminated union: what a transport forwards to the renderer. */
export type EventMessage = { [E in EventName]: { name: E; payload: EventPayloads[E] } }[EventName];

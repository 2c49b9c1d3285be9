// Runs an export format's writer in memory, for the per-format tests: portable documents
// in, the text of every output and the report's parts out. Also a small builder of
// portable documents from phrases, so a test states its annotations by their text.

import type { ExportFormatName, ExportIssue, ExportRequest } from '../../common/export';
import type { LabelSchema } from '../../common/model';
import { DEFAULT_SCHEMA } from '../../core/defaultSchema';
import type { SchemaSeed } from '../../core/defaultSchema';
import type { ExportSink } from '../../core/export/exportFormat';
import { EXPORT_WRITERS } from '../../core/export/exportFormats';
import type { PortableDocument, PortableEvent, PortableMention, PortableRelation } from '../../core/formats/portableDocument';
import { exportBratConf } from '../../main/services/schemaInterchange';
import { spanOf } from './projectFixture';

export interface Written {
  /** What was appended to the data file. */
  data: string;
  /** Whole files, by name (the document's and the root's). */
  files: Map<string, string>;
  issues: ExportIssue[];
  notes: string[];
  /** Annotations written per label. */
  counts: Record<string, number>;
}

/// Writes `documents` with `format` (one output, no split).
export function writeWith(
  format: ExportFormatName,
  documents: readonly PortableDocument[],
  request: Partial<ExportRequest> = {},
  schema: SchemaSeed = DEFAULT_SCHEMA,
): Written {
  const written: Written = { data: '', files: new Map(), issues: [], notes: [], counts: {} };
  const sink: ExportSink = {
    append: (text) => (written.data += text),
    file: (name, text) => void written.files.set(name, text),
  };
  const writer = EXPORT_WRITERS[format].create({
    schema,
    request: { format, out: '/unused', ...request },
    ...(format === 'brat' ? { annotationConf: exportBratConf(labelSchemaOf(schema), 'test') } : {}),
    issue: (document, item, reason) => written.issues.push({ document, item, reason }),
    count: (label) => (written.counts[label] = (written.counts[label] ?? 0) + 1),
    note: (text) => written.notes.push(text),
  });
  writer.begin?.(sink);
  for (const document of documents) writer.write(document, sink);
  writer.finish(sink);
  return written;
}

type MentionSpec = [phrase: string, label: string | null, options?: { from?: number; entity?: string }];

/// A portable document whose mentions are given as [phrase, label] (T1, T2… in that order),
/// events as [type, trigger mention id, [role, target id]…] and relations as [type, from, to].
export function portable(
  id: string,
  text: string,
  mentions: MentionSpec[],
  events: [type: string, trigger: string, args: [string, string][]][] = [],
  relations: [type: string, from: string, to: string][] = [],
): PortableDocument {
  const portableMentions: PortableMention[] = mentions.map(([phrase, label, options], i) => {
    const { start, end } = spanOf(text, phrase, options?.from ?? 0);
    return { id: `T${i + 1}`, start, end, label, text: phrase, attributes: {}, note: '', entity: options?.entity ?? null };
  });
  const entityIds = [...new Set(portableMentions.map((m) => m.entity).filter((e): e is string => e !== null))];
  const portableEvents: PortableEvent[] = events.map(([type, trigger, args], i) => ({
    id: `E${i + 1}`,
    type,
    trigger,
    arguments: args.map(([role, target]) => (target.startsWith('E') ? { role, event: target } : { role, mention: target })),
    attributes: {},
    note: '',
  }));
  const portableRelations: PortableRelation[] = relations.map(([type, from, to], i) => ({
    id: `R${i + 1}`,
    type,
    from,
    to,
    attributes: {},
    note: '',
  }));
  return {
    id,
    title: id,
    text,
    source: '',
    metadata: {},
    status: 'done',
    note: '',
    mentions: portableMentions,
    entities: entityIds.map((e) => ({ id: e, name: e, label: null, aliases: [], externalId: null })),
    events: portableEvents,
    relations: portableRelations,
  };
}

// The seed with made-up ids, as the Schema view's annotation.conf export takes it.
function labelSchemaOf(seed: SchemaSeed): LabelSchema {
  const entityIds = new Map(seed.entityTypes.map((t, i) => [t.name, i + 1]));
  const type = (t: SchemaSeed['entityTypes'][number], i: number) => ({ ...t, id: i + 1 });
  return {
    entityTypes: seed.entityTypes.map(type),
    eventTypes: seed.eventTypes.map((t, i) => ({
      ...type(t, i),
      roles: t.roles.map((r, j) => ({
        id: i * 100 + j + 1,
        eventTypeId: i + 1,
        name: r.name,
        accepts: r.accepts.map((name) => entityIds.get(name)!),
        repeatable: r.repeatable,
      })),
    })),
    relationTypes: seed.relationTypes.map(type),
    attributes: seed.attributes.map((a, i) => ({ ...a, id: i + 1 })),
  };
}

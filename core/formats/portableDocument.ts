// A document with its annotations in a form that leaves the project: labels by name rather
// than by database id, references by ids local to the document. It is what every importer
// produces and every exporter consumes, and it is, record for record, Spanlab's own lossless
// `spanlab-jsonl` format. Offsets are code points, end exclusive (see common/model.ts).

import type { AttributeValues, Block, DocumentStatus, JsonObject } from '../../common/model';

export interface PortableMention {
  /** Unique within the document, e.g. "T1". */
  id: string;
  start: number;
  end: number;
  /** Entity type name; null for an untyped span such as an event trigger. */
  label: string | null;
  /** The covered text, `text[start:end]`: written for readers, checked on import. */
  text: string;
  attributes: AttributeValues;
  note: string;
  /** Id of an entry in `entities`, or null. */
  entity: string | null;
}

/** A cross-document entity, as seen from this document. Same id in every document of one export. */
export interface PortableEntity {
  id: string;
  name: string;
  label: string | null;
  aliases: string[];
  externalId: string | null;
}

export interface PortableArgument {
  role: string;
  /** Exactly one of `mention` (an entity argument) and `event` (a nested event) is set. */
  mention?: string;
  event?: string;
}

export interface PortableEvent {
  id: string;
  type: string;
  /** Id of the trigger mention. */
  trigger: string;
  arguments: PortableArgument[];
  attributes: AttributeValues;
  note: string;
}

export interface PortableRelation {
  id: string;
  type: string;
  from: string;
  to: string;
  attributes: AttributeValues;
  note: string;
}

export interface PortableDocument {
  /** The document's id in its source (file name, record id, export id). */
  id: string;
  title: string;
  text: string;
  source: string;
  metadata: JsonObject;
  status: DocumentStatus;
  note: string;
  /** Headings and paragraphs; absent when the reader leaves block detection to the importer. */
  blocks?: Block[];
  mentions: PortableMention[];
  entities: PortableEntity[];
  events: PortableEvent[];
  relations: PortableRelation[];
}

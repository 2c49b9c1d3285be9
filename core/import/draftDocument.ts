// A PortableDocument as a reader starts it: the text and where it came from, with every
// other field at its neutral value, so that each reader sets only what its format has.

import type { PortableDocument } from '../formats/portableDocument';

/// A new document; `fields` override the neutral values.
export function draftDocument(fields: Pick<PortableDocument, 'id' | 'text'> & Partial<PortableDocument>): PortableDocument {
  return {
    title: '',
    source: '',
    metadata: {},
    status: 'todo',
    note: '',
    mentions: [],
    entities: [],
    events: [],
    relations: [],
    ...fields,
  };
}

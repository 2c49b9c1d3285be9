// The colours labels take: colour-blind-safe palettes, one per kind of label, so that an
// event trigger never looks like an entity. The default schema is coloured from them, and
// a label added later (by hand or by an import) takes the first colour no label of its
// kind has yet.

/** Which palette a label takes its colour from. */
export type LabelKind = 'entity' | 'event' | 'relation';

/// Paul Tol's "muted" scheme for entity types (nine colours that stay distinct under the
/// common colour-vision deficiencies), his "light" scheme for event types, and the
/// Okabe–Ito colours for relation types.
export const LABEL_PALETTES: Readonly<Record<LabelKind, readonly string[]>> = {
  entity: ['#CC6677', '#332288', '#DDCC77', '#117733', '#88CCEE', '#882255', '#44AA99', '#999933', '#AA4499'],
  event: ['#77AADD', '#EE8866', '#EEDD88', '#FFAABB', '#99DDFF', '#44BB99', '#BBCC33', '#AAAA00'],
  relation: ['#E69F00', '#56B4E9', '#009E73', '#0072B2', '#D55E00', '#CC79A7'],
};

/// A colour for a new label of `kind`: the first of its palette that no label has yet
/// (`used`: the colours of all labels, compared without case). Past its own palette a kind
/// borrows the unused colours of the others (relation colours first: relations are drawn
/// as lines, so an entity in one is not taken for a relation), which keeps every colour
/// colour-blind-safe. When every colour is taken, its own palette's least used one, so
/// that repeats spread evenly.
export function unusedColor(kind: LabelKind, used: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const color of used) counts.set(color.toUpperCase(), (counts.get(color.toUpperCase()) ?? 0) + 1);
  const borrowed = BORROWING[kind].flatMap((other) => LABEL_PALETTES[other]);
  const palette = LABEL_PALETTES[kind];
  const free = [...palette, ...borrowed].find((c) => !counts.has(c));
  if (free) return free;
  const uses = (c: string) => counts.get(c) ?? 0;
  return palette.reduce((least, c) => (uses(c) < uses(least) ? c : least));
}

// The palettes a kind borrows from, in order, once its own is used up.
const BORROWING: Record<LabelKind, LabelKind[]> = {
  entity: ['relation', 'event'],
  event: ['relation', 'entity'],
  relation: ['entity', 'event'],
};

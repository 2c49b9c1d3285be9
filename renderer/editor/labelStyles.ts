// Per-label colours without style attributes or <style> elements (both refused by the
// CSP): one constructed stylesheet, adopted by the document, with a rule per label that
// sets `--mention-color`; the components draw from that variable. Entity types colour
// `.mention-type-<id>` (highlights, swatches), event types `.event-type-<id>` (triggers,
// arcs), relation types `.relation-type-<id>`. Replacing the sheet's text recolours every
// highlight at once when the schema changes.

import type { EntityType, EventType, RelationType } from '../../common/model';

let sheet: CSSStyleSheet | null = null;
let applied: string | null = null;
// Kept for a call that passes entity types alone, so that it does not blank the others.
let others: { eventTypes: readonly EventType[]; relationTypes: readonly RelationType[] } = { eventTypes: [], relationTypes: [] };

/// Makes each label's class use the label's colour. Without `more`, event and relation
/// types keep the colours they were last given.
export function applyLabelColors(
  entityTypes: readonly EntityType[],
  more?: { eventTypes: readonly EventType[]; relationTypes: readonly RelationType[] },
): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  if (more) others = more;
  const rules = [
    ...rulesFor('mention-type', entityTypes),
    ...rulesFor('event-type', others.eventTypes),
    ...rulesFor('relation-type', others.relationTypes),
    ...pendingRulesFor('mention-type', entityTypes),
    ...pendingRulesFor('event-type', others.eventTypes),
  ];
  // A new sheet makes the browser work out the style of the whole page again (the
  // highlight rules apply to every element): 80 ms with a 1 MB article open. The schema is
  // fetched again with each document, mostly unchanged.
  const text = rules.join('\n');
  if (text === applied) return;
  sheet.replaceSync(text);
  applied = text;
}

function rulesFor(prefix: string, types: readonly { id: number; color: string }[]): string[] {
  return safe(types).map((type) => `.${prefix}-${type.id} { --mention-color: ${type.color}; }`);
}

// A span being saved (pendingMentions.ts) is a highlight, which takes no variables from
// the text: its colours are written out, a light tint and a dashed line.
function pendingRulesFor(prefix: string, types: readonly { id: number; color: string }[]): string[] {
  return safe(types).map(
    (type) => `::highlight(pending-${prefix}-${type.id}) { background-color: ${type.color}38; text-decoration: underline dashed 2px ${type.color}; }`,
  );
}

// The contract already guarantees #rrggbb; checked again because this text is CSS.
function safe<T extends { id: number; color: string }>(types: readonly T[]): T[] {
  return types.filter((type) => Number.isInteger(type.id) && /^#[0-9a-fA-F]{6}$/.test(type.color));
}

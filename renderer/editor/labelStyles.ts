// Per-label colours without style attributes or <style> elements (both refused by the
// CSP): one constructed stylesheet, adopted by the document, with a rule per entity type
// that sets `--mention-color`; editor.css does the drawing from that variable. Replacing
// the sheet's text recolours every highlight at once when the schema changes.

import type { EntityType } from '../../common/model';

let sheet: CSSStyleSheet | null = null;

/// Makes `.mention-type-<id>` use each type's colour.
export function applyLabelColors(entityTypes: readonly EntityType[]): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  const rules = entityTypes
    // The contract already guarantees #rrggbb; checked again because this text is CSS.
    .filter((type) => Number.isInteger(type.id) && /^#[0-9a-fA-F]{6}$/.test(type.color))
    .map((type) => `.mention-type-${type.id} { --mention-color: ${type.color}; }`);
  sheet.replaceSync(rules.join('\n'));
}

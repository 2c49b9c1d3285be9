// How mentions are painted over the immutable text: one inline decoration per mention,
// classes only (the CSP refuses style attributes; colours come from labelStyles.ts). Each
// decoration gets its own wrapping element (`nodeName`), so nested and overlapping mentions
// are nested elements, each with its own class, title and id, rather than one element
// whose attributes the last mention would overwrite.
//
// Classes: `mention`; the label (`mention-type-<id>`, or `mention-untyped`); an event
// trigger's event type (`mention-trigger event-type-<id>`); its lane under overlapping
// mentions (`depth-0`…`depth-3`, see core/spanLanes.ts); `is-focused` for the focused
// mention and `is-linked` for what it is connected to.

import type { Node as PMNode } from 'prosemirror-model';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Entity, LabelSchema, Mention } from '../../common/model';
import type { OffsetMap } from '../../core/offsetMap';
import type { AnnotationData } from './annotationLinks';

/** Lanes beyond this are drawn on the last one: four underlines are as many as a line holds. */
export const DEEPEST_LANE = 3;

export interface DecorationInput {
  data: AnnotationData;
  entities: readonly Entity[];
  schema: LabelSchema;
  /** Each mention's lane, by id. */
  lanes: ReadonlyMap<number, number>;
  focus: number | null;
  /** Mentions at the other end of the focus's links. */
  linked: ReadonlySet<number>;
}

/// The decorations for all mentions of the article whose document is `doc`.
export function mentionDecorations(doc: PMNode, map: OffsetMap, input: DecorationInput): DecorationSet {
  const typeNames = new Map(input.schema.entityTypes.map((t) => [t.id, t.name]));
  const eventTypes = new Map(input.schema.eventTypes.map((t) => [t.id, t.name]));
  const entityNames = new Map(input.entities.map((e) => [e.id, e.name]));
  // The event type each trigger mention anchors (the first, when a span triggers several).
  const triggers = new Map<number, number>();
  for (const event of input.data.events) {
    if (!triggers.has(event.triggerMentionId)) triggers.set(event.triggerMentionId, event.typeId);
  }

  const decorations: Decoration[] = [];
  for (const mention of input.data.mentions) {
    const range = toRange(map, mention);
    if (!range) continue;
    const classes = ['mention', mention.typeId === null ? 'mention-untyped' : `mention-type-${mention.typeId}`];
    const eventType = triggers.get(mention.id);
    if (eventType !== undefined) classes.push('mention-trigger', `event-type-${eventType}`);
    classes.push(`depth-${Math.min(input.lanes.get(mention.id) ?? 0, DEEPEST_LANE)}`);
    if (mention.id === input.focus) classes.push('is-focused');
    else if (input.linked.has(mention.id)) classes.push('is-linked');

    // The label in words on hover, so that colour is never the only clue.
    const title = [
      mention.typeId !== null ? (typeNames.get(mention.typeId) ?? 'Unknown type') : null,
      eventType !== undefined ? `${eventTypes.get(eventType) ?? 'Event'} trigger` : null,
      mention.entityId !== null ? `→ ${entityNames.get(mention.entityId) ?? 'linked entity'}` : null,
    ]
      .filter(Boolean)
      .join(' · ');
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        {
          nodeName: 'span',
          class: classes.join(' '),
          'data-mention-id': String(mention.id),
          title: title || 'Span',
        },
        { mentionId: mention.id },
      ),
    );
  }
  return DecorationSet.create(doc, decorations);
}

function toRange(map: OffsetMap, mention: Mention): { from: number; to: number } | null {
  try {
    return map.rangeToPos(mention.start, mention.end);
  } catch (error) {
    // One mention with offsets outside the text must not blank the whole article.
    console.warn(`[spanlab] mention ${mention.id} does not fit the text:`, error);
    return null;
  }
}

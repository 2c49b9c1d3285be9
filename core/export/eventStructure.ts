// The event-extraction formats (dygiepp, oneie) share what they demand of annotations:
// entity mentions on token boundaries, arguments that are such mentions in the trigger's
// sentence, relations within a sentence. This works it out once per document: which
// mentions are exportable entities, and for each event and relation either what to write
// or the reason it (or one argument) is left out.

import type { PortableDocument, PortableEvent, PortableMention, PortableRelation } from '../formats/portableDocument';
import type { TokenRange } from './tokenizedDocument';
import { TokenizedDocument, describe } from './tokenizedDocument';

export interface PlacedMention {
  mention: PortableMention;
  range: TokenRange;
  sentence: number;
}

export interface PlacedArgument {
  role: string;
  target: PlacedMention;
}

export interface PlacedEvent {
  event: PortableEvent;
  trigger: PlacedMention;
  arguments: PlacedArgument[];
}

export interface PlacedRelation {
  relation: PortableRelation;
  from: PlacedMention;
  to: PlacedMention;
}

export interface EventStructure {
  tokenized: TokenizedDocument;
  /** Typed mentions on token boundaries, in document order. */
  entities: PlacedMention[];
  events: PlacedEvent[];
  relations: PlacedRelation[];
}

export interface EventStructureRules {
  format: string;
  /** Whether a trigger may cover more than one token. */
  multiTokenTriggers: boolean;
}

/// Places `document`'s annotations in tokens and sentences, reporting what does not fit.
export function eventStructure(
  document: PortableDocument,
  rules: EventStructureRules,
  issue: (item: string, reason: string) => void,
): EventStructure {
  const { format } = rules;
  const tokenized = new TokenizedDocument(document);
  const place = (mention: PortableMention): PlacedMention | null => {
    const range = tokenized.tokensOf(mention);
    return range ? { mention, range, sentence: tokenized.sentenceOf(range.first) } : null;
  };
  const mentionsById = new Map(document.mentions.map((m) => [m.id, m]));
  const entities = new Map<string, PlacedMention>();
  for (const mention of document.mentions) {
    if (mention.label === null) continue;
    const placed = place(mention);
    if (placed) entities.set(mention.id, placed);
    else issue(mention.id, `${tokenized.misalignment(mention)}; left out`);
  }

  const events: PlacedEvent[] = [];
  for (const event of document.events) {
    const triggerMention = mentionsById.get(event.trigger)!;
    const trigger = place(triggerMention);
    if (!trigger) {
      issue(event.id, `${event.type} event: its trigger ${tokenized.misalignment(triggerMention)}; left out`);
      continue;
    }
    if (!rules.multiTokenTriggers && trigger.range.last > trigger.range.first) {
      issue(event.id, `${event.type} event: its trigger ${describe(triggerMention)} is ${trigger.range.last - trigger.range.first + 1} tokens; ${format} triggers are one token; left out`);
      continue;
    }
    const args: PlacedArgument[] = [];
    for (const argument of event.arguments) {
      const why = (reason: string) => issue(event.id, `${event.type} event: its ${argument.role} argument ${reason}; left out`);
      if (argument.event !== undefined) {
        why(`is the event ${argument.event}; ${format} has no nested events`);
        continue;
      }
      const target = entities.get(argument.mention!);
      const mention = mentionsById.get(argument.mention!)!;
      if (!target) why(`${describe(mention)} is not an exported entity mention`);
      else if (target.sentence !== trigger.sentence) why(`${describe(mention)} is in another sentence than the trigger`);
      else args.push({ role: argument.role, target });
    }
    events.push({ event, trigger, arguments: args });
  }

  const relations: PlacedRelation[] = [];
  for (const relation of document.relations) {
    const from = entities.get(relation.from);
    const to = entities.get(relation.to);
    if (!from || !to) {
      issue(relation.id, `${relation.type} relation: one of its ends is not an exported entity mention; left out`);
    } else if (from.sentence !== to.sentence) {
      issue(relation.id, `${relation.type} relation: its ends are in different sentences; left out`);
    } else {
      relations.push({ relation, from, to });
    }
  }
  return { tokenized, entities: [...entities.values()], events, relations };
}

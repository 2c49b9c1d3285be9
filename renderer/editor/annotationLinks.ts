// What a focused mention is connected to: the arguments of the events it triggers, the
// events it fills a role of (with their other arguments, so the whole event shows), and
// the relations it takes part in. The editor marks the mentions at the other ends and the
// arc overlay draws one arc per link. Pure: plain data in, plain data out.

import type { EventArgument, EventRecord, LabelSchema, Mention, Relation } from '../../common/model';

/** The annotations of one document, as the editor holds them. */
export interface AnnotationData {
  mentions: readonly Mention[];
  events: readonly EventRecord[];
  arguments: readonly EventArgument[];
  relations: readonly Relation[];
}

/** One arc: an event's trigger to an argument, or a relation's source to its target. */
export interface Link {
  key: string;
  kind: 'argument' | 'relation';
  fromMentionId: number;
  toMentionId: number;
  /** The role or relation type name, drawn on the arc. */
  label: string;
  /** The class that colours it: the event's or the relation's type. */
  colorClass: string;
  /** An argument whose entity type the role does not accept. */
  mismatch: boolean;
}

/// The links to draw while `focusId` is focused (none when nothing is). `mentions` may
/// pass the data's mentions by id, when the caller has them so.
export function linksOf(
  data: AnnotationData,
  schema: LabelSchema,
  focusId: number | null,
  mentions: ReadonlyMap<number, Mention> = new Map(data.mentions.map((m) => [m.id, m])),
): Link[] {
  if (focusId === null) return [];
  const links: Link[] = [];
  const events = new Map(data.events.map((e) => [e.id, e]));
  const roles = new Map(schema.eventTypes.flatMap((t) => t.roles.map((r) => [r.id, r] as const)));

  // Events shown whole: those the focus triggers, and those it fills a role of.
  const shown = new Set<number>();
  for (const event of data.events) if (event.triggerMentionId === focusId) shown.add(event.id);
  for (const argument of data.arguments) {
    const filler = argument.mentionId ?? events.get(argument.argEventId ?? -1)?.triggerMentionId;
    if (filler === focusId) shown.add(argument.eventId);
  }
  for (const argument of data.arguments) {
    const event = events.get(argument.eventId);
    if (!event || !shown.has(event.id)) continue;
    const filler = argument.mentionId !== null ? mentions.get(argument.mentionId) : undefined;
    const to = filler?.id ?? events.get(argument.argEventId ?? -1)?.triggerMentionId;
    if (to === undefined) continue;
    const role = roles.get(argument.roleId);
    links.push({
      key: `a${argument.id}`,
      kind: 'argument',
      fromMentionId: event.triggerMentionId,
      toMentionId: to,
      label: role?.name ?? 'argument',
      colorClass: `event-type-${event.typeId}`,
      mismatch: role !== undefined && filler !== undefined && !accepts(role.accepts, filler.typeId),
    });
  }
  const relationNames = new Map(schema.relationTypes.map((t) => [t.id, t.name]));
  for (const relation of data.relations) {
    if (relation.fromMentionId !== focusId && relation.toMentionId !== focusId) continue;
    links.push({
      key: `r${relation.id}`,
      kind: 'relation',
      fromMentionId: relation.fromMentionId,
      toMentionId: relation.toMentionId,
      label: relationNames.get(relation.typeId) ?? 'relation',
      colorClass: `relation-type-${relation.typeId}`,
      mismatch: false,
    });
  }
  return links;
}

/// Whether a role that accepts `accepted` entity types (empty: any) takes a filler of type
/// `typeId`. An untyped filler is accepted only by a role that takes any.
export function accepts(accepted: readonly number[], typeId: number | null): boolean {
  return accepted.length === 0 || (typeId !== null && accepted.includes(typeId));
}

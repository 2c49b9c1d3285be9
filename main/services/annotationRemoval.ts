// Removing an annotation removes what depends on it, row by row through the change
// recorder, so that one undo brings all of it back. The schema refuses these deletions
// (ON DELETE RESTRICT) precisely so that nothing disappears without being recorded.
// Callers run these inside their recorder action.

import type { Statement } from 'better-sqlite3';
import type { ChangeRecorder } from '../../db/changeRecorder';
import type { Connection } from '../../db/openDatabase';

/** How many rows of each kind a removal took. */
export interface Removed {
  mentions: number;
  events: number;
  arguments: number;
  relations: number;
}

export class AnnotationRemoval {
  private readonly eventsTriggeredBy: Statement<[number], number>;
  private readonly argumentsOfEvent: Statement<[number, number], number>;
  private readonly argumentsOfMention: Statement<[number], number>;
  private readonly relationsOfMention: Statement<[number, number], number>;
  private readonly triggerOf: Statement<[number], { trigger_mention_id: number }>;
  private readonly untypedAndUnused: Statement<[number, number, number, number, number], number>;

  constructor(
    db: Connection,
    private readonly recorder: ChangeRecorder,
  ) {
    this.eventsTriggeredBy = db
      .prepare<[number], number>('SELECT id FROM events WHERE trigger_mention_id = ? ORDER BY id')
      .pluck();
    // UNION rather than OR, so that each side uses its index.
    this.argumentsOfEvent = db
      .prepare<[number, number], number>(
        `SELECT id FROM event_arguments WHERE event_id = ?
         UNION SELECT id FROM event_arguments WHERE arg_event_id = ? ORDER BY id`,
      )
      .pluck();
    this.argumentsOfMention = db
      .prepare<[number], number>('SELECT id FROM event_arguments WHERE mention_id = ? ORDER BY id')
      .pluck();
    this.relationsOfMention = db
      .prepare<[number, number], number>(
        `SELECT id FROM relations WHERE from_mention_id = ?
         UNION SELECT id FROM relations WHERE to_mention_id = ? ORDER BY id`,
      )
      .pluck();
    this.triggerOf = db.prepare('SELECT trigger_mention_id FROM events WHERE id = ?');
    this.untypedAndUnused = db
      .prepare<[number, number, number, number, number], number>(
        `SELECT count(*) FROM mentions m WHERE m.id = ? AND m.type_id IS NULL
           AND NOT EXISTS (SELECT 1 FROM events WHERE trigger_mention_id = ?)
           AND NOT EXISTS (SELECT 1 FROM event_arguments WHERE mention_id = ?)
           AND NOT EXISTS (SELECT 1 FROM relations WHERE from_mention_id = ? OR to_mention_id = ?)`,
      )
      .pluck();
  }

  /// Deletes a mention with the events it triggers (and their arguments), the arguments it
  /// fills and the relations it takes part in.
  mention(id: number): Removed {
    const removed: Removed = { mentions: 0, events: 0, arguments: 0, relations: 0 };
    for (const eventId of this.eventsTriggeredBy.all(id)) add(removed, this.event(eventId, false));
    for (const argumentId of this.argumentsOfMention.all(id)) {
      this.recorder.delete('event_arguments', argumentId);
      removed.arguments++;
    }
    for (const relationId of this.relationsOfMention.all(id, id)) {
      this.recorder.delete('relations', relationId);
      removed.relations++;
    }
    this.recorder.delete('mentions', id);
    removed.mentions++;
    return removed;
  }

  /// Deletes an event with its own arguments and the arguments in which it is nested in
  /// another event. With `dropTrigger`, an untyped trigger mention that nothing else uses
  /// goes too: it only existed to anchor this event, and would linger as an unlabelled span.
  event(id: number, dropTrigger: boolean): Removed {
    const removed: Removed = { mentions: 0, events: 0, arguments: 0, relations: 0 };
    const trigger = this.triggerOf.get(id)?.trigger_mention_id;
    for (const argumentId of this.argumentsOfEvent.all(id, id)) {
      this.recorder.delete('event_arguments', argumentId);
      removed.arguments++;
    }
    this.recorder.delete('events', id);
    removed.events++;
    const unused = (id: number) => this.untypedAndUnused.get(id, id, id, id, id) === 1;
    if (dropTrigger && trigger !== undefined && unused(trigger)) {
      this.recorder.delete('mentions', trigger);
      removed.mentions++;
    }
    return removed;
  }
}

function add(total: Removed, more: Removed): void {
  total.mentions += more.mentions;
  total.events += more.events;
  total.arguments += more.arguments;
  total.relations += more.relations;
}

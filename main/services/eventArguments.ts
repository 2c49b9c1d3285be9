// Event arguments: a role of the event's type filled by a mention of the same document or,
// for nested events, by another event. A filler whose entity type the role does not list
// is accepted (the UI shows a warning); a second filler of a role that is not repeatable
// is refused.

import type { Statement } from 'better-sqlite3';
import type { ValidInput } from '../../common/contract';
import { SpanlabError } from '../../common/errors';
import type { EventArgument, Mention } from '../../common/model';
import type { ChangeRecorder } from '../../db/changeRecorder';
import type { Connection } from '../../db/openDatabase';
import type { ArgumentRow } from './annotationRows';
import { ARGUMENT_COLUMNS, toArgument } from './annotationRows';
import type { Events } from './events';
import type { Mentions } from './mentions';

interface RoleRow {
  id: number;
  event_type_id: number;
  name: string;
  repeatable: number;
}

type Target = ValidInput<'arguments.create'>['target'];

export class EventArguments {
  private readonly byId: Statement<[number], ArgumentRow>;
  private readonly byDocument: Statement<[number], ArgumentRow>;
  private readonly role: Statement<[number], RoleRow>;
  private readonly fillers: Statement<[number, number], ArgumentRow>;
  private readonly nestedEvents: Statement<[number], number>;
  private readonly documentOfEvent: Statement<[number], number>;

  constructor(
    db: Connection,
    private readonly recorder: ChangeRecorder,
    private readonly mentions: Mentions,
    private readonly events: Events,
  ) {
    this.byId = db.prepare(`SELECT ${ARGUMENT_COLUMNS} FROM event_arguments WHERE id = ?`);
    this.byDocument = db.prepare(
      `SELECT a.id, a.event_id, a.role_id, a.mention_id, a.arg_event_id
       FROM event_arguments a JOIN events e ON e.id = a.event_id WHERE e.document_id = ? ORDER BY a.id`,
    );
    this.role = db.prepare('SELECT id, event_type_id, name, repeatable FROM event_roles WHERE id = ?');
    this.fillers = db.prepare(`SELECT ${ARGUMENT_COLUMNS} FROM event_arguments WHERE event_id = ? AND role_id = ?`);
    this.nestedEvents = db
      .prepare<[number], number>(
        'SELECT arg_event_id FROM event_arguments WHERE event_id = ? AND arg_event_id IS NOT NULL',
      )
      .pluck();
    this.documentOfEvent = db.prepare<[number], number>('SELECT document_id FROM events WHERE id = ?').pluck();
  }

  /// Fills a role of an event. A span target becomes a new mention of the event's document
  /// in the same action; `mention` is that new mention, else null.
  create(input: ValidInput<'arguments.create'>): { argument: EventArgument; mention: Mention | null } {
    const event = this.events.get(input.eventId);
    const role = this.role.get(input.roleId);
    if (!role) throw new SpanlabError('not_found', `There is no role ${input.roleId}.`, 'roleId');
    if (role.event_type_id !== event.typeId) {
      const message = `The role "${role.name}" belongs to another event type than this event's.`;
      throw new SpanlabError('invalid_input', message, 'roleId');
    }
    const target = input.target;
    this.checkTarget(event.id, event.documentId, target);

    const filled = this.fillers.all(event.id, role.id);
    if (filled.length > 0 && role.repeatable === 0) {
      const message = `The role "${role.name}" of this event is already filled and takes one filler.`;
      throw new SpanlabError('conflict', message);
    }
    const same = filled.find((a) => {
      if ('mentionId' in target) return a.mention_id === target.mentionId;
      return 'eventId' in target && a.arg_event_id === target.eventId;
    });
    if (same) throw new SpanlabError('conflict', `That already fills the role "${role.name}" of this event.`);

    return this.recorder.action(`Add ${role.name} argument`, event.documentId, () => {
      let mention: Mention | null = null;
      if ('start' in target) {
        const { start, end, typeId } = target;
        mention = this.mentions.add({ documentId: event.documentId, start, end, typeId });
      }
      const id = this.recorder.insert('event_arguments', {
        event_id: event.id,
        role_id: role.id,
        mention_id: mention?.id ?? ('mentionId' in target ? target.mentionId : null),
        arg_event_id: 'eventId' in target ? target.eventId : null,
      });
      return { argument: this.get(id), mention };
    });
  }

  delete(id: number): { arguments: number } {
    const argument = this.get(id);
    const documentId = this.documentOfEvent.get(argument.eventId)!;
    const role = this.role.get(argument.roleId);
    this.recorder.action(`Delete ${role?.name ?? ''} argument`, documentId, () =>
      this.recorder.delete('event_arguments', id),
    );
    return { arguments: 1 };
  }

  /// One argument; `not_found` if there is none with that id.
  get(id: number): EventArgument {
    const row = this.byId.get(id);
    if (!row) throw new SpanlabError('not_found', `There is no argument ${id}.`);
    return toArgument(row);
  }

  /// The arguments of all events of a document.
  inDocument(documentId: number): EventArgument[] {
    return this.byDocument.all(documentId).map(toArgument);
  }

  // The filler must be in the event's document; a nested event must not contain the event
  // it is to fill a role of (that would make the nesting circular).
  private checkTarget(eventId: number, documentId: number, target: Target): void {
    if ('mentionId' in target) {
      const mention = this.mentions.get(target.mentionId);
      if (mention.documentId !== documentId) {
        const message = `Mention ${mention.id} is not in this event's document.`;
        throw new SpanlabError('not_found', message, 'target.mentionId');
      }
    } else if ('eventId' in target) {
      const filler = this.events.get(target.eventId);
      if (filler.documentId !== documentId) {
        throw new SpanlabError('not_found', `Event ${filler.id} is not in this event's document.`, 'target.eventId');
      }
      if (this.reaches(filler.id, eventId)) {
        const message = 'An event cannot be an argument of itself, directly or through nested events.';
        throw new SpanlabError('invalid_input', message, 'target.eventId');
      }
    } else {
      this.mentions.checkSpan(documentId, target.start, target.end);
      if (target.typeId !== null) this.mentions.requireType(target.typeId);
    }
  }

  // Whether `goal` is `from` or nested somewhere inside it.
  private reaches(from: number, goal: number): boolean {
    const seen = new Set<number>();
    const stack = [from];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (current === goal) return true;
      if (seen.has(current)) continue;
      seen.add(current);
      stack.push(...this.nestedEvents.all(current));
    }
    return false;
  }
}

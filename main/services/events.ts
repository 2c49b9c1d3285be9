// Events: a typed occurrence anchored on a trigger mention, with arguments filling the
// roles of its type (eventArguments.ts). Every write is one undoable action on the
// document's stack.

import type { Statement } from 'better-sqlite3';
import type { ValidInput } from '../../common/contract';
import { SpanlabError } from '../../common/errors';
import type { EventRecord, Mention } from '../../common/model';
import type { ChangeRecorder, Row } from '../../db/changeRecorder';
import type { Connection } from '../../db/openDatabase';
import type { ArgumentRow, EventRow } from './annotationRows';
import { ARGUMENT_COLUMNS, EVENT_COLUMNS, toEvent } from './annotationRows';
import type { AnnotationRemoval } from './annotationRemoval';
import type { AttributeRules } from './attributeRules';
import type { Mentions } from './mentions';

export class Events {
  private readonly byId: Statement<[number], EventRow>;
  private readonly byDocument: Statement<[number], EventRow>;
  private readonly typeName: Statement<[number], string>;
  private readonly argumentsOf: Statement<[number], ArgumentRow>;
  private readonly roleNamed: Statement<[number, number], number>;

  constructor(
    db: Connection,
    private readonly recorder: ChangeRecorder,
    private readonly mentions: Mentions,
    private readonly rules: AttributeRules,
    private readonly removal: AnnotationRemoval,
  ) {
    this.byId = db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = ?`);
    this.byDocument = db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE document_id = ? ORDER BY id`);
    this.typeName = db.prepare<[number], string>('SELECT name FROM event_types WHERE id = ?').pluck();
    this.argumentsOf = db.prepare(`SELECT ${ARGUMENT_COLUMNS} FROM event_arguments WHERE event_id = ? ORDER BY id`);
    // The role of the new type with the same name as the argument's current role.
    this.roleNamed = db
      .prepare<[number, number], number>(
        `SELECT r.id FROM event_roles r JOIN event_roles old ON old.name = r.name
         WHERE old.id = ? AND r.event_type_id = ?`,
      )
      .pluck();
  }

  /// Marks an event on an existing mention of the document, or on a new span that becomes
  /// an untyped trigger mention — one undoable action either way.
  create(input: ValidInput<'events.create'>): { event: EventRecord; trigger: Mention } {
    const typeName = this.requireType(input.typeId);
    const attributes = this.rules.check('event', input.attributes, true);
    const makeTrigger = this.triggerMaker(input.documentId, input.trigger);
    return this.recorder.action(`Add ${typeName} event`, input.documentId, () => {
      const trigger = makeTrigger();
      const id = this.recorder.insert('events', {
        document_id: input.documentId,
        trigger_mention_id: trigger.id,
        type_id: input.typeId,
        attributes,
        note: '',
      });
      return { event: this.get(id), trigger };
    });
  }

  /// Changes type, attributes (the whole set) or note. On a type change each argument moves
  /// to the new type's role of the same name; arguments whose role the new type lacks go.
  update(input: ValidInput<'events.update'>): EventRecord {
    const event = this.get(input.id);
    const patch: Row = {};
    const changed: string[] = [];
    let newType: number | null = null;
    if (input.typeId !== undefined && input.typeId !== event.typeId) {
      changed.push(`Change event to ${this.requireType(input.typeId)}`);
      patch.type_id = input.typeId;
      newType = input.typeId;
    }
    if (input.attributes !== undefined) {
      patch.attributes = this.rules.check('event', input.attributes, false);
      changed.push('Edit event attributes');
    }
    if (input.note !== undefined) {
      patch.note = input.note;
      changed.push('Edit event note');
    }
    if (changed.length === 0) return event;
    const label = changed.length === 1 ? changed[0]! : 'Edit event';
    this.recorder.action(label, event.documentId, () => {
      if (newType !== null) {
        for (const argument of this.argumentsOf.all(event.id)) {
          const role = this.roleNamed.get(argument.role_id, newType);
          if (role === undefined) this.recorder.delete('event_arguments', argument.id);
          else this.recorder.update('event_arguments', argument.id, { role_id: role });
        }
      }
      this.recorder.update('events', event.id, patch);
    });
    return this.get(event.id);
  }

  /// Deletes the event, its arguments and the arguments it fills in other events. An
  /// untyped trigger that nothing else uses goes with it.
  delete(id: number): { events: number; arguments: number } {
    const event = this.get(id);
    const label = `Delete ${this.typeName.get(event.typeId) ?? ''} event`;
    const removed = this.recorder.action(label, event.documentId, () => this.removal.event(id, true));
    return { events: removed.events, arguments: removed.arguments };
  }

  /// One event; `not_found` if there is none with that id.
  get(id: number): EventRecord {
    const row = this.byId.get(id);
    if (!row) throw new SpanlabError('not_found', `There is no event ${id}.`);
    return toEvent(row);
  }

  inDocument(documentId: number): EventRecord[] {
    return this.byDocument.all(documentId).map(toEvent);
  }

  // Checks the trigger before the action starts; the returned function supplies it inside.
  private triggerMaker(documentId: number, trigger: ValidInput<'events.create'>['trigger']): () => Mention {
    if ('mentionId' in trigger) {
      const mention = this.mentions.get(trigger.mentionId);
      if (mention.documentId !== documentId) {
        const message = `Mention ${mention.id} is not in document ${documentId}.`;
        throw new SpanlabError('not_found', message, 'trigger.mentionId');
      }
      return () => mention;
    }
    this.mentions.checkSpan(documentId, trigger.start, trigger.end);
    return () => this.mentions.add({ documentId, start: trigger.start, end: trigger.end, typeId: null });
  }

  private requireType(typeId: number): string {
    const name = this.typeName.get(typeId);
    if (name === undefined) throw new SpanlabError('not_found', `There is no event type ${typeId}.`, 'typeId');
    return name;
  }
}

// The annotation side of the crash harness: an analyst's session of edits — mentions,
// events with their arguments, relations, entity links, notes, deletions, undo and redo —
// made through the contract's dispatch exactly as the UI makes them, driven by a seeded
// random source. The same seed on the same project file makes the same calls and gets the
// same results, so the harness can replay a killed session and know what the project must
// hold at every acknowledged call.

import { createHash } from 'node:crypto';
import type { CallName, CallOutput } from '../../common/contract';
import type { CallResult } from '../../common/errors';
import type { DocumentDetail, LabelSchema } from '../../common/model';
import { dispatch } from '../../main/api/dispatch';
import type { Workspace } from '../../main/services/workspace';
import type { Connection } from '../../db/openDatabase';
import type { Random } from './seededRandom';

/** Refusals that are part of the game: the same call on the same state is refused again. */
const EXPECTED_REFUSALS = new Set(['conflict', 'invalid_input']);

export class AnnotationWorkload {
  private schema: LabelSchema | null = null;
  private documentIds: number[] = [];
  private step = 0;

  constructor(
    private readonly workspace: Workspace,
    private readonly random: Random,
  ) {}

  /// Makes one call (one user action) and resolves once it has returned — committed, or
  /// refused with nothing written. Throws for any refusal a valid session must not meet.
  async next(): Promise<string> {
    if (!this.schema) {
      this.schema = await this.call('schema.get', {});
      const page = await this.call('documents.list', { offset: 0, limit: 50 });
      this.documentIds = page.items.map((d) => d.id);
    }
    this.step++;
    const documentId = this.random.pick(this.documentIds);
    const doc = await this.call('documents.get', { id: documentId });
    const roll = this.random.next();
    if (roll < 0.28) return this.newMention(doc);
    if (roll < 0.36) return this.newEvent(doc);
    if (roll < 0.48) return this.newArgument(doc);
    if (roll < 0.56) return this.newRelation(doc);
    if (roll < 0.64) return this.linkEntity(doc);
    if (roll < 0.7) return this.annotate(doc);
    if (roll < 0.78) return this.remove(doc);
    if (roll < 0.9) return this.history('history.undo', documentId);
    return this.history('history.redo', documentId);
  }

  private async newMention(doc: DocumentDetail): Promise<string> {
    const typeId = this.random.pick(this.schema!.entityTypes).id;
    return this.attempt('mentions.create', { documentId: doc.id, ...this.span(doc), typeId });
  }

  private async newEvent(doc: DocumentDetail): Promise<string> {
    const typeId = this.random.pick(this.schema!.eventTypes).id;
    return this.attempt('events.create', { documentId: doc.id, typeId, trigger: this.span(doc) });
  }

  private async newArgument(doc: DocumentDetail): Promise<string> {
    if (doc.events.length === 0) return this.newEvent(doc);
    const event = this.random.pick(doc.events);
    const type = this.schema!.eventTypes.find((t) => t.id === event.typeId)!;
    if (type.roles.length === 0) return this.newMention(doc);
    const role = this.random.pick(type.roles);
    const target =
      doc.mentions.length > 0 && this.random.next() < 0.6
        ? { mentionId: this.random.pick(doc.mentions).id }
        : { ...this.span(doc), typeId: role.accepts.length > 0 ? this.random.pick(role.accepts) : null };
    return this.attempt('arguments.create', { eventId: event.id, roleId: role.id, target });
  }

  private async newRelation(doc: DocumentDetail): Promise<string> {
    if (doc.mentions.length < 2) return this.newMention(doc);
    const from = this.random.pick(doc.mentions);
    const to = this.random.pick(doc.mentions);
    const typeId = this.random.pick(this.schema!.relationTypes).id;
    return this.attempt('relations.create', { typeId, fromMentionId: from.id, toMentionId: to.id });
  }

  // Links a mention to an entity: an existing one, or a new one named after the mention.
  private async linkEntity(doc: DocumentDetail): Promise<string> {
    const typed = doc.mentions.filter((m) => m.typeId !== null);
    if (typed.length === 0) return this.newMention(doc);
    const mention = this.random.pick(typed);
    const known = await this.call('entities.list', { limit: 50 });
    if (known.length === 0 || this.random.next() < 0.4) {
      const name = Array.from(doc.text).slice(mention.start, mention.end).join('').trim() || `entity ${this.step}`;
      return this.attempt('entities.create', { name, typeId: mention.typeId });
    }
    return this.attempt('mentions.update', { id: mention.id, entityId: this.random.pick(known).id });
  }

  private async annotate(doc: DocumentDetail): Promise<string> {
    if (doc.mentions.length === 0) return this.newMention(doc);
    const mention = this.random.pick(doc.mentions);
    return this.attempt('mentions.update', { id: mention.id, note: `note ${this.step}` });
  }

  private async remove(doc: DocumentDetail): Promise<string> {
    if (doc.events.length > 0 && this.random.next() < 0.3) {
      return this.attempt('events.delete', { id: this.random.pick(doc.events).id });
    }
    if (doc.mentions.length === 0) return this.newMention(doc);
    return this.attempt('mentions.delete', { id: this.random.pick(doc.mentions).id });
  }

  private async history(name: 'history.undo' | 'history.redo', documentId: number): Promise<string> {
    return this.attempt(name, { documentId });
  }

  // A span of 1 to 12 code points somewhere in the document.
  private span(doc: DocumentDetail): { start: number; end: number } {
    const length = Array.from(doc.text).length;
    const start = this.random.int(0, Math.max(length - 13, 0));
    return { start, end: Math.min(start + this.random.int(1, 12), length) };
  }

  private async attempt(name: CallName, payload: object): Promise<string> {
    const result = await dispatch(this.workspace.handlers, name, payload);
    if (result.ok) return name;
    if (EXPECTED_REFUSALS.has(result.error.code)) return `${name} refused`;
    throw new Error(`${name} ${JSON.stringify(payload)} failed: ${result.error.code}: ${result.error.message}`);
  }

  private async call<K extends CallName>(name: K, payload: object): Promise<CallOutput<K>> {
    const result = (await dispatch(this.workspace.handlers, name, payload)) as CallResult<CallOutput<K>>;
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }
}

/// A fingerprint of every annotation and of the history (not the timestamps): equal
/// fingerprints, equal annotation state, and undo and redo would do the same.
export function annotationDigest(db: Connection): string {
  const queries = [
    'SELECT id, document_id, start, "end", type_id, entity_id, attributes, note FROM mentions ORDER BY id',
    'SELECT id, document_id, trigger_mention_id, type_id, attributes, note FROM events ORDER BY id',
    'SELECT id, event_id, role_id, mention_id, arg_event_id FROM event_arguments ORDER BY id',
    'SELECT id, document_id, type_id, from_mention_id, to_mention_id, attributes, note FROM relations ORDER BY id',
    'SELECT id, name, type_id, aliases, external_id FROM entities ORDER BY id',
    'SELECT id, kind, label, document_id, state, reverts FROM actions ORDER BY id',
    'SELECT count(*), max(id) FROM changes',
  ];
  const state = queries.map((sql) => db.prepare(sql).raw().all());
  return createHash('sha256').update(JSON.stringify(state)).digest('hex').slice(0, 16);
}

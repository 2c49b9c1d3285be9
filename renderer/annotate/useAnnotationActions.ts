// Every change an analyst makes to a document's annotations, as contract calls. Each one
// awaits the services' answer before the document shown changes (the database has it
// then: nothing is shown as done that is not), runs after the previous one (two quick
// keys make two calls in order, never interleaved) and reports a failure as a toast
// rather than losing it. Where the answer says exactly what changed it is applied as is;
// where a change took other annotations along (a deletion, an undo) the document is
// fetched again. An answer is shown at once (flushSync): rendered in the task that receives
// it, so the text shows it in the next frame rather than after whatever else is queued.

import { useCallback, useMemo, useRef } from 'react';
import { flushSync } from 'react-dom';
import type { CallInput } from '../../common/contract';
import type { AttributeValues, DocumentDetail, DocumentStatus, Entity, Mention } from '../../common/model';
import { errorMessage } from '../client';
import { useClient } from '../components/ClientContext';
import type { ToastOptions } from '../components/Toasts';

interface ActionsDeps {
  documentId: number;
  update: (change: (detail: DocumentDetail) => DocumentDetail) => void;
  reload: () => Promise<void>;
  toast: (text: string, options?: ToastOptions) => void;
  /** After a change that shows in the document list (mention count, status). */
  onSummaryChange: () => void;
}

export type ArgumentTarget = CallInput<'arguments.create'>['target'];

export function useAnnotationActions({ documentId, update, reload, toast, onSummaryChange }: ActionsDeps) {
  const client = useClient();
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  // Runs `work` after everything queued before it; a failure becomes a toast and null.
  const run = useCallback(
    <T>(work: () => Promise<T>): Promise<T | null> => {
      const next = queue.current.then(async () => {
        try {
          return await work();
        } catch (error) {
          toast(errorMessage(error), { tone: 'error' });
          return null;
        }
      });
      queue.current = next;
      return next;
    },
    [toast],
  );

  return useMemo(() => {
    const show = (change: (detail: DocumentDetail) => DocumentDetail) => flushSync(() => update(change));
    const putMention = (mention: Mention) =>
      show((d) => ({
        ...d,
        mentions: d.mentions.some((m) => m.id === mention.id)
          ? d.mentions.map((m) => (m.id === mention.id ? mention : m))
          : [...d.mentions, mention],
      }));

    const history = (direction: 'undo' | 'redo') =>
      run(async () => {
        const step = await client.call(direction === 'undo' ? 'history.undo' : 'history.redo', { documentId });
        if (!step) {
          toast(direction === 'undo' ? 'Nothing to undo' : 'Nothing to redo');
          return null;
        }
        await reload();
        onSummaryChange();
        toast(`${direction === 'undo' ? 'Undid' : 'Redid'}: ${step.label}`);
        return step;
      });

    return {
      /// `shownAfter`: the answer is shown no sooner (the frame that paints the span as being saved).
      createMention: (start: number, end: number, typeId: number | null, shownAfter?: Promise<void>) =>
        run(async () => {
          const mention = await client.call('mentions.create', { documentId, start, end, typeId });
          await shownAfter;
          putMention(mention);
          onSummaryChange();
          return mention;
        }),

      updateMention: (
        id: number,
        patch: { typeId?: number | null; attributes?: AttributeValues; note?: string; entityId?: number | null },
      ) =>
        run(async () => {
          const mention = await client.call('mentions.update', { id, ...patch });
          putMention(mention);
          return mention;
        }),

      /// Deletes a mention; the toast names it (`what`) and what went with it.
      deleteMention: (id: number, what: string) =>
        run(async () => {
          const removed = await client.call('mentions.delete', { id });
          await reload();
          onSummaryChange();
          toast(`Deleted ${what}${alsoRemoved(removed)}`, { action: { label: 'Undo', run: () => void history('undo') } });
          return removed;
        }),

      createEvent: (typeId: number, trigger: CallInput<'events.create'>['trigger'], shownAfter?: Promise<void>) =>
        run(async () => {
          const { event, trigger: mention } = await client.call('events.create', { documentId, typeId, trigger });
          await shownAfter;
          show((d) => ({
            ...d,
            events: [...d.events, event],
            mentions: d.mentions.some((m) => m.id === mention.id) ? d.mentions : [...d.mentions, mention],
          }));
          onSummaryChange();
          return event;
        }),

      updateEvent: (id: number, patch: { typeId?: number; attributes?: AttributeValues }) =>
        run(async () => {
          const event = await client.call('events.update', { id, ...patch });
          // A new type moves or drops arguments: only the services know which.
          if (patch.typeId !== undefined) await reload();
          else show((d) => ({ ...d, events: d.events.map((e) => (e.id === id ? event : e)) }));
          return event;
        }),

      deleteEvent: (id: number) =>
        run(async () => {
          const removed = await client.call('events.delete', { id });
          await reload();
          onSummaryChange();
          const args = removed.arguments ? ` and ${count(removed.arguments, 'argument')}` : '';
          toast(`Deleted the event${args}`, { action: { label: 'Undo', run: () => void history('undo') } });
          return removed;
        }),

      addArgument: (eventId: number, roleId: number, target: ArgumentTarget) =>
        run(async () => {
          const { argument, mention } = await client.call('arguments.create', { eventId, roleId, target });
          show((d) => ({
            ...d,
            arguments: [...d.arguments, argument],
            mentions: mention ? [...d.mentions, mention] : d.mentions,
          }));
          if (mention) onSummaryChange();
          return argument;
        }),

      deleteArgument: (id: number) =>
        run(async () => {
          await client.call('arguments.delete', { id });
          show((d) => ({ ...d, arguments: d.arguments.filter((a) => a.id !== id) }));
          return true;
        }),

      createRelation: (typeId: number, fromMentionId: number, toMentionId: number) =>
        run(async () => {
          const relation = await client.call('relations.create', { typeId, fromMentionId, toMentionId });
          show((d) => ({ ...d, relations: [...d.relations, relation] }));
          return relation;
        }),

      deleteRelation: (id: number) =>
        run(async () => {
          await client.call('relations.delete', { id });
          show((d) => ({ ...d, relations: d.relations.filter((r) => r.id !== id) }));
          return true;
        }),

      /// Links (or, with null, unlinks) a mention; the document's entity list follows.
      linkEntity: (mentionId: number, entity: Entity | null) =>
        run(async () => {
          const mention = await client.call('mentions.update', { id: mentionId, entityId: entity?.id ?? null });
          putMention(mention);
          await reload();
          return mention;
        }),

      /// Creates an entity named after the mention and links the mention to it.
      createEntityFor: (mentionId: number, name: string, typeId: number | null) =>
        run(async () => {
          const entity = await client.call('entities.create', { name, typeId });
          const mention = await client.call('mentions.update', { id: mentionId, entityId: entity.id });
          putMention(mention);
          await reload();
          return entity;
        }),

      setStatus: (status: DocumentStatus) =>
        run(async () => {
          const summary = await client.call('documents.setStatus', { id: documentId, status });
          show((d) => ({ ...d, status: summary.status }));
          onSummaryChange();
          return summary;
        }),

      setNote: (note: string) =>
        run(async () => {
          const saved = await client.call('documents.setNote', { id: documentId, note });
          show((d) => ({ ...d, note: saved.note }));
          return saved;
        }),

      undo: () => history('undo'),
      redo: () => history('redo'),
    };
  }, [client, documentId, update, reload, toast, onSummaryChange, run]);
}

export type AnnotationActions = ReturnType<typeof useAnnotationActions>;

// ", with 1 event, 2 arguments and 1 relation" — what a deletion took along, if anything.
function alsoRemoved(removed: { events: number; arguments: number; relations: number }): string {
  const parts = [
    removed.events ? count(removed.events, 'event') : '',
    removed.arguments ? count(removed.arguments, 'argument') : '',
    removed.relations ? count(removed.relations, 'relation') : '',
  ].filter(Boolean);
  if (parts.length === 0) return '';
  const last = parts.pop()!;
  return `, with ${parts.length ? `${parts.join(', ')} and ${last}` : last}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

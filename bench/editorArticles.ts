// The articles the editor benchmark opens: generated news prose of a given length, with
// unique target words to mark and a unique last word, and mentions and events seeded
// straight into a project (the HTTP API would take minutes for 30,000 mentions).

import { blocksFromText } from '../core/blocks';
import { addDocument } from '../main/services/documents';
import type { Project } from '../main/services/project';

/** Unannotated words, unique in the text, that the add-a-mention benchmark selects. */
export const TARGET = (n: number) => `qxtarget${String(n).padStart(2, '0')}`;

export interface GeneratedArticle {
  text: string;
  /** Code-point spans of the words, in text order (the text is ASCII: code points = UTF-16 units). */
  words: { start: number; end: number; target: boolean }[];
  /** The article's last word, unique to it: the bare article is opened once this is drawn. */
  endWord: string;
}

/// ~`wordCount` words of generated news prose in paragraphs of about 80 words, with a headline,
/// `targets` unique target words spread through it and a unique last word.
export function generateArticle(wordCount: number, targets: number, endWord: string): GeneratedArticle {
  const vocabulary = [
    'the', 'ministry', 'said', 'forces', 'near', 'capital', 'government', 'officials', 'reported',
    'attack', 'border', 'province', 'talks', 'agreement', 'spokesman', 'embassy', 'convoy', 'market',
    'rebels', 'police', 'village', 'election', 'minister', 'council', 'of', 'in', 'and', 'on', 'a',
    'after', 'before', 'during', 'president', 'army', 'statement', 'residents', 'hospital', 'bridge',
    'northern', 'southern', 'eastern', 'western', 'agency', 'commander', 'protest', 'ceasefire',
  ];
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const targetEvery = Math.floor(wordCount / (targets + 1));
  const parts: string[] = [];
  const words: GeneratedArticle['words'] = [];
  let at = 0;
  const push = (word: string, target: boolean, separator: string) => {
    words.push({ start: at, end: at + word.length, target });
    parts.push(word, separator);
    at += word.length + separator.length;
  };
  for (const word of ['Generated', 'report', 'on', 'the', 'situation', 'in', 'the', 'province']) push(word, false, ' ');
  parts[parts.length - 1] = '\n\n';
  at += 1;
  let targetIndex = 0;
  for (let i = 0; i < wordCount; i++) {
    const last = i === wordCount - 1;
    const isTarget = !last && targetIndex < targets && i % targetEvery === targetEvery - 1;
    const word = last ? endWord : isTarget ? TARGET(targetIndex++) : vocabulary[Math.floor(random() * vocabulary.length)]!;
    const separator = last ? '' : i % 80 === 79 ? '.\n\n' : ' ';
    push(word, isTarget, separator);
  }
  return { text: parts.join(''), words, endWord };
}

export interface Seeded {
  id: number;
  title: string;
  endWord: string;
  /** The id of the mention drawn last (highest start), or null without annotations. */
  lastMentionId: number | null;
  /** How many mentions lie (at least partly) in each block, in block order. */
  blockMentions: number[];
  mentions: number;
  events: number;
}

/// Adds `article` to the project with `mentions` mentions (one in ten an event trigger with
/// its event) spread evenly over its non-target words, some of them two words long.
export function seedArticle(project: Project, title: string, article: GeneratedArticle, mentions: number): Seeded {
  const { id } = addDocument(project, { title, text: article.text });
  const blocks = blocksFromText(article.text);
  const blockMentions = blocks.map(() => 0);
  if (mentions === 0) return { id, title, endWord: article.endWord, lastMentionId: null, blockMentions, mentions: 0, events: 0 };
  const db = project.db;
  const entityTypes = db.prepare('SELECT id FROM entity_types ORDER BY position, id').pluck().all() as number[];
  const eventTypes = db.prepare('SELECT id FROM event_types ORDER BY position, id').pluck().all() as number[];
  if (entityTypes.length === 0 || eventTypes.length === 0) throw new Error('The default schema has no entity or event types.');
  const insertMention = db.prepare('INSERT INTO mentions (document_id, start, "end", type_id) VALUES (?, ?, ?, ?)');
  const insertEvent = db.prepare('INSERT INTO events (document_id, trigger_mention_id, type_id) VALUES (?, ?, ?)');
  // Skip the headline and the last word; mentions never cover a target word.
  const candidates = article.words.slice(8, -1);
  const step = candidates.length / mentions;
  let lastMentionId = 0;
  let block = 0;
  let made = 0;
  let events = 0;
  for (let m = 0; m < mentions; m++) {
    const index = Math.floor(m * step);
    const word = candidates[index]!;
    if (word.target) continue;
    const next = candidates[index + 1];
    const twoWords = m % 7 === 3 && next !== undefined && !next.target && Math.floor((m + 1) * step) > index + 1;
    const end = twoWords ? next.end : word.end;
    const trigger = m % 10 === 9;
    const typeId = trigger ? null : entityTypes[m % entityTypes.length]!;
    const mentionId = Number(insertMention.run(id, word.start, end, typeId).lastInsertRowid);
    // Mentions come in text order, so the blocks they lie in only move forward.
    while (block < blocks.length - 1 && blocks[block]!.end <= word.start) block++;
    for (let b = block; b < blocks.length && blocks[b]!.start < end; b++) if (blocks[b]!.end > word.start) blockMentions[b]!++;
    if (trigger) {
      insertEvent.run(id, mentionId, eventTypes[events % eventTypes.length]!);
      events++;
    }
    lastMentionId = mentionId;
    made++;
  }
  return { id, title, endWord: article.endWord, lastMentionId, blockMentions, mentions: made, events };
}

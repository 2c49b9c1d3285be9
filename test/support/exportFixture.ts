// A project made for the export tests: texts with emoji, combining marks, Arabic script
// and CRLF line ends, nested and overlapping mentions, a mention inside a token, events with
// multi-token triggers, arguments in another sentence and nested events, relations,
// entities linked across documents, attributes, notes, statuses and metadata. Everything
// goes through the same services the UI uses.

import type { Project } from '../../main/services/project';
import { labelIds, newProject, spanOf } from './projectFixture';

/** The documents' texts, in the order they are added. */
export const EXPORT_TEXTS = {
  attack:
    "Rockets hit Baghdad's Green Zone\n\nMilitants fired three rockets at the U.S. embassy in Baghdad on Tuesday. " +
    'Officials of the Bank of America Tower said nobody was hurt. The attack was claimed by a group later.',
  emoji: 'Protesters 🚩👩‍👩‍👧 marched in Paris 🇫🇷 on Monday; police 👮🏽‍♀️ arrested Zoë Kraus near the 🗼 Eiffel Tower.',
  marks: 'Cafe\u0301 owner Jose\u0301 Marti\u0301 met Zoe\u0308 in Montre\u0301al after the prote\u0300st.',
  arabic: 'قال مسؤولون إن صواريخ أطلقت على المنطقة الخضراء في بغداد مساء الثلاثاء.',
  crlf: 'Storm closes port\r\n\r\nA storm closed the port of Hamburg on Friday.\r\nAcme Shipping said ships\r\nwaited offshore.',
} as const;

export interface ExportFixture {
  project: Project;
  file: string;
  dir: string;
  /** Database ids of the documents, by the keys of EXPORT_TEXTS. */
  documents: Record<keyof typeof EXPORT_TEXTS, number>;
}

/// A new project holding the export fixture (and no sample article).
export async function exportFixture(): Promise<ExportFixture> {
  const { project, file, dir } = await newProject({ sample: false });
  const ids = labelIds(project);
  const add = (key: keyof typeof EXPORT_TEXTS, metadata: Record<string, unknown> = {}) =>
    project.documents.add({ text: EXPORT_TEXTS[key], title: key, source: `${key}.txt`, metadata: metadata as never }).id;
  const documents = {
    attack: add('attack', { zeta: 1, alpha: { b: 2, a: [3, { y: true, x: null }] } }),
    emoji: add('emoji'),
    marks: add('marks'),
    arabic: add('arabic', { language: 'ar' }),
    crlf: add('crlf'),
  };
  const mention = (key: keyof typeof EXPORT_TEXTS, phrase: string, type: string | null, from = 0) =>
    project.mentions.create({
      documentId: documents[key],
      ...spanOf(EXPORT_TEXTS[key], phrase, from),
      typeId: type === null ? null : ids.entity(type),
    });
  const event = (key: keyof typeof EXPORT_TEXTS, type: string, trigger: string, from = 0) =>
    project.events.create({ documentId: documents[key], typeId: ids.event(type), trigger: spanOf(EXPORT_TEXTS[key], trigger, from) })
      .event.id;
  const argument = (eventId: number, type: string, role: string, target: { mentionId: number } | { eventId: number }) =>
    project.arguments.create({ eventId, roleId: ids.role(type, role), target });

  // attack: a possessive, nested mentions, a multi-token trigger, an argument in another
  // sentence, a nested event, a relation, a note, an untyped span.
  const attackText = EXPORT_TEXTS.attack;
  const baghdadHeadline = mention('attack', 'Baghdad', 'GPE');
  const greenZone = mention('attack', 'Green Zone', 'FAC');
  const militants = mention('attack', 'Militants', 'PER');
  const rockets = mention('attack', 'rockets', 'WEA', attackText.indexOf('three'));
  const embassy = mention('attack', 'U.S. embassy', 'FAC');
  const us = mention('attack', 'U.S.', 'GPE');
  const baghdad = mention('attack', 'Baghdad', 'GPE', attackText.indexOf('embassy'));
  const tuesday = mention('attack', 'Tuesday', 'TIME');
  const tower = mention('attack', 'Bank of America Tower', 'FAC');
  mention('attack', 'Bank of America', 'ORG');
  mention('attack', 'America', 'GPE');
  mention('attack', 'Baghda', 'LOC', attackText.indexOf('embassy')); // inside a token
  mention('attack', 'nobody', null); // an untyped span that triggers nothing
  project.mentions.update({ id: greenZone.id, note: 'the international zone;\nformerly "Green Zone"', attributes: { level: 'NAM' } });
  const fired = event('attack', 'Conflict.Attack', 'fired three rockets');
  argument(fired, 'Conflict.Attack', 'Attacker', { mentionId: militants.id });
  argument(fired, 'Conflict.Attack', 'Instrument', { mentionId: rockets.id });
  argument(fired, 'Conflict.Attack', 'Target', { mentionId: embassy.id });
  argument(fired, 'Conflict.Attack', 'Target', { mentionId: tower.id }); // another sentence
  argument(fired, 'Conflict.Attack', 'Place', { mentionId: baghdad.id });
  argument(fired, 'Conflict.Attack', 'Time', { mentionId: tuesday.id });
  const hit = event('attack', 'Conflict.Attack', 'hit');
  argument(hit, 'Conflict.Attack', 'Target', { mentionId: greenZone.id });
  project.events.update({ id: hit, note: 'headline' });
  const claimed = event('attack', 'Conflict.Attack', 'attack', attackText.indexOf('The attack'));
  argument(claimed, 'Conflict.Attack', 'Target', { eventId: fired }); // a nested event
  project.relations.create({ typeId: ids.relation('PART-WHOLE'), fromMentionId: greenZone.id, toMentionId: baghdadHeadline.id });
  project.relations.create({ typeId: ids.relation('PHYS'), fromMentionId: embassy.id, toMentionId: baghdad.id });
  project.relations.create({ typeId: ids.relation('PART-WHOLE'), fromMentionId: embassy.id, toMentionId: us.id });

  // emoji: mentions after astral characters and ZWJ sequences.
  mention('emoji', 'Paris', 'GPE');
  const zoe = mention('emoji', 'Zoë Kraus', 'PER');
  mention('emoji', 'Eiffel Tower', 'FAC');
  mention('emoji', 'Monday', 'TIME');
  const arrested = event('emoji', 'Justice.Arrest-Jail', 'arrested');
  argument(arrested, 'Justice.Arrest-Jail', 'Person', { mentionId: zoe.id });

  // marks: decomposed accents, mentions ending right after a combining mark.
  const jose = mention('marks', 'Jose\u0301 Marti\u0301', 'PER');
  const zoe2 = mention('marks', 'Zoe\u0308', 'PER');
  mention('marks', 'Montre\u0301al', 'GPE');
  mention('marks', 'Cafe\u0301', 'FAC');
  const met = event('marks', 'Contact.Meet', 'met');
  argument(met, 'Contact.Meet', 'Entity', { mentionId: jose.id });
  argument(met, 'Contact.Meet', 'Entity', { mentionId: zoe2.id });

  // arabic: right-to-left script.
  mention('arabic', 'المنطقة الخضراء', 'FAC');
  const baghdadAr = mention('arabic', 'بغداد', 'GPE');
  mention('arabic', 'مسؤولون', 'PER');
  const launched = event('arabic', 'Conflict.Attack', 'أطلقت');
  argument(launched, 'Conflict.Attack', 'Place', { mentionId: baghdadAr.id });

  // crlf: CRLF line ends, a mention across a line break.
  mention('crlf', 'Hamburg', 'GPE');
  const acme = mention('crlf', 'Acme Shipping', 'ORG');
  mention('crlf', 'ships\r\nwaited', 'VEH');
  mention('crlf', 'port of Hamburg', 'FAC');

  // One entity mentioned in two documents; another with an external id.
  const zoeEntity = project.entities.create({ name: 'Zoë Kraus', typeId: ids.entity('PER'), aliases: ['Z. Kraus'] });
  project.mentions.update({ id: zoe.id, entityId: zoeEntity.id });
  project.mentions.update({ id: zoe2.id, entityId: zoeEntity.id });
  const baghdadEntity = project.entities.create({ name: 'Baghdad', typeId: ids.entity('GPE'), externalId: 'Wikidata:Q1530' });
  for (const m of [baghdadHeadline, baghdad, baghdadAr]) project.mentions.update({ id: m.id, entityId: baghdadEntity.id });
  project.mentions.update({ id: acme.id, attributes: { level: 'NAM' } });

  project.documents.setStatus(documents.attack, 'done');
  project.documents.setStatus(documents.emoji, 'done');
  project.documents.setStatus(documents.arabic, 'in_progress');
  project.documents.setNote(documents.attack, 'checked twice');
  return { project, file, dir, documents };
}

// Valid files of every format the import reads, for the fuzz tests to break: small ones
// written here to cover each layout a reader knows (every brat line kind, doccano's two
// forms, Prodigy, spanlab-jsonl with its header…), and the shared brat and doccano corpora
// when ../shared is there.

import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SCHEMA } from '../../core/defaultSchema';
import { writeSpanlabJsonlDocument, writeSpanlabJsonlHeader } from '../../core/formats/spanlabJsonl';
import { HOSTILE_PAGE } from './importFixtures';
import { missingShared, SHARED_DIR, sharedFixture } from './sharedFixtures';

/** The folders of ../shared the samples come from; see sharedSamplesMissing. */
const SHARED_BRAT = 'fixtures/brat';
const SHARED_DOCCANO = 'fixtures/doccano';

/// Why the shared corpora are not among the samples, or false when they are.
export function sharedSamplesMissing(): false | string {
  return missingShared(SHARED_BRAT) || missingShared(SHARED_DOCCANO);
}

const ARTICLE = 'Farouk Ali, a guard, fired rockets at the embassy in Baghdad.\r\nHe and his brother fled.\n';

export const TEXT_SAMPLES = [
  'Talks resume in Geneva\n\nDiplomats met again on Monday.\n',
  ARTICLE,
  'Rockets hit the Green Zone.\r\rThree rockets struck late on Tuesday 🚀, officials said.',
  'انفجار في بغداد\n\nقال مسؤولون إن صواريخ سقطت قرب السفارة.\n',
];

export const MARKDOWN_SAMPLES = [
  '# Ceasefire holds\n\nThe ceasefire held overnight.\n\n## Reaction ##\n\nThe ministry welcomed it.\n',
  '   ### Late news\n\nA convoy was seen near the border crossing on day 2.\n',
];

export const CONLL_SAMPLES = [
  '-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n',
  'New B-LOC\nYork E-LOC\nand O\nParis S-LOC\n\n# sent_id = 2\n🚀 O\nAli U-PER\n',
  'New I-LOC\nYork I-LOC\nand O\nParis I-LOC\nParis B-LOC\n-DOCSTART-\nLa B-ORG\nONU L-ORG\n',
];

export const CSV_SAMPLES = [
  'title,text,desk\nA,First row article.,world\nB,"Second, quoted\nrow article.",world\n',
  'id;headline;body\n7;Un titre;Le texte de l\'article.\n8;Deux;"Avec ""guillemets"" dedans"\n',
  'text\tsource\nTab separated article.\twire\nAnother one 🚀\twire\n',
];

const doccano = [
  { text: 'EU rejects German call to boycott British lamb.', label: [[0, 2, 'ORG'], [11, 17, 'MISC']] },
  {
    text: 'Google was founded by Larry Page.',
    entities: [
      { id: 0, start_offset: 0, end_offset: 6, label: 'ORG' },
      { id: 1, start_offset: 22, end_offset: 32, label: 'PER' },
    ],
    relations: [{ id: 3, from_id: 0, to_id: 1, type: 'foundedBy' }],
  },
  {
    text: 'Ali met Omar in Basra.',
    spans: [{ start: 0, end: 3, label: 'PER', text: 'Ali' }, { start: 8, end: 12, label: 'PER' }],
    relations: [{ head_span: { start: 0, end: 3 }, child_span: { start: 16, end: 21, label: 'GPE' }, label: 'MET_IN' }],
    meta: { source: 'wire' },
  },
  { id: 'a-1', headline: 'Plain record', body: 'A record with its text in "body".', desk: 'world', tags: ['x', 1, null] },
];

const spanlab =
  writeSpanlabJsonlHeader(DEFAULT_SCHEMA) +
  writeSpanlabJsonlDocument({
    id: 'f0f7',
    title: 'Rocket fire',
    text: ARTICLE,
    source: 'wire',
    metadata: { desk: 'world' },
    status: 'done',
    note: 'checked',
    blocks: [{ kind: 'paragraph', start: 0, end: 61 }],
    mentions: [
      { id: 'T1', start: 0, end: 10, label: 'PER', text: 'Farouk Ali', attributes: {}, note: '', entity: 'N1' },
      { id: 'T2', start: 21, end: 26, label: null, text: 'fired', attributes: {}, note: '', entity: null },
      { id: 'T3', start: 38, end: 49, label: 'FAC', text: 'the embassy', attributes: { level: 'NOM' }, note: '', entity: null },
    ],
    entities: [{ id: 'N1', name: 'Farouk Ali', label: 'PER', aliases: [], externalId: 'Wikidata:Q1' }],
    events: [
      {
        id: 'E1',
        type: 'Conflict.Attack',
        trigger: 'T2',
        arguments: [{ role: 'Attacker', mention: 'T1' }, { role: 'Target', mention: 'T3' }],
        attributes: { realis: 'actual' },
        note: '',
      },
    ],
    relations: [{ id: 'R1', type: 'PHYS', from: 'T1', to: 'T3', attributes: {}, note: '' }],
  });

export const JSONL_SAMPLES = [doccano.map((r) => JSON.stringify(r)).join('\n') + '\n', spanlab];

export const JSON_SAMPLES = [
  JSON.stringify(doccano, null, 1),
  JSON.stringify({ data: doccano.slice(0, 2) }),
  JSON.stringify(doccano[1]),
  JSON.stringify(doccano[0]) + '\n' + JSON.stringify(doccano[3]) + '\n',
];

export const HTML_SAMPLES = [
  HOSTILE_PAGE,
  `<!doctype html><html lang="ar" dir="rtl"><head><title>عنوان - موقع</title>
<meta property="article:published_time" content="2024-05-01"></head><body><main><h1>عنوان</h1>
<p>نص المقال الأول.</p><pre>  preformatted
  lines</pre><ul><li>one</li><li>two</li></ul></main></body></html>`,
  '<p>A saved fragment, no <b>html</b> element.<br>Second line.</p><p>Next paragraph.</p>',
];

/** A brat document: its .txt and its .ann. */
export interface BratSample {
  text: string;
  ann: string;
}

// Every brat line kind over one text, its spans found by their words.
const CONVOY = 'Ali Hassan, a driver, drove the convoy to Basra.\r\nHe and his cousin returned.\n';
const at = (words: string) => {
  const start = CONVOY.indexOf(words);
  return `${start} ${start + words.length}`;
};

export const BRAT_SAMPLES: BratSample[] = [
  {
    text: CONVOY,
    ann: [
      `T1\tPER ${at('Ali Hassan')}\tAli Hassan`,
      `T2\tPER ${at('a driver')}\ta driver`,
      `T3\tMovement_Transport ${at('drove')}\tdrove`,
      `T4\tVEH ${at('the convoy')}\tthe convoy`,
      `T5\tGPE ${at('Basra')}\tBasra`,
      `T6\tPER ${at('He')};${at('cousin')}\tHe cousin`,
      `T7\tMovement ${at('returned')}\treturned`,
      'E1\tMovement_Transport:T3 Agent:T1 Artifact:T4 Destination:T5',
      'E2\tMovement:T7 Theme:E1 Theme2:T6',
      'R1\tPART-WHOLE Arg1:T4 Arg2:T5',
      'A1\tNegation E2',
      'M1\tConfidence T2 Low',
      'N1\tReference T5 Wikidata:Q48195\tBasra',
      '#1\tAnnotatorNotes T4\tThe aid convoy.',
      '*\tEquiv T1 T2',
    ].join('\n'),
  },
  { text: 'Farouk met Ali in Baghdad.\n', ann: 'T1\tPER 0 6\tFarouk\nT2\tPER 11 14\tAli\nR1\tMET Arg1:T1 Arg2:T2\n' },
];

export const CONF_SAMPLES = [
  `# a comment
[entities]
!Agent
  PER|Person
  ORG
GPE
[relations]
PHYS\tArg1:PER, Arg2:GPE
<OVERLAP>\tArg1:PER, Arg2:ORG, <OVL-TYPE>:contain
[events]
<AGENT>=PER|ORG
Conflict.Attack|Attack\tAttacker*:<AGENT>, Target?:<ANY>, Place{1-2}:GPE, Theme:<EVENT>
[attributes]
Negation\tArg:<EVENT>
Confidence\tArg:<ENTITY>, Value:High|Low
[extra]
ignored
`,
];

/// The shared corpora's samples: a few documents of each brat corpus, their
/// annotation.conf files and the doccano files; none when ../shared is absent.
export function sharedSamples(): { brat: BratSample[]; conf: string[]; jsonl: string[] } {
  const found = { brat: [] as BratSample[], conf: [] as string[], jsonl: [] as string[] };
  if (sharedSamplesMissing()) return found;
  const bratDir = sharedFixture(SHARED_BRAT);
  for (const corpus of fs.readdirSync(bratDir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const dir = path.join(bratDir, corpus.name);
    const files = fs.readdirSync(dir).sort();
    found.conf.push(...files.filter((f) => f === 'annotation.conf').map((f) => fs.readFileSync(path.join(dir, f), 'utf8')));
    // A few documents of each corpus: enough layouts, and mutations stay cheap.
    for (const ann of files.filter((f) => f.endsWith('.ann')).slice(0, 4)) {
      const text = fs.readFileSync(path.join(dir, ann.replace(/\.ann$/, '.txt')), 'utf8');
      found.brat.push({ text, ann: fs.readFileSync(path.join(dir, ann), 'utf8') });
    }
  }
  const doccanoDir = sharedFixture(SHARED_DOCCANO);
  for (const file of fs.readdirSync(doccanoDir).filter((f) => f.endsWith('.jsonl'))) {
    found.jsonl.push(fs.readFileSync(path.join(doccanoDir, file), 'utf8'));
  }
  return found;
}

/// The built-in samples with the shared corpora's added, and a line saying which: the
/// tests that mix both print it, so that a run without ../shared says what it did not try.
export function withShared(): { brat: BratSample[]; conf: string[]; jsonl: string[]; note: string } {
  const shared = sharedSamples();
  const missing = sharedSamplesMissing();
  return {
    brat: [...BRAT_SAMPLES, ...shared.brat],
    conf: [...CONF_SAMPLES, ...shared.conf],
    jsonl: [...JSONL_SAMPLES, ...shared.jsonl],
    note: missing ? `built-in samples only: ${missing}` : `built-in samples and the shared corpora of ${SHARED_DIR}`,
  };
}

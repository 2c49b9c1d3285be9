// What the fuzz tests (test/unit/reliability/*Fuzz.test.ts) feed the readers and the
// contract: a seed that makes every run reproducible, a hang detector, and inputs built by
// breaking valid files — truncated, with odd Unicode spliced in, numbers swapped for
// out-of-range ones, lines duplicated or stretched into huge ones — next to pure noise.
//
// Positions in a mutation are drawn as plain numbers and taken modulo the length of the
// text as it is by then, so that a chain of mutations always lands inside the text and
// shrinks towards the start of it.

import type { TestContext } from 'node:test';
import fc from 'fast-check';
import { tortureScale } from './tortureScale';

/** The seed when SPANLAB_FUZZ_SEED does not name one: the same inputs on every run. */
const DEFAULT_SEED = 20_240_606;

/// The seed of this run: SPANLAB_FUZZ_SEED, else the fixed default.
export function fuzzSeed(): number {
  const raw = process.env.SPANLAB_FUZZ_SEED;
  const seed = raw === undefined || raw === '' ? DEFAULT_SEED : Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`SPANLAB_FUZZ_SEED must be an integer, not ${JSON.stringify(raw)}`);
  return seed;
}

// Tests that have printed the seed: a test may run several properties.
const seeded = new WeakSet<TestContext>();

/** Longest a property may run, per unit of torture scale: far beyond a passing run, it
 * bounds the shrinking of a failure whose every attempt is slow (a hang). */
const PROPERTY_BUDGET_MS = 120_000;

/// fast-check's parameters for `runs` inputs under this run's seed, which the test prints:
/// a failure then reproduces with SPANLAB_FUZZ_SEED=<seed> (fast-check also prints the
/// seed and the path of the failing input).
export function fuzzParameters<T>(t: TestContext, runs: number): fc.Parameters<T> {
  const seed = fuzzSeed();
  if (!seeded.has(t)) t.diagnostic(`fuzz seed ${seed} (SPANLAB_FUZZ_SEED=${seed} repeats this run)`);
  seeded.add(t);
  const budget = PROPERTY_BUDGET_MS * tortureScale();
  return { seed, numRuns: runs, plugins: [fc.interruptAfterTimeLimit(budget, { failOnInterrupt: true })] };
}

/**
 * Most CPU time one reader or call may take on one input before it counts as hung. A hang
 * detector, not a speed test: the inputs are small enough that a sound reader answers in
 * milliseconds, while a catastrophic regular expression or a cubic walk takes seconds to
 * hours on them. CPU time rather than wall time, so that other work on a busy machine
 * does not count against the input.
 */
export const HANG_LIMIT_MS = 2_000;

/// Runs `work`, failing when it took more than HANG_LIMIT_MS of CPU time.
export function withinHangLimit<T>(what: string, work: () => T): T {
  const start = process.cpuUsage();
  const value = work();
  checkElapsed(what, start);
  return value;
}

/// withinHangLimit for asynchronous work.
export async function withinHangLimitAsync<T>(what: string, work: () => Promise<T>): Promise<T> {
  const start = process.cpuUsage();
  const value = await work();
  checkElapsed(what, start);
  return value;
}

function checkElapsed(what: string, start: NodeJS.CpuUsage): void {
  const used = process.cpuUsage(start);
  const took = (used.user + used.system) / 1_000;
  if (took > HANG_LIMIT_MS) {
    throw new Error(`${what} took ${Math.round(took)} ms of CPU time on one input (the hang limit is ${HANG_LIMIT_MS} ms)`);
  }
}

/** Characters and strings that readers get wrong: NUL, BOMs, line ends, marks, scripts, emoji. */
export const ODD_PIECES = [
  '\u0000',
  '\uFEFF',
  '\r\n',
  '\r',
  '\n',
  '\t',
  '\u2028',
  'e\u0301',
  '\u0301',
  '\u202E',
  '\u200D',
  'مرحبا بالعالم',
  'שלום',
  '👩‍👩‍👧',
  '🇮🇶',
  '😀',
  '\u00A0',
  '"',
  '\\',
  '\\u0000',
  '\\ud800',
  '\\udc00x',
  '\\ud83d\\ude00',
  '-DOCSTART-',
  '<script>alert(1)</script>',
  ',',
  ';',
  '\t\t',
  '#',
  ' B-PER',
  ' I-X',
  'T1',
  '__proto__',
] as const;

export const oddPiece = fc.constantFrom(...ODD_PIECES);

/** Numbers where an offset or a count goes: out of range, negative, not whole, huge. */
export const oddNumber = fc.constantFrom('-1', '0', '1', '7', '2147483648', '99999999999999999999', '1.5', '1e309', 'NaN', '-0', '00');

/** Runs that blow up a line: what the reader must get through in bounded time. */
const hugePiece = fc.constantFrom(' ', ' \t', '1', 'a ', 'x', '#', '[', '{"a":', '<div>', '<b>', ',', '"', '\t', 'T1 ', 'é', '😀');

/// A run of one piece, up to about `maxLength` characters.
export function hugeRun(maxLength: number): fc.Arbitrary<string> {
  return fc
    .tuple(hugePiece, fc.integer({ min: Math.min(1_000, maxLength), max: maxLength }))
    .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)));
}

/// JSON nested `depth` deep: arrays, objects or both.
export function deepJson(maxDepth: number): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min: 50, max: maxDepth }), fc.constantFrom('[', '{"a":', '[{"b":')).map(([depth, open]) => {
    const close = open === '[' ? ']' : open === '{"a":' ? '}' : '}]';
    return `${open.repeat(depth)}1${close.repeat(depth)}`;
  });
}

/** One change to a text; see applyMutation. */
export type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; piece: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'stretch'; at: number; times: number }
  | { op: 'stretchSpace'; nth: number; times: number }
  | { op: 'number'; nth: number; value: string }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'lineEnds'; to: '\r\n' | '\r' | '\n' };

/// Mutations of a text; `maxHuge` bounds the huge runs spliced in (0: none).
export function mutation(maxHuge: number): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  const pieces: fc.Arbitrary<string>[] = [oddPiece, oddNumber, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 12 })];
  const times = fc.integer({ min: 2, max: Math.max(50, maxHuge) });
  const numbers = maxHuge > 0 ? fc.oneof(oddNumber, fc.integer({ min: 1_000, max: maxHuge }).map((n) => '1'.repeat(n))) : oddNumber;
  const big: fc.WeightedArbitrary<Mutation>[] =
    maxHuge > 0
      ? [
          { weight: 2, arbitrary: fc.record({ op: fc.constant('insert'), at, piece: hugeRun(maxHuge) }) },
          { weight: 2, arbitrary: fc.record({ op: fc.constant('stretch'), at, times: fc.integer({ min: 1_000, max: maxHuge }) }) },
        ]
      : [];
  return fc.oneof(
    { weight: 2, arbitrary: fc.record({ op: fc.constant('truncate'), at }) },
    { weight: 6, arbitrary: fc.record({ op: fc.constant('insert'), at, piece: fc.oneof(...pieces) }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('delete'), at, length: fc.integer({ min: 1, max: 40 }) }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('duplicate'), at, length: fc.integer({ min: 1, max: 200 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('stretch'), at, times: fc.integer({ min: 2, max: 50 }) }) },
    // White space stretched where words were: the input that makes a regular expression backtrack.
    { weight: 2, arbitrary: fc.record({ op: fc.constant('stretchSpace'), nth: fc.nat(), times }) },
    { weight: 5, arbitrary: fc.record({ op: fc.constant('number'), nth: fc.nat(), value: numbers }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('swapLines'), a: fc.nat(), b: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('lineEnds'), to: fc.constantFrom('\r\n' as const, '\r' as const, '\n' as const) }) },
    ...big,
  ) as fc.Arbitrary<Mutation>;
}

/// `text` after `m`.
export function applyMutation(text: string, m: Mutation): string {
  const pos = (n: number) => n % (text.length + 1);
  switch (m.op) {
    case 'truncate':
      return text.slice(0, pos(m.at));
    case 'insert':
      return text.slice(0, pos(m.at)) + m.piece + text.slice(pos(m.at));
    case 'delete':
      return text.slice(0, pos(m.at)) + text.slice(pos(m.at) + m.length);
    case 'duplicate': {
      const from = pos(m.at);
      return text.slice(0, from + m.length) + text.slice(from, from + m.length) + text.slice(from + m.length);
    }
    case 'stretch': {
      const i = pos(m.at);
      return i >= text.length ? text : text.slice(0, i) + text[i]!.repeat(m.times) + text.slice(i);
    }
    case 'stretchSpace': {
      const spaces = [...text.matchAll(/[ \t]/g)];
      if (spaces.length === 0) return text;
      const i = spaces[m.nth % spaces.length]!.index;
      return text.slice(0, i) + text[i]!.repeat(m.times) + text.slice(i);
    }
    case 'number': {
      const runs = [...text.matchAll(/\d+/g)];
      if (runs.length === 0) return text;
      const run = runs[m.nth % runs.length]!;
      return text.slice(0, run.index) + m.value + text.slice(run.index + run[0].length);
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'lineEnds':
      return text.replace(/\r\n|\r|\n/g, m.to);
  }
}

/// `base` broken by one to five mutations (`maxHuge` as for mutation()).
export function mutatedText(base: string, maxHuge = 0): fc.Arbitrary<string> {
  return fc.array(mutation(maxHuge), { minLength: 1, maxLength: 5 }).map((ms) => ms.reduce(applyMutation, base));
}

/** One change to the bytes of a file. */
type ByteMutation =
  | { op: 'flip'; at: number; value: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'cut'; at: number }
  | { op: 'prefix'; bytes: readonly number[] };

const BYTE_ORDER_MARKS = [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xff, 0xfe, 0, 0], [0, 0, 0xfe, 0xff]] as const;

const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('prefix' as const), bytes: fc.constantFrom(...BYTE_ORDER_MARKS) }),
);

function applyByteMutation(bytes: Uint8Array, m: ByteMutation): Uint8Array {
  const pos = (n: number) => n % (bytes.length + 1);
  switch (m.op) {
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const copy = bytes.slice();
      copy[m.at % bytes.length] = m.value;
      return copy;
    }
    case 'insert':
      return Buffer.concat([bytes.subarray(0, pos(m.at)), m.bytes, bytes.subarray(pos(m.at))]);
    case 'cut':
      return bytes.subarray(0, pos(m.at));
    case 'prefix':
      return Buffer.concat([Uint8Array.from(m.bytes), bytes]);
  }
}

/// The UTF-8 (or, now and then, UTF-16 with its mark) bytes of `text`, with a few bytes
/// broken: bad UTF-8, a sequence cut off, a stray byte-order mark.
export function mutatedBytes(text: fc.Arbitrary<string>): fc.Arbitrary<Uint8Array> {
  const encoded = fc.tuple(text, fc.constantFrom('utf-8', 'utf-8', 'utf-8', 'utf-16le', 'utf-16be')).map(([t, encoding]) => {
    if (encoding === 'utf-8') return new Uint8Array(Buffer.from(t, 'utf8'));
    const le = Buffer.from(`\uFEFF${t}`, 'utf16le');
    return new Uint8Array(encoding === 'utf-16le' ? le : le.swap16());
  });
  return fc
    .tuple(encoded, fc.array(byteMutation, { maxLength: 3 }))
    .map(([bytes, ms]) => ms.reduce(applyByteMutation, bytes));
}

/// Bytes for a file in one format: its valid samples broken as text and as bytes, odd
/// text, and pure noise. `maxHuge` bounds huge lines.
export function fileBytes(samples: readonly string[], maxHuge: number): fc.Arbitrary<Uint8Array> {
  const sample = fc.constantFrom(...samples);
  const broken = sample.chain((s) => fc.oneof(fc.constant(s), mutatedText(s, maxHuge)));
  return fc.oneof(
    { weight: 6, arbitrary: mutatedBytes(broken) },
    { weight: 1, arbitrary: mutatedBytes(fc.string({ unit: 'grapheme', maxLength: 300 })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2_000 }) },
  );
}

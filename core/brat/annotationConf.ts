// brat's annotation.conf: the file in which brat, and the corpora annotated with it, declare
// entity, relation and event types and attributes. Read into a flat value close to a label
// schema, and written back from one. Reading never throws: a line it cannot use becomes an
// error with its line number and the rest of the file is still read, as brat's own reader
// (server/src/projectconfig.py) reads it:
//
//   [entities]                          one type per line; indentation nests a type under the
//   !Organism                           one above it, `!` marks an abstract type (a grouping
//     Human                             that is never annotated). Nesting is flattened here:
//                                       abstract types go, a reference to a parent type
//                                       stands for it and every type below it.
//   [relations]
//   Located   Arg1:Human, Arg2:GPE      `<REL-TYPE>:…` arguments and `<OVERLAP>` lines are
//                                       ignored with a note.
//   [events]
//   Bite|GO:0001   Agent+:Human, Theme?:<EVENT>|Organism
//                                       `|` adds alternative names; `?` optional, `*` any
//                                       number, `+` one or more, `{2}` / `{1-3}` ranges.
//   [attributes]
//   Negation   Arg:<EVENT>              a flag, or with `Value:A|B|C` one of the values.
//
// plus `#` comments, `---` separator lines, and `<NAME>=text` definitions that replace
// `<NAME>` in the lines below them. `<ENTITY>`, `<EVENT>`, `<RELATION>` and `<ANY>` stay as
// they are in argument types: what they mean is up to the reader of the result.

import { shortened } from '../reportText';

/** A note or an error about one line of the file (1-based). */
export interface ConfIssue {
  line: number;
  message: string;
}

/** A role of an event type or an argument of a relation: what may fill it, and how often. */
export interface BratArgument {
  name: string;
  /** Type names and macros such as `<EVENT>`, after `<DEF>`s are replaced and nesting is flattened. */
  targets: string[];
  /** The fewest fillers: 0 for an optional role. */
  min: number;
  /** The most fillers; null for any number. */
  max: number | null;
}

export interface BratType {
  name: string;
  /** The other `|` names of the line (brat shows them as labels; they are often ids like GO:0006306). */
  aliases: string[];
}

export interface BratRelationType extends BratType {
  args: BratArgument[];
}

export interface BratEventType extends BratType {
  roles: BratArgument[];
}

export interface BratAttribute extends BratType {
  /** What the attribute applies to: `<ENTITY>`, `<EVENT>`, `<RELATION>` or type names. */
  targets: string[];
  /** The values to choose from; empty for a flag. */
  values: string[];
}

/** The declarations of an annotation.conf, in file order. A relation may be declared on several lines. */
export interface BratConf {
  entities: BratType[];
  relations: BratRelationType[];
  events: BratEventType[];
  attributes: BratAttribute[];
}

export interface ParsedConf {
  conf: BratConf;
  /** What was read but deliberately left out (`<OVERLAP>`, `<REL-TYPE>`, unknown sections). */
  notes: ConfIssue[];
  /** Lines that could not be read, or only in part. */
  errors: ConfIssue[];
}

/** The macros brat gives a meaning to; a `<DEF>=` may not redefine them. */
export const RESERVED_MACROS = ['<ANY>', '<ENTITY>', '<RELATION>', '<EVENT>', '<NONE>', '<REL-TYPE>'] as const;

const SECTIONS = ['entities', 'relations', 'events', 'attributes'] as const;
type Section = (typeof SECTIONS)[number];

/** One declaration line, split into its parts, before nesting is flattened. */
interface Declaration {
  line: number;
  indent: number;
  abstract: boolean;
  terms: string[];
  args: string[];
  parent: Declaration | null;
  children: Declaration[];
}

/// Reads an annotation.conf. Never throws; see `errors` for what could not be read.
export function parseAnnotationConf(text: string): ParsedConf {
  const notes: ConfIssue[] = [];
  const errors: ConfIssue[] = [];
  const declared = readDeclarations(text, notes, errors);

  // A reference to a type with types nested under it means all of them (the abstract ones
  // excepted, which can never be annotated).
  const expansion = new Map<string, string[]>();
  for (const section of SECTIONS) {
    for (const d of declared[section]) {
      if (d.children.length > 0 || d.abstract) expansion.set(d.terms[0]!, concreteNames(d));
    }
  }
  const expand = (targets: string[]) => [...new Set(targets.flatMap((t) => expansion.get(t) ?? [t]))];

  const conf: BratConf = { entities: [], relations: [], events: [], attributes: [] };
  const seen: Record<Section, Map<string, number>> = {
    entities: new Map(),
    relations: new Map(),
    events: new Map(),
    attributes: new Map(),
  };
  for (const section of SECTIONS) {
    for (const d of declared[section]) {
      if (d.abstract) continue;
      const [name, ...aliases] = d.terms as [string, ...string[]];
      if (section === 'relations' && name === '<OVERLAP>') {
        notes.push({ line: d.line, message: '<OVERLAP> rules are ignored: any two annotations may overlap.' });
        continue;
      }
      if (section === 'relations' && name === 'ENTITY-NESTING') {
        notes.push({ line: d.line, message: 'ENTITY-NESTING is ignored: any annotation may nest in another.' });
        continue;
      }
      // A relation may be declared once per pair of argument types; anything else once.
      const first = seen[section].get(name);
      if (first !== undefined && section !== 'relations') {
        const message = `"${shortened(name)}" was already declared on line ${first}; this line is ignored.`;
        errors.push({ line: d.line, message });
        continue;
      }
      if (first === undefined) seen[section].set(name, d.line);
      // An attribute's values are not type names and are never expanded.
      const args = readArguments(d, section, notes, errors).map((a) =>
        section === 'attributes' && a.name === 'Value' ? a : { ...a, targets: expand(a.targets) },
      );
      if (section === 'entities') {
        for (const a of args) {
          notes.push({ line: d.line, message: `The argument ${shortened(a.name)} of ${shortened(name)} is ignored.` });
        }
        conf.entities.push({ name, aliases });
      } else if (section === 'relations') {
        conf.relations.push({ name, aliases, args });
      } else if (section === 'events') {
        conf.events.push({ name, aliases, roles: args });
      } else {
        const attribute = toAttribute(name, aliases, args, d.line, notes, errors);
        if (attribute) conf.attributes.push(attribute);
      }
    }
  }
  // Issues are found section by section; the reader of a report wants them in file order.
  const byLine = (a: ConfIssue, b: ConfIssue) => a.line - b.line;
  return { conf, notes: notes.sort(byLine), errors: errors.sort(byLine) };
}

/// Writes `conf` as an annotation.conf, each `comments` line as a `#` comment at the top.
/// Names are written as given: the caller makes them brat-safe (see `storageForm`).
export function writeAnnotationConf(conf: BratConf, comments: readonly string[] = []): string {
  // A line break inside a comment would end it and start a declaration.
  const lines: string[] = comments.map((c) => `# ${c.replace(/[\r\n]+/g, ' ')}`.trimEnd());
  const section = (name: Section, items: string[]) => {
    if (lines.length > 0) lines.push('');
    lines.push(`[${name}]`, '', ...items);
  };
  const declaration = (type: BratType, args: string[]) =>
    [type.name, ...type.aliases].join('|') + (args.length > 0 ? `\t${args.join(', ')}` : '');

  section('entities', conf.entities.map((t) => declaration(t, [])));
  section('relations', conf.relations.map((t) => declaration(t, t.args.map(writeArgument))));
  section('events', conf.events.map((t) => declaration(t, t.roles.map(writeArgument))));
  section(
    'attributes',
    conf.attributes.map((a) => {
      const args = [`Arg:${a.targets.join('|')}`];
      if (a.values.length > 0) args.push(`Value:${a.values.join('|')}`);
      return declaration(a, args);
    }),
  );
  return `${lines.join('\n')}\n`;
}

/// The form brat stores a type name in (its `normalize_to_storage_form`): letters, digits,
/// `_` and `-`, every other character replaced by `_`.
export function storageForm(name: string): string {
  return name.replace(/[^a-zA-Z0-9_-]/g, '_');
}

// Splits the text into sections of declarations, nested by indentation, with `<DEF>=`
// definitions applied. Comments, separators and blank lines are dropped here.
function readDeclarations(text: string, notes: ConfIssue[], errors: ConfIssue[]): Record<Section, Declaration[]> {
  const declared: Record<Section, Declaration[]> = { entities: [], relations: [], events: [], attributes: [] };
  const macros = new Map<string, string>();
  // undefined: before the first section; null: in a section this format does not have.
  let section: Section | null | undefined;
  let open: Declaration[] = [];

  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    if (raw.trim() === '' || /^\s*#/.test(raw) || /^\s*-+\s*$/.test(raw)) continue;

    const header = /^\s*\[(.*)\]\s*$/.exec(raw);
    if (header) {
      const name = header[1]!.trim().toLowerCase();
      section = (SECTIONS as readonly string[]).includes(name) ? (name as Section) : null;
      if (section === null) {
        notes.push({ line, message: `The section [${shortened(header[1]!)}] is not part of annotation.conf; it is skipped.` });
      }
      open = [];
      continue;
    }
    if (section === null) continue;
    if (section === undefined) {
      errors.push({ line, message: 'This line comes before any [section]; it is ignored.' });
      continue;
    }

    // Trimmed by hand: a pattern with a lazy value before optional spaces backtracked
    // quadratically over a long run of spaces inside the value.
    const definition = /^<([a-zA-Z0-9_-]+)>=([^]*)$/.exec(raw);
    const value = definition?.[2]!.trim();
    if (definition && !/[\n\r\u2028\u2029]/.test(value!)) {
      const macro = `<${definition[1]}>`;
      if ((RESERVED_MACROS as readonly string[]).includes(macro)) {
        errors.push({ line, message: `${shortened(macro)} has a fixed meaning and cannot be redefined.` });
      } else {
        macros.set(macro, value!);
      }
      continue;
    }
    const expanded = expandMacros(raw, macros);
    if (expanded === null) {
      const longest = MAX_EXPANDED_LINE.toLocaleString('en-US');
      errors.push({ line, message: `The definitions make this line longer than ${longest} characters; it is ignored.` });
      continue;
    }

    const parts = /^(\s*)(\S+)(?:\s+(.*))?$/.exec(expanded);
    if (!parts) continue; // A definition that expanded to nothing.
    const indent = parts[1]!.length;
    let abstract = false;
    const terms = parts[2]!
      .split('|')
      .map((t) => t.trim())
      .filter((t) => t !== '')
      .map((t) => {
        if (!t.startsWith('!')) return t;
        abstract = true;
        return t.slice(1);
      });
    if (terms.length === 0 || terms[0] === '') {
      errors.push({ line, message: `"${shortened(parts[2]!)}" names no type; the line is ignored.` });
      continue;
    }
    // eslint-disable-next-line no-control-regex -- control characters are what is looked for
    if (/[\u0000-\u001f\u007f-\u009f]/.test(parts[2]!)) {
      errors.push({ line, message: 'The name holds control characters; the line is ignored.' });
      continue;
    }
    const args = (parts[3] ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== '');

    // The parent is the nearest declaration above that is indented less.
    while (open.length > 0 && open.at(-1)!.indent >= indent) open.pop();
    const parent = open.at(-1) ?? null;
    const declaration: Declaration = { line, indent, abstract, terms, args, parent, children: [] };
    parent?.children.push(declaration);
    open.push(declaration);
    declared[section].push(declaration);
  }
  return declared;
}

/** The longest a line may grow by `<NAME>=` definitions: each can double the one before. */
const MAX_EXPANDED_LINE = 100_000;

// `line` with each definition, in the order they were made, replaced by its text; null
// when that would make it longer than MAX_EXPANDED_LINE (a chain of definitions that each
// name the next twice grows a line exponentially).
function expandMacros(line: string, macros: ReadonlyMap<string, string>): string | null {
  let expanded = line;
  for (const [macro, value] of macros) {
    const pieces = expanded.split(macro);
    const growth = (pieces.length - 1) * (value.length - macro.length);
    if (growth > 0 && expanded.length + growth > MAX_EXPANDED_LINE) return null;
    expanded = pieces.join(value);
  }
  return expanded;
}

// The names a reference to `d` stands for: itself unless abstract, and every concrete type
// nested below it.
function concreteNames(d: Declaration): string[] {
  const own = d.abstract ? [] : [d.terms[0]!];
  return [...own, ...d.children.flatMap(concreteNames)];
}

// Reads `Role?:TypeA|TypeB` arguments. Special `<…>:` arguments (`<REL-TYPE>`, `<NORM>`, …)
// are noted and left out.
function readArguments(d: Declaration, section: Section, notes: ConfIssue[], errors: ConfIssue[]): BratArgument[] {
  const name = d.terms[0]!;
  const args: BratArgument[] = [];
  for (const text of d.args) {
    // Split by hand at the first colon: the patterns that did it backtracked quadratically
    // over a long run of colons or braces.
    const colon = text.indexOf(':');
    if (colon <= 0 || /\s/.test(text)) {
      errors.push({ line: d.line, message: `Cannot read "${shortened(text)}" of ${shortened(name)}; expected Role:Type.` });
      continue;
    }
    const key = text.slice(0, colon);
    const value = text.slice(colon + 1);
    if (key.startsWith('<')) {
      notes.push({ line: d.line, message: `${shortened(key)}:${shortened(value)} of ${shortened(name)} is ignored.` });
      continue;
    }
    const [roleName, repetition] = splitRepetition(key);
    const counts = readRepetition(repetition);
    if (!counts) {
      const message = `Cannot read the count in "${shortened(key)}" of ${shortened(name)}; expected {N} or {N-M}.`;
      errors.push({ line: d.line, message });
      continue;
    }
    if (section === 'events' && counts.max !== 1 && /\d$/.test(roleName)) {
      // brat numbers repeated fillers (Theme, Theme2…), which a role ending in a digit would make ambiguous.
      const message = `The role ${shortened(roleName)} of ${shortened(name)} ends in a digit and cannot repeat.`;
      errors.push({ line: d.line, message });
      continue;
    }
    const targets = value.split('|').map((t) => t.trim());
    if (targets.some((t) => t === '')) {
      errors.push({ line: d.line, message: `"${shortened(text)}" of ${shortened(name)} has an empty type.` });
      continue;
    }
    if (args.some((a) => a.name === roleName)) {
      const message = `${shortened(name)} has the argument ${shortened(roleName)} twice; the second is ignored.`;
      errors.push({ line: d.line, message });
      continue;
    }
    args.push({ name: roleName, targets, ...counts });
  }
  return args;
}

// A role's name and the repetition mark at its end (`?`, `*`, `+` or a `{…}`), if any; the
// name keeps at least one character.
function splitRepetition(key: string): [string, string] {
  const last = key.at(-1);
  if (key.length > 1 && (last === '?' || last === '*' || last === '+')) return [key.slice(0, -1), last];
  if (last === '}') {
    // The mark is the first `{` after the last `}` before the end (and not the name's first character).
    const brace = key.indexOf('{', Math.max(1, key.lastIndexOf('}', key.length - 2) + 1));
    if (brace !== -1) return [key.slice(0, brace), key.slice(brace)];
  }
  return [key, ''];
}

// `?`, `*`, `+`, `{N}` and `{N-M}` as brat reads them; null when it cannot be read.
function readRepetition(text: string): { min: number; max: number | null } | null {
  if (text === '') return { min: 1, max: 1 };
  if (text === '?') return { min: 0, max: 1 };
  if (text === '*') return { min: 0, max: null };
  if (text === '+') return { min: 1, max: null };
  const range = /^\{(\d+)(?:-(\d+))?\}$/.exec(text);
  if (!range) return null;
  const min = Number(range[1]);
  const max = range[2] === undefined ? min : Number(range[2]);
  return max === 0 || min > max ? null : { min, max };
}

function writeArgument(a: BratArgument): string {
  let repetition = '';
  if (a.max === null) repetition = a.min === 0 ? '*' : '+';
  else if (a.min === 0 && a.max === 1) repetition = '?';
  else if (a.min !== 1 || a.max !== 1) repetition = a.min === a.max ? `{${a.min}}` : `{${a.min}-${a.max}}`;
  return `${a.name}${repetition}:${a.targets.join('|')}`;
}

// An attribute line: `Arg:` says what it applies to, `Value:` its values (none: a flag).
function toAttribute(
  name: string,
  aliases: string[],
  args: BratArgument[],
  line: number,
  notes: ConfIssue[],
  errors: ConfIssue[],
): BratAttribute | null {
  const arg = args.find((a) => a.name === 'Arg');
  if (!arg) {
    errors.push({ line, message: `The attribute ${shortened(name)} has no Arg: (what it applies to); it is ignored.` });
    return null;
  }
  for (const other of args) {
    if (other.name !== 'Arg' && other.name !== 'Value') {
      notes.push({ line, message: `${shortened(other.name)}: of the attribute ${shortened(name)} is ignored.` });
    }
  }
  const values = args.find((a) => a.name === 'Value')?.targets ?? [];
  return { name, aliases, targets: arg.targets, values };
}

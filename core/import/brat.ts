// brat standoff: an article's .txt and its .ann, one annotation per line. Offsets are code
// points into the .txt exactly as it is on disk (line breaks included, "\r" too), which is
// why the text is never normalised. Each line kind maps onto Spanlab's model:
//   T  text-bound annotation → a mention (its label an entity type), or, when an E uses it
//      as its trigger, an untyped trigger mention;
//      fragments with only whitespace and a line break or tab between them (how brat splits
//      a span across lines) → one mention over them all;
//      discontinuous (`0 5;10 15`) → one mention per fragment, all linked to one entity: a
//      Spanlab mention is one range, and the entity keeps the fragments together. The
//      first fragment stands for the T wherever it is referenced; the others carry a note
//      ("fragment 2 of 2 of brat T5") and the report counts them as warnings;
//   E  event → an event on its trigger, each `Role:T` or `Role:E` (nested) an argument;
//      brat's numbered repeats (Theme2) fill the role Theme again;
//   R  relation → a relation (its first two arguments, usually Arg1 → Arg2);
//   A, M  attribute / modification → an attribute of the mention, event or relation;
//   N  normalisation → the external id of the mention's entity (`Wikipedia:534366`);
//   #  AnnotatorNotes → the note of the mention, event or relation;
//   *  Equiv → its mentions linked to one entity (coreference).
// Every T is checked against the .txt: inside it, and quoting it exactly. A file with any
// unreadable line is refused whole, with one report line per bad line.

import type { AttributeValues } from '../../common/model';
import type { PortableEntity, PortableEvent, PortableMention, PortableRelation } from '../formats/portableDocument';
import { OffsetMap } from '../offsetMap';
import { readPlainText } from './plainText';
import type { ReadResult } from './readResult';
import { accept, emptyResult } from './readResult';
import { quoted, shortened } from '../reportText';

/** The two files of one brat document. */
export interface BratPair {
  text: string;
  ann: string;
  textFile: string;
  annFile: string;
}

interface TextBound {
  id: string;
  type: string;
  fragments: [number, number][];
  line: number;
}

/// Reads one brat document.
export function readBrat(pair: BratPair): ReadResult {
  const base = readPlainText(pair.text, pair.textFile, { markdown: false });
  const document = base.documents[0];
  if (!document) return base;
  const result = emptyResult();
  const parsed = new AnnReader(pair.text, pair.annFile).read(pair.ann);
  if (parsed.errors.length > 0) {
    result.errors.push(...parsed.errors);
    return result;
  }
  Object.assign(document, parsed.annotations);
  result.warnings.push(...parsed.warnings);
  accept(result, document, { file: pair.annFile });
  return result;
}

interface Annotations {
  mentions: PortableMention[];
  entities: PortableEntity[];
  events: PortableEvent[];
  relations: PortableRelation[];
}

// No two parts of the pattern can match the same characters (`T\d*\S*` could, and a line
// that failed made it backtrack quadratically in the length of the id).
const T_LINE = /^(T\S*)\t(\S+) ((?:\d+ \d+)(?:;\d+ \d+)*)(?:\t(.*))?$/;
/** The longest id, type or offset a line may hold. */
const MAX_WORD = 200;

// Reads the .ann lines in two passes: first every annotation (ids may be used before the
// line defining them), then the references between them.
class AnnReader {
  private readonly errors: ReadResult['errors'] = [];
  private readonly warnings: ReadResult['warnings'] = [];
  private readonly map: OffsetMap;
  private readonly textBounds = new Map<string, TextBound>();
  private readonly events = new Map<string, PortableEvent & { line: number; triggerId: string }>();
  private readonly relations = new Map<string, PortableRelation>();
  private readonly relationLines = new Map<string, number>();
  /** Lines of the second pass: A, M, N, #, * — they only point at the others. */
  private readonly pointers: { kind: string; fields: string[]; line: number }[] = [];
  private line = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {
    this.map = new OffsetMap(text, []);
  }

  read(ann: string): { annotations: Annotations; errors: ReadResult['errors']; warnings: ReadResult['warnings'] } {
    for (const raw of ann.split('\n')) {
      this.line++;
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.trim() === '') continue;
      this.readLine(line);
    }
    const annotations = this.resolve();
    return { annotations, errors: this.errors, warnings: this.warnings };
  }

  private readLine(line: string): void {
    const fields = line.split('\t');
    const id = fields[0]!;
    // Ids, types and offsets are short words; a longer one is a broken line, and quoting it
    // whole would put the line into the report.
    if ([id, ...(fields[1] ?? '').split(' ')].some((word) => word.length > MAX_WORD)) {
      return this.fail(`${shortened(id, 40)}: an id, type or offset longer than ${MAX_WORD} characters`);
    }
    switch (id[0]) {
      case 'T':
        return this.readTextBound(line);
      case 'E': {
        const [head, ...args] = (fields[1] ?? '').trim().split(/ +/);
        const [type, trigger] = (head ?? '').split(':');
        if (!type || !trigger) return this.fail(`${id}: an event line is "E1<tab>Type:T1 Role:T2 …"`);
        const parsedArgs = args.map((a) => a.split(':'));
        if (parsedArgs.some((a) => a.length !== 2 || !a[0] || !a[1])) return this.fail(`${id}: arguments are Role:Id`);
        if (this.events.has(id)) return this.fail(`${id} is defined twice`);
        this.events.set(id, {
          id,
          type,
          trigger,
          triggerId: trigger,
          // Provisional: `mention` is corrected to `event` once every id is known.
          arguments: parsedArgs.map(([role, target]) => ({ role: role!.replace(/\d+$/, '') || role!, mention: target! })),
          attributes: {},
          note: '',
          line: this.line,
        });
        return;
      }
      case 'R': {
        const [type, ...args] = (fields[1] ?? '').trim().split(/ +/);
        const ends = args.map((a) => a.split(':')[1]);
        if (!type || ends.length < 2 || !ends[0] || !ends[1]) {
          return this.fail(`${id}: a relation line is "R1<tab>Type Arg1:T1 Arg2:T2"`);
        }
        if (this.relations.has(id)) return this.fail(`${id} is defined twice`);
        this.relations.set(id, { id, type, from: ends[0], to: ends[1], attributes: {}, note: '' });
        this.relationLines.set(id, this.line);
        if (ends.length > 2) this.warn(`${id}: a relation links two mentions; arguments after the second were left out`);
        return;
      }
      case 'A':
      case 'M':
      case 'N':
      case '#':
      case '*':
        this.pointers.push({ kind: id[0], fields, line: this.line });
        return;
      default:
        return this.fail(`${quoted(line, 40)} is not a brat annotation line (T, E, R, A, M, N, # or *)`);
    }
  }

  private readTextBound(line: string): void {
    const match = T_LINE.exec(line);
    if (!match) return this.fail(`${line.split('\t')[0]}: a text-bound line is "T1<tab>Type START END<tab>text"`);
    const [, id, type, offsets, stated] = match as unknown as [string, string, string, string, string | undefined];
    const fragments = offsets.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
    const length = this.map.codePointLength;
    for (const [start, end] of fragments) {
      if (start >= end) return this.fail(`${id}: span ${start}–${end} is empty or backwards`);
      if (end > length) {
        return this.fail(`${id}: .ann span ${start}–${end} is beyond the text's ${length.toLocaleString('en-US')} characters`);
      }
    }
    const covered = fragments.map(([start, end]) => this.slice(start, end));
    // brat writes the fragments' texts joined by one space.
    if (stated !== undefined && stated !== covered.join(' ')) {
      const actual = covered.join(' ');
      return this.fail(`${id}: span text ${quoted(stated)} does not match text ${quoted(actual)}`);
    }
    if (this.textBounds.has(id)) return this.fail(`${id} is defined twice`);
    this.textBounds.set(id, { id, type, fragments: this.joinedAtBreaks(fragments), line: this.line });
  }

  // brat's editor splits a span that crosses a line break or a tab into fragments around
  // it, trimmed of whitespace (and Spanlab's brat export does the same): fragments with only
  // such whitespace between them are one span again, not a discontinuous one.
  private joinedAtBreaks(fragments: [number, number][]): [number, number][] {
    const joined: [number, number][] = [fragments[0]!];
    for (const [start, end] of fragments.slice(1)) {
      const last = joined[joined.length - 1]!;
      const gap = last[1] < start ? this.slice(last[1], start) : '';
      if (/^\s+$/u.test(gap) && /[\r\n\t]/u.test(gap)) last[1] = end;
      else joined.push([start, end]);
    }
    return joined;
  }

  // The second pass: triggers, arguments, pointers, entities.
  private resolve(): Annotations {
    const triggers = new Set([...this.events.values()].map((e) => e.triggerId));
    const mentions = new Map<string, PortableMention[]>();
    for (const t of this.textBounds.values()) {
      const label = triggers.has(t.id) ? null : t.type;
      const parts = t.fragments.map(([start, end], i): PortableMention => ({
        id: i === 0 ? t.id : `${t.id}#${i + 1}`,
        start,
        end,
        label,
        text: this.slice(start, end),
        attributes: {},
        note: i === 0 ? '' : `fragment ${i + 1} of ${t.fragments.length} of brat ${t.id}`,
        entity: null,
      }));
      mentions.set(t.id, parts);
      if (parts.length > 1) {
        this.warnAt(t.line, `${t.id} is discontinuous: imported as ${parts.length} mentions linked to one entity`);
      }
    }

    for (const event of this.events.values()) {
      this.line = event.line;
      if (!this.textBounds.has(event.trigger)) this.fail(`${event.id}: its trigger ${event.trigger} is not a T of the file`);
      for (const argument of event.arguments) {
        const target = argument.mention!;
        if (this.events.has(target)) {
          delete argument.mention;
          argument.event = target;
        } else if (!this.textBounds.has(target)) {
          this.fail(`${event.id}: its ${argument.role} argument ${target} is neither a T nor an E of the file`);
        }
      }
    }
    for (const relation of this.relations.values()) {
      this.line = this.relationLines.get(relation.id)!;
      for (const end of [relation.from, relation.to]) {
        if (!this.textBounds.has(end)) this.fail(`${relation.id}: ${end} is not a T of the file`);
      }
    }

    const groups = new EntityGroups();
    for (const t of this.textBounds.values()) if (t.fragments.length > 1) groups.add(t.id);
    const norms = new Map<string, { externalId: string; name: string }[]>();
    for (const pointer of this.pointers) {
      this.line = pointer.line;
      this.readPointer(pointer, mentions, groups, norms);
    }

    const entities: PortableEntity[] = [];
    for (const members of groups.groups()) {
      const first = members[0]!;
      const entity: PortableEntity = {
        id: `entity:${first}`,
        name: this.textOf(first),
        label: mentions.get(first)![0]!.label,
        aliases: [],
        externalId: null,
      };
      entities.push(entity);
      for (const member of members) {
        for (const part of mentions.get(member)!) part.entity = entity.id;
        for (const norm of norms.get(member) ?? []) {
          if (entity.externalId === null) {
            entity.externalId = norm.externalId;
            if (norm.name) entity.name = norm.name;
          } else if (entity.externalId !== norm.externalId) {
            this.warnAt(this.textBounds.get(member)!.line, `${member}: a second normalisation (${norm.externalId}) was kept in its note`);
            const main = mentions.get(member)![0]!;
            main.note = [main.note, `also ${norm.externalId}${norm.name ? ` (${norm.name})` : ''}`].filter(Boolean).join('\n');
          }
        }
      }
    }
    const events = [...this.events.values()].map(({ line: _line, triggerId: _trigger, ...event }) => event);
    return { mentions: [...mentions.values()].flat(), entities, events, relations: [...this.relations.values()] };
  }

  private readPointer(
    { kind, fields }: { kind: string; fields: string[] },
    mentions: Map<string, PortableMention[]>,
    groups: EntityGroups,
    norms: Map<string, { externalId: string; name: string }[]>,
  ): void {
    const id = fields[0]!;
    const words = (fields[1] ?? '').trim().split(/ +/);
    if (kind === '*') {
      const members = words.slice(1);
      if (members.length < 2) return this.fail(`${id}: an equivalence names at least two Ts`);
      const unknown = members.find((m) => !this.textBounds.has(m));
      if (unknown) return this.fail(`${words[0]}: ${unknown} is not a T of the file`);
      groups.join(members);
      return;
    }
    const [name, target, value] = words as [string | undefined, string | undefined, string | undefined];
    if (!name || !target) return this.fail(`${id}: the line names no annotation`);
    if (kind === 'N') {
      if (!mentions.has(target)) return this.fail(`${id}: ${target} is not a T of the file`);
      if (!value) return this.fail(`${id}: a normalisation is "N1<tab>Reference T1 DB:ID<tab>name"`);
      groups.add(target);
      norms.set(target, [...(norms.get(target) ?? []), { externalId: value, name: fields[2] ?? '' }]);
      return;
    }
    const holders = this.holdersOf(target, mentions);
    if (!holders) return this.fail(`${id}: ${target} is not a T, E or R of the file`);
    if (kind === '#') {
      const note = fields.slice(2).join('\t');
      const main = holders[0]!;
      main.note = main.note ? `${main.note}\n${note}` : note;
      return;
    }
    // A and M: a flag without a value, else the value.
    for (const holder of holders) (holder.attributes as AttributeValues)[name] = value ?? true;
  }

  // What an A, M or # line may point at: a T (all its fragments), an E or an R.
  private holdersOf(target: string, mentions: Map<string, PortableMention[]>): { attributes: AttributeValues; note: string }[] | null {
    const parts = mentions.get(target);
    if (parts) return parts;
    const one = this.events.get(target) ?? this.relations.get(target);
    return one ? [one] : null;
  }

  private textOf(id: string): string {
    return this.textBounds.get(id)!.fragments.map(([s, e]) => this.slice(s, e)).join(' ');
  }

  private slice(start: number, end: number): string {
    return this.text.slice(this.map.toUtf16(start), this.map.toUtf16(end));
  }

  private fail(reason: string): void {
    this.errors.push({ file: this.file, line: this.line, reason });
  }

  private warn(reason: string): void {
    this.warnAt(this.line, reason);
  }

  private warnAt(line: number, reason: string): void {
    this.warnings.push({ file: this.file, line, reason });
  }
}

// Ts that refer to one entity: equivalence sets, a discontinuous T, a normalised T. A
// union-find over T ids.
class EntityGroups {
  private readonly parent = new Map<string, string>();

  add(id: string): void {
    if (!this.parent.has(id)) this.parent.set(id, id);
  }

  join(ids: readonly string[]): void {
    for (const id of ids) this.add(id);
    const root = this.find(ids[0]!);
    for (const id of ids.slice(1)) {
      const other = this.find(id);
      if (other !== root) this.parent.set(other, root);
    }
  }

  /// The members of each group, groups and members in the order their Ts were first added.
  groups(): string[][] {
    const byRoot = new Map<string, string[]>();
    for (const id of this.parent.keys()) {
      const root = this.find(id);
      byRoot.set(root, [...(byRoot.get(root) ?? []), id]);
    }
    return [...byRoot.values()];
  }

  private find(id: string): string {
    let root = id;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    return root;
  }
}

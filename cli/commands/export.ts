// `spanlab export`: a project's documents as training data, with a progress bar on a
// terminal and the end report (one JSON object with --json). The export runs in a worker
// thread exactly as in the app (main/services/export/), so Ctrl+C cancels it cleanly: the
// temporary output is removed and nothing appears under the chosen name.

import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ExportReport, ExportRequest } from '../../common/export';
import { callInputs } from '../../common/contract';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS } from '../../common/export';
import { DOCUMENT_STATUSES } from '../../common/model';
import { CliError, UsageError } from '../cliError';
import type { Command } from '../command';
import { existingProjectFile } from '../projectFile';

/** Issues printed before the rest is counted. */
const SHOWN_ISSUES = 30;

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export documents as training data (CoNLL, spaCy, Hugging Face, brat, DyGIE++…)',
  help: `Usage: spanlab export --project FILE --format FORMAT --out PATH
                      [--status STATUS] [--batch N] [--query TEXT] [--labels A,B]
                      [--split 80/10/10 [--seed 13]] [--json]
                      [--no-docstart] [--keep outermost|innermost]
                      [--level sentence|document] [--doccano-form labels|entities]

Writes the project's documents in a training-data format. Every offset is a
Unicode code point, so Python's text[start:end] is exactly the marked span;
every export is checked as it is written. The output appears under PATH only
once complete (a cancelled or failed export leaves nothing there).

Formats:
${EXPORT_FORMAT_NAMES.map((name) => `  ${name.padEnd(15)}${EXPORT_FORMATS[name].title}`).join('\n')}
(README.md, "Export formats", shows an example of each.)

Options:
  --project FILE       the project file (must exist)
  --format FORMAT      one of the formats above
  --out PATH           the file to write; a folder for brat and hf, and for any
                       --split (train, dev and test files inside). An existing
                       file is replaced; an existing folder only if it is empty
                       or holds an earlier Spanlab export
  --status STATUS      only documents with this status: ${DOCUMENT_STATUSES.join(', ')}
  --batch N            only documents of import batch N
  --query TEXT         only documents matching this search (as in the list)
  --labels A,B         only these labels (entity, event and relation types)
  --split T/D/E        train/dev/test percentages by document, e.g. 80/10/10
  --seed N             the split's seed (default 13); the same seed always puts
                       a document in the same split
  --no-docstart        conll: no -DOCSTART- line before each document
  --keep WHICH         conll, iob2, bioes, hf: of two overlapping mentions, keep
                       the outermost (default) or the innermost
  --level LEVEL        hf: one row per sentence (default) or per document
  --doccano-form FORM  doccano: label triples (default) or entities+relations
  --json               print the report as one JSON object
  -h, --help           show this help

Exits 0 when the export was written, 1 when it failed, 2 for wrong usage,
130 when cancelled with Ctrl+C.`,

  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        project: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        status: { type: 'string' },
        batch: { type: 'string' },
        query: { type: 'string' },
        labels: { type: 'string', multiple: true },
        split: { type: 'string' },
        seed: { type: 'string' },
        'no-docstart': { type: 'boolean' },
        keep: { type: 'string' },
        level: { type: 'string' },
        'doccano-form': { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    });
    const file = existingProjectFile(values.project);
    if (values.format === undefined) throw new UsageError(`--format is required (${EXPORT_FORMAT_NAMES.join(', ')})`);
    if (values.out === undefined || values.out === '') throw new UsageError('--out PATH is required');
    if (values.seed !== undefined && values.split === undefined) throw new UsageError('--seed needs --split');
    const request = checkedRequest({
      format: values.format,
      out: path.resolve(values.out),
      status: values.status,
      batch: values.batch === undefined ? undefined : integer('--batch', values.batch),
      query: values.query,
      labels: values.labels?.flatMap((l) => l.split(',')).map((l) => l.trim()).filter((l) => l !== ''),
      split: values.split === undefined ? undefined : splitRatios(values.split),
      seed: values.seed === undefined ? undefined : integer('--seed', values.seed),
      docstart: values['no-docstart'] ? false : undefined,
      keep: values.keep,
      level: values.level,
      doccanoForm: values['doccano-form'],
    });

    // Opening brings an older project file up to date (after backing it up) before the
    // worker reads it, and refuses a file that is not a project.
    const { Project } = await import('../../main/services/project');
    (await Project.open(file)).close();

    const { ExportJobs } = await import('../../main/services/export/exportJobs');
    const { sourceExportWorkerScript } = await import('../../main/services/export/exportWorkerScript');
    const bar = new Bar();
    const jobs = new ExportJobs(sourceExportWorkerScript(), (message) => {
      if (message.name === 'progress' && !message.payload.finished) bar.draw(message.payload.done, message.payload.total);
    });
    const started = performance.now();
    const { jobId } = jobs.start(file, request);
    const onInterrupt = () => {
      bar.clear();
      console.error('spanlab export: cancelling…');
      jobs.cancel(jobId);
    };
    process.on('SIGINT', onInterrupt);
    let state;
    try {
      state = await jobs.finished(jobId);
    } finally {
      process.off('SIGINT', onInterrupt);
      bar.clear();
    }
    if (state.state === 'cancelled') {
      console.error('spanlab export: cancelled; nothing was written.');
      return 130;
    }
    if (state.state === 'failed' || state.report === null) throw new CliError(state.error ?? 'the export failed');
    const seconds = (performance.now() - started) / 1000;
    console.log(values.json ? JSON.stringify(state.report) : summary(state.report, seconds));
    return 0;
  },
};

// The request as the contract checks it, its first problem as a usage error.
function checkedRequest(raw: Record<string, unknown>): ExportRequest {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  const parsed = callInputs['export.start'].safeParse(defined);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const option = `--${String(issue.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const value = raw[String(issue.path[0])];
  if (issue.path[0] === 'format') throw new UsageError(`unknown format ${JSON.stringify(value)} (${EXPORT_FORMAT_NAMES.join(', ')})`);
  if (issue.path[0] === 'split') throw new UsageError(`--split: ${issue.message}`);
  throw new UsageError(`${option} ${JSON.stringify(value)}: ${issue.message}`);
}

function integer(option: string, value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw new UsageError(`${option} must be a whole number, not ${JSON.stringify(value)}`);
  return Number(value);
}

// "80/10/10" (or 80,10,10 / 80:10:10).
function splitRatios(value: string): { train: number; dev: number; test: number } {
  const parts = value.split(/[/,:]/);
  if (parts.length !== 3 || parts.some((p) => !/^\d{1,3}$/.test(p.trim()))) {
    throw new UsageError(`--split must be three percentages like 80/10/10, not ${JSON.stringify(value)}`);
  }
  const [train, dev, test] = parts.map((p) => Number(p.trim())) as [number, number, number];
  return { train, dev, test };
}

// The report for a person: what was written where, per split and label, and what was not.
function summary(report: ExportReport, seconds: number): string {
  const lines = [
    `Exported ${plural(report.documents, 'document')} as ${report.format} to ${report.out} in ${seconds.toFixed(1)} s` +
      (report.fileCount > 1 ? ` (${plural(report.fileCount, 'file')}).` : '.'),
  ];
  if (report.split) {
    const counts = Object.entries(report.splits).map(([name, s]) => `${name} ${s.documents.toLocaleString('en-US')}`);
    lines.push(`Split ${report.split.train}/${report.split.dev}/${report.split.test} with seed ${report.seed}: ${counts.join(', ')}.`);
  }
  const labels = Object.entries(report.labels).map(([label, n]) => `${label} ${n.toLocaleString('en-US')}`);
  lines.push(labels.length > 0 ? `Written per label: ${labels.join(', ')}.` : 'No annotation was written.');
  if (report.tokenizer) lines.push(`Tokens and sentences: ${report.tokenizer}.`);
  for (const note of report.notes) lines.push(`Note: ${note}`);
  if (report.issueCount > 0) {
    lines.push('', `Left out or changed (${report.issueCount.toLocaleString('en-US')}):`);
    for (const issue of report.issues.slice(0, SHOWN_ISSUES)) {
      lines.push(`  ${issue.document}${issue.item ? ` ${issue.item}` : ''}: ${issue.reason}`);
    }
    const more = report.issueCount - Math.min(report.issues.length, SHOWN_ISSUES);
    if (more > 0) lines.push(`  … and ${more.toLocaleString('en-US')} more (--json lists the first ${report.issues.length})`);
  }
  lines.push('', `To export the same again: ${report.command}`);
  return lines.join('\n');
}

function plural(n: number, one: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : `${one}s`}`;
}

// A one-line bar on stderr, drawn only on a terminal (never into a pipe or a log).
class Bar {
  private drawn = false;
  private readonly started = performance.now();

  draw(done: number, total: number | null): void {
    const stream = process.stderr;
    if (!stream.isTTY) return;
    const fraction = total ? Math.min(done / total, 1) : 0;
    const rate = done / Math.max((performance.now() - this.started) / 1000, 1e-3);
    const text = ` ${done.toLocaleString('en-US')}/${total?.toLocaleString('en-US') ?? '?'} documents · ${Math.round(rate).toLocaleString('en-US')} docs/s`;
    const width = Math.max(10, Math.min(40, (stream.columns || 80) - text.length - 3));
    const filled = Math.round(fraction * width);
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]${text}\x1b[K`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) process.stderr.write('\r\x1b[K');
    this.drawn = false;
  }
}

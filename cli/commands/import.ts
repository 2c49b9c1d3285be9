// `spanlab import`: a batch of files and folders into a project, with a progress bar on a
// terminal and the report at the end (one JSON object with --json). The import runs in a
// worker thread exactly as in the app (main/services/import/), so Ctrl+C cancels it
// cleanly after the file in hand; a second Ctrl+C stops at once (what is written is still
// whole documents: they are written in transactions of whole documents).

import { parseArgs } from 'node:util';
import type { ImportFormat, ImportIssue, ImportReport } from '../../common/importReport';
import { IMPORT_FORMATS } from '../../common/importReport';
import { CliError, UsageError } from '../cliError';
import type { Command } from '../command';
import { ProgressBar, duration } from '../progressBar';
import { existingProjectFile } from '../projectFile';

/** Report lines printed per kind before the rest is counted. */
const SHOWN_ISSUES = 50;

export const importCommand: Command = {
  name: 'import',
  summary: 'Import articles (text, HTML, JSON/JSONL, CSV, brat, CoNLL) into a project',
  help: `Usage: spanlab import --project FILE PATH... [--format FORMAT]
                      [--text-field NAME] [--title-field NAME] [--json]

Imports files, and folders taken recursively, into an existing project. Each
file is read by its format (by extension and content):
  txt    .txt, .md: one article; a headline-like first line is the title
  html   .html, .htm: the article text (Readability); title, byline, date, URL
  jsonl  .jsonl: one document per line; doccano, Prodigy and Spanlab records
         bring their annotations
  json   .json: an array of such records (or JSON Lines named .json)
  csv    .csv, .tsv: one document per row, the first row naming the columns
  brat   .txt + .ann pairs; an annotation.conf beside them is merged into the
         project's schema
  conll  CoNLL-2003 / IOB2 / BIOES token files (-DOCSTART- separates documents)
A document whose exact text is already in the project is skipped, so running
the same import again adds only what is missing. Documents are written whole,
in transactions: an import interrupted (Ctrl+C, a crash, a full disk) leaves
only whole documents, and running it again adds the rest.

Options:
  --project FILE       the project file (must exist)
  --format FORMAT      read every file as FORMAT: auto (default), ${IMPORT_FORMATS.join(', ')}
  --text-field NAME    the JSON field or CSV column with the text (default: text)
  --title-field NAME   the JSON field or CSV column with the title (default: title)
  --json               print the report as one JSON object
  -h, --help           show this help

Exits 0 when something was imported (or was already there), 1 when nothing
could be, 2 for wrong usage, 130 when cancelled with Ctrl+C.`,

  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        project: { type: 'string' },
        format: { type: 'string', default: 'auto' },
        'text-field': { type: 'string' },
        'title-field': { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: true,
    });
    const file = existingProjectFile(values.project);
    if (positionals.length === 0) throw new UsageError('no PATH to import given');
    const format = values.format as ImportFormat | 'auto';
    if (format !== 'auto' && !(IMPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`unknown format "${values.format}" (auto, ${IMPORT_FORMATS.join(', ')})`);
    }

    const { ImportJobs } = await import('../../main/services/import/importJobs');
    const { sourceWorkerScript } = await import('../../main/services/import/workerScript');
    const bar = new ProgressBar();
    const jobs = new ImportJobs(sourceWorkerScript(), (message) => {
      if (message.name === 'progress' && message.payload.import && !message.payload.finished) {
        bar.update(message.payload.import);
      }
    });
    const { jobId } = jobs.start(file, {
      paths: positionals,
      format,
      textField: values['text-field'],
      titleField: values['title-field'],
    });

    let interrupts = 0;
    const onInterrupt = () => {
      if (++interrupts > 1) process.exit(130);
      bar.clear();
      console.error('spanlab import: stopping after the file in hand (Ctrl+C again to stop at once)');
      jobs.cancel(jobId);
    };
    process.on('SIGINT', onInterrupt);
    let report: ImportReport;
    try {
      report = await jobs.finished(jobId);
    } finally {
      process.off('SIGINT', onInterrupt);
      bar.clear();
    }

    console.log(values.json ? JSON.stringify(report) : summary(report));
    if (report.outcome === 'failed') throw new CliError(`the import failed: ${report.failure ?? 'unknown error'}`);
    if (report.outcome === 'cancelled') return 130;
    if (report.counts.documents + report.counts.duplicates === 0) {
      throw new CliError('nothing could be imported (see the report above)');
    }
    return 0;
  },
};

// The report for a person: what came in, what was created, what was not taken and why.
function summary(report: ImportReport): string {
  const { counts, files } = report;
  const seconds = (Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000;
  const lines = [
    `${report.outcome === 'cancelled' ? 'Cancelled. ' : ''}Imported ${plural(counts.documents, 'document')} ` +
      `from ${files.imported} of ${plural(files.total, 'file')} into ${report.project} in ${duration(seconds)}` +
      ` (${(report.bytes / 1024 / 1024).toFixed(1)} MB).`,
    `Skipped ${plural(counts.duplicates, 'document')} already in the project.`,
    `Annotations: ${plural(counts.mentions, 'mention')}, ${plural(counts.events, 'event')}, ` +
      `${plural(counts.relations, 'relation')}, ${plural(counts.entities, 'entity', 'entities')}.`,
  ];
  if (report.schemaFiles.length > 0) lines.push(`Schema merged from: ${report.schemaFiles.join(', ')}.`);
  const created = Object.entries(report.created).filter(([, names]) => names.length > 0);
  for (const [kind, names] of created) lines.push(`Created ${kindName(kind)}: ${names.join(', ')}.`);
  section(lines, 'Not imported', report.errors);
  section(lines, 'Left aside', report.skipped);
  section(lines, 'Warnings', report.warnings);
  if (report.unlisted > 0) lines.push(`(${report.unlisted} more report lines were counted but not listed.)`);
  return lines.join('\n');
}

function section(lines: string[], title: string, issues: readonly ImportIssue[]): void {
  if (issues.length === 0) return;
  lines.push('', `${title} (${issues.length}):`);
  for (const issue of issues.slice(0, SHOWN_ISSUES)) lines.push(`  ${where(issue)}: ${issue.reason}`);
  if (issues.length > SHOWN_ISSUES) lines.push(`  … and ${issues.length - SHOWN_ISSUES} more (--json lists them all)`);
}

/// "news.jsonl:12", "data.csv record 4", "a.txt".
function where(issue: ImportIssue): string {
  if (issue.line !== undefined) return `${issue.file}:${issue.line}`;
  if (issue.record !== undefined) return `${issue.file} record ${issue.record}`;
  return issue.file;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function kindName(kind: string): string {
  return kind.replace(/([A-Z])/g, ' $1').toLowerCase();
}

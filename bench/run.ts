// `npm run bench`: runs every benchmark (or those named on the command line) and prints its
// figures next to a baseline measured in the same run. Benchmarks never assert timings;
// they report them. Each benchmark is a module exporting `run(): Promise<void>`.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Benchmark modules, by name. Add a line when adding a benchmark file. */
const BENCHMARKS: Record<string, string> = {
  backups: './backups.ts',
  documentList: './documentList.ts',
  editor: './editor.ts',
  export: './export.ts',
  import: './import.ts',
};

const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : Object.keys(BENCHMARKS);
for (const name of names) {
  const file = BENCHMARKS[name];
  if (!file) {
    console.error(`Unknown benchmark ${name}; known: ${Object.keys(BENCHMARKS).join(', ') || 'none yet'}.`);
    process.exit(2);
  }
  console.log(`\n== ${name} ==`);
  const module = (await import(pathToFileURL(path.resolve(import.meta.dirname, file)).href)) as {
    run: () => Promise<void>;
  };
  await module.run();
}
if (names.length === 0) console.log('No benchmarks yet.');

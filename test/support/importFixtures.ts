// Batches of files for the import tests: the mixed batch of the import issue's acceptance
// (good files next to an invalid-UTF-8 file, a truncated JSONL, an .ann with offsets out of
// range, an empty file and a page carrying <script> and onerror=), and generated articles.

import fs from 'node:fs';
import path from 'node:path';

/** The page whose script must never run: it would change the title, alert, and fetch. */
export const HOSTILE_PAGE = `<!doctype html><html><head><title>Embassy attacked - Wire</title>
<script>document.title = 'pwned'; alert('script ran'); fetch('http://127.0.0.1:9/leak');</script>
<style>body { background: url(http://127.0.0.1:9/style.png) }</style></head>
<body><article><h1>Embassy attacked</h1>
<p>Militants fired rockets at the embassy in Baghdad on Tuesday, officials said.
<img src="http://127.0.0.1:9/pixel.png" onerror="alert('onerror ran')"></p>
<p onclick="alert('click')">Nobody was hurt; the ministry <a href="javascript:alert('link')">condemned</a> it.</p>
</article></body></html>`;

export interface MixedBatch {
  dir: string;
  /** Documents the good files hold. */
  goodDocuments: number;
  /** Report names of the files that must fail, each with a pattern of its reason. */
  failures: { file: string; reason: RegExp }[];
}

/// Writes the mixed batch into `dir` (created).
export function writeMixedBatch(dir: string): MixedBatch {
  fs.mkdirSync(dir, { recursive: true });
  const write = (name: string, content: string | Uint8Array) => fs.writeFileSync(path.join(dir, name), content);
  write('good.txt', 'Talks resume in Geneva\n\nDiplomats met again on Monday.\n');
  write('good.md', '# Ceasefire holds\n\nThe ceasefire held overnight.\n');
  write('good.csv', 'title,text,desk\nA,First row article.,world\nB,Second row article.,world\n');
  write('hostile.html', HOSTILE_PAGE);
  write('pair.txt', 'Farouk met Ali in Baghdad.\n');
  write('pair.ann', 'T1\tPER 0 6\tFarouk\nT2\tPER 11 14\tAli\nR1\tMET Arg1:T1 Arg2:T2\n');
  // Two good lines, then one cut off mid-record.
  write('truncated.jsonl', '{"text": "Line one of the feed."}\n{"text": "Line two of the feed.", "label": [[0, 4, "ORG"]]}\n{"text": "Line thr');
  write('latin1.txt', new Uint8Array([...new TextEncoder().encode('Caf'), 0xe9, ...new TextEncoder().encode(' in Paris.\n')]));
  write('broken.txt', 'Short text.\n');
  write('broken.ann', 'T1\tGPE 340 352\tsomewhere\n');
  write('empty.txt', '');
  return {
    dir,
    // good.txt, good.md, 2 CSV rows, hostile.html, the brat pair, 2 JSONL lines
    goodDocuments: 8,
    failures: [
      { file: 'truncated.jsonl', reason: /malformed JSON/ },
      { file: 'latin1.txt', reason: /^invalid UTF-8 at byte 3 / },
      { file: 'broken.ann', reason: /span 340–352 is beyond the text's 12 characters/ },
      { file: 'empty.txt', reason: /^empty/ },
    ],
  };
}

/// A generated news-like article of about `size` characters (deterministic in `n`).
export function generatedArticle(n: number, size = 5_000): string {
  const words = ['rockets', 'ministry', 'Baghdad', 'officials', 'ceasefire', 'talks', 'embassy', 'militants', 'convoy'];
  const lines = [`Report ${n}: ${words[n % words.length]} update`, ''];
  let length = lines[0]!.length;
  for (let p = 0; length < size; p++) {
    const sentence = `Paragraph ${p} of article ${n} says the ${words[(n + p) % words.length]} were seen near the ${
      words[(n * 7 + p) % words.length]
    } on day ${p} while ${words[(p * 3) % words.length]} waited.`;
    lines.push(sentence, '');
    length += sentence.length + 2;
  }
  return lines.join('\n');
}

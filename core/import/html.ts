// Web pages (.html, .htm): the article is found by Mozilla's Readability (the engine of
// Firefox's Reader View) on a DOM built by linkedom. linkedom is a parser and a DOM, not a
// browser: it runs no script, fires no event handler and loads no image, stylesheet or
// frame, so a page carrying `<script>` or `onerror=` is only ever data here. What Spanlab
// keeps is plain text (headings and paragraphs as blocks, joined by a blank line), never
// markup, so nothing of the page can run later when the document is shown either.

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Block, JsonObject } from '../../common/model';
import { codePointLength } from '../codePoints';
import { draftDocument } from './draftDocument';
import { fileStem } from './plainText';
import type { ReadResult } from './readResult';
import { accept, emptyResult } from './readResult';

/** What the page says about itself, before Readability rewrites the DOM. */
interface PageFacts {
  title: string;
  canonicalUrl: string | null;
  publishedTime: string | null;
  lang: string | null;
  h1: string | null;
}

interface ArticleBlock {
  kind: Block['kind'];
  text: string;
}

// Elements whose content starts and ends a block of text.
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
// Never text, whatever Readability left.
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'head']);
const HTML_SPACE = /[ \t\n\f\r]+/g;

/// Reads one web page into one document.
export function readHtml(html: string, file: string): ReadResult {
  const result = emptyResult();
  const page = parsePage(html);
  const facts = pageFacts(page);
  let article: ReturnType<Readability['parse']> = null;
  const shape = pageShape(page);
  if (shape.depth > MAX_READABLE_DEPTH || shape.elements > MAX_READABLE_ELEMENTS || shape.weight > MAX_READABLE_WEIGHT) {
    const size = `${shape.elements.toLocaleString('en-US')} elements nested up to ${shape.depth.toLocaleString('en-US')} deep`;
    result.warnings.push({ file, reason: `the page has ${size}, too many to look for its article in: all of its text was kept` });
  } else {
    try {
      article = new Readability(page, { keepClasses: false }).parse();
    } catch {
      // A page Readability trips over is still read, from its body, below.
    }
  }

  // Readability rewrites the DOM it reads, even when it finds no article: the fallback
  // reads the page afresh.
  const found = article?.content && article.textContent?.trim() ? article.content : null;
  const dom = parsePage(found ?? html);
  const blocks = articleBlocks(dom.body ?? dom.documentElement);
  const title = clean(pageTitle(article?.title ?? facts.title, facts.h1));
  if (title && blocks[0]?.text !== title) blocks.unshift({ kind: 'heading', text: title });

  const { text, ranges } = joinBlocks(blocks);
  const metadata: JsonObject = {};
  const add = (key: string, value: string | null | undefined) => {
    const v = value?.trim();
    if (v) metadata[key] = v;
  };
  add('title', title);
  add('byline', article?.byline);
  add('publishedTime', article?.publishedTime ?? facts.publishedTime);
  add('canonicalUrl', facts.canonicalUrl);
  add('siteName', article?.siteName);
  add('lang', article?.lang ?? facts.lang);
  add('excerpt', article?.excerpt);
  add('file', file);

  const document = draftDocument({
    id: fileStem(file),
    text,
    title: title || fileStem(file),
    source: facts.canonicalUrl ?? file,
    metadata,
    blocks: ranges,
  });
  accept(result, document, { file });
  return result;
}

// linkedom's document of a page. linkedom builds a document only from a document: a
// fragment (a saved article body, no <html>) would become a <p> with an empty <body> in it;
// a page cut off inside its <html> tag has no root element at all, which `body` and `title`
// then trip over; and an element before <html> (a stray <meta>) becomes the root, with the
// page beside it out of `body`'s reach. Each is read as the body of a page instead. The
// casts bridge two typings (linkedom's own and lib.dom's) of the same interface.
function parsePage(html: string): Document {
  const wrapped = (body: string) => parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
  if (!/<(?:html|body)[\s>]/i.test(html)) return wrapped(html);
  const page = parseHTML(html).document as unknown as Document;
  return page.documentElement?.tagName.toLowerCase() === 'html' ? page : wrapped(html);
}

// How many elements a page has, how deep they nest, and its weight: the sum of every
// element's depth, which is also the sum of the sizes of every element's subtree. The time
// Readability takes to find the article grows with that weight and with the cube of the
// depth — seconds for 500 nested <div>s, minutes for 2,000 — so a page beyond these limits,
// far above an article page's few thousand elements a few dozen levels deep, is read whole
// instead. Counted in a loop: the page may be deeper than the stack.
const MAX_READABLE_DEPTH = 100;
const MAX_READABLE_ELEMENTS = 10_000;
const MAX_READABLE_WEIGHT = 200_000;

function pageShape(page: Document): { depth: number; elements: number; weight: number } {
  let depth = 0;
  let elements = 0;
  let weight = 0;
  const pending: [Element, number][] = Array.from(page.children, (element) => [element, 1]);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [element, level] = next;
    elements++;
    weight += level;
    depth = Math.max(depth, level);
    for (const child of Array.from(element.children)) pending.push([child, level + 1]);
  }
  return { depth, elements, weight };
}

function pageFacts(page: Document): PageFacts {
  const attr = (selector: string, name: string) => page.querySelector(selector)?.getAttribute(name)?.trim() || null;
  const h1s = page.querySelectorAll('h1');
  return {
    title: page.title ?? '',
    canonicalUrl: webAddress(attr('link[rel~="canonical"]', 'href')) ?? webAddress(attr('meta[property="og:url"]', 'content')),
    publishedTime:
      attr('meta[property="article:published_time"]', 'content') ??
      attr('meta[name="date"]', 'content') ??
      attr('meta[itemprop="datePublished"]', 'content') ??
      attr('time[datetime]', 'datetime'),
    lang: page.documentElement?.getAttribute('lang')?.trim() || null,
    h1: h1s.length === 1 ? clean(h1s[0]!.textContent ?? '') : null,
  };
}

// A canonical address becomes the document's source, which the UI may one day make a
// link: only an absolute http(s) address is kept (never `javascript:` or `data:`).
function webAddress(value: string | null): string | null {
  if (value === null || !URL.canParse(value)) return null;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:' ? value : null;
}

// The <title> often carries the site's name ("Rockets hit Baghdad - Example News"); a page
// whose one <h1> begins it has its headline there.
function pageTitle(title: string, h1: string | null): string {
  const t = clean(title);
  if (h1 && h1.length >= 10 && t.startsWith(h1)) return h1;
  return t || h1 || '';
}

// The headings and paragraphs of `root` in document order. Inline text runs between block
// elements form paragraphs of their own; <br> is a line break inside a paragraph.
function articleBlocks(root: Element | null): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  let run = '';
  const flush = (kind: Block['kind'] = 'paragraph') => {
    const text = run.split('\n').map(clean).filter(Boolean).join('\n');
    if (text) blocks.push({ kind, text });
    run = '';
  };
  // An explicit stack rather than recursion: a page may nest thousands of elements deep.
  // An entry is a node to read, or the end of a block element (null).
  const pending: ({ node: Node; pre: boolean } | null)[] = root ? [{ node: root, pre: false }] : [];
  for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
    if (entry === null) {
      flush();
      continue;
    }
    const { node, pre } = entry;
    if (node.nodeType === 3) {
      run += pre ? (node.nodeValue ?? '') : (node.nodeValue ?? '').replace(HTML_SPACE, ' ');
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = (node as Element).tagName.toLowerCase();
    if (SKIPPED.has(tag)) continue;
    if (tag === 'br') {
      run += '\n';
      continue;
    }
    if (HEADINGS.has(tag)) {
      flush();
      run = (node.textContent ?? '').replace(HTML_SPACE, ' ');
      flush('heading');
      continue;
    }
    if (BLOCK_ELEMENTS.has(tag)) {
      flush();
      pending.push(null);
    }
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) pending.push({ node: children[i]!, pre: pre || tag === 'pre' });
  }
  flush();
  return blocks;
}

// Blocks joined by a blank line, with their code-point ranges.
function joinBlocks(blocks: readonly ArticleBlock[]): { text: string; ranges: Block[] } {
  const ranges: Block[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const block of blocks) {
    if (parts.length > 0) {
      parts.push('\n\n');
      offset += 2;
    }
    const length = codePointLength(block.text);
    ranges.push({ kind: block.kind, start: offset, end: offset + length });
    parts.push(block.text);
    offset += length;
  }
  return { text: parts.join(''), ranges };
}

function clean(text: string): string {
  return text.replace(HTML_SPACE, ' ').trim();
}

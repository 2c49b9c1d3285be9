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
  // linkedom's Document implements what Readability uses; the cast bridges two typings
  // (linkedom's own and lib.dom's) of the same interface.
  const page = parseHTML(asDocument(html)).document as unknown as Document;
  const facts = pageFacts(page);
  let article: ReturnType<Readability['parse']> = null;
  try {
    article = new Readability(page, { keepClasses: false }).parse();
  } catch {
    // A page Readability trips over is still read, from its body, below.
  }

  // Readability rewrites the DOM it reads, even when it finds no article: the fallback
  // reads the page afresh.
  const found = article?.content && article.textContent?.trim() ? article.content : null;
  const source = asDocument(found ?? html);
  const dom = parseHTML(source).document as unknown as Document;
  const blocks = articleBlocks(dom.body ?? dom.documentElement);
  const title = clean(pageTitle(article?.title ?? page.title ?? '', facts.h1));
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

// linkedom builds a document only from a document: a fragment (a saved article body, no
// <html>) would become a <p> with an empty <body> in it.
function asDocument(html: string): string {
  return /<(?:html|body)[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
}

function pageFacts(page: Document): PageFacts {
  const attr = (selector: string, name: string) => page.querySelector(selector)?.getAttribute(name)?.trim() || null;
  const h1s = page.querySelectorAll('h1');
  return {
    canonicalUrl: attr('link[rel~="canonical"]', 'href') ?? attr('meta[property="og:url"]', 'content'),
    publishedTime:
      attr('meta[property="article:published_time"]', 'content') ??
      attr('meta[name="date"]', 'content') ??
      attr('meta[itemprop="datePublished"]', 'content') ??
      attr('time[datetime]', 'datetime'),
    lang: page.documentElement?.getAttribute('lang')?.trim() || null,
    h1: h1s.length === 1 ? clean(h1s[0]!.textContent ?? '') : null,
  };
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
  const walk = (node: Node, pre: boolean) => {
    if (node.nodeType === 3) {
      run += pre ? (node.nodeValue ?? '') : (node.nodeValue ?? '').replace(HTML_SPACE, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toLowerCase();
    if (SKIPPED.has(tag)) return;
    if (tag === 'br') {
      run += '\n';
      return;
    }
    if (HEADINGS.has(tag)) {
      flush();
      run = (node.textContent ?? '').replace(HTML_SPACE, ' ');
      flush('heading');
      return;
    }
    const block = BLOCK_ELEMENTS.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child, pre || tag === 'pre');
    if (block) flush();
  };
  if (root) walk(root, false);
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

// The cache behind the virtualised document list: the list shows `total` rows, but only
// the pages a reader scrolls past are ever fetched. A page is a fixed slice of PAGE_SIZE
// rows; rows of pages not loaded yet are drawn as placeholders.
//
// A refresh (a document changed) bumps the version: pages already loaded stay on screen
// and are refetched as they come into view, so the list never flashes empty.

import type { DocumentPage, DocumentSummary } from '../../common/model';

export const PAGE_SIZE = 100;

interface CachedPage {
  items: readonly DocumentSummary[];
  version: number;
}

export class DocumentPages {
  /** Rows in the whole (filtered) list; null until the first page answers. */
  total: number | null = null;
  /** The last failure, shown instead of the list when nothing could be loaded. */
  error: string | null = null;

  private readonly pages = new Map<number, CachedPage>();
  private readonly requested = new Map<number, number>();

  /// The row at `index`, or undefined while its page is not loaded.
  item(index: number): DocumentSummary | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.items[index % PAGE_SIZE];
  }

  /// Pages covering rows first..last that are missing or older than `version` and not
  /// already requested at that version. Marks them requested.
  claim(first: number, last: number, version: number): number[] {
    const claimed: number[] = [];
    const lastPage = Math.floor(Math.max(last, first) / PAGE_SIZE);
    for (let page = Math.floor(Math.max(first, 0) / PAGE_SIZE); page <= lastPage; page++) {
      const cached = this.pages.get(page);
      if (cached && cached.version >= version) continue;
      if ((this.requested.get(page) ?? -1) >= version) continue;
      this.requested.set(page, version);
      claimed.push(page);
    }
    return claimed;
  }

  /// Stores an answer; false when a newer one for that page is already here.
  put(page: number, version: number, answer: DocumentPage): boolean {
    const cached = this.pages.get(page);
    if (cached && cached.version > version) return false;
    this.pages.set(page, { items: answer.items, version });
    this.total = answer.total;
    this.error = null;
    return true;
  }

  /// Records a failed request so the page can be asked for again later.
  fail(page: number, message: string): void {
    this.requested.delete(page);
    this.error = message;
  }

  /// The index of the document in the loaded pages, or -1.
  indexOf(documentId: number): number {
    for (const [page, cached] of this.pages) {
      const i = cached.items.findIndex((item) => item.id === documentId);
      if (i >= 0) return page * PAGE_SIZE + i;
    }
    return -1;
  }
}

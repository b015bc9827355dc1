import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { SourceLayoutError } from '../collection/source.js';
import type { CrawlPlatform } from './config.js';
import { kstDate } from './dates.js';

/**
 * How to read one field of a review element: `text` (the element's visible text, lines kept),
 * `texts` (the text of every match, hidden ones included), `count` (how many match), `attr` (an
 * attribute), `width` (the inline style width, e.g. a star bar's "80%"). An empty selector is the
 * review element itself.
 */
export interface FieldSpec {
  readonly selector: string;
  readonly read: 'text' | 'texts' | 'count' | 'attr' | 'width';
  readonly attr?: string;
}

/**
 * A platform's review markup, in one place: when the site changes, this is what to update (and
 * the fixture pages with it). `list` is the review container, `item` a review inside it, `empty`
 * what the page shows when a place has no reviews yet.
 */
export interface LayoutSpec {
  readonly platform: CrawlPlatform;
  readonly list: string;
  readonly item: string;
  readonly empty: string;
  readonly fields: Readonly<Record<string, FieldSpec>>;
}

export type FieldValue = string | string[] | number | null;
export type RawReview = Record<string, FieldValue>;

/** What the page showed: whether the list (or the empty note) is there, and each review's fields. */
export interface RawPage {
  readonly list: boolean;
  readonly empty: boolean;
  /** Element children of the list (to tell "no reviews" from "reviews we no longer recognise"). */
  readonly children: number;
  /** All reviews in the list (`total`) and the fields of those from `from` on. */
  readonly total: number;
  readonly items: RawReview[];
}

/** The DOM as the in-page reader uses it (the server compiles without the DOM library). */
interface DomElement {
  readonly textContent: string | null;
  readonly innerText?: string;
  readonly childElementCount: number;
  readonly style?: { readonly width: string };
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/**
 * Runs inside the page. Written without named inner functions on purpose: tsx (dev, bench) wraps
 * those in a `__name` helper that does not exist in the page.
 */
const readInPage = ({ spec, from }: { spec: LayoutSpec; from: number }): RawPage => {
  const doc = (globalThis as unknown as { document: DomElement }).document;
  const list = doc.querySelector(spec.list);
  const empty = doc.querySelector(spec.empty) !== null;
  if (!list) return { list: false, empty, children: 0, total: 0, items: [] };
  const all = Array.from(list.querySelectorAll(spec.item));
  const items: RawReview[] = [];
  for (const element of all.slice(from)) {
    const record: RawReview = {};
    for (const [name, field] of Object.entries(spec.fields)) {
      const matches =
        field.selector === '' ? [element] : Array.from(element.querySelectorAll(field.selector));
      const first = matches[0];
      if (field.read === 'count') record[name] = matches.length;
      else if (field.read === 'texts')
        record[name] = matches
          .map((m) => (m.textContent ?? '').replace(/\s+/g, ' ').trim())
          .filter((t) => t.length > 0);
      else if (!first) record[name] = null;
      else if (field.read === 'attr') record[name] = first.getAttribute(field.attr ?? '');
      else if (field.read === 'width') record[name] = first.style?.width ?? null;
      else
        record[name] = (first.innerText ?? first.textContent ?? '')
          .split('\n')
          .map((line) => line.replace(/\s+/g, ' ').trim())
          .filter((line) => line.length > 0)
          .join('\n');
    }
    items.push(record);
  }
  return { list: true, empty, children: list.childElementCount, total: all.length, items };
};

/**
 * Waits until the review list or the "no reviews" note is in the page (pages render it with
 * script). When neither comes within the page timeout, the caller's `checkList` reports the layout.
 */
export async function waitForList(page: Page, spec: LayoutSpec): Promise<void> {
  try {
    await page.waitForSelector(`${spec.list}, ${spec.empty}`, { state: 'attached' });
  } catch (error) {
    if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
  }
}

/**
 * After a "more" click: waits until the list holds more than `seen` reviews, or the button is gone
 * (nothing more to load), or the list itself is gone (the caller reports the layout).
 */
export async function waitForMore(page: Page, spec: LayoutSpec, more: string, seen: number): Promise<void> {
  await page.waitForFunction(
    ({ list, item, button, count }) => {
      const doc = (globalThis as unknown as { document: DomElement }).document;
      const container = doc.querySelector(list);
      return !container || container.querySelectorAll(item).length > count || !doc.querySelector(button);
    },
    { list: spec.list, item: spec.item, button: more, count: seen },
  );
}

/** After a page link click: waits until the first review in the list is another one than `before`. */
export async function waitForNewFirst(page: Page, spec: LayoutSpec, before: string): Promise<void> {
  await page.waitForFunction(
    ({ list, item, first }) => {
      const doc = (globalThis as unknown as { document: DomElement }).document;
      const container = doc.querySelector(list);
      return !container || (container.querySelector(item)?.textContent ?? '') !== first;
    },
    { list: spec.list, item: spec.item, first: before },
  );
}

/** The text of the list's first review ('' when there is none), to notice that the list changed. */
export function firstReviewText(page: Page, spec: LayoutSpec): Promise<string> {
  return page.evaluate(
    ({ list, item }) => {
      const doc = (globalThis as unknown as { document: DomElement }).document;
      return doc.querySelector(list)?.querySelector(item)?.textContent ?? '';
    },
    { list: spec.list, item: spec.item },
  );
}

/** Reads the reviews of the loaded page, from the `from`th on (earlier ones were read before). */
export function readPage(page: Page, spec: LayoutSpec, from = 0): Promise<RawPage> {
  return page.evaluate(readInPage, { spec, from });
}

/**
 * Throws `SourceLayoutError` unless the page has the review list (or says it has no reviews) and
 * the list's children are reviews as `spec` knows them.
 */
export function checkList(raw: RawPage, spec: LayoutSpec): void {
  if (!raw.list) {
    if (raw.empty) return;
    throw new SourceLayoutError(
      spec.platform,
      `${spec.platform}: the review list (${spec.list}) is not on the page; the page layout changed`,
    );
  }
  if (raw.total === 0 && raw.children > 0)
    throw new SourceLayoutError(
      spec.platform,
      `${spec.platform}: the review list has ${raw.children} entries but none is a review (${spec.item}); the page layout changed`,
    );
}

/** A required field of one review; throws `SourceLayoutError` naming it when it is missing. */
export function requireText(
  spec: LayoutSpec,
  item: RawReview,
  field: string,
  label: string,
  index: number,
): string {
  const value = item[field];
  if (typeof value === 'string' && value.length > 0) return value;
  throw new SourceLayoutError(
    spec.platform,
    `${spec.platform}: review ${index + 1} has no ${label} (${spec.fields[field]?.selector ?? field}); the page layout changed`,
  );
}

/** `value` cut to the column's limit. */
export function trimmed(value: string, max: number): string {
  return value.length > max ? value.slice(0, max) : value;
}

/** An optional text field ('' when absent). */
export function optionalText(item: RawReview, field: string): string {
  const value = item[field];
  return typeof value === 'string' ? value : '';
}

/** A list field ([] when absent). */
export function texts(item: RawReview, field: string): string[] {
  const value = item[field];
  return Array.isArray(value) ? value : [];
}

/**
 * A review id for pages that show none: a hash of who wrote it, the day and what it says. Stable
 * across runs, so the same review is updated rather than added again; a review whose author edits its
 * text gets a new id (the old row stays).
 */
export function hashedReviewId(
  platform: CrawlPlatform,
  parts: { author: string; date: Date; text: string; tags: readonly string[] },
): string {
  const digest = createHash('sha256')
    .update([platform, parts.author, kstDate(parts.date), parts.text, parts.tags.join('|')].join('\u0000'))
    .digest('base64url');
  return `h:${digest.slice(0, 27)}`;
}

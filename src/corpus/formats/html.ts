/**
 * A saved web page (.html, .htm) → the article's text and the metadata the page declares. The text is
 * what Mozilla's Readability (the reader view of Firefox) keeps of the page, over linkedom's DOM: no
 * navigation, scripts, styles or comments; one paragraph per block element, so paragraphs survive.
 * Quotes are then slices of this text, which is what `/source` shows.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { parseDate, parseTime } from "../dates";
import { isWebAddress } from "../catalog";
import type { DocumentText, DeclaredMeta } from "./types";

/**
 * Readability's cost grows with elements times nesting depth (a page of 100 divs nested 100 deep with
 * 100 paragraphs each takes seconds). Larger or deeper pages (generated or hostile; a saved news page
 * has a few thousand elements, a few dozen deep) are read by the linear fallback instead: the body's
 * blocks, which the boilerplate classifier then cleans like any scraped text.
 */
const MAX_ELEMENTS = 6_000;
const MAX_DEPTH = 60;
/**
 * Beyond these no DOM is built at all: the HTML parser's cost grows with the depth of unclosed
 * elements (its stack of open tags), so a file of 100 000 unclosed <b> takes seconds. News pages have
 * a few thousand tags nested a few dozen deep.
 */
const MAX_TAGS = 60_000;
const MAX_NESTING = 400;
/** Void elements and those whose end tag is optional never deepen the parser's stack for long. */
const FLAT = new Set(
  "area base br col embed hr img input link meta source track wbr p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption rb rt rp html head body".split(" "),
);
/** Their content is not markup: skipped to the matching end tag. */
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp"]);
const MAX_FIELD = 300;
const MAX_URL = 2048;

/** Elements whose text stands as a paragraph of its own. */
const BLOCK = new Set(
  "ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TH THEAD TR UL".split(" "),
);
/** Elements with no reading text, removed before anything is read. */
const SKIPPED = ["script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "button", "select", "form"];
const SKIPPED_NAMES = new Set([...SKIPPED, "head"].map((name) => name.toUpperCase()));
const ELEMENT = 1;
const TEXT = 3;

/** The slice of the DOM read here (linkedom implements the standard one). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  // Siblings, not childNodes: linkedom builds childNodes afresh on each access.
  firstChild: DomNode | null;
  lastChild: DomNode | null;
  nextSibling: DomNode | null;
  previousSibling: DomNode | null;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  remove(): void;
}
interface DomDocument {
  body: DomNode | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/** The text of the page and what it declares, or why the page cannot be read. */
export function readHtml(html: string): DocumentText | string {
  const shape = pageShape(html);
  if (shape.tags > MAX_TAGS) return `a page of ${shape.tags} tags (more than ${MAX_TAGS}); save the article's text instead`;
  if (shape.depth > MAX_NESTING) return `a page nesting elements ${shape.depth} deep (more than ${MAX_NESTING}); save the article's text instead`;
  const { document } = parseHTML(shape.whole ? html : wrapped(html)) as unknown as { document: DomDocument };
  const declared = declaredMeta(document);
  prune(document);
  const article = document.body && isModest(document.body) ? readable(document) : null;
  const title = declared.title ?? clean(article?.title);
  const body = article?.content ? blocksOf(article.content) : document.body ? blocksOf(document.body) : [];
  const published = declared.published ?? clean(article?.publishedTime);
  const date = published ? parseDate(published) : null;
  const meta: DeclaredMeta = {
    title,
    outlet: declared.outlet ?? clean(article?.siteName),
    author: declared.author ?? byline(article?.byline),
    date,
    time: published && date ? (parseTime(published)?.time ?? null) : null,
    url: declared.url,
  };
  // The headline heads the text, as in a text file, unless the body already starts with it.
  const blocks = title && body[0] !== title ? [title, ...body] : body;
  return { text: blocks.join("\n\n") + "\n", declared: meta };
}

interface PageMeta {
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
}

/** What the page's head declares: Open Graph, article:*, author, and its canonical address. */
function declaredMeta(document: DomDocument): PageMeta {
  const meta = (selector: string) => clean(document.querySelector(selector)?.getAttribute("content"));
  const url = clean(document.querySelector('link[rel="canonical"]')?.getAttribute("href")) ?? meta('meta[property="og:url"]');
  return {
    title: meta('meta[property="og:title"]'),
    outlet: meta('meta[property="og:site_name"]'),
    author: byline(meta('meta[name="author"]') ?? meta('meta[property="article:author"]')),
    published: meta('meta[property="article:published_time"]') ?? meta('meta[itemprop="datePublished"]'),
    url: url && url.length <= MAX_URL && isWebAddress(url) ? url : null,
  };
}

type Parsed = { title?: string | null; content: DomNode | null; siteName?: string | null; byline?: string | null; publishedTime?: string | null };

/**
 * How many tags the page has and how deep its elements nest, estimated in one linear scan (indexOf
 * and sticky matches only), before any parser sees it.
 */
function pageShape(html: string): { tags: number; depth: number; whole: boolean } {
  const lower = html.toLowerCase();
  const name = /\/?([a-z][a-z0-9:-]{0,30})/y;
  let tags = 0;
  let depth = 0;
  let deepest = 0;
  const seen = new Set<string>();
  let at = lower.indexOf("<");
  while (at >= 0 && at < lower.length) {
    if (lower.startsWith("<!--", at)) {
      const end = lower.indexOf("-->", at + 4);
      at = end < 0 ? -1 : lower.indexOf("<", end + 3);
      continue;
    }
    name.lastIndex = at + 1;
    const m = name.exec(lower);
    const close = lower.indexOf(">", at + 1);
    if (close < 0) break;
    if (m) {
      tags++;
      const tag = m[1]!;
      const closing = m[0].startsWith("/");
      if (tag === "html" || tag === "body") seen.add(tag);
      if (closing && !FLAT.has(tag)) depth = Math.max(0, depth - 1);
      else if (!closing && !FLAT.has(tag) && lower[close - 1] !== "/") deepest = Math.max(deepest, ++depth);
      if (!closing && RAW_TEXT.has(tag)) {
        const end = lower.indexOf(`</${tag}`, close);
        if (end < 0) break;
        depth = Math.max(0, depth - 1);
        at = lower.indexOf("<", lower.indexOf(">", end) + 1 || lower.length);
        continue;
      }
    }
    at = lower.indexOf("<", close + 1);
  }
  return { tags, depth: deepest, whole: seen.has("html") && seen.has("body") };
}

/**
 * linkedom builds the tree as written, without HTML5's implied <html> and <body>: a page missing
 * either is put inside both, so it has a body to read.
 */
function wrapped(html: string): string {
  return `<html><head></head><body>${html.replace(/<\/?(?:html|body)\b[^<>]{0,2000}>/gi, "")}</body></html>`;
}

/** Scripts, styles, forms and the like go before reading; JSON-LD stays, for Readability's metadata. */
function prune(document: DomDocument): void {
  for (const name of SKIPPED) {
    const found = document.querySelectorAll(name);
    for (let i = found.length - 1; i >= 0; i--) {
      const element = found[i]!;
      if (name !== "script" || element.getAttribute("type") !== "application/ld+json") element.remove();
    }
  }
}

/** Within Readability's comfortable size: few enough elements, nested shallowly enough. */
function isModest(root: DomNode): boolean {
  let elements = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node.nodeType !== ELEMENT) continue;
    if (++elements > MAX_ELEMENTS || depth > MAX_DEPTH) return false;
    for (let child = node.firstChild; child; child = child.nextSibling) stack.push([child, depth + 1]);
  }
  return true;
}

function readable(document: DomDocument): Parsed | null {
  try {
    const reader = new Readability(document as never, { serializer: (node: unknown) => node as DomNode });
    return reader.parse() as Parsed | null;
  } catch {
    return null;
  }
}

/**
 * The text of each block element, in reading order, whitespace collapsed: a paragraph per block.
 * Iterative (an explicit stack), so a page nested thousands deep cannot overflow the call stack.
 */
function blocksOf(root: DomNode): string[] {
  const blocks: string[] = [];
  let current = "";
  const flush = () => {
    const text = current.replace(/\s+/g, " ").trim();
    if (text) blocks.push(text);
    current = "";
  };
  const stack: (DomNode | "end")[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === "end") {
      flush();
      continue;
    }
    if (node.nodeType === TEXT) current += node.textContent ?? "";
    if (node.nodeType !== ELEMENT || SKIPPED_NAMES.has(node.nodeName.toUpperCase())) continue;
    const name = node.nodeName.toUpperCase();
    if (name === "BR") current += " ";
    const block = BLOCK.has(name);
    if (block) {
      flush();
      stack.push("end");
    }
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  flush();
  return blocks;
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, " ").trim();
  return text && text.length <= MAX_FIELD ? text : null;
}

/** "By Ann Cole" → "Ann Cole"; a byline that is a sentence or a list of links is no name. */
function byline(value: string | null | undefined): string | null {
  const text = clean(value)?.replace(/^by\s+/i, "");
  return text && text.length <= 100 ? text : null;
}

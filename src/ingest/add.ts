/**
 * Adding an article to the corpus folder and removing one, for any front end: read the upload (an
 * attached file or a web page), check it is an article the loader will serve and not one it already
 * serves, save it under the next free id, re-index, and hand back the article as the engine now
 * serves it. One change at a time, so ids and the duplicate check never race.
 */
import { createHash } from "node:crypto";
import { extname } from "node:path";
import { articleFromBytes } from "../corpus/load";
import { normalizeId } from "../corpus/catalog";
import type { Article } from "../corpus/types";
import type { EngineHolder } from "../engine/holder";
import { IngestError } from "./errors";
import { fetchLimited, tooLarge, type FetchLimits } from "./fetch";
import { addToCatalog, articleFileName, cleanStaleTemps, moveToRemoved, nextId, writeAtomically } from "./files";

/** What a user hands in: a file attached to the command, or a link to a page. */
export type Upload = { kind: "file"; name: string; size: number; url: string } | { kind: "link"; url: string };

/** File types read as articles, by extension. */
const EXTENSIONS = new Map([
  [".txt", "txt"],
  [".md", "md"],
  [".markdown", "md"],
  [".html", "html"],
  [".htm", "html"],
]);

/** Media types of a page, and the extension it is saved with. */
const MEDIA_TYPES = new Map([
  ["text/html", "html"],
  ["application/xhtml+xml", "html"],
  ["text/plain", "txt"],
  ["text/markdown", "md"],
  ["text/x-markdown", "md"],
]);

export interface Removed {
  article: Article;
  /** Where the file went (inside `removed/`). */
  movedTo: string;
}

/**
 * Downloads, checks, saves and re-indexes; returns the article as the engine now serves it. Throws
 * IngestError with a message for the user.
 */
export async function addArticle(holder: EngineHolder, upload: Upload, limits: FetchLimits): Promise<Article> {
  const { bytes, extension, from } = await download(upload, limits);
  const preview = readArticle(bytes, extension);
  return serially(async () => {
    const dir = holder.current.corpus.dir;
    await cleanStaleTemps(dir);
    const twin = duplicateOf(preview, holder.current.articles);
    if (twin) {
      throw new IngestError("duplicate", `That article is already here, as article ${twin.id}${twin.meta.title ? ` (“${twin.meta.title}”)` : ""}. Use /source id:${twin.id} to read it.`);
    }
    const id = nextId(dir);
    await writeAtomically(dir, articleFileName(id, preview.meta.title, extension), bytes);
    // The page's address, so answers can link to it, when the page does not state its own.
    if (from && !preview.meta.url) await addToCatalog(dir, id, { url: from });
    return reloadUntil(holder, (articles) => articles.find((a) => a.id === id), id, "saved");
  });
}

/** Moves article `typed` (its id) out of the corpus folder into `removed/`, then re-indexes. */
export async function removeArticle(holder: EngineHolder, typed: string): Promise<Removed> {
  return serially(async () => {
    const key = /^\s*#?\d+\s*$/.test(typed) ? normalizeId(typed.replace("#", "")) : null;
    const article = key === null ? undefined : holder.current.articles.find((a) => normalizeId(a.id) === key);
    if (!article) throw new IngestError("not-found", `There is no article ${typed.trim() || "with that id"}. Use /source without an id to list them.`);
    if (holder.current.articles.length === 1) {
      throw new IngestError("not-found", `Article ${article.id} is the only one: the bot needs at least one to answer from. Add another first.`);
    }
    const movedTo = await moveToRemoved(holder.current.corpus.dir, article.file);
    await reloadUntil(holder, (articles) => (articles.some((a) => a.id === article.id) ? undefined : true), article.id, "moved out");
    return { article, movedTo };
  });
}

/** The upload's bytes as UTF-8, the extension to save them with, and for a link the page's address. */
async function download(upload: Upload, limits: FetchLimits): Promise<{ bytes: Buffer; extension: string; from: string | null }> {
  if (upload.kind === "file") {
    const extension = EXTENSIONS.get(extname(upload.name).toLowerCase());
    if (!extension) {
      throw new IngestError("not-text", `Only .txt, .md and .html files can be added${extname(upload.name) ? `, not ${extname(upload.name)}` : ""}. Save the article as one of those.`);
    }
    if (upload.size > limits.maxBytes) throw tooLarge(limits.maxBytes);
    const fetched = await fetchLimited(upload.url, limits);
    return { bytes: fetched.bytes, extension, from: null };
  }
  const fetched = await fetchLimited(upload.url, limits);
  const [mediaType = "", ...parameters] = fetched.contentType.split(";").map((p) => p.trim());
  const extension = mediaType ? MEDIA_TYPES.get(mediaType) : sniff(fetched.bytes);
  if (!extension) throw new IngestError("not-text", `The link leads to ${mediaType}, not a web page or text. Link to the article's page, or attach its text.`);
  const stated = parameters.find((p) => p.startsWith("charset="))?.slice("charset=".length).replace(/"/g, "");
  const charset = stated ?? (extension === "html" ? declaredCharset(fetched.bytes) : undefined);
  const bytes = toUtf8(fetched.bytes, charset);
  if (bytes.length > limits.maxBytes) throw tooLarge(limits.maxBytes);
  return { bytes, extension, from: fetched.url };
}

/** A page served without a media type: HTML if it says so near the top, else text. */
function sniff(bytes: Buffer): string {
  return /<!doctype html|<html/i.test(bytes.subarray(0, 1024).toString("latin1")) ? "html" : "txt";
}

/** The character set a page declares in a `<meta>` near its top (where browsers look for it), if any. */
function declaredCharset(bytes: Buffer): string | undefined {
  return /<meta[^<>]{0,200}?charset\s*=\s*["']?([\w:.-]{1,40})/i.exec(bytes.subarray(0, 1024).toString("latin1"))?.[1];
}

/** Pages declared in another character set are saved as UTF-8, which is what the loader reads. */
function toUtf8(bytes: Buffer, charset: string | undefined): Buffer {
  if (!charset || /^utf-?8$/i.test(charset)) return bytes;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new IngestError("not-text", `The page is in a character set the bot does not know (${charset.slice(0, 40)}).`);
  }
  try {
    return Buffer.from(decoder.decode(bytes), "utf8");
  } catch {
    throw new IngestError("not-text", `The page is not valid ${charset.slice(0, 40)} text.`);
  }
}

/** The article the bytes make, read exactly as the loader will read the saved file. */
function readArticle(bytes: Buffer, extension: string): Article {
  const article = articleFromBytes("new", `new.${extension}`, bytes);
  if (typeof article === "string") throw new IngestError(article.startsWith("no article text") ? "no-article" : "not-text", `That cannot be added as an article: ${article}.`);
  return article;
}

/** An article already served whose body text is the same (ignoring case, spacing and punctuation). */
export function duplicateOf(article: Article, articles: readonly Article[]): Article | undefined {
  const key = contentKey(article);
  return contentKeys(articles).get(key);
}

const keysByCorpus = new WeakMap<readonly Article[], Map<string, Article>>();

function contentKeys(articles: readonly Article[]): Map<string, Article> {
  let keys = keysByCorpus.get(articles);
  if (!keys) {
    keys = new Map();
    for (const a of articles) if (!keys.has(contentKey(a))) keys.set(contentKey(a), a);
    keysByCorpus.set(articles, keys);
  }
  return keys;
}

/** A hash of the article's words: the same text saved as .txt or .html, re-spaced or re-cased, hashes alike. */
export function contentKey(article: Article): string {
  const words = article.paragraphs.map((p) => p.text.normalize("NFKC").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(" "));
  return createHash("sha256").update(words.join(" ")).digest("hex");
}

/**
 * Re-indexes until `found` finds what the change should have made (a rebuild already under way when
 * the change was made may have read the folder before it, so one more is run).
 */
async function reloadUntil<T>(holder: EngineHolder, found: (articles: readonly Article[]) => T | undefined, id: string, done: string): Promise<T> {
  let why = "";
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = await holder.reload();
    const value = found(holder.current.articles);
    if (value !== undefined) return value;
    why = result.ok ? (result.warnings.find((w) => w.startsWith(`${id}_`)) ?? "") : result.error;
  }
  throw new IngestError(
    "reload-failed",
    `Article ${id} was ${done}, but the re-index did not take that in${why ? ` (${why})` : ""}. The bot still answers from the previous articles; an administrator can try /reload.`,
  );
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs changes to the corpus folder one after another. */
function serially<T>(change: () => Promise<T>): Promise<T> {
  const run = queue.then(change, change);
  queue = run.catch(() => {});
  return run;
}

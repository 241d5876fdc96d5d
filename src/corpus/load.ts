/**
 * Reads a corpus folder into articles. Every file that cannot be an article (no id in its name, a
 * duplicate id, empty, binary, not UTF-8, too large, unreadable, no body text) is skipped with one
 * warning that names it and says why; the good ones are always served.
 */
import { readdirSync, statSync } from "node:fs";
import { parseArticle } from "./parse";
import { isHidden, readInside, realFolder } from "./safe-read";
import { oneLine } from "../process/safety";
import { readDocument, withDeclared } from "./formats";
import { readCatalog, applyCatalog, normalizeId, warnUnknownIds, CATALOG_FILE } from "./catalog";
import type { Article, Corpus, CorpusWarning } from "./types";

/** Larger files are not news articles (a 20 MB dump would stall indexing for everyone). */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
/** The id is the run of digits that starts the file name: `003` for `003_870b56f95cc585d9.txt`. */
export const ID_PATTERN = /^(\d+)(?=[_.\- ]|$)/;
/** Yield to the event loop this often, so a bot reloading a large corpus keeps answering. */
const YIELD_EVERY = 200;

export class CorpusError extends Error {}

export interface LoadOptions {
  onProgress?: (done: number, total: number) => void;
  /** Hears every skipped file, also when none is left to serve and the caller then stops. */
  onWarning?: (warning: CorpusWarning) => void;
}

export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<Corpus> {
  const warnings: CorpusWarning[] = [];
  const names = listFiles(dir);
  const realDir = realFolder(dir);
  const catalog = readCatalog(realDir, warnings);
  const articles: Article[] = [];
  const seen = new Map<string, string>();
  for (const [n, name] of names.entries()) {
    if (n % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((r) => setImmediate(r));
    options.onProgress?.(n + 1, names.length);
    const article = readArticle(realDir, name, seen, warnings);
    if (!article) continue;
    article.meta = applyCatalog(article.meta, catalog.get(normalizeId(article.id)));
    articles.push(article);
  }
  warnUnknownIds(catalog, articles.map((a) => a.id), warnings);
  for (const w of warnings) options.onWarning?.(w);
  return { dir, articles, warnings };
}

function listFiles(dir: string): string[] {
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new CorpusError(`The corpus folder ${dir} does not exist. Create it and put article files in it, or pass --corpus DIR.`);
  }
  if (!stat.isDirectory()) throw new CorpusError(`${dir} is not a folder. Pass the folder that holds the article files.`);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new CorpusError(`The corpus folder ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check its permissions.`);
  }
  return names
    .filter((name) => !isHidden(name) && name !== CATALOG_FILE && !/^readme(\.|$)/i.test(name))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

function readArticle(realDir: string, name: string, seen: Map<string, string>, warnings: CorpusWarning[]): Article | null {
  const skip = (message: string): null => {
    // The name as it can be printed: a newline in it must not forge a line of the log.
    warnings.push({ file: oneLine(name), message: `skipped: ${message}` });
    return null;
  };
  const id = ID_PATTERN.exec(name)?.[1];
  if (!id) return skip("no article id: the file name must start with digits, like 007_some-title.txt");
  const key = normalizeId(id);
  const first = seen.get(key);
  if (first) return skip(`duplicate id ${id}: ${first} already has it; rename one of them`);
  const read = readInside(realDir, name, MAX_ARTICLE_BYTES);
  if (!read.ok) return skip(read.reason);
  if (read.bytes.length === 0) return skip("the file is empty");
  const article = articleFromBytes(id, name, read.bytes);
  if (typeof article === "string") return skip(article);
  seen.set(key, name);
  return article;
}

/** The article file `name`'s bytes make, or why they make none (also how /add previews a file). */
export function articleFromBytes(id: string, name: string, bytes: Buffer): Article | string {
  const text = decodeText(bytes);
  if (text.startsWith("!")) return text.slice(1);
  const document = readDocument(name, text);
  if (typeof document === "string") return document;
  const article = parseArticle(id, name, document.text);
  if (article.sentences.length === 0) return "no article text found (only page furniture or no sentences)";
  article.meta = withDeclared(article.meta, document.declared);
  return article;
}

/** UTF-8 text, or "!reason" when the bytes are not text. */
function decodeText(bytes: Buffer): string {
  if (hasUtf16Bom(bytes)) return "!UTF-16 text; save it as UTF-8";
  if (bytes.includes(0)) return "!a binary file, not text";
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return "!not valid UTF-8 text; save it as UTF-8";
  }
  const control = text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (control > text.length * 0.01) return "!a binary file, not text";
  if (text.trim() === "") return "!the file holds only whitespace";
  return text.replace(/^\uFEFF/, "");
}

/** UTF-16 (what some Windows editors save as "Unicode") is text, but not the UTF-8 the loader reads. */
function hasUtf16Bom(bytes: Buffer): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

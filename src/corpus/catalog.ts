/**
 * `catalog.json` in the corpus folder: optional per-article metadata that overrides or completes what
 * the text says. `{ "003": { "outlet": "Slate", "date": "2024-03-26" } }`. Checked with zod; a bad
 * entry is reported by id and field and ignored, so one typo never stops the bot.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { ArticleMeta, CorpusWarning } from "./types";

export const CATALOG_FILE = "catalog.json";

const text = z.string().trim().min(1).max(500);
const entrySchema = z
  .object({
    title: text.nullable(),
    outlet: text.nullable(),
    author: text.nullable(),
    date: z.iso.date("date must be YYYY-MM-DD").nullable(),
    url: z.url().nullable(),
  })
  .partial()
  .strict();

export type CatalogEntry = z.infer<typeof entrySchema>;
export type Catalog = Map<string, CatalogEntry>;

export function readCatalog(dir: string, warnings: CorpusWarning[]): Catalog {
  const catalog: Catalog = new Map();
  const path = join(dir, CATALOG_FILE);
  if (!existsSync(path)) return catalog;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    warnings.push({ file: CATALOG_FILE, message: `ignored: not valid JSON (${(error as Error).message})` });
    return catalog;
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    warnings.push({ file: CATALOG_FILE, message: 'ignored: expected an object keyed by article id, like {"003": {"outlet": "..."}}' });
    return catalog;
  }
  for (const [id, value] of Object.entries(data)) {
    const parsed = entrySchema.safeParse(value);
    if (parsed.success) catalog.set(normalizeId(id), parsed.data);
    else warnings.push({ file: CATALOG_FILE, message: `entry "${id}" ignored: ${describeIssues(parsed.error)}` });
  }
  return catalog;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "entry"}: ${i.message}`).join("; ");
}

/** Catalog fields win over what was read from the text; fields it does not name are kept. */
export function applyCatalog(meta: ArticleMeta, entry: CatalogEntry | undefined): ArticleMeta {
  if (!entry) return meta;
  return { ...meta, ...Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) };
}

/** Ids compare by number: "3", "003" and "0003" name the same article. Done on the digits, not via
 *  Number, so ids past 2^53 never collide ("…890" and "…891" stay two articles). */
export function normalizeId(id: string): string {
  const digits = /^\s*(\d+)/.exec(id)?.[1];
  return digits === undefined ? String(Number.parseInt(id, 10)) : digits.replace(/^0+(?=\d)/, "");
}

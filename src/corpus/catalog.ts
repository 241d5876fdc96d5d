/**
 * `catalog.json` in the corpus folder: optional per-article metadata that overrides or completes what
 * the text says. `{ "003": { "outlet": "Slate", "date": "2024-03-26" } }`. Each field is checked on its
 * own: a bad field is reported by id and field with what to write instead, and the entry's other fields
 * are still used, so one typo never stops the bot nor loses the rest of the entry.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { readInside } from "./safe-read";
import type { ArticleMeta, CorpusWarning } from "./types";

export const CATALOG_FILE = "catalog.json";
/** A catalog of 10 000 articles with titles and URLs is a few MB; anything much larger is not one. */
export const MAX_CATALOG_BYTES = 16 * 1024 * 1024;

/** Each field's check, with the message that says what to write. */
const FIELDS = {
  title: text("title"),
  outlet: text("outlet"),
  author: text("author"),
  place: text("place"),
  date: z.iso.date({ error: "date must look like 2024-03-26" }),
  time: z
    .string({ error: "time must look like 16:47 or 16:47 UTC" })
    .regex(/^(?:[01]\d|2[0-3]):[0-5]\d(?: (?:[A-Z]{1,5}|[+-]\d{2}:?\d{2}))?$/, { error: "time must look like 16:47 or 16:47 UTC" }),
  url: z
    .string({ error: "url must be a web address like https://example.com/story" })
    .max(2048, { error: "url must be at most 2048 characters" })
    .refine(isWebAddress, { error: "url must be a web address like https://example.com/story" }),
} as const;

type Field = keyof typeof FIELDS;
const FIELD_NAMES = Object.keys(FIELDS) as Field[];

function text(field: string) {
  const message = `${field} must be text of 1 to 500 characters`;
  return z.string({ error: message }).trim().min(1, { error: message }).max(500, { error: message });
}

/** Only http(s) addresses are links a reader can follow; anything else is not shown as one. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

export type CatalogEntry = Partial<Pick<ArticleMeta, Field>>;
export type Catalog = Map<string, CatalogEntry>;

/** `realDir`: the corpus folder resolved with realpath (the catalog must be a regular file inside it). */
export function readCatalog(realDir: string, warnings: CorpusWarning[]): Catalog {
  const catalog: Catalog = new Map();
  if (!existsSync(join(realDir, CATALOG_FILE))) return catalog;
  const read = readInside(realDir, CATALOG_FILE, MAX_CATALOG_BYTES);
  if (!read.ok) {
    warnings.push({ file: CATALOG_FILE, message: `ignored: ${read.reason}` });
    return catalog;
  }
  let data: unknown;
  try {
    data = JSON.parse(read.bytes.toString("utf8"));
  } catch (error) {
    warnings.push({ file: CATALOG_FILE, message: `ignored: not valid JSON (${(error as Error).message})` });
    return catalog;
  }
  if (!isObject(data)) {
    warnings.push({ file: CATALOG_FILE, message: 'ignored: expected an object keyed by article id, like {"003": {"outlet": "..."}}' });
    return catalog;
  }
  for (const [id, value] of Object.entries(data)) {
    const warn = (message: string) => warnings.push({ file: CATALOG_FILE, message: `entry "${id}": ${message}` });
    if (!/^\s*\d+\s*$/.test(id)) warn('ignored: the key must be an article id, the digits that start its file name, like "003"');
    else if (!isObject(value)) warn('ignored: it must be an object of fields, like {"outlet": "Slate", "date": "2024-03-26"}');
    else catalog.set(normalizeId(id), readEntry(value, warn));
  }
  return catalog;
}

/** The entry's valid fields; each bad or unknown field is reported and left out. `null` means "unknown". */
function readEntry(value: Record<string, unknown>, warn: (message: string) => void): CatalogEntry {
  const entry: Record<string, string | null> = {};
  for (const [field, v] of Object.entries(value)) {
    if (!(FIELD_NAMES as string[]).includes(field)) {
      warn(`unknown field "${field}" ignored; the fields are ${FIELD_NAMES.join(", ")}`);
      continue;
    }
    if (v === null) {
      entry[field] = null;
      continue;
    }
    const parsed = FIELDS[field as Field].safeParse(v);
    if (parsed.success) entry[field] = parsed.data;
    else warn(`${parsed.error.issues[0]!.message}; this field is ignored`);
  }
  return entry;
}

/** Entries for ids no article has: a typo in an id, or an article since removed. */
export function warnUnknownIds(catalog: Catalog, ids: Iterable<string>, warnings: CorpusWarning[]): void {
  const known = new Set([...ids].map(normalizeId));
  for (const id of catalog.keys()) {
    if (!known.has(id)) warnings.push({ file: CATALOG_FILE, message: `entry "${id}": no article has this id; check the number at the start of the file name` });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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

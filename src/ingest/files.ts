/**
 * The corpus folder's files, changed safely: the next free id, a file name from a title, an atomic
 * write (a hidden temporary file, flushed to disk, then renamed: the rename is the only step that
 * makes the article visible, and the loader and the watcher ignore hidden files), leftovers of an
 * interrupted write cleaned, and removal as a move into `removed/` beside the corpus folder.
 */
import { randomBytes } from "node:crypto";
import { constants, existsSync, readdirSync } from "node:fs";
import { copyFile, open, readdir, readFile, rename, stat, unlink, mkdir } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { ID_PATTERN } from "../corpus/load";
import { CATALOG_FILE, normalizeId, readCatalog } from "../corpus/catalog";

/** Temporary files of an add in progress: hidden, so neither the loader nor the watcher sees them. */
const TEMP_PREFIX = ".adding-";
const TEMP_SUFFIX = ".tmp";
/** A write takes milliseconds; a temporary file older than this was left by a crash. */
export const STALE_TEMP_MS = 60_000;
/** Longest title part of a file name, in characters. */
export const SLUG_MAX = 60;
/** Ids are zero-padded to at least this many digits, like the seed corpus's `003`. */
const ID_MIN_WIDTH = 3;
export const REMOVED_FOLDER = "removed";

/**
 * The next id: one more than any id in use in the folder (also files the loader skips), in
 * `removed/` (so a removed article's id never comes back meaning something else) or in catalog.json
 * (whose entry would otherwise describe the new article). Padded like the widest existing id.
 */
export function nextId(dir: string): string {
  const ids = [...listNames(dir), ...listNames(removedFolder(dir))].flatMap((name) => ID_PATTERN.exec(name)?.[1] ?? []);
  const catalogIds = [...readCatalog(dir, []).keys()];
  const numbers = [...ids, ...catalogIds].map((id) => BigInt(normalizeId(id)));
  const next = numbers.reduce((max, n) => (n > max ? n : max), -1n) + 1n;
  const width = Math.max(ID_MIN_WIDTH, ...ids.map((id) => id.length));
  return next.toString().padStart(width, "0");
}

/** A file-name-safe form of a title: ASCII letters and digits joined by hyphens, at most SLUG_MAX long. */
export function slugify(title: string): string {
  const words = title
    .slice(0, SLUG_MAX * 8) // enough for any slug; bounds the work on a hostile title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const longer = slug ? `${slug}-${word}` : word;
    if (longer.length > SLUG_MAX) break;
    slug = longer;
  }
  return slug || words[0]?.slice(0, SLUG_MAX) || "article";
}

export function articleFileName(id: string, title: string | null, extension: string): string {
  return `${id}_${slugify(title ?? "")}.${extension}`;
}

/** Writes `bytes` to a new hidden file in `dir`, flushed to disk; returns its path. */
export async function writeTemp(dir: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString("hex")}${TEMP_SUFFIX}`);
  const handle = await open(path, "wx", 0o644);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(path).catch(() => {});
    throw error;
  }
  await handle.close();
  return path;
}

/** Makes a written temporary file the article `name` in `dir`: one rename, then the folder flushed. */
export async function publish(temp: string, dir: string, name: string): Promise<string> {
  const target = join(dir, name);
  if (existsSync(target)) {
    await unlink(temp).catch(() => {});
    throw new Error(`${name} appeared in the corpus folder while it was being added`);
  }
  await rename(temp, target);
  await syncFolder(dir);
  return target;
}

export async function writeAtomically(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  return publish(await writeTemp(dir, bytes), dir, name);
}

/**
 * Adds `fields` to article `id`'s entry in catalog.json, replacing the file atomically. Leaves a
 * catalog.json that is not a JSON object alone (it is the user's to fix) and returns false.
 */
export async function addToCatalog(dir: string, id: string, fields: Record<string, string>): Promise<boolean> {
  const path = join(dir, CATALOG_FILE);
  let catalog: Record<string, unknown> = {};
  if (existsSync(path)) {
    try {
      catalog = JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;
    } catch {
      return false;
    }
    if (typeof catalog !== "object" || catalog === null || Array.isArray(catalog)) return false;
  }
  const entry = catalog[id];
  catalog[id] = { ...(typeof entry === "object" && entry !== null ? entry : {}), ...fields };
  const temp = await writeTemp(dir, Buffer.from(`${JSON.stringify(catalog, null, 2)}\n`));
  await rename(temp, path);
  await syncFolder(dir);
  return true;
}

/** Deletes temporary files that an interrupted add left behind. Returns how many. */
export async function cleanStaleTemps(dir: string, now = Date.now()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith(TEMP_PREFIX) || !name.endsWith(TEMP_SUFFIX)) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile() || now - info.mtimeMs < STALE_TEMP_MS) continue;
    await unlink(path).then(() => (removed += 1)).catch(() => {});
  }
  return removed;
}

/** `removed/` beside the corpus folder. */
export function removedFolder(dir: string): string {
  return join(dirname(resolve(dir)), REMOVED_FOLDER);
}

/** Moves `file` out of the corpus folder into `removed/` (never overwriting); returns the new path. */
export async function moveToRemoved(dir: string, file: string): Promise<string> {
  const into = removedFolder(dir);
  await mkdir(into, { recursive: true });
  const target = freeName(into, file);
  const from = join(dir, file);
  try {
    await rename(from, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    // Another file system: copy (never over an existing file), then delete the original.
    await copyFile(from, target, constants.COPYFILE_EXCL);
    await unlink(from);
  }
  await syncFolder(dir);
  return target;
}

/** `name` in `folder`, or `name-2`, `name-3`… (before the extension) if it is taken. */
function freeName(folder: string, name: string): string {
  const extension = extname(name);
  const stem = basename(name, extension);
  let candidate = join(folder, name);
  for (let n = 2; existsSync(candidate); n++) candidate = join(folder, `${stem}-${n}${extension}`);
  return candidate;
}

function listNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Flushes a folder's entries (the rename) to disk; not possible on every platform, and then skipped. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, "r").catch(() => null);
  await handle?.sync().catch(() => {});
  await handle?.close();
}

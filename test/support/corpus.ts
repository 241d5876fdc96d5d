/** Test helpers: the seed corpus, and small corpora written to temporary folders. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const SEED_DIR = resolve(import.meta.dirname, "../../corpus");

/** Writes `files` (name → content) into a new temporary folder and returns its path. */
export function writeCorpus(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "corpus-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** A plain news-like article body of several paragraphs, for fixtures. */
export function articleText(title: string, paragraphs: string[], extra = ""): string {
  return [title, "", ...paragraphs.flatMap((p) => [p, ""]), extra].join("\n");
}

import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Engine } from "../../src/engine/engine";
import { cacheFile, corpusKey } from "../../src/engine/cache";
import { SEED_DIR } from "../support/corpus";

const QUESTIONS = ["how many people were killed", "who claimed responsibility", "what did the president say", "xyzzy"];

/** A private copy of the seed corpus and an empty cache folder. */
function setup(): { corpus: string; cacheDir: string; warnings: string[]; open: () => Promise<Engine> } {
  const corpus = mkdtempSync(join(tmpdir(), "cache-corpus-"));
  cpSync(SEED_DIR, corpus, { recursive: true });
  const cacheDir = mkdtempSync(join(tmpdir(), "cache-dir-"));
  const warnings: string[] = [];
  const open = () => Engine.open(corpus, { cache: { dir: cacheDir, warn: (m) => warnings.push(m) } });
  return { corpus, cacheDir, warnings, open };
}

describe("index cache", () => {
  it("an engine restored from the cache answers exactly like a freshly built one", async () => {
    const { open, cacheDir } = setup();
    const built = await open();
    expect(built.fromCache).toBe(false);
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const restored = await open();
    expect(restored.fromCache).toBe(true);
    expect(restored.articles).toEqual(built.articles);
    for (const q of QUESTIONS) expect(restored.ask(q)).toEqual(built.ask(q));
  });

  it("is rebuilt when an article's content changes, even with the same size and modification time", async () => {
    const { open, corpus } = setup();
    await open();
    const file = join(corpus, readdirSync(corpus).sort()[0]!);
    const before = statSync(file);
    const text = readFileSync(file, "utf8");
    const at = text.indexOf("the ");
    writeFileSync(file, `${text.slice(0, at)}thx ${text.slice(at + 4)}`); // same length in bytes
    utimesSync(file, before.atime, before.mtime);
    expect(statSync(file).size).toBe(before.size);
    const again = await open();
    expect(again.fromCache).toBe(false);
    expect(again.articles[0]!.raw).toContain("thx ");
  });

  it("is rebuilt when a file is added", async () => {
    const { open, corpus } = setup();
    const first = await open();
    writeFileSync(join(corpus, "099_new.txt"), "A New Headline About Rivers\n\nThe river rose by three metres overnight and flooded forty homes in the valley.\n");
    const again = await open();
    expect(again.fromCache).toBe(false);
    expect(again.articles.length).toBe(first.articles.length + 1);
  });

  it("a corrupt cache file is ignored with a warning, and replaced by a good one", async () => {
    const { open, corpus, cacheDir, warnings } = setup();
    const fresh = await open();
    const file = cacheFile(cacheDir, corpus);
    writeFileSync(file, readFileSync(file, "utf8").slice(0, 1000));
    const rebuilt = await open();
    expect(rebuilt.fromCache).toBe(false);
    expect(warnings.join("\n")).toMatch(/damaged/);
    expect(rebuilt.ask(QUESTIONS[0]!)).toEqual(fresh.ask(QUESTIONS[0]!));
    expect((await open()).fromCache).toBe(true);
  });

  it("a cache whose saved index is unusable is ignored with a warning", async () => {
    const { open, corpus, cacheDir, warnings } = setup();
    await open();
    const file = cacheFile(cacheDir, corpus);
    const data = JSON.parse(readFileSync(file, "utf8"));
    data.parts.index = { nonsense: true };
    writeFileSync(file, JSON.stringify(data));
    const rebuilt = await open();
    expect(rebuilt.fromCache).toBe(false);
    expect(warnings.some((w) => w.includes("damaged"))).toBe(true);
    expect(rebuilt.ask(QUESTIONS[0]!).command).toBe("ask");
  });

  it("the corpus key depends on content, not only on names", () => {
    const { corpus } = setup();
    const key = corpusKey(corpus);
    expect(corpusKey(corpus)).toBe(key);
    const file = join(corpus, readdirSync(corpus).sort()[1]!);
    writeFileSync(file, readFileSync(file, "utf8").replace(/a/, "e"));
    expect(corpusKey(corpus)).not.toBe(key);
  });
});

// The corpus folder's files: ids, names from titles, atomic writes that a crash cannot half-finish, removal.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load";
import { addToCatalog, articleFileName, cleanStaleTemps, moveToRemoved, nextId, publish, slugify, SLUG_MAX, STALE_TEMP_MS, writeAtomically, writeTemp } from "../../src/ingest/files";
import { articleText } from "../support/corpus";

const ARTICLE = articleText("Harbour ferry resumes service after storm", [
  "The harbour ferry resumed its regular crossings on Monday morning after three days of storms kept it in port.",
  "The operator said the first boats were full and that extra crossings would run through the week.",
]);

/** A corpus folder inside its own temporary parent, so `removed/` beside it is the test's own. */
function corpus(files: Record<string, string> = {}): string {
  const dir = join(mkdtempSync(join(tmpdir(), "ingest-")), "corpus");
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("slugify", () => {
  it("keeps letters and digits, lowercased and joined by hyphens, accents folded", () => {
    expect(slugify("Crème brûlée: 3 chefs' rivalry — “explained”!")).toBe("creme-brulee-3-chefs-rivalry-explained");
  });

  it("stops at a word boundary within the limit", () => {
    const slug = slugify("word ".repeat(100));
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(slug).toMatch(/^word(-word)+$/);
  });

  it("cuts a single over-long word, and falls back to 'article' when nothing is left", () => {
    expect(slugify("x".repeat(200))).toBe("x".repeat(SLUG_MAX));
    expect(slugify("")).toBe("article");
    expect(slugify("Лондон 東京 ../../")).toBe("article");
  });

  it("never yields a path: no separators, dots or spaces", () => {
    expect(articleFileName("007", "../../etc/passwd", "txt")).toBe("007_etc-passwd.txt");
    expect(articleFileName("007", null, "html")).toBe("007_article.html");
  });
});

describe("nextId", () => {
  it("is 000 in an empty folder", () => {
    expect(nextId(corpus())).toBe("000");
  });

  it("follows the highest id in use, padded like the widest one", () => {
    expect(nextId(corpus({ "003_a.txt": "x", "010_b.md": "x", "notes.txt": "x" }))).toBe("011");
    expect(nextId(corpus({ "0007_a.txt": "x" }))).toBe("0008");
    expect(nextId(corpus({ "999_a.txt": "x" }))).toBe("1000");
  });

  it("does not reuse the id of a removed article or of a catalog entry", () => {
    const dir = corpus({ "002_a.txt": "x", "catalog.json": JSON.stringify({ "14": { outlet: "Gazette" }, draft: { outlet: "Gazette" } }) });
    expect(nextId(dir)).toBe("015");
    mkdirSync(join(dir, "..", "removed"));
    writeFileSync(join(dir, "..", "removed", "020_old.txt"), "x");
    expect(nextId(dir)).toBe("021");
  });
});

describe("atomic writes", () => {
  it("a written temporary file is invisible to the loader until the rename publishes it", async () => {
    const dir = corpus({ "000_first.txt": ARTICLE.replace("Harbour", "Old harbour") });
    const temp = await writeTemp(dir, Buffer.from(ARTICLE));
    // A crash here (after the write, before the rename) leaves only the hidden temporary file.
    const before = await loadCorpus(dir);
    expect(before.articles.map((a) => a.id)).toEqual(["000"]);
    expect(before.warnings).toEqual([]);
    await publish(temp, dir, "001_harbour-ferry.txt");
    const after = await loadCorpus(dir);
    expect(after.articles.map((a) => a.id)).toEqual(["000", "001"]);
    expect(readdirSync(dir).sort()).toEqual(["000_first.txt", "001_harbour-ferry.txt"]);
  });

  it("never replaces an existing file", async () => {
    const dir = corpus({ "001_taken.txt": "original" });
    await expect(writeAtomically(dir, "001_taken.txt", Buffer.from(ARTICLE))).rejects.toThrow(/appeared/);
    expect(readFileSync(join(dir, "001_taken.txt"), "utf8")).toBe("original");
    expect(readdirSync(dir)).toEqual(["001_taken.txt"]);
  });

  it("cleans temporary files left by a crash, not one being written now", async () => {
    const dir = corpus();
    const stale = await writeTemp(dir, Buffer.from(ARTICLE));
    const fresh = await writeTemp(dir, Buffer.from(ARTICLE));
    const old = (Date.now() - STALE_TEMP_MS * 2) / 1000;
    utimesSync(stale, old, old);
    expect(await cleanStaleTemps(dir)).toBe(1);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });
});

describe("moveToRemoved", () => {
  it("moves the file into removed/ beside the corpus folder, numbering a name already taken", async () => {
    const dir = corpus({ "003_story.txt": "first", "004_story.txt": "second" });
    const first = await moveToRemoved(dir, "003_story.txt");
    writeFileSync(join(dir, "003_story.txt"), "third");
    const second = await moveToRemoved(dir, "003_story.txt");
    expect(first).toBe(join(dir, "..", "removed", "003_story.txt"));
    expect(second).toBe(join(dir, "..", "removed", "003_story-2.txt"));
    expect(readFileSync(first, "utf8")).toBe("first");
    expect(readFileSync(second, "utf8")).toBe("third");
    expect(readdirSync(dir)).toEqual(["004_story.txt"]);
  });
});

describe("addToCatalog", () => {
  it("adds an entry and keeps the others; the loader reads it", async () => {
    const dir = corpus({ "000_a.txt": ARTICLE, "catalog.json": JSON.stringify({ "000": { outlet: "Gazette" } }) });
    expect(await addToCatalog(dir, "001", { url: "https://news.example/ferry" })).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "catalog.json"), "utf8"))).toEqual({ "000": { outlet: "Gazette" }, "001": { url: "https://news.example/ferry" } });
    expect(readdirSync(dir).sort()).toEqual(["000_a.txt", "catalog.json"]);
  });

  it("creates catalog.json when there is none, and leaves a broken one alone", async () => {
    const dir = corpus();
    expect(await addToCatalog(dir, "004", { url: "https://news.example/a" })).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "catalog.json"), "utf8"))).toEqual({ "004": { url: "https://news.example/a" } });
    for (const broken of ["{ not json", "[1, 2]", "null"]) {
      writeFileSync(join(dir, "catalog.json"), broken);
      expect(await addToCatalog(dir, "005", { url: "https://news.example/b" })).toBe(false);
      expect(readFileSync(join(dir, "catalog.json"), "utf8")).toBe(broken);
    }
  });
});

import { describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seededRandom, writeCorpus } from "../../scripts/bench/generator";
import { loadCorpus } from "../../src/corpus/load";

const temp = () => mkdtempSync(join(tmpdir(), "bench-gen-"));
const bytes = (dir: string) => readdirSync(dir).sort().map((f) => `${f}\n${readFileSync(join(dir, f), "utf8")}`).join("\n");

describe("synthetic corpus generator", () => {
  it("gives the same bytes for the same seed, and other bytes for another seed", () => {
    const [a, b, c] = [temp(), temp(), temp()];
    writeCorpus(a, 12, 7);
    writeCorpus(b, 12, 7);
    writeCorpus(c, 12, 8);
    expect(bytes(a)).toBe(bytes(b));
    expect(bytes(a)).not.toBe(bytes(c));
  });

  it("the seeded random numbers repeat and stay in [0, 1)", () => {
    const r1 = seededRandom(42);
    const r2 = seededRandom(42);
    const xs = Array.from({ length: 1000 }, () => r1());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => r2()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("writes news-like pages the loader reads: titles, outlets, dates, hedged casualty figures, page furniture", async () => {
    const dir = temp();
    writeCorpus(dir, 20, 1);
    const corpus = await loadCorpus(dir);
    expect(corpus.articles).toHaveLength(20);
    expect(corpus.warnings).toEqual([]);
    expect(corpus.articles.every((a) => a.meta.title && a.meta.outlet && a.meta.date)).toBe(true);
    const raw = corpus.articles.map((a) => a.raw).join("\n");
    expect(raw).toMatch(/\b(?:over|at least|nearly|more than) \d+ (?:people|dead|injured)/);
    expect(raw).toMatch(/^(?:ADVERTISEMENT|Advertisement|Share this article)/m);
    // Page furniture is read but not served as article text.
    const clean = corpus.articles.flatMap((a) => a.paragraphs.map((p) => p.text));
    expect(clean.some((t) => /^(?:ADVERTISEMENT|Share this article)$/i.test(t))).toBe(false);
    const lengths = corpus.articles.flatMap((a) => a.sentences.map((s) => s.text.split(" ").length));
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeGreaterThan(20);
  });
});

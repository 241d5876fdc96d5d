import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, runCli } from "../support/child";

// The JSON contract of /source (cli-contract.md), checked through the real CLI on the repo's corpus.
const CORPUS = join(ROOT, "corpus");

function cli(args: string[], input?: string): unknown[] {
  const run = runCli(["--json", "--corpus", CORPUS, ...args], { input: input ?? "" });
  expect(run.status).toBe(0);
  // Exactly one JSON object per line, nothing else on stdout.
  return run.stdout.trim().split("\n").map((line) => JSON.parse(line) as unknown);
}

describe("CLI: /source --json", () => {
  it("answers /source 003 with the contract's fields, every quote verbatim", () => {
    const [reply] = cli(["/source 003"]) as [Record<string, any>];
    expect(reply.command).toBe("source");
    expect(Object.keys(reply.article)).toEqual(expect.arrayContaining(["id", "title", "outlet", "author", "date"]));
    expect(reply.article.id).toBe("003");
    const raw = readFileSync(join(CORPUS, reply.article.file), "utf8");
    expect(reply.summary.length).toBeGreaterThanOrEqual(3);
    expect(reply.summary.length).toBeLessThanOrEqual(5);
    for (const s of reply.summary) expect(raw.includes(s)).toBe(true);
    expect(reply.passages.length).toBeGreaterThan(0);
    for (const p of reply.passages) {
      expect(typeof p.paragraph).toBe("number");
      expect(raw.slice(p.start, p.end)).toBe(p.quote);
    }
    expect(reply).toMatchObject({ page: 1, pageCount: expect.any(Number), words: expect.any(Number), readingMinutes: expect.any(Number) });
  });

  it("answers stdin lines in order: listing, options, errors, without stopping", () => {
    const lines = ["/source", "/source 3 page:2", "/source 003 paragraph:2-3", "/source 009", "/source 3 find:zzzqqq", "/source 3 summary", ""];
    const replies = cli([], lines.join("\n")) as Record<string, any>[];
    expect(replies).toHaveLength(6);
    expect(replies.every((r) => r.command === "source")).toBe(true);
    const [list, page2, range, unknown, nohit, summary] = replies;
    expect(list!.articles.map((a: { id: string }) => a.id)).toEqual(["000", "001", "002", "003", "004"]);
    expect(page2!.page).toBe(2);
    expect(range!.passages.map((p: { paragraph: number }) => p.paragraph)).toEqual([2, 3]);
    expect(unknown!.error).toBe("No article 009. Articles: 000, 001, 002, 003, 004.");
    expect(nohit!.error).toMatch(/No sentence of article 003 matches "zzzqqq".*\/ask zzzqqq/);
    expect(summary).toMatchObject({ view: "summary", passages: [] });
  });
});

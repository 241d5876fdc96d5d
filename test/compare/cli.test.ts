import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eventCorpusDir } from "./fixture";
import { runCli } from "../support/child";

// The JSON contract of /compare (cli-contract.md), through the real CLI on a corpus written here.
const QUALIFIERS = ["over", "under", "about", "at least", "at most", "nearly"];

function cli(corpus: string, args: string[], input = ""): { replies: Record<string, any>[]; stderr: string } {
  const r = runCli(["--json", "--corpus", corpus, ...args], { input });
  if (r.status !== 0) throw new Error(`cli exited ${r.status}: ${r.stderr}`);
  return { replies: r.stdout.trim().split("\n").map((line) => JSON.parse(line)), stderr: r.stderr };
}

describe("CLI: /compare --json", () => {
  const corpus = eventCorpusDir();

  it("answers /compare deaths per the contract: groups, figures with articleId, number value, qualifier, verbatim quote", () => {
    const { replies } = cli(corpus, ["/compare deaths"]);
    expect(replies).toHaveLength(1);
    const reply = replies[0]!;
    expect(reply).toMatchObject({ command: "compare", topic: "deaths" });
    expect(reply.groups.length).toBeGreaterThan(0);
    const files = readdirSync(corpus);
    for (const g of reply.groups) {
      expect(typeof g.label).toBe("string");
      expect(g.label.length).toBeGreaterThan(0);
      for (const f of g.figures) {
        expect(f.articleId).toMatch(/^\d+$/);
        expect(typeof f.value).toBe("number");
        if ("qualifier" in f) expect(QUALIFIERS).toContain(f.qualifier);
        const raw = readFileSync(join(corpus, files.find((n) => n.startsWith(f.articleId))!), "utf8");
        expect(raw.includes(f.quote)).toBe(true);
      }
    }
    expect(reply.groups[0].figures.map((f: any) => [f.articleId, f.value, f.qualifier ?? null])).toEqual([
      ["001", 41, null],
      ["002", 45, "at least"],
      ["003", 50, "nearly"],
    ]);
  });

  it("adds per figure reportedAt, source and kind, and per group the event (type, place, date) and the latest total", () => {
    const { replies } = cli(corpus, ["/compare deaths"]);
    const [recent, older] = replies[0]!.groups;
    for (const g of replies[0]!.groups) {
      expect(["main", "past", "separate"]).toContain(g.event.kind);
      for (const key of ["type", "place", "date"]) expect(g.event[key] === null || typeof g.event[key] === "string").toBe(true);
      for (const f of g.figures) {
        expect(f.reportedAt === null || /^\d{4}-\d{2}-\d{2}/.test(f.reportedAt)).toBe(true);
        expect(f.source === null || typeof f.source === "string").toBe(true);
        expect(["total", "part", "vague"]).toContain(f.kind);
      }
    }
    expect(recent.figures.map((f: any) => f.reportedAt)).toEqual(["2031-06-13", "2031-06-14", "2031-06-15"]);
    expect(recent.figures[2].source).toBe("officials");
    expect(recent.event).toMatchObject({ kind: "main", place: "Velmora" });
    expect(recent.latest).toMatchObject({ articleId: "003", value: 50, qualifier: "nearly", reportedAt: "2031-06-15", source: "officials" });
    expect(older.event).toMatchObject({ kind: "past", date: "2019" });
  });

  it("answers stdin lines in order, one JSON object each: listing, topic, unknown topic", () => {
    const { replies } = cli(corpus, [], "/compare\n\n/compare injured\n/compare zebras\n");
    expect(replies.map((r) => r.command)).toEqual(["compare", "compare", "compare"]);
    expect(replies[0]!.topics[0].topic).toBe("deaths");
    expect(replies[1]!.topic).toBe("injured");
    expect(replies[2]!.error).toMatch(/zebras/);
    expect(replies[2]!.suggestions.length).toBeGreaterThan(0);
  });

  it("writes the chart with --chart PATH and says so on stderr only", () => {
    const path = join(mkdtempSync(join(tmpdir(), "chart-")), "deaths.png");
    const { replies, stderr } = cli(corpus, ["--chart", path, "/compare deaths"]);
    expect(replies).toHaveLength(1);
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path).subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(stderr).toContain(`chart written to ${path}`);
  });
});

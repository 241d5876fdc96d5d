/** The CLI contract (shared/docs/cli-contract.md), checked by spawning the real CLI. */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { readdirSync, readFileSync } from "node:fs";
import { SEED_DIR, writeCorpus } from "../support/corpus";
import { runCli } from "../support/child";

function cli(args: string[], input?: string) {
  const r = runCli(args, { input });
  const lines = r.stdout.split("\n").filter((l) => l.trim());
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines };
}

describe("CLI --json", () => {
  it("answers one command from the arguments with one JSON line", () => {
    const r = cli(["--json", "ask", "who", "claimed", "the", "attack"]);
    expect(r.status).toBe(0);
    expect(r.lines).toHaveLength(1);
    const reply = JSON.parse(r.lines[0]!);
    expect(reply).toMatchObject({ command: "ask", query: "who claimed the attack" });
    expect(reply.results.length).toBeGreaterThan(0);
    for (const res of reply.results) {
      expect(Object.keys(res)).toEqual(expect.arrayContaining(["articleId", "title", "quote", "paragraph", "score"]));
      expect(typeof res.paragraph).toBe("number");
      expect(typeof res.score).toBe("number");
    }
  });

  it("answers each stdin line in order, one JSON object per line, errors included", () => {
    const r = cli(["--json"], "/ask Taliban\n\nnot a command\n/ask\n/help\n/ask " + "x".repeat(10_000) + "\n/ask Kabul airport\n");
    expect(r.status).toBe(0);
    const replies = r.lines.map((l) => JSON.parse(l));
    expect(replies.map((x) => x.command)).toEqual(["ask", "not", "ask", "help", "ask", "ask"]);
    expect(replies[1].error).toMatch(/not a command/);
    expect(replies[2].error).toMatch(/Ask a question/);
    expect(replies[4].error).toMatch(/characters long/);
    expect(replies[5].results.length).toBeGreaterThan(0);
  });

  it("quotes only text that stands in the article file", () => {
    const r = cli(["--json"], "/ask Putin warning\n/ask suicide bombers\n");
    const files = readdirSync(SEED_DIR);
    const raw = (id: string) => readFileSync(join(SEED_DIR, files.find((f) => f.startsWith(`${id}_`))!), "utf8");
    for (const line of r.lines) for (const res of JSON.parse(line).results) expect(raw(res.articleId)).toContain(res.quote);
  });

  it("takes --corpus DIR and keeps logs off stdout", () => {
    const dir = writeCorpus({
      "001_a.txt": "Bridge to open\n\nThe council said on Tuesday that the new bridge would open in the spring, after two years of delays.\n",
      "notes.txt": "no id here",
    });
    const r = cli(["--json", "--corpus", dir, "/ask bridge"]);
    expect(r.status).toBe(0);
    expect(r.lines).toHaveLength(1);
    expect(JSON.parse(r.lines[0]!).results[0].articleId).toBe("001");
    expect(r.stderr).toMatch(/notes.txt: skipped: no article id/);
  });

  it("exits non-zero with a clear message when the corpus folder is missing or empty", () => {
    const missing = cli(["--json", "--corpus", "/nonexistent", "/ask x"]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/does not exist/);
    expect(missing.stdout).toBe("");
    const empty = cli(["--json", "--corpus", writeCorpus({}), "/ask x"]);
    expect(empty.status).not.toBe(0);
    expect(empty.stderr).toMatch(/No article to serve/);
  });
});

describe("CLI text output", () => {
  it("prints a readable answer with the attribution", () => {
    const r = cli(["ask", "Navalny"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\*Navalny\*/);
    expect(r.stdout).toMatch(/— 001 · Terror in Moscow/);
  });
});

describe("CLI with piped input", () => {
  it("echoes each command as a heading above its text answer", () => {
    const r = cli([], "/help\n\n/source 999\n");
    expect(r.status).toBe(0);
    const blocks = r.stdout.split(/^> /m).filter(Boolean);
    expect(blocks.map((b) => b.split("\n")[0])).toEqual(["/help", "/source 999"]);
    expect(blocks[1]).toMatch(/No article 999/);
  });

  it("accepts private:true harmlessly and names an unknown option", () => {
    const r = cli(["--json"], "/ask who claimed the attack\n/ask who claimed the attack private:true\n/source 3 private:true\n/source 3 foo:bar\n");
    const [plain, hidden, source, unknown] = r.lines.map((l) => JSON.parse(l));
    expect(hidden).toEqual(plain);
    expect(source.article.id).toBe("003");
    expect(unknown.error).toBe("Unknown option foo: /source takes page, paragraph, find, summary, private.");
  });
});

/**
 * The small ways a careless or hostile corpus could hurt the bot (issue 13, point 6): an embed URL
 * Discord would refuse, a cache write that fails half-way, a file name that forges a log line.
 */
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeEmbed } from "../../src/discord/embed";
import { payloadViolations } from "../../src/discord/truncate";
import { createLogger } from "../../src/discord/log";
import { readCache, writeCache } from "../../src/engine/cache";
import { loadCorpus } from "../../src/corpus/load";
import { articleText, writeCorpus } from "../support/corpus";
import { ROOT, runTsx } from "../support/child";

const ARTICLE = articleText("Harbour ferry resumes service", [
  "The harbour authority said on Monday that the ferry would resume service next week, after a month of repairs to the pier.",
]);

describe("embed URLs", () => {
  it("keeps an http(s) URL Discord accepts and drops one that is too long or not a web link", () => {
    const ok = `https://example.com/${"a".repeat(1_000)}`;
    expect(makeEmbed({ title: "t", url: ok }).url).toBe(ok);
    for (const url of [`https://example.com/${"a".repeat(100_000)}`, "javascript:alert(1)", "ftp://example.com/x", "not a url"]) {
      const embed = makeEmbed({ title: "t", url });
      expect(embed.url, url.slice(0, 30)).toBeUndefined();
      expect(payloadViolations({ embeds: [embed] })).toEqual([]);
    }
    expect(payloadViolations({ embeds: [{ title: "t", url: `https://x.y/${"a".repeat(3_000)}` }] }).join()).toMatch(/url: 3012 > 2048/);
  });

  it("a catalog URL longer than Discord's limit is reported and ignored", async () => {
    const dir = writeCorpus({ "001_ferry.txt": ARTICLE, "catalog.json": JSON.stringify({ "001": { url: `https://example.com/${"a".repeat(100_000)}` } }) });
    const corpus = await loadCorpus(dir);
    expect(corpus.articles[0]!.meta.url).toBeNull();
    expect(corpus.warnings).toEqual([{ file: "catalog.json", message: expect.stringMatching(/entry "001": url must be at most 2048 characters/) }]);
  });
});

describe("the index cache's temporary file", () => {
  const contents = { key: "k", corpus: { dir: "/nowhere", articles: [], warnings: [] }, parts: {} };

  it("is removed when the rename fails", () => {
    const dir = mkdtempSync(join(tmpdir(), "cache-tmp-"));
    const file = join(dir, "index-x.json");
    mkdirSync(file); // a folder where the cache file should go: the rename fails
    writeFileSync(join(file, "keep"), "");
    expect(() => writeCache(file, contents)).toThrow();
    expect(readdirSync(dir)).toEqual(["index-x.json"]);
  });

  it("left by a process that no longer runs is removed at the next start; a running writer's is kept", () => {
    const dir = mkdtempSync(join(tmpdir(), "cache-tmp-"));
    const file = join(dir, "index-x.json");
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    writeFileSync(`${file}.${dead}.tmp`, "{half a cache");
    writeFileSync(`${file}.${process.pid}.tmp`, "{being written");
    expect(readCache(file, "k", () => {})).toBeNull();
    expect(readdirSync(dir)).toEqual([`index-x.json.${process.pid}.tmp`]);
  });
});

describe("running out of memory", () => {
  it("is logged before the process aborts, with the exit code the README documents", () => {
    const dir = mkdtempSync(join(tmpdir(), "oom-"));
    const file = join(dir, "grow.ts");
    writeFileSync(
      file,
      `import { installProcessGuards } from ${JSON.stringify(join(ROOT, "src/process/safety.ts"))};
      installProcessGuards({ heapCheckMs: 20 });
      const held: number[][] = [];
      const grow = () => { held.push(new Array(64_000).fill(held.length)); setTimeout(grow, 2); };
      grow();`,
    );
    const r = runTsx([file], { env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=512" } });
    expect(r.stderr).toMatch(/WARN memory nearly exhausted: \d+ of \d+ MB of heap in use/);
    expect(r.stderr).toMatch(/heap out of memory/);
    expect(r.status ?? r.signal).toSatisfy((code: unknown) => code === 134 || code === "SIGABRT");
  });
});

describe("log lines", () => {
  it("a file name with a newline or an escape sequence stays on its warning's line", async () => {
    const forged = "002_x.txt\n2026-01-01T00:00:00.000Z ERROR forged \u001b[2J";
    const dir = writeCorpus({ "001_ferry.txt": ARTICLE, [forged]: "" });
    const corpus = await loadCorpus(dir);
    expect(corpus.warnings).toHaveLength(1);
    const lines: string[] = [];
    const log = createLogger("info", (_level, line) => lines.push(line));
    for (const w of corpus.warnings) log.warn(`skipped ${w.file}: ${w.message}`);
    log.info(`a message with a forged\n2026-01-01T00:00:00.000Z ERROR line`);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).not.toMatch(/[\n\r\u001b]/);
    expect(lines[0]).toContain("002_x.txt\\n2026-01-01T00:00:00.000Z ERROR forged \\u001b[2J");
  });
});

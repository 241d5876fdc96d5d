// Unit tests of the bot's building blocks: config, page ids, embeds within limits, choices, cooldown, holder.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, requireBotConfig } from "../../src/config";
import { decodePageId, encodePageId, pageButtons, StateStore } from "../../src/discord/paging";
import { embedLength, fitMessage, makeEmbed, packBlocks } from "../../src/discord/embed";
import { sanitizeChoices } from "../../src/discord/choices";
import { Cooldowns } from "../../src/discord/cooldown";
import { payloadViolations } from "../../src/discord/truncate";
import { EngineHolder } from "../../src/engine/holder";
import type { Engine } from "../../src/engine/engine";
import * as L from "../../src/discord/limits";

describe("config", () => {
  const SECRET = "MTAwMDAwMDAwMDAwMDAwMDAw.secret.not-to-be-printed";

  it("applies defaults and parses values", () => {
    const c = loadConfig({ DISCORD_TOKEN: SECRET, COOLDOWN_SECONDS: "5", LOG_LEVEL: "WARN", ADMIN_IDS: "123456789012345678, 223456789012345678" });
    expect(c).toMatchObject({ CORPUS_DIR: "corpus", COOLDOWN_SECONDS: 5, LOG_LEVEL: "warn", ADMIN_IDS: ["123456789012345678", "223456789012345678"] });
    expect(loadConfig({}).COOLDOWN_SECONDS).toBe(3);
  });

  it("names every malformed value with what to do, and never prints the token", () => {
    const bad = "not a token " + SECRET;
    let error: unknown;
    try {
      loadConfig({ DISCORD_TOKEN: bad, DISCORD_CLIENT_ID: "12", COOLDOWN_SECONDS: "soon", LOG_LEVEL: "loud", DISCORD_API_URL: "ftp://x" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ["DISCORD_TOKEN", "DISCORD_CLIENT_ID", "COOLDOWN_SECONDS", "LOG_LEVEL", "DISCORD_API_URL"]) expect(message).toContain(name);
    expect(message).not.toContain("secret");
  });

  it("requires a token to run the bot", () => {
    expect(() => requireBotConfig(loadConfig({}))).toThrow(/DISCORD_TOKEN is missing/);
  });
});

describe("page button ids", () => {
  const owner = "400000000000000004";

  it("round-trips short arguments inline, so they survive a restart", () => {
    const id = encodePageId("next", 3, owner, { command: "source", args: ["003", "", "police & army: 100%"] }, new StateStore());
    expect(id.length).toBeLessThanOrEqual(L.CUSTOM_ID_MAX);
    expect(decodePageId(id, new StateStore())).toEqual({ direction: "next", page: 3, ownerId: owner, command: "source", args: ["003", "", "police & army: 100%"] });
  });

  it("hashes long arguments into memory; a fresh store reports them as unknown (null)", () => {
    const store = new StateStore();
    const state = { command: "ask", args: ["why ".repeat(100)] };
    const id = encodePageId("prev", 1, owner, state, store);
    expect(id.length).toBeLessThanOrEqual(L.CUSTOM_ID_MAX);
    expect(decodePageId(id, store)?.args).toEqual(state.args);
    expect(decodePageId(id, new StateStore())?.args).toBeNull();
  });

  it("rejects ids that are not page buttons", () => {
    for (const id of ["", "pg", "pg:x:1:1:ask:=", "other:n:1:1:ask:=a", "pg:n:0:1:ask:=a", "pg:n:1:abc:ask:=a", "pg:n:1:1:ask:%zz"]) {
      expect(decodePageId(id, new StateStore())).toBeUndefined();
    }
  });

  it("builds a valid row: previous disabled on page 1, label always disabled, unique ids", () => {
    const row = pageButtons(1, 4, owner, { command: "ask", args: ["q"] }, new StateStore());
    expect(payloadViolations({ components: [row] })).toEqual([]);
    expect(row.components.map((b) => b.disabled)).toEqual([true, true, false]);
  });
});

describe("embeds", () => {
  it("truncates every part to its limit and keeps a message within 6000 characters", () => {
    const long = "word ".repeat(3000);
    const embeds = Array.from({ length: 3 }, () =>
      makeEmbed({ title: long, description: long, footer: long, author: long, fields: Array.from({ length: 30 }, () => ({ name: long, value: long })) }),
    );
    const fitted = fitMessage(embeds);
    expect(payloadViolations({ embeds: fitted })).toEqual([]);
    expect(fitted.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(L.EMBED_TOTAL_MAX);
  });

  it("drops URLs Discord would reject", () => {
    expect(makeEmbed({ title: "t", url: "javascript:alert(1)" }).url).toBeUndefined();
    expect(makeEmbed({ title: "t", url: "https://example.org/a" }).url).toBe("https://example.org/a");
  });

  it("packs blocks in order within the budget and the per-page count", () => {
    expect(packBlocks(["aaaa", "bbbb", "cccc"], 10, 5, "\n")).toEqual([["aaaa", "bbbb"], ["cccc"]]);
    expect(packBlocks(["a", "b", "c"], 100, 2)).toEqual([["a", "b"], ["c"]]);
  });
});

describe("choices", () => {
  it("keeps at most 25, names 1–100 characters, drops empty, duplicate and over-long values", () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `${"n".repeat(150)}${i}`, value: String(i) }));
    const out = sanitizeChoices([{ name: "", value: "" }, { name: "x", value: "v".repeat(101) }, { name: "a", value: "1" }, ...many]);
    expect(out).toHaveLength(25);
    expect(payloadViolations({ choices: out })).toEqual([]);
    expect(out.filter((c) => c.value === "1")).toHaveLength(1);
  });
});

describe("cooldown", () => {
  it("allows a burst of one command, then one every few seconds, per user and command, saying when to retry", () => {
    let now = 0;
    const cd = new Cooldowns(3, 4, () => now);
    for (let i = 0; i < 4; i++) expect(cd.take("u", "ask")).toBe(0);
    expect(cd.take("u", "ask")).toBe(3);
    expect(cd.take("u", "help")).toBe(0);
    expect(cd.take("v", "ask")).toBe(0);
    now = 1000;
    expect(cd.take("u", "ask")).toBe(2);
    now = 3000;
    expect(cd.take("u", "ask")).toBe(0);
    expect(cd.take("u", "ask")).toBe(3);
    // Idle long enough, the whole burst is back, and no more than that.
    now = 60_000;
    for (let i = 0; i < 4; i++) expect(cd.take("u", "ask")).toBe(0);
    expect(cd.take("u", "ask")).toBeGreaterThan(0);
  });

  it("is off at 0 seconds", () => {
    const cd = new Cooldowns(0, 1, () => 0);
    for (let i = 0; i < 10; i++) expect(cd.take("u", "ask")).toBe(0);
  });
});

describe("EngineHolder", () => {
  const fakeEngine = (n: number) => ({ articles: new Array(n), corpus: { warnings: [] } }) as unknown as Engine;

  it("swaps only after a successful build, and joins concurrent reloads", async () => {
    let builds = 0;
    const next = fakeEngine(2);
    const holder = new EngineHolder(fakeEngine(1), async () => {
      builds++;
      return next;
    });
    const [a, b] = await Promise.all([holder.reload(), holder.reload()]);
    expect(a).toBe(b);
    expect(builds).toBe(1);
    expect(holder.current).toBe(next);
    expect(a).toMatchObject({ ok: true, articles: 2, generation: 1 });
  });

  it("keeps the old engine when the build fails", async () => {
    const old = fakeEngine(1);
    const holder = new EngineHolder(old, async () => {
      throw new Error("disk gone");
    });
    expect(await holder.reload()).toMatchObject({ ok: false, error: "disk gone" });
    expect(holder.current).toBe(old);
  });
});

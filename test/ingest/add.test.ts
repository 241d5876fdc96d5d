// addArticle / removeArticle without Discord: character sets, sniffing, concurrent adds, a failed re-index.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../../src/engine/engine";
import { EngineHolder } from "../../src/engine/holder";
import { addArticle, removeArticle } from "../../src/ingest/add";
import { IngestError } from "../../src/ingest/errors";
import type { FetchLimits } from "../../src/ingest/fetch";
import { articleText } from "../support/corpus";
import { serve, startWebServer, type WebServer } from "../support/web";

const LIMITS: FetchLimits = { maxBytes: 2 * 1024 * 1024, timeoutMs: 5000, maxRedirects: 3, allowAddress: () => true };

const story = (title: string, subject: string) =>
  articleText(title, [
    `The regional council said on Tuesday that ${subject} would be finished before the end of the year, after months of delays.`,
    `Residents had complained at two public meetings that ${subject} was disrupting traffic and closing shops early.`,
  ]);

async function holderFor(files: Record<string, string>, build?: () => Promise<Engine>): Promise<{ holder: EngineHolder; dir: string }> {
  const dir = join(mkdtempSync(join(tmpdir(), "ingest-add-")), "corpus");
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const holder = new EngineHolder(await Engine.open(dir), build ?? (() => Engine.open(dir)));
  return { holder, dir };
}

describe("addArticle", () => {
  let web: WebServer;
  const first = story("Bridge repairs to end by December", "the bridge repair");

  beforeAll(async () => {
    web = await startWebServer({
      "/latin1": serve(Buffer.from(story("Café owners welcome the new square", "the square near the café"), "latin1"), "text/plain; charset=ISO-8859-1"),
      "/cp1252-page": serve(Buffer.from(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>\n${story("Caf\u00e9 owners welcome the new square", "the square near the caf\u00e9")}</body></html>`, "latin1"), "text/html"),
      "/klingon": serve(story("Tunnel opens", "the tunnel"), "text/plain; charset=x-klingon"),
      "/untyped": (_req, res) => res.end(story("Market hall reopens after renovation", "the market hall renovation")),
      "/a": serve(story("School roof replaced over summer", "the school roof"), "text/plain"),
      "/b": serve(story("Harbour wall strengthened against storms", "the harbour wall"), "text/plain"),
      "/c": serve(story("Park lake dredged for the first time", "the dredging of the lake"), "text/plain"),
    });
  });
  afterAll(() => web?.close());

  it("saves a page declared in another character set as UTF-8, and serves it", async () => {
    const { holder, dir } = await holderFor({ "000_bridge.txt": first });
    const article = await addArticle(holder, { kind: "link", url: web.url("/latin1") }, LIMITS);
    expect(article.meta.title).toBe("Café owners welcome the new square");
    expect(readFileSync(join(dir, article.file), "utf8")).toContain("near the café");
  });

  it("converts a page whose <meta> declares another character set", async () => {
    const { holder, dir } = await holderFor({ "000_bridge.txt": first });
    const article = await addArticle(holder, { kind: "link", url: web.url("/cp1252-page") }, LIMITS);
    expect(article.file).toMatch(/^001_.*\.html$/);
    expect(readFileSync(join(dir, article.file), "utf8")).toContain("near the café");
  });

  it("refuses a character set it does not know", async () => {
    const { holder } = await holderFor({ "000_bridge.txt": first });
    const error = await addArticle(holder, { kind: "link", url: web.url("/klingon") }, LIMITS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).message).toMatch(/character set the bot does not know \(x-klingon\)/);
  });

  it("reads a page served without a media type as text", async () => {
    const { holder } = await holderFor({ "000_bridge.txt": first });
    const article = await addArticle(holder, { kind: "link", url: web.url("/untyped") }, LIMITS);
    expect(article.file).toBe("001_market-hall-reopens-after-renovation.txt");
  });

  it("gives concurrent adds distinct ids, and lets only one of two identical ones in", async () => {
    const { holder, dir } = await holderFor({ "000_bridge.txt": first });
    const results = await Promise.allSettled(["/a", "/b", "/c", "/a"].map((path) => addArticle(holder, { kind: "link", url: web.url(path) }, LIMITS)));
    const added = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.id] : []));
    expect(added.sort()).toEqual(["001", "002", "003"]);
    const refused = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as IngestError).problem] : []));
    expect(refused).toEqual(["duplicate"]);
    expect(holder.current.articles.map((a) => a.id)).toEqual(["000", "001", "002", "003"]);
    expect(readdirSync(dir).filter((n) => n.endsWith(".txt"))).toHaveLength(4);
  });

  it("says so when the article was saved but the re-index failed, and the old engine keeps serving", async () => {
    let builds = 0;
    const { holder, dir } = await holderFor({ "000_bridge.txt": first }, async () => {
      builds += 1;
      throw new Error("out of memory while indexing");
    });
    const before = holder.current;
    const error = await addArticle(holder, { kind: "link", url: web.url("/a") }, LIMITS).catch((e: unknown) => e);
    expect((error as IngestError).problem).toBe("reload-failed");
    expect((error as IngestError).message).toMatch(/Article 001 was saved, but the re-index did not take that in \(out of memory while indexing\)/);
    expect(holder.current).toBe(before);
    expect(builds).toBe(2);
    expect(readdirSync(dir)).toContain("001_school-roof-replaced-over-summer.txt");
  });
});

describe("removeArticle", () => {
  it("will not remove the only article", async () => {
    const { holder, dir } = await holderFor({ "000_bridge.txt": story("Bridge repairs to end by December", "the bridge repair") });
    const error = await removeArticle(holder, "0").catch((e: unknown) => e);
    expect((error as IngestError).message).toMatch(/the only one/);
    expect(readdirSync(dir)).toEqual(["000_bridge.txt"]);
  });
});

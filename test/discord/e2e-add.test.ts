// End to end: /add and /remove through the real bot and the fake Discord, with attachments and pages
// served on 127.0.0.1. Each accepted case ends with the bot answering from the new article; each refused
// case with a private note that says what happened, and the corpus folder unchanged.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../../src/engine/engine";
import { writeTemp, STALE_TEMP_MS } from "../../src/ingest/files";
import { ROLE_ID, type FakeAttachment, type Json } from "../support/fake-discord";
import { articleText } from "../support/corpus";
import { serve, startWebServer, type WebServer } from "../support/web";
import { EPHEMERAL, OTHER_USER_ID, onlyCallback, startHarness, visibleText, type Harness } from "./harness";

const REPLY_WAIT_MS = 30_000;

const FIRST = articleText("Council approves new bus routes for the eastern districts", [
  "The city council approved three new bus routes on Wednesday, linking the eastern districts with the central station.",
  "Councillors said the routes would start in September and run every twelve minutes during the day.",
]);
const SECOND = articleText("Library extends opening hours during exam season", [
  "The central library will stay open until midnight for the next four weeks, its director announced on Monday.",
  "Students had asked for longer hours after the reading rooms filled up by mid-morning every day last spring.",
]);
const TEXT_ARTICLE = articleText("Orchard growers report a record apple harvest", [
  "RIVERTON, Oct 5, 2023 (AFP) - Orchard growers in the river valley picked more apples this autumn than in any year since records began, their association said on Thursday.",
  "A warm spring and steady summer rain helped the trees, and the association said prices had fallen by a fifth as a result.",
]);
const MARKDOWN_ARTICLE = [
  "# Volunteers restore the old canal towpath",
  "",
  "Volunteers finished clearing the last stretch of the old canal towpath on **Saturday**, opening a walking route of eleven kilometres.",
  "",
  "The trust that manages the canal said more than two hundred people had given up weekends over the past year to cut back brambles and repair the banks.",
  "",
].join("\n");
const LINKED_ARTICLE = articleText("Ferry operator adds a night crossing to the islands", [
  "The island ferry operator will run a night crossing from next month, giving workers a way home after late shifts, the company said on Friday.",
  "Islanders had petitioned for a later boat for years, saying the last crossing at seven in the evening cut them off from jobs on the mainland.",
]);
/** A saved page as browsers save them: metadata in the head, a script, navigation, comments, a footer. */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Lighthouse keepers return to the northern cape | The Coastal Herald</title>
<meta property="og:title" content="Lighthouse keepers return to the northern cape">
<meta property="og:site_name" content="The Coastal Herald">
<meta property="article:published_time" content="2024-05-14T08:30:00Z">
<script>window.tracker = { id: "abc", send() { return "Subscribe now"; } };</script>
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Lighthouse keepers return to the northern cape</h1>
<p>For the first time in forty years, two keepers moved into the lighthouse on the northern cape on Tuesday, the maritime authority said.</p>
<p>The authority said automated lamps had failed twice during winter storms, leaving fishing boats without a guide for several hours.</p>
<p>"We would rather have people there who can fix things at night," a spokeswoman for the authority told reporters at the harbour.</p>
</article>
<section class="comments"><h2>Comments (12)</h2><p>Sign in to comment.</p></section>
<footer>© 2024 The Coastal Herald. All rights reserved.</footer>
</body>
</html>
`;
/** Another saved page, served from a link. */
const LINKED_PAGE = PAGE.replace(/Lighthouse keepers return to the northern cape/g, "Harbour master warns of early ice in the northern bay")
  .replace("For the first time in forty years, two keepers moved into the lighthouse", "Ice formed across the northern bay three weeks earlier than usual")
  .replace("automated lamps had failed twice during winter storms", "two trawlers had been stuck near the outer buoys overnight");
/** The article of a page as plain text: its heading and paragraphs. */
const pageText = (page: string) => [...page.matchAll(/<(?:h1|p)>(.*?)<\/(?:h1|p)>/g)].slice(0, 4).map((m) => m[1]).join("\n\n");
const FURNITURE_ONLY = ["Home", "Share", "Tweet", "Subscribe", "Sign in", "Advertisement", "Cookies"].join("\n");

describe("/add and /remove", () => {
  let h: Harness;
  let web: WebServer;
  let corpus: string;
  let removed: string;

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), "add-e2e-"));
    corpus = join(root, "corpus");
    removed = join(root, "removed");
    mkdirSync(corpus);
    writeFileSync(join(corpus, "000_bus-routes.txt"), FIRST);
    writeFileSync(join(corpus, "001_library.txt"), SECOND);
    web = await startWebServer({
      "/files/harvest.txt": serve(TEXT_ARTICLE, "text/plain"),
      "/files/towpath.md": serve(MARKDOWN_ARTICLE, "text/markdown"),
      "/files/image.txt": serve(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]), "text/plain"),
      "/files/latin1.txt": serve(Buffer.from(`${TEXT_ARTICLE}Caf\xe9 na\xefve\n`, "latin1"), "text/plain"),
      "/files/furniture.txt": serve(FURNITURE_ONLY, "text/plain"),
      "/files/lighthouse.html": serve(PAGE, "text/html"),
      "/files/lighthouse.txt": serve(pageText(PAGE), "text/plain"),
      "/news/ice": serve(LINKED_PAGE, "text/html; charset=utf-8"),
      "/files/harvest-copy.txt": serve(TEXT_ARTICLE.toUpperCase().replace(/ /g, "  ").replace(/\n\n/g, "\n\n\n"), "text/plain"),
      "/news/ferry": serve(LINKED_ARTICLE, "text/plain; charset=utf-8"),
      "/news/moved": (_req, res) => res.writeHead(301, { location: "/news/ferry" }).end(),
      "/news/loop": (_req, res) => res.writeHead(302, { location: "/news/loop" }).end(),
      "/news/photo": serve(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), "image/jpeg"),
      "/news/stall": (_req, res) => res.writeHead(200, { "content-type": "text/plain" }).write("Breaking: "),
      "/news/huge": (_req, res) => {
        res.writeHead(200, { "content-type": "text/plain" });
        const line = Buffer.from("An endless line of text that keeps coming. ".repeat(400));
        const more = () => {
          while (!res.destroyed && res.write(line));
          if (!res.destroyed) res.once("drain", more);
        };
        more();
      },
    });
    h = await startHarness({
      build: () => Engine.open(corpus),
      startFromBuild: true,
      env: { ADD_ROLE_IDS: ROLE_ID, ADD_ALLOW_PRIVATE_URLS: "true", ADD_TIMEOUT_SECONDS: "1" },
    });
  });
  afterAll(async () => {
    await h?.close();
    await web?.close();
  });

  const file = (name: string, path: string, size = 1000): { options: Json[]; attachments: Record<string, FakeAttachment> } => ({
    options: [{ name: "attachment", type: 11, value: "900000000000000001" }],
    attachments: { "900000000000000001": { filename: name, size, url: web.url(path), content_type: "text/plain" } },
  });

  /** Sends /add (or /remove), checks the private defer, and returns the edited reply's text. */
  async function run(command: string, options: Json[] | Record<string, string>, opts: Parameters<Harness["fake"]["sendCommand"]>[2] = {}): Promise<Json> {
    const id = h.fake.sendCommand(command, options, opts);
    const deferred = await onlyCallback(h.fake, id);
    expect(deferred.type).toBe(5);
    expect(deferred.flags).toBe(EPHEMERAL);
    const [edit] = await h.fake.waitForWebhookEdit(h.fake.interaction(id)!.token, 1, REPLY_WAIT_MS);
    expect(edit!.body.allowed_mentions).toEqual({ parse: [] });
    return edit!.body;
  }

  const add = async (what: { options: Json[]; attachments: Record<string, FakeAttachment> } | string, userId?: string, roles?: string[]) =>
    typeof what === "string"
      ? run("add", { url: what }, { ...(userId ? { userId } : {}), ...(roles ? { roles } : {}) })
      : run("add", what.options, { attachments: what.attachments, ...(userId ? { userId } : {}), ...(roles ? { roles } : {}) });

  const corpusFiles = () => readdirSync(corpus).sort();

  /** A refusal leaves the corpus folder as it was and says so privately. */
  async function expectRefused(what: Parameters<typeof add>[0], pattern: RegExp, userId?: string, roles?: string[]): Promise<void> {
    const before = corpusFiles();
    const body = await add(what, userId, roles);
    expect(body.content).toMatch(pattern);
    expect(body.embeds ?? []).toEqual([]);
    expect(corpusFiles()).toEqual(before);
  }

  /** The bot answers /source for the id with the title. */
  async function expectServed(id: string, title: string): Promise<void> {
    const reply = await onlyCallback(h.fake, h.fake.sendCommand("source", { id }));
    expect(reply.type).toBe(4);
    expect(visibleText(reply.data)).toContain(title);
  }

  it("adds a .txt attachment from a member with the contributor role, and answers from it", async () => {
    const body = await add(file("harvest.txt", "/files/harvest.txt"), OTHER_USER_ID, [ROLE_ID]);
    const text = visibleText(body);
    expect(body.embeds[0].title).toBe("Added article 002");
    expect(text).toContain("Orchard growers report a record apple harvest");
    expect(text).toMatch(/Outlet\nAFP\nDate\n2023-10-05\nWords\n\d{2,}$/);
    expect(corpusFiles()).toContain("002_orchard-growers-report-a-record-apple-harvest.txt");
    await expectServed("002", "Orchard growers report a record apple harvest");
    const ask = await onlyCallback(h.fake, h.fake.sendCommand("ask", { question: "How big was the apple harvest?" }));
    const answer = visibleText(ask.data);
    expect(answer).toContain("Orchard growers in the river valley picked more");
    expect(answer).toContain("**002**");
  });

  it("adds a .md attachment from an administrator", async () => {
    const body = await add(file("towpath.md", "/files/towpath.md"));
    expect(body.embeds[0].title).toBe("Added article 003");
    expect(visibleText(body)).toContain("Volunteers restore the old canal towpath");
    expect(corpusFiles()).toContain("003_volunteers-restore-the-old-canal-towpath.md");
    await expectServed("003", "Volunteers restore the old canal towpath");
  });

  it("adds a page from a link, following a redirect, and records where it came from", async () => {
    const body = await add(`<${web.url("/news/moved")}>`);
    expect(body.embeds[0].title).toBe("Added article 004");
    expect(body.embeds[0].url).toBe(web.url("/news/ferry"));
    expect(JSON.parse(readFileSync(join(corpus, "catalog.json"), "utf8"))).toEqual({ "004": { url: web.url("/news/ferry") } });
    expect(visibleText(body)).toContain("Ferry operator adds a night crossing to the islands");
    expect(corpusFiles()).toContain("004_ferry-operator-adds-a-night-crossing-to-the-islands.txt");
    await expectServed("004", "Ferry operator adds a night crossing to the islands");
  });

  it("adds a saved .html page: its declared title, outlet and date, its text without the page furniture", async () => {
    const body = await add(file("lighthouse.html", "/files/lighthouse.html"));
    expect(body.embeds[0].title).toBe("Added article 005");
    expect(visibleText(body)).toMatch(/Title\nLighthouse keepers return to the northern cape\nOutlet\nThe Coastal Herald\nDate\n2024-05-14/);
    expect(corpusFiles()).toContain("005_lighthouse-keepers-return-to-the-northern-cape.html");
    await expectServed("005", "Lighthouse keepers return to the northern cape");
    const ask = await onlyCallback(h.fake, h.fake.sendCommand("ask", { question: "Why did the keepers return to the lighthouse?" }));
    const answer = visibleText(ask.data);
    expect(answer).toContain("**005**");
    expect(answer).not.toMatch(/<p>|tracker|Sign in to comment|All rights reserved/);
  });

  it("adds a web page from a link, read like a saved one", async () => {
    const body = await add(web.url("/news/ice"));
    expect(body.embeds[0].title).toBe("Added article 006");
    expect(visibleText(body)).toMatch(/Title\nHarbour master warns of early ice in the northern bay\nOutlet\nThe Coastal Herald/);
    expect(corpusFiles()).toContain("006_harbour-master-warns-of-early-ice-in-the-northern-bay.html");
    await expectServed("006", "Harbour master warns of early ice in the northern bay");
  });

  it("refuses a duplicate of an article it already serves, also re-spaced, re-cased or in another format", async () => {
    await expectRefused(file("again.txt", "/files/harvest.txt"), /already here, as article 002/);
    await expectRefused(file("copy.txt", "/files/harvest-copy.txt"), /already here, as article 002/);
    await expectRefused(web.url("/news/ferry"), /already here, as article 004/);
    await expectRefused(file("lighthouse.txt", "/files/lighthouse.txt"), /already here, as article 005/);
  });

  it("refuses members without the role, and says who may add", async () => {
    await expectRefused(file("harvest.txt", "/files/harvest.txt"), /Only administrators and members with a role allowed to add articles/, OTHER_USER_ID);
    expect(web.requested.filter((p) => p === "/files/harvest.txt")).toHaveLength(2); // nothing downloaded for the refusal
  });

  it("refuses a file that is too large, before downloading it", async () => {
    const requests = web.requested.length;
    await expectRefused(file("big.txt", "/files/harvest.txt", 3 * 1024 * 1024), /larger than 2 MB/);
    expect(web.requested.length).toBe(requests);
  });

  it("refuses a page that grows past the limit while it streams", async () => {
    await expectRefused(web.url("/news/huge"), /larger than 2 MB/);
  });

  it("refuses files that are not text: a wrong type, binary bytes, not UTF-8", async () => {
    await expectRefused(file("report.pdf", "/files/harvest.txt"), /Only \.txt, \.md and \.html files can be added, not \.pdf/);
    await expectRefused(file("image.txt", "/files/image.txt"), /binary file, not text/);
    await expectRefused(file("latin1.txt", "/files/latin1.txt"), /not valid UTF-8/);
    await expectRefused(web.url("/news/photo"), /leads to image\/jpeg, not a web page or text/);
  });

  it("refuses a page with no readable article text", async () => {
    await expectRefused(file("furniture.txt", "/files/furniture.txt"), /no article text found/);
  });

  it("refuses links that are not http(s), redirect too often, fail or time out", async () => {
    await expectRefused("ftp://127.0.0.1/article.txt", /Only http:\/\/ and https:\/\/ links/);
    await expectRefused(web.url("/news/loop"), /redirects more than 3 times/);
    await expectRefused(web.url("/news/missing"), /answered 404/);
    await expectRefused(web.url("/news/stall"), /took longer than 1 s/);
  });

  it("asks for exactly one of attachment and url", async () => {
    await expectRefused({ options: [], attachments: {} }, /Attach the article's file/);
    const both = file("harvest.txt", "/files/harvest.txt");
    await expectRefused({ options: [...both.options, { name: "url", type: 3, value: web.url("/news/ferry") }], attachments: both.attachments }, /either an attachment or a url/);
  });

  it("cleans a temporary file left by an interrupted add, which was never served", async () => {
    const temp = await writeTemp(corpus, Buffer.from(articleText("Half written", ["This add was interrupted before its rename."])));
    const old = (Date.now() - 2 * STALE_TEMP_MS) / 1000;
    utimesSync(temp, old, old);
    expect(h.holder.current.articles.map((a) => a.id)).toEqual(["000", "001", "002", "003", "004", "005", "006"]);
    expect((await add(web.url("/news/ferry"))).content).toMatch(/already here/);
    expect(existsSync(temp)).toBe(false);
  });

  it("/remove moves the article into removed/ beside the corpus, re-indexes, and says what went", async () => {
    const body = await run("remove", { id: "3" });
    expect(body.embeds[0].title).toBe("Removed article 003");
    expect(visibleText(body)).toContain("Volunteers restore the old canal towpath");
    expect(corpusFiles()).not.toContain("003_volunteers-restore-the-old-canal-towpath.md");
    expect(readdirSync(removed)).toEqual(["003_volunteers-restore-the-old-canal-towpath.md"]);
    expect(h.holder.current.articles.map((a) => a.id)).toEqual(["000", "001", "002", "004", "005", "006"]);
    const source = await onlyCallback(h.fake, h.fake.sendCommand("source", { id: "003" }));
    expect(source.flags).toBe(EPHEMERAL);
  });

  it("after a removal, a new article takes a fresh id, never the removed one", async () => {
    const body = await add(file("towpath.md", "/files/towpath.md"));
    expect(body.embeds[0].title).toBe("Added article 007");
  });

  it("/remove refuses non-administrators, and ids that are not served", async () => {
    const before = corpusFiles();
    expect((await run("remove", { id: "002" }, { userId: OTHER_USER_ID, roles: [ROLE_ID] })).content).toMatch(/Only server administrators/);
    expect((await run("remove", { id: "77" })).content).toMatch(/There is no article 77/);
    expect((await run("remove", { id: "orchard" })).content).toMatch(/There is no article orchard/);
    expect(corpusFiles()).toEqual(before);
  });
});

describe("/add without ADD_ALLOW_PRIVATE_URLS", () => {
  let h: Harness;
  let web: WebServer;
  let corpus: string;

  beforeAll(async () => {
    corpus = join(mkdtempSync(join(tmpdir(), "add-private-")), "corpus");
    mkdirSync(corpus);
    writeFileSync(join(corpus, "000_bus-routes.txt"), FIRST);
    web = await startWebServer({ "/news/ferry": serve(LINKED_ARTICLE, "text/plain") });
    h = await startHarness({ build: () => Engine.open(corpus), startFromBuild: true });
  });
  afterAll(async () => {
    await h?.close();
    await web?.close();
  });

  it.each([
    ["a loopback address", () => web.url("/news/ferry")],
    ["a loopback name", () => `http://localhost:${web.port}/news/ferry`],
    ["IPv6 loopback", () => `http://[::1]:${web.port}/news/ferry`],
    ["an IPv4-mapped IPv6 loopback", () => `http://[::ffff:127.0.0.1]:${web.port}/news/ferry`],
    ["a private address", () => "http://10.0.0.1/news"],
    ["the cloud metadata address", () => "http://169.254.169.254/latest/meta-data/"],
  ])("refuses a link to %s", async (_what, url) => {
    const id = h.fake.sendCommand("add", { url: url() });
    await onlyCallback(h.fake, id);
    const [edit] = await h.fake.waitForWebhookEdit(h.fake.interaction(id)!.token, 1, REPLY_WAIT_MS);
    expect(edit!.body.content).toMatch(/private, local or otherwise non-public address/);
    expect(readdirSync(corpus)).toEqual(["000_bus-routes.txt"]);
    expect(web.requested).toEqual([]);
  });
});

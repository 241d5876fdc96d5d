import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/corpus/formats";
import { loadCorpus } from "../../src/corpus/load";
import { Engine } from "../../src/engine/engine";
import type { AskAnswer, SourceAnswer } from "../../src/engine/answers";
import { writeCorpus } from "../support/corpus";
import { SAVED_PAGE } from "../support/saved-page";

const text = (name: string, content: string) => {
  const read = readDocument(name, content);
  if (typeof read === "string") throw new Error(read);
  return read;
};

describe("a saved web page", () => {
  const page = text("001_page.html", SAVED_PAGE);

  it("is read into clean text: the article's paragraphs, no navigation, script, style, comment or footer", () => {
    expect(page.text).toContain("The council voted on Tuesday to close the old harbour bridge to lorries after engineers found cracks in two of its stone piers.");
    expect(page.text).toContain("“We had no choice,” the mayor told reporters & residents.");
    for (const furniture of ["Injected", "Sport", "font-family", "editor's note", "Privacy policy", "Ferry fares", "All rights reserved"]) {
      expect(page.text).not.toContain(furniture);
    }
    // One paragraph per block, the headline first, as in a text file.
    expect(page.text.split("\n\n")[0]).toBe("Harbour bridge closed to lorries after cracks found");
    expect(page.text).toContain("\n\nTraders worried\n\n");
  });

  it("takes the metadata the page declares: og:title, og:site_name, article:published_time, author, canonical URL", () => {
    expect(page.declared).toEqual({
      title: "Harbour bridge closed to lorries after cracks found",
      outlet: "Harbour Post",
      author: "Ann Cole",
      date: "2024-03-26",
      time: "10:15 +01:00",
      url: "https://news.example.org/2024/03/harbour-bridge",
    });
  });

  it("falls back to og:url, and ignores an address that is not http(s)", () => {
    const noCanonical = SAVED_PAGE.replace(/<link rel="canonical"[^>]*>/, "");
    expect(text("a.html", noCanonical).declared.url).toBe("https://news.example.org/og-address");
    const bad = noCanonical.replace("https://news.example.org/og-address", "javascript:alert(1)");
    expect(text("a.html", bad).declared.url).toBeNull();
  });

  it("is read without <html> or <body>, as hand-written pages come", () => {
    const bare = text("a.htm", "<h1>Bridge closed</h1><p>The council voted on Tuesday to close the old harbour bridge to lorries.</p><p>Repairs will take six months.</p>");
    expect(bare.text).toContain("The council voted on Tuesday to close the old harbour bridge to lorries.\n\nRepairs will take six months.");
  });

  it("refuses a page nested too deep or with too many tags, saying why, in linear time", () => {
    expect(readDocument("a.html", "<html><body>" + "<b>x".repeat(1000) + "</body></html>")).toMatch(/nesting elements \d+ deep/);
    expect(readDocument("a.html", "<html><body>" + "<br>".repeat(100_000) + "</body></html>")).toMatch(/100\d\d\d tags/);
  });

  it("is loaded as an article whose text and quotes are the extracted text, with the declared metadata winning", async () => {
    const dir = writeCorpus({ "001_bridge.html": SAVED_PAGE });
    const corpus = await loadCorpus(dir);
    expect(corpus.warnings).toEqual([]);
    const [article] = corpus.articles;
    expect(article!.raw).toBe(page.text);
    expect(article!.meta).toMatchObject({ title: "Harbour bridge closed to lorries after cracks found", outlet: "Harbour Post", date: "2024-03-26", url: "https://news.example.org/2024/03/harbour-bridge" });
    for (const s of article!.sentences) expect(article!.raw.slice(s.start, s.end)).toBe(s.text);
  });

  it("is quoted verbatim by /ask and shown by /source", async () => {
    const engine = await Engine.open(writeCorpus({ "001_bridge.html": SAVED_PAGE, "002_note.txt": "Ferry fares\n\nFerry fares will rise by five per cent in May, the operator said on Monday.\n" }));
    const answer = engine.ask("how long will the repairs to the piers take") as AskAnswer;
    const top = answer.results[0]!;
    expect(top).toMatchObject({ articleId: "001", url: "https://news.example.org/2024/03/harbour-bridge" });
    const article = engine.articles.find((a) => a.id === "001")!;
    expect(article.raw.slice(top.start, top.end)).toBe(top.quote);
    expect(top.quote).toContain("at least six months");
    const source = engine.source({ id: "1" }) as SourceAnswer;
    expect(source.passages.map((p) => p.quote).join("\n\n")).toBe(page.text.split("\n\n").slice(1).join("\n\n").trim());
  });
});

describe("a Markdown file", () => {
  const md = [
    "---",
    "title: Harbour bridge closed",
    "outlet: Harbour Post",
    "date: 2024-03-26",
    "url: https://news.example.org/bridge",
    "---",
    "# Harbour bridge closed ##",
    "",
    "The council voted on **Tuesday** to close the [old harbour bridge](https://example.org/bridge) to lorries.",
    "",
    "![a photo of the bridge](bridge.jpg)",
    "> Repairs will take six months, the engineer said.",
    "",
    "Traders",
    "-------",
    "",
    "Shopkeepers said the closure would cut deliveries at the busiest time of the year.",
  ].join("\n");

  it("is read as text without its markup: headings' hashes, links' addresses, bold marks, images, underlines", () => {
    const read = text("003_bridge.md", md);
    expect(read.text).toBe(
      [
        "Harbour bridge closed",
        "",
        "The council voted on Tuesday to close the old harbour bridge to lorries.",
        "",
        "",
        "Repairs will take six months, the engineer said.",
        "",
        "Traders",
        "",
        "Shopkeepers said the closure would cut deliveries at the busiest time of the year.",
      ].join("\n"),
    );
    expect(read.declared).toEqual({ title: "Harbour bridge closed", outlet: "Harbour Post", date: "2024-03-26", time: null, url: "https://news.example.org/bridge" });
  });

  it("is read in linear time whatever its lines hold", () => {
    const hostile = "[".repeat(200_000) + "\n# " + " ".repeat(100_000) + "x\n" + "#".repeat(100_000) + "x\n" + "**a".repeat(100_000);
    expect(text("a.md", hostile).text.length).toBeGreaterThan(400_000);
  });
});

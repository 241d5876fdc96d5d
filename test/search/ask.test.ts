import { beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../../src/engine/engine";
import type { AskAnswer, AskResult } from "../../src/engine/answers";
import { analyzeQuestion } from "../../src/search/query";
import { articleText, SEED_DIR, writeCorpus } from "../support/corpus";

function results(engine: Engine, question: string): AskResult[] {
  const answer = engine.ask(question);
  if ("error" in answer) throw new Error(answer.error);
  return answer.results;
}

const norm = (s: string) => s.replace(/\s+/g, " ");

describe("/ask on the seed corpus", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await Engine.open(SEED_DIR);
  });

  it("quotes every result verbatim from its article, at the offsets it gives", () => {
    for (const q of ["who claimed the attack", "how many people were killed", "what did the intelligence warn about", "Taliban"]) {
      for (const r of results(engine, q)) {
        const article = engine.articles.find((a) => a.id === r.articleId)!;
        expect(article.raw.slice(r.start, r.end)).toBe(r.quote);
        // Paragraph 0 is the headline.
        expect(r.paragraph === 0 ? article.meta.title : article.paragraphs[r.paragraph - 1]!.text).toContain(r.quote);
      }
    }
  });

  it("attributes each result with title, outlet, date and paragraph", () => {
    const [first] = results(engine, "Deccan");
    expect(first).toBeUndefined(); // an outlet name in the furniture is not body text
    const r = results(engine, "wake-up call nightmare")[0]!;
    expect(r).toMatchObject({ articleId: "000", title: "Terror attack: A wake-up call for Putin", outlet: "Deccan Herald", date: "2024-03-26" });
    // Paragraph 0 is the headline, quoted as the article prints it.
    expect(r.paragraph === 0 ? r.quote === r.title : r.paragraph > 0).toBe(true);
  });

  it("finds deaths through synonyms: 'died' meets 'killing' and 'dead'", () => {
    const quotes = results(engine, "how many people died in the concert hall").map((r) => r.quote);
    expect(quotes.some((q) => /killing|killed|dead/.test(q))).toBe(true);
  });

  it("matches acronym variants: ISIS-K finds an article that writes IS-K", () => {
    expect(results(engine, "ISIS-K").map((r) => r.articleId)).toContain("000"); // 000 writes only IS-K
  });

  it("tolerates a typo in a long word", () => {
    expect(results(engine, "Afganistan provinces").map((r) => r.quote).join(" ")).toMatch(/Afghanistan/);
  });

  it("highlights the words that matched, inside the quote", () => {
    const r = results(engine, "Navalny")[0]!;
    expect(r.highlights.map((h) => r.quote.slice(h.start, h.end))).toEqual(["Navalny"]);
  });

  it("prefers passages that answer more of the question", () => {
    const top = results(engine, "Americans advised to avoid large gatherings")[0]!;
    expect(top.quote).toMatch(/avoid large gatherings/);
  });

  it("never returns two near-identical quotes", () => {
    const quotes = results(engine, "Moscow attack Islamic State claimed").map((r) => norm(r.quote));
    expect(new Set(quotes).size).toBe(quotes.length);
  });

  it("spreads results across articles when several answer", () => {
    const ids = results(engine, "Moscow attack").map((r) => r.articleId);
    expect(new Set(ids).size).toBeGreaterThanOrEqual(3);
  });

  it("says so, with suggestions, when nothing matches", () => {
    const answer = engine.ask("xylophone quartet zebra") as AskAnswer;
    expect(answer.results).toEqual([]);
    expect(answer.suggestions.length).toBeGreaterThan(0);
  });

  it("answers an empty or stop-word-only question with a clear message", () => {
    expect(engine.ask("   ")).toMatchObject({ error: expect.stringMatching(/Ask a question/) });
    expect(engine.ask("what is the")).toMatchObject({ results: [], suggestions: [expect.stringMatching(/common words/)] });
  });

  it("refuses a 10 000-character question with its length", () => {
    expect(engine.ask("a".repeat(10_000))).toMatchObject({ error: expect.stringMatching(/10000 characters/) });
  });
});

describe("query analysis", () => {
  it("gives hyphen and acronym variants of an acronym", () => {
    const [isk] = analyzeQuestion("IS-K");
    expect(isk!.terms).toEqual(["isk"]);
    expect(isk!.variants).toEqual(expect.arrayContaining(["isisk", "isilk"]));
    expect(analyzeQuestion("ISKP")[0]!.variants).toEqual(expect.arrayContaining(["isk", "isisk"]));
  });

  it("drops stop words and stems the rest", () => {
    expect(analyzeQuestion("Who killed the attackers?").map((c) => c.terms[0])).toEqual(["kill", "attack"]);
  });

  it("searches a lowercase acronym as typed as well as stemmed", () => {
    expect(analyzeQuestion("isis")[0]!.terms).toEqual(["isi", "isis"]);
  });

  it("expands news synonyms with lower-weight related terms", () => {
    const [died] = analyzeQuestion("died");
    expect(died!.related).toEqual(expect.arrayContaining(["kill", "death", "dead", "toll", "fatal"]));
  });
});

describe("/ask on a corpus it has never seen", () => {
  it("ranks the passage that answers first", async () => {
    const dir = writeCorpus({
      "001_flood.txt": articleText("River floods town", [
        "Heavy rain caused the river to burst its banks on Sunday, flooding hundreds of homes in the old town.",
        "Rescue teams evacuated more than 300 residents by boat, the fire service said.",
      ]),
      "002_vote.txt": articleText("Council vote delayed", [
        "The council postponed its vote on the new budget until next month, citing the cost of flood repairs.",
        "The mayor said the town would ask the government for emergency funding.",
      ]),
    });
    const engine = await Engine.open(dir);
    expect(results(engine, "How many residents were evacuated?")[0]!.quote).toMatch(/evacuated more than 300 residents/);
    expect(results(engine, "When will the council vote on the budget?")[0]!.articleId).toBe("002");
    expect(results(engine, "fatalities")).toEqual([]);
  });

  it("does not let synonyms of one word outweigh a passage that meets the whole question", async () => {
    const dir = writeCorpus({
      "001_a.txt": articleText("Storm report", [
        "The deadly storm killed dozens of people in the hills, and the death toll from the disaster rose again on Monday.",
        "In the capital, the flood killed four people on Sunday, officials said.",
      ]),
    });
    const engine = await Engine.open(dir);
    expect(results(engine, "How many people died in the capital?")[0]!.quote).toMatch(/^In the capital/);
  });

  it("never lets a rare synonym outrank the common word the user typed", async () => {
    const dir = writeCorpus({
      "001_a.txt": articleText("Attacks", [
        "The attack on the market was claimed by a local group on Monday.",
        "A second attack hit the port, and a third attack hit the station.",
        "Officials said the attack on the bridge caused delays for hours.",
        "The same group also claimed the explosion at the fuel depot outside the city on Tuesday night.",
      ]),
    });
    const engine = await Engine.open(dir);
    expect(results(engine, "who claimed the attack")[0]!.quote).toMatch(/^The attack on the market was claimed/);
  });

  it("finds every spelling of a hyphenated acronym", async () => {
    const dir = writeCorpus({
      "001_a.txt": articleText("Group claims blast", ["The ISIS-K group claimed the blast at the market on Friday, officials said."]),
      "002_b.txt": articleText("Second claim", ["Officials said IS-K had claimed a similar blast last year in the same city."]),
    });
    const engine = await Engine.open(dir);
    const articles = (q: string) => [...new Set(results(engine, q).map((r) => r.articleId))].sort();
    expect(articles("IS-K claimed")).toEqual(["001", "002"]);
    expect(articles("ISKP")).toEqual(["001", "002"]);
  });
});

describe("/ask when the articles do not say", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await Engine.open(
      writeCorpus({
        "001_floods.txt": articleText("Floods reach the Tarrask valley", [
          "Water began to rise in Tarrask on Monday, and the mayor of Tarrask said the levees held.",
          "The tars of the old roofs melted in the heat before the floods came.",
        ]),
        "002_boats.txt": articleText("Tarrask counts its boats", ["Rescuers in Tarrask counted the boats after the floods began to recede."]),
      }),
    );
  });

  const suggested = (answer: AskAnswer) => answer.suggestions.find((s) => s.startsWith("Words the articles do use"));

  it("says no article mentions a missing name, and offers corpus names spelled like it, as written", () => {
    const answer = engine.ask("What happened in Tarsk?") as AskAnswer;
    expect(answer.results).toEqual([]);
    expect(answer.notFound).toBe("No article mentions Tarsk.");
    expect(suggested(answer)).toBe("Words the articles do use: Tarrask");
    expect(answer.suggestions).toContainEqual(expect.stringContaining("“Floods reach the Tarrask valley”; “Tarrask counts its boats”"));
  });

  it("never offers an unrelated word, nor an index stem, for a missing name", () => {
    const answer = engine.ask("What happened in Beslan?") as AskAnswer;
    expect(answer.notFound).toBe("No article mentions Beslan.");
    expect(answer.suggestions.join(" ")).not.toMatch(/\bbegan\b/);
    expect(suggested(answer)).toBeUndefined();
  });
});

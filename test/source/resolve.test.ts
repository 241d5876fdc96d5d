import { describe, expect, it } from "vitest";
import { ArticleResolver, FULL_LIST_MAX } from "../../src/source/resolve";
import { makeArticle } from "./make-article";

const BODY = [["A storm closed the harbour of a small port town on Monday evening."]];
const ARTICLES = [
  makeArticle({ id: "000", title: "Harbour closed by storm", outlet: "Coast Daily", date: "2023-01-02", paragraphs: BODY }),
  makeArticle({ id: "001", title: "Storm damage in the valley", paragraphs: BODY }),
  makeArticle({ id: "002", title: "Bridge reopens after repairs", paragraphs: BODY }),
  makeArticle({ id: "003", title: "Why the ferry strike matters", paragraphs: BODY }),
  makeArticle({ id: "004", title: "Storm", paragraphs: BODY }),
];
const resolver = new ArticleResolver(ARTICLES);

function idOf(typed: string): string {
  const r = resolver.resolve(typed);
  if ("error" in r) throw new Error(`"${typed}" did not resolve: ${r.error}`);
  return r.article.id;
}

describe("ArticleResolver: the forms of an id", () => {
  it("reads a bare number, a zero-padded id and a #-prefixed id as the same article", () => {
    expect(idOf("3")).toBe("003");
    expect(idOf("003")).toBe("003");
    expect(idOf("#3")).toBe("003");
    expect(idOf(" 0003 ")).toBe("003");
  });

  it("reads the start of the file name, with or without a trailing ellipsis", () => {
    const file = ARTICLES[2]!.file;
    expect(idOf(file)).toBe("002");
    expect(idOf(`${file.slice(0, 6)}…`)).toBe("002");
    expect(idOf(`${file.slice(0, 6)}...`)).toBe("002");
  });

  it("reads words of the title, whatever their case or inflection", () => {
    expect(idOf("ferry strike")).toBe("003");
    expect(idOf("BRIDGE reopening")).toBe("002");
    expect(idOf("storm harbour")).toBe("000");
  });

  it("prefers the article whose whole title is what was typed", () => {
    expect(idOf("storm")).toBe("004");
  });
});

describe("ArticleResolver: errors", () => {
  it("names an unknown id padded like the corpus ids, with the full list when it is short", () => {
    const r = resolver.resolve("9");
    expect(r).toMatchObject({ error: "No article 009. Articles: 000, 001, 002, 003, 004." });
    // The closest ids come first among the suggestions, with their titles.
    expect("suggestions" in r && r.suggestions[0]).toBe("004 · Storm");
  });

  it("suggests the closest ids and points to the listing when the corpus is large", () => {
    const many = Array.from({ length: FULL_LIST_MAX + 5 }, (_, i) =>
      makeArticle({ id: String(i * 10).padStart(3, "0"), title: `Report number ${i}`, paragraphs: BODY }),
    );
    const r = new ArticleResolver(many).resolve("52");
    expect("error" in r && r.error).toBe("No article 052. Type /source with no id to list the articles.");
    expect("suggestions" in r && r.suggestions.map((s) => s.slice(0, 3))).toEqual(["050", "060", "040"]);
  });

  it("suggests as many closest articles for unknown words as for an unknown id: by title likeness", () => {
    const byWords = resolver.resolve("Strom");
    const byNumber = resolver.resolve("9");
    expect("suggestions" in byWords && byWords.suggestions[0]).toBe("004 · Storm");
    expect("suggestions" in byWords && byWords.suggestions.length).toBe("suggestions" in byNumber && byNumber.suggestions.length);
  });

  it("lists the candidates when title words match several articles equally", () => {
    const r = resolver.resolve("storm damage harbour");
    expect("error" in r && r.error).toMatch(/matches 2 articles: 000, 001/);
    expect("suggestions" in r && r.suggestions).toEqual(["000 · Harbour closed by storm (Coast Daily, 2023-01-02)", "001 · Storm damage in the valley"]);
  });

  it("says so when no title has any of the words", () => {
    const r = resolver.resolve("volcano eruption");
    expect("error" in r && r.error).toMatch(/^No article has an id or title matching "volcano eruption"\. Articles: 000/);
  });

  it("does not let stop words make every title a match", () => {
    expect("error" in resolver.resolve("the of in")).toBe(true);
  });

  it("rejects a file-name prefix that no file has", () => {
    expect(resolver.resolve("003_zzzz")).toMatchObject({ error: expect.stringMatching(/^No article file starts with "003_zzzz"/) });
  });
});

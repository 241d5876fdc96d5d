import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load";
import { parseDate } from "../../src/corpus/dates";
import { parseArticle } from "../../src/corpus/parse";
import { SEED_DIR, writeCorpus, articleText } from "../support/corpus";
import { NEWS_PAGE } from "../support/pages";

describe("metadata of the seed articles", async () => {
  const corpus = await loadCorpus(SEED_DIR);
  const meta = Object.fromEntries(corpus.articles.map((a) => [a.id, a.meta]));

  it("reads titles, skipping ads, breadcrumbs and widget lines", () => {
    expect(meta["000"]!.title).toBe("Terror attack: A wake-up call for Putin");
    expect(meta["001"]!.title).toBe("Terror in Moscow: An Ominous Warning to the West");
    expect(meta["002"]!.title).toBe("Why did ISIS target Russia?");
    expect(meta["003"]!.title).toBe("ISSUES: Why ISIS-K hates Putin and went after Moscow");
    expect(meta["004"]!.title).toBe("Moscow carnage");
  });

  it("reads the byline that follows a title", () => {
    expect(meta["003"]!.author).toBe("Fred Kaplan");
    expect(meta["000"]!.author).toBeNull();
  });

  it("reads outlets and dates the pages state", () => {
    expect(meta["000"]).toMatchObject({ outlet: "Deccan Herald", date: "2024-03-26" });
    expect(meta["004"]).toMatchObject({ outlet: "Dawn", date: "2024-03-24" });
  });

  it("leaves unstated fields null: no year in 'Updated: Apr 23', a header date above the title is the scrape day", () => {
    expect(meta["001"]!.date).toBeNull();
    expect(meta["003"]!.date).toBeNull();
    expect(meta["002"]).toMatchObject({ outlet: null, author: null, date: null });
  });
});

describe("parseDate", () => {
  it.each([
    ["Last Updated 26 March 2024, 23:46 IST", "2024-03-26"],
    ["Published in Dawn, March 24th, 2024", "2024-03-24"],
    ["Posted on Friday, December 6, 2024", "2024-12-06"],
    ["2023-01-05T10:00", "2023-01-05"],
    ["Sept. 3, 2021", "2021-09-03"],
  ])("%s → %s", (text, iso) => expect(parseDate(text)).toBe(iso));

  it("returns null without a year", () => expect(parseDate("Updated: Apr 23")).toBeNull());
});

describe("catalog.json", () => {
  const body = [
    "The council said on Tuesday that the new bridge would open in the spring, after two years of delays.",
    "Engineers said the repairs cost more than expected, but that the bridge is now safer than before.",
  ];

  it("overrides and adds fields per id", async () => {
    const dir = writeCorpus({
      "007_a.txt": articleText("Bridge to open", body),
      "catalog.json": JSON.stringify({ "7": { outlet: "Town Gazette", date: "2024-05-01" } }),
    });
    const corpus = await loadCorpus(dir);
    expect(corpus.articles[0]!.meta).toMatchObject({ title: "Bridge to open", outlet: "Town Gazette", date: "2024-05-01" });
    expect(corpus.warnings).toEqual([]);
  });

  it("reports a bad field by id with what to write, and keeps the entry's other fields", async () => {
    const dir = writeCorpus({
      "007_a.txt": articleText("Bridge to open", body),
      "008_b.txt": articleText("Bridge opens", body.slice().reverse()),
      "catalog.json": JSON.stringify({ "007": { date: "May 1st", outlet: "Town Gazette", time: "9am" }, "008": { outlet: "Gazette" } }),
    });
    const corpus = await loadCorpus(dir);
    expect(corpus.warnings.map((w) => w.message)).toEqual([
      'entry "007": date must look like 2024-03-26; this field is ignored',
      'entry "007": time must look like 16:47 or 16:47 UTC; this field is ignored',
    ]);
    expect(corpus.articles.find((a) => a.id === "008")!.meta.outlet).toBe("Gazette");
    expect(corpus.articles.find((a) => a.id === "007")!.meta).toMatchObject({ date: null, time: null, outlet: "Town Gazette" });
  });

  it("sets time, place and an http(s) url; refuses other addresses and unknown fields", async () => {
    const dir = writeCorpus({
      "007_a.txt": articleText("Bridge to open", body),
      "catalog.json": JSON.stringify({
        "007": { time: "16:47 UTC", place: "BRENTON", url: "javascript:alert(1)", colour: "red" },
      }),
    });
    const corpus = await loadCorpus(dir);
    expect(corpus.articles[0]!.meta).toMatchObject({ time: "16:47 UTC", place: "BRENTON", url: null });
    expect(corpus.warnings.map((w) => w.message)).toEqual([
      'entry "007": url must be a web address like https://example.com/story; this field is ignored',
      'entry "007": unknown field "colour" ignored; the fields are title, outlet, author, place, date, time, url',
    ]);
  });

  it("warns about an entry for an id no article has, and about a key that is not an id", async () => {
    const dir = writeCorpus({
      "007_a.txt": articleText("Bridge to open", body),
      "catalog.json": JSON.stringify({ "009": { outlet: "Gazette" }, "bridge": { outlet: "Gazette" } }),
    });
    const corpus = await loadCorpus(dir);
    expect(corpus.articles).toHaveLength(1);
    expect(corpus.warnings.map((w) => w.message)).toEqual([
      'entry "bridge": ignored: the key must be an article id, the digits that start its file name, like "003"',
      'entry "9": no article has this id; check the number at the start of the file name',
    ]);
  });

  it("reports a catalog that is not JSON", async () => {
    const dir = writeCorpus({ "007_a.txt": articleText("Bridge to open", body), "catalog.json": "{oops" });
    const corpus = await loadCorpus(dir);
    expect(corpus.warnings[0]).toMatchObject({ file: "catalog.json" });
    expect(corpus.articles).toHaveLength(1);
  });
});

describe("metadata of a common news layout", () => {
  it("reads a byline with a job title, a copyright outlet and a published date", () => {
    expect(parseArticle("1", "1_page.txt", NEWS_PAGE).meta).toEqual({
      title: "Bridge collapse kills 12 in northern city",
      author: "Maria Lopez",
      outlet: "Brenton Gazette",
      date: "2023-03-03",
      time: "10:42 EST",
      place: null,
      url: null,
    });
  });
});

describe("an article with no metadata", () => {
  it("has null fields rather than guesses", () => {
    const a = parseArticle("1", "1.txt", "The council said on Tuesday that the new bridge would open in the spring, after two years of delays.\n");
    expect(a.meta).toEqual({ title: null, outlet: null, author: null, date: null, time: null, place: null, url: null });
  });
});

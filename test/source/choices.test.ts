import { describe, expect, it } from "vitest";
import { ChoiceIndex, MAX_CHOICES, MAX_CHOICE_NAME, choiceLabel } from "../../src/source/choices";
import { makeArticle } from "./make-article";

const BODY = [["The council met on Tuesday to discuss the new budget for the coming year."]];
const TOPICS = ["budget vote", "school closures", "river flooding", "bus fares", "library hours"];
// 60 articles, more than Discord's 25 choices.
const ARTICLES = Array.from({ length: 60 }, (_, i) =>
  makeArticle({
    id: String(i).padStart(3, "0"),
    title: `Council report on ${TOPICS[i % TOPICS.length]} number ${i}`,
    outlet: i % 2 ? "The Town Gazette" : null,
    date: i % 3 ? "2021-06-15" : null,
    paragraphs: BODY,
  }),
);
const index = new ChoiceIndex(ARTICLES);

describe("choiceLabel", () => {
  it("reads id · title (outlet, date) and leaves out what is unknown", () => {
    expect(choiceLabel(ARTICLES[1]!)).toBe("001 · Council report on school closures number 1 (The Town Gazette, 2021-06-15)");
    expect(choiceLabel(ARTICLES[0]!)).toBe("000 · Council report on budget vote number 0");
    expect(choiceLabel(makeArticle({ id: "5", title: null, paragraphs: BODY }))).toBe("5 · untitled");
  });

  it("shortens a long title with an ellipsis so the whole name fits 100 characters, keeping outlet and date", () => {
    const long = makeArticle({ id: "042", title: "A very long headline ".repeat(10).trim(), outlet: "Gazette", date: "2020-01-01", paragraphs: BODY });
    const label = choiceLabel(long);
    expect(label.length).toBeLessThanOrEqual(MAX_CHOICE_NAME);
    expect(label).toMatch(/^042 · A very long headline .*… \(Gazette, 2020-01-01\)$/);
  });

  it("still fits when the outlet alone is too long", () => {
    const odd = makeArticle({ id: "043", title: "Short", outlet: "O".repeat(150), paragraphs: BODY });
    const label = choiceLabel(odd);
    expect(label.length).toBe(MAX_CHOICE_NAME);
    expect(label.endsWith("…")).toBe(true);
  });
});

describe("ChoiceIndex.choices", () => {
  it("offers the first 25 articles when nothing is typed", () => {
    const choices = index.choices("");
    expect(choices).toHaveLength(MAX_CHOICES);
    expect(choices.map((c) => c.value)).toEqual(ARTICLES.slice(0, MAX_CHOICES).map((a) => a.id));
  });

  it("never offers more than 25 choices, each named in 1 to 100 characters, valued by id", () => {
    for (const typed of ["", "0", "council", "report", "number", "c", "zzz"]) {
      const choices = index.choices(typed);
      expect(choices.length).toBeLessThanOrEqual(MAX_CHOICES);
      for (const c of choices) {
        expect(c.name.length).toBeGreaterThanOrEqual(1);
        expect(c.name.length).toBeLessThanOrEqual(MAX_CHOICE_NAME);
        expect(c.name.startsWith(`${c.value} · `)).toBe(true);
      }
    }
  });

  it("matches an id prefix, the exact number first", () => {
    expect(index.choices("5").map((c) => c.value)).toEqual(["005", "050", "051", "052", "053", "054", "055", "056", "057", "058", "059"]);
    // "04" is also article 4 by number, as /source 04 reads it.
    expect(index.choices("04").map((c) => c.value)).toEqual(["004", "040", "041", "042", "043", "044", "045", "046", "047", "048", "049"]);
  });

  it("matches title words, inflected or partly typed", () => {
    const flooded = index.choices("flooded river");
    expect(flooded.length).toBe(12);
    expect(flooded.every((c) => c.name.includes("river flooding"))).toBe(true);
    expect(index.choices("libr").every((c) => c.name.includes("library"))).toBe(true);
    expect(index.choices("volcano")).toEqual([]);
  });

  it("answers a keystroke on a large corpus quickly", () => {
    const big = new ChoiceIndex(Array.from({ length: 5000 }, (_, i) => makeArticle({ id: String(i), title: `Council report on ${TOPICS[i % 5]} ${i}`, paragraphs: BODY })));
    const started = performance.now();
    for (const typed of ["bus", "fares 4", "sch", "12"]) big.choices(typed);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

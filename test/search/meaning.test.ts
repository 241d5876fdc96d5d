import { describe, expect, it } from "vitest";
import { buildMeaningTable, relatedTerms } from "../../src/search/meaning";
import { analyzeQuestion } from "../../src/search/query";
import { verbForms } from "../../src/search/inflection";

describe("meaning from WordNet", () => {
  it("derives: terrorists → terrorism, died → death", () => {
    expect(relatedTerms("terrorists", new Set())).toContain("terror"); // Porter2's stem of "terrorism"
    expect(relatedTerms("died", new Set())).toContain("death");
  });

  it("reads an adjective as a pole of its attribute: 'how fast' meets 'slow' and 'speed'", () => {
    expect(relatedTerms("fast", new Set())).toEqual(expect.arrayContaining(["slow", "speed"]));
    expect(relatedTerms("deep", new Set())).toEqual(expect.arrayContaining(["shallow", "depth"]));
  });

  it("follows pertainyms both ways: Chinese → China, and China → Chinese through the corpus table", () => {
    expect(relatedTerms("Chinese", new Set())).toContain("china");
    const table = buildMeaningTable(["Chinese officials met the Indonesian rescuers on Monday."]);
    expect(table.china).toEqual(["chines"]);
    expect(relatedTerms("China", new Set(), table)).toContain("chines");
  });

  it("chooses the sense the question's other words point to (simplified Lesk)", () => {
    // "plant" as a factory ("works") only beside industrial words.
    expect(relatedTerms("plant", new Set(["factori", "worker", "industri"]))).toContain("work");
    expect(relatedTerms("plant", new Set(["flower", "garden", "grow"]))).not.toContain("work");
  });

  it("keeps numerals out of synonyms ('quartet' is not 'four')", () => {
    expect(relatedTerms("quartet", new Set())).not.toContain("four");
  });

  it("knows irregular comparison and inflection: 'bad' meets 'worst', 'deadliest' meets 'dead'", () => {
    expect(relatedTerms("bad", new Set())).toContain("worst");
    expect(relatedTerms("deadliest", new Set())).toContain("dead");
    expect(verbForms("took")).toEqual(expect.arrayContaining(["take", "taken"]));
    expect(verbForms("say")).toContain("said");
  });

  it("weighs a verb of many senses and an adverb below a noun, a name at full weight", () => {
    const [happened, bridge] = analyzeQuestion("happened bridge");
    expect(happened!.weight).toBeLessThan(bridge!.weight);
    const [recently] = analyzeQuestion("recently");
    expect(recently!.weight).toBeLessThan(1);
    expect(analyzeQuestion("what happened in Dorvik").find((c) => c.word === "Dorvik")).toMatchObject({ name: true, weight: 1 });
    // After a determiner a word is a noun, however many verb senses it has.
    const concepts = analyzeQuestion("what caused the crash");
    expect(concepts.find((c) => c.word === "crash")!.weight).toBe(1);
    // An irregular form weighs as its verb; an indefinite pronoun is not searched at all.
    const [taken] = analyzeQuestion("taken");
    expect(taken!.weight).toBeCloseTo(analyzeQuestion("take")[0]!.weight, 5);
    expect(taken!.weight).toBeLessThan(1);
    expect(analyzeQuestion("was anyone hurt").map((c) => c.word)).toEqual(["hurt"]);
  });

  it("tells names from words: capitalised inside a question, or unknown to both lexicons", () => {
    expect(analyzeQuestion("what happened in beslan").find((c) => c.word === "beslan")!.name).toBe(true);
    expect(analyzeQuestion("was anyone unhappy").some((c) => c.name)).toBe(false);
    expect(analyzeQuestion("did al-Qaeda claim it").find((c) => c.word === "al-Qaeda")!.name).toBe(true);
  });
});

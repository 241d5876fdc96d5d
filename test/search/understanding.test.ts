/**
 * /ask's understanding of a question, end to end on small corpora of our own sentences: other wordings
 * from WordNet, the kind of answer asked for, the most specific name first, the context of a passage,
 * an honest "no article mentions", and a second page of answers.
 */
import { describe, expect, it } from "vitest";
import { Engine } from "../../src/engine/engine";
import type { AskAnswer } from "../../src/engine/answers";
import { articleText, writeCorpus } from "../support/corpus";

async function engineOf(articles: Record<string, [string, string[]]>): Promise<Engine> {
  return Engine.open(writeCorpus(Object.fromEntries(Object.entries(articles).map(([file, [title, body]]) => [file, articleText(title, body)]))));
}

function answer(engine: Engine, question: string): AskAnswer {
  const a = engine.ask(question);
  if ("error" in a) throw new Error(a.error);
  return a as AskAnswer;
}

const quotes = (engine: Engine, question: string) => answer(engine, question).results.map((r) => r.quote);

describe("/ask understands the question", () => {
  it("finds other wordings: terrorists meet terrorism, China meets Chinese", async () => {
    const engine = await engineOf({
      "001_a.txt": ["Harbour report", [
        "The mayor called the blast at the harbour an act of terrorism on Tuesday evening.",
        "Boats left the harbour early because the weather turned in the afternoon.",
      ]],
      "002_b.txt": ["Reactions", [
        "Chinese diplomats sent their condolences to the families of the harbour victims.",
        "The harbour reopened to ferries on Thursday after repairs to the quay.",
      ]],
    });
    expect(quotes(engine, "Was it the work of terrorists?")[0]).toMatch(/act of terrorism/);
    expect(quotes(engine, "How did China react?")[0]).toMatch(/^Chinese diplomats/);
  });

  it("ranks the passage holding the kind of answer asked for above one repeating the question's words", async () => {
    const engine = await engineOf({
      "001_a.txt": ["The driver", [
        "Neighbours said the driver kept his living room tidy and his lawn short.",
        "The driver, a 52-year-old postal worker from Eastfield, had no criminal record.",
        "The driver was seen near the station at about 7:15 p.m. on Friday.",
      ]],
    });
    expect(quotes(engine, "What did the driver do for a living?")[0]).toMatch(/postal worker/);
    expect(quotes(engine, "What time was the driver seen?")[0]).toMatch(/7:15 p\.m\./);
  });

  it("does not let a passage lacking the question's most specific name outrank one that has it", async () => {
    const engine = await engineOf({
      "001_a.txt": ["Analysis", [
        "The surprise is that this sort of thing does not happen more often, one analyst said.",
        "It happened before and it will happen again, the minister said of the strikes.",
        "A gas explosion in Dorvik destroyed two houses on the main square.",
      ]],
    });
    expect(quotes(engine, "What happened in Dorvik?")[0]).toMatch(/Dorvik/);
  });

  it("reads 'he' as the person named in the sentences before it", async () => {
    const engine = await engineOf({
      "001_a.txt": ["Other views", [
        "Farmers blamed the dam operators for the flood in their valley.",
        "Venn visited the flood area on Tuesday with two ministers and a reporter.",
      ]],
      "002_b.txt": ["The mayor speaks", [
        "Mayor Arlo Venn spoke to the council on Monday after the flood.",
        "The council met for three hours in the old town hall.",
        "He blamed the dam operators for the flood, saying warnings came too late.",
        "The dam operators said the rain was heavier than any forecast.",
      ]],
    });
    expect(quotes(engine, "Whom did Venn blame for the flood?")[0]).toMatch(/^He blamed the dam operators/);
  });

  it("takes a passage as naming what its article names: the article tells one story", async () => {
    const engine = await engineOf({
      "001_a.txt": ["Ferry lost at sea", [
        "The Tarsk Star ferry sank before dawn with 300 people on board, the port authority said.",
        "Relatives gathered at the quay, and the port office stayed open all night.",
        "Weather along the coast had been poor for a week, forecasters said.",
        "Fishing boats stayed in the harbour until the wind dropped on Saturday.",
        "The coast guard said divers would lift the bodies by crane from the wreck on Sunday.",
      ]],
      "002_b.txt": ["Storm season", [
        "In another storm, a cargo ship lost its containers near the cape.",
        "Divers lifted the bodies of two fishermen from a trawler, police said.",
        "The weather office warned of more storms along the coast this week.",
      ]],
    });
    const found = quotes(engine, "How will the bodies from the Tarsk Star be lifted?");
    const ours = found.findIndex((q) => /divers would lift the bodies/.test(q));
    const other = found.findIndex((q) => /fishermen/.test(q));
    // Its article names the ferry; the other story's divers are about other bodies.
    expect(ours).toBeGreaterThanOrEqual(0);
    expect(ours).toBeLessThan(2);
    expect(other === -1 || other > ours).toBe(true);
  });

  it("reads a passage with the sentences before it and its headline, and still quotes only the passage", async () => {
    const engine = await engineOf({
      "001_a.txt": ["Bus crash driver named", [
        "Officials named the driver of the bus that crashed into the river bridge on Friday.",
        "Police identified him on Saturday as Tom Reed, 41, a father of two who lived in Millbrook.",
      ]],
      "002_b.txt": ["Bridge traffic", ["Buses crossed the bridge all day, and traffic was heavy near the river."]],
    });
    const results = answer(engine, "Who was the driver of the bus?").results;
    const reed = results.find((r) => r.quote.includes("Tom Reed"));
    expect(reed?.quote).toBe("Police identified him on Saturday as Tom Reed, 41, a father of two who lived in Millbrook.");
    expect(results.indexOf(reed!)).toBeLessThan(3);
  });

  it("says plainly that no article mentions a name it never meets, and suggests real words and headlines", async () => {
    const engine = await engineOf({
      "001_a.txt": ["Storm hits Eastfield", ["The storm flooded the lower streets of Eastfield on Sunday night."]],
      "002_b.txt": ["Eastfield cleans up", ["Volunteers cleared mud from the Eastfield market on Monday."]],
    });
    const a = answer(engine, "What happened in Zarnovia?");
    expect(a.results).toEqual([]);
    expect(a.notFound).toBe("No article mentions Zarnovia.");
    expect(a.suggestions.join(" ")).toMatch(/Storm hits Eastfield|Eastfield cleans up/);
    // A misspelt name the articles do write is not "not mentioned": it is found.
    expect(answer(engine, "What happened in Eastfeld?").results.length).toBeGreaterThan(0);
    // Suggested words are words as the articles write them, not index stems.
    const close = answer(engine, "Where is Eastfieldz?");
    expect(close.suggestions.join(" ")).not.toMatch(/\beastfield\b(?!.)/);
  });

  it("quotes the headline when it answers, as paragraph 0", async () => {
    const engine = await engineOf({
      "001_a.txt": ["Officials blame fog for ferry collision", [
        "Two ferries touched in the harbour mouth on Monday morning, and nobody on board was hurt.",
        "Both ferries returned to the quay under their own power before noon, the port said.",
      ]],
    });
    const top = answer(engine, "What caused the ferry collision?").results[0]!;
    expect(top).toMatchObject({ paragraph: 0, quote: "Officials blame fog for ferry collision" });
  });

  it("gives more than five answers when more passages answer, for a second page", async () => {
    const places = ["mill", "church", "school", "bakery", "harbour", "station", "bridge", "market", "farm", "quarry", "orchard", "chapel"];
    const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    const paragraphs = places.map((place, i) => `Near the ${place}, ${i + 3} volunteers in ${["boots", "coats", "vans"][i % 3]} repaired the dyke on ${days[i % 7]} as water rose behind the ${place}.`);
    const engine = await engineOf({ "001_a.txt": ["Dyke repairs", paragraphs] });
    const n = answer(engine, "Who repaired the dyke?").results.length;
    expect(n).toBeGreaterThan(5);
    expect(n).toBeLessThanOrEqual(10);
  });
});

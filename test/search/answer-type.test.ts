import { describe, expect, it } from "vitest";
import { answerFinder, answerSpecOf, isOccupation } from "../../src/search/answer-type";
import { namesOf } from "../../src/search/entities";

/** Whether a passage holds an answer of the kind the question asks for. */
const answerMatcher = (spec: Parameters<typeof answerFinder>[0], questionTerms?: ReadonlySet<string>) => (text: string) =>
  answerFinder(spec, [], questionTerms)(text).length > 0;

const holds = (question: string, text: string) => {
  const spec = answerSpecOf(question);
  return answerMatcher(spec)(text);
};

describe("the kind of answer a question asks for", () => {
  it("reads it from the question, and drops the words that only ask for it", () => {
    expect(answerSpecOf("How many girls were hurt?").type).toBe("count");
    expect(answerSpecOf("What time did the bus leave?")).toMatchObject({ type: "clock", cues: expect.any(Set) });
    expect(answerSpecOf("What time did the bus leave?").cues.has("time")).toBe(true);
    expect(answerSpecOf("When did the storm hit?").type).toBe("time");
    expect(answerSpecOf("What does the mayor do for a living?")).toMatchObject({ type: "occupation" });
    expect(answerSpecOf("What does the mayor do for a living?").cues.has("living")).toBe(true);
    expect(answerSpecOf("Why did the bridge close?").type).toBe("reason");
    expect(answerSpecOf("What caused the fire?").type).toBe("reason");
    expect(answerSpecOf("Where is the harbour?").type).toBe("place");
    expect(answerSpecOf("Which country sent doctors?")).toMatchObject({ type: "place" });
    expect(answerSpecOf("Who closed the road?").type).toBe("agent");
    expect(answerSpecOf("Who were the injured drivers?").type).toBe("person");
    expect(answerSpecOf("How old was the ship?").type).toBe("age");
    expect(answerSpecOf("How deep is the lake?").type).toBe("measure");
    expect(answerSpecOf("How long will the strike last?").type).toBe("duration");
    // A capitalised word after "which" is a name, not the kind asked for.
    expect(answerSpecOf("Which Portuguese towns flooded?").type).toBe("any");
    // "Who was <name>?" asks what the name is; a name followed by a verb is the question's subject.
    expect(answerSpecOf("Who was Jane Doe?").type).toBe("definition");
    expect(answerSpecOf("What is the Red Cross?").type).toBe("definition");
    expect(answerSpecOf("What were Londoners in Leeds told to do?").type).toBe("any");
  });

  it("recognises an occupation, not a room, for 'do for a living'", () => {
    const q = "What did the driver do for a living?";
    expect(holds(q, "Smith, a 40-year-old bus driver from the valley, was named on Monday.")).toBe(true);
    expect(holds(q, "In the living room stood a piano and two chairs.")).toBe(false);
    expect(isOccupation("teacher")).toBe(true);
    expect(isOccupation("man")).toBe(false);
  });

  it("takes a name right before the noun asked for as the answer to 'which <noun>'", () => {
    const spec = answerSpecOf("Which community did the floods hit hardest?");
    expect(spec.noun).toBe("community");
    const holdsNamed = answerMatcher(spec);
    expect(holdsNamed("The floods hit the riverside Breton community hardest.")).toBe(true);
    expect(holdsNamed("The floods hit the riverside community hardest.")).toBe(false);
  });

  it("recognises clock times, dates, counts, ages and reasons", () => {
    expect(holds("What time did it start?", "The alarm rang at 10:45 a.m. in the hall.")).toBe(true);
    expect(holds("What time did it start?", "The hall was built in 1997.")).toBe(false);
    expect(holds("When did it start?", "The hall was built in 1997.")).toBe(true);
    expect(holds("How many people were hurt?", "Four people were hurt in the fire.")).toBe(true);
    expect(holds("How many people were hurt?", "The fire was in 2006.")).toBe(false);
    expect(holds("How old was the ship?", "The 30-year-old ship sank at dawn.")).toBe(true);
    expect(holds("How old was the ship?", "The ship sank in 40 metres of water.")).toBe(false);
    expect(holds("How deep is the lake?", "The ship sank in 40 metres of water.")).toBe(true);
    expect(holds("Why did the bridge close?", "The bridge closed because of the flood.")).toBe(true);
    expect(holds("Why did the bridge close?", "The bridge closed on Monday.")).toBe(false);
  });

  it("tells people, places and organisations apart without a tagger", () => {
    const kinds = (text: string) => namesOf(text).map((n) => [n.name, [...n.kinds].sort().join("+")]);
    expect(kinds("Yesterday John Carter met officials in Lisbon.")).toEqual([
      ["John Carter", "person"],
      ["Lisbon", "place"],
    ]);
    // A first name before a common noun names a company, not a person.
    expect(namesOf("Passengers of Victor Airways waited.").some((n) => n.kinds.has("person"))).toBe(false);
    expect(namesOf("Passengers of Adam Smith waited.").some((n) => n.kinds.has("person"))).toBe(true);
    // A sentence's capitalised first word is not a name.
    expect(namesOf("Officials said the road was closed.")).toEqual([]);
  });

  it("answers 'how many <noun>' with a count of that noun, of a kind of it, or a number with no noun", () => {
    expect(answerSpecOf("How many Norland pilgrims drowned?").counted).toBe("pilgrims");
    const q = "How many people were on the boat?";
    expect(holds(q, "The island has 3,000 houses and a harbour.")).toBe(false);
    expect(holds(q, "The boat carried 40 villagers and a cargo of rice.")).toBe(true);
    expect(holds(q, "It was licensed to carry 60, the harbour master said.")).toBe(true);
    expect(holds(q, "Hundreds of thousands of people live along the river.")).toBe(true);
    expect(holds("How many boats sank?", "Three dinghies sank in the storm.")).toBe(true);
    expect(holds("How many boats sank?", "Three sailors drowned in the storm.")).toBe(false);
  });

  it("answers 'where' with a location, not the question's own name or a people's adjective", () => {
    const q = "Where was the Tarsk school?";
    const holdsWhere = answerMatcher(answerSpecOf(q), new Set(["tarsk", "school"]));
    expect(holdsWhere("The gunman entered the Tarsk school at dawn.")).toBe(false);
    expect(holdsWhere("Money went to German charities after the shooting.")).toBe(false);
    expect(holdsWhere("Lisbon passengers were among the dead.")).toBe(false);
    expect(holdsWhere("The school stands outside Lisbon.")).toBe(true);
    // Asked which country, a country's name before its people answers.
    expect(holds("Which country sent doctors?", "Portugal doctors landed on Monday.")).toBe(true);
  });

  it("does not take the day a statement was made for the time asked about", () => {
    const q = "When did the bridge fall?";
    expect(holds(q, "The bridge fell into the river, police said Friday.")).toBe(false);
    expect(holds(q, "The bridge fell into the river on Friday, police said.")).toBe(true);
  });

  it("finds where in a passage each answer stands", () => {
    const find = answerFinder(answerSpecOf("How many people were hurt?"), []);
    const text = "Four people were hurt, and 12 more were treated later.";
    expect(find(text)).toEqual([0, text.indexOf("12")]);
  });

  it("answers 'which part of X' with a part WordNet gives X", () => {
    const spec = answerSpecOf("Which part of the ship was flooded?");
    expect(spec).toMatchObject({ type: "part", whole: "ship" });
    expect(holds("Which part of the ship was flooded?", "Water poured into the cargo hold within minutes.")).toBe(true);
    expect(holds("Which part of the ship was flooded?", "Water poured in within minutes, the captain said.")).toBe(false);
  });

  it("answers 'where was it going' with a destination", () => {
    expect(answerSpecOf("Where was the ferry going?").type).toBe("destination");
    expect(answerSpecOf("What was the ferry's destination?").type).toBe("destination");
    const q = "Where was the ferry heading?";
    expect(holds(q, "The ferry was en route from Tarsk to the northern port city of Oak Hollow.")).toBe(true);
    expect(holds(q, "The ferry sank off Tarsk in heavy seas.")).toBe(false);
    expect(holds(q, "The ferry sent a message to President Smith.")).toBe(false);
    // The place is the object of "to", not of another preposition after it.
    expect(holds(q, "The ferry lost power close to a reef above Tarsk.")).toBe(false);
  });

  it("answers 'who were the <people>' with a person's name, 'who did it' with a group too", () => {
    const q = "Who were the injured drivers?";
    expect(holds(q, "Two drivers of the Norland Rail Company were injured.")).toBe(false);
    expect(holds(q, "The injured drivers were named as Peter Lund and Ana Souza.")).toBe(true);
    expect(holds("Who closed the road?", "Yesterday the Norland Rail Company closed the road.")).toBe(true);
  });

  it("reads a person from a title or an apposition", () => {
    const persons = (text: string) => namesOf(text).filter((n) => n.kinds.has("person")).map((n) => n.name);
    expect(persons("Cpt. Arlo Venn said the search went on.")).toEqual(["Cpt. Arlo Venn"]);
    expect(persons("Then Arlo Venn, the head of the rescue team, spoke.")).toEqual(["Arlo Venn"]);
    expect(persons("Then Oak Hollow, the capital of the province, flooded.")).toEqual([]);
  });
});

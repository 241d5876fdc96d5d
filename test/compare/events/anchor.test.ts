import { describe, expect, it } from "vitest";
import { parseArticle } from "../../../src/corpus/parse";
import type { Article } from "../../../src/corpus/types";
import { resolveEvents, type FigurePlace } from "../../../src/compare/events/anchor";
import { findStories } from "../../../src/compare/events/stories";

/** An invented article: headline, then paragraphs; `date` stands in for what the corpus reads from a dateline. */
function article(id: string, title: string, paragraphs: string[], date: string | null = null): Article {
  const a = parseArticle(id, `${id}_x.txt`, [title, "", ...paragraphs.flatMap((p) => [p, ""])].join("\n"));
  return { ...a, meta: { ...a.meta, title, date } };
}

/** Where `phrase` is: its article, sentence and offset in the sentence. */
function at(a: Article, phrase: string): FigurePlace {
  const s = a.sentences.find((x) => x.text.includes(phrase));
  if (!s) throw new Error(`no sentence with "${phrase}" in ${a.id}`);
  return { articleId: a.id, sentenceIndex: s.index, at: s.text.indexOf(phrase) };
}

// Two stories of the same week in the same country: a barge capsized on a river, a mine collapsed.
const barge1 = article("001", "Barge capsizes on the Dravik river, dozens feared drowned", [
  "A crowded river barge capsized on the Dravik river near the town of Ostel on Monday, and rescuers said 31 people had drowned.",
  "The barge was carrying farmers and traders to the Ostel market when it overturned in strong currents.",
  "In 1998, a barge sank near the same bend of the river, killing 40 people.",
], "2031-03-03");
const barge2 = article("002", "Toll rises after Dravik river barge capsizing", [
  "Rescuers on the Dravik river recovered more bodies on Tuesday after the barge capsizing near Ostel, bringing the toll to 38, police said.",
  "Divers searched the wreck of the barge in the brown water of the river, and families waited on the bank at Ostel.",
  "The disaster recalls the 1998 barge sinking on the river, in which 217 passengers and seven crew died.",
  "It was the worst river accident since 4 May 2003, when a ferry overturned near Ostel, killing 77 people.",
], "2031-03-04");
const barge3 = article("003", "Dravik river barge survivors describe capsizing", [
  "Survivors of the barge that capsized on the Dravik river near Ostel said the vessel was overloaded, as the toll reached 41.",
  "Separately, a bus fell into a ravine in the northern hills on Monday, killing six people.",
  "On Sunday, another barge overturned downstream and nine people were missing.",
], "2031-03-05");
const mine1 = article("004", "Mine collapse traps workers in Korvel", [
  "A coal mine collapsed in the Korvel valley on Tuesday, trapping dozens of miners underground, and officials said 12 miners were killed.",
  "Rescue teams drilled toward the trapped miners through the night in the Korvel coal mine.",
  "Engineers said the roof of the main shaft gave way after days of heavy rain in the valley.",
  "The collapse came a day after a river barge capsized on the Dravik river near Ostel, where 38 people drowned.",
], "2031-03-04");
const mine2 = article("005", "Korvel mine collapse toll climbs", [
  "The toll from the Korvel coal mine collapse rose to 19 on Wednesday, the mine company said.",
  "Miners' families gathered at the gates of the Korvel mine as rescue teams brought out bodies.",
], "2031-03-05");
const articles = [barge1, barge2, barge3, mine1, mine2];

describe("stories: articles about one happening", () => {
  it("tells two stories of the same days apart by what their headlines and leads say", () => {
    expect(findStories(articles).map((s) => s.articleIds)).toEqual([["001", "002", "003"], ["004", "005"]]);
  });
  it("keeps a corpus of one story in one story", () => {
    expect(findStories([barge1, barge2, barge3]).map((s) => s.articleIds)).toEqual([["001", "002", "003"]]);
  });
});

describe("resolveEvents: which event each figure is about", () => {
  const places = [
    at(barge1, "31 people"), // 0 main
    at(barge2, "38, police"), // 1 main
    at(barge3, "41."), // 2 main
    at(barge1, "40 people"), // 3 past 1998
    at(barge2, "217 passengers"), // 4 past 1998
    at(barge2, "seven crew"), // 5 past 1998
    at(barge2, "77 people"), // 6 past 2003 (after "since ...")
    at(barge3, "six people"), // 7 separate: "Separately, ..."
    at(barge3, "nine people"), // 8 separate: "another barge"
    at(mine1, "12 miners"), // 9 mine main
    at(mine2, "19 on"), // 10 mine main
    at(mine1, "38 people"), // 11 the barge story's main event, named in a mine article
  ];
  const { events, eventOf } = resolveEvents(articles, places);
  const event = (i: number) => events[eventOf[i]!]!;

  it("puts every report of a story's toll in its main event, across articles", () => {
    expect(eventOf[1]).toBe(eventOf[0]);
    expect(eventOf[2]).toBe(eventOf[0]);
    expect(event(0).kind).toBe("main");
  });
  it("anchors a figure whose clause names another year in that past event, one event across articles", () => {
    expect(event(3)).toMatchObject({ kind: "past", label: { date: "1998" } });
    expect(eventOf[4]).toBe(eventOf[3]);
  });
  it("never splits one past event by its parts (217 passengers and seven crew) nor merges two years", () => {
    expect(eventOf[5]).toBe(eventOf[3]);
    expect(event(6)).toMatchObject({ kind: "past", label: { date: "May 2003" } });
    expect(eventOf[6]).not.toBe(eventOf[3]);
  });
  it("sets apart what a sentence introduces as another happening ('Separately', 'another barge')", () => {
    expect(event(7).kind).toBe("separate");
    expect(event(8).kind).toBe("separate");
    expect(eventOf[7]).not.toBe(eventOf[8]);
    expect(eventOf[7]).not.toBe(eventOf[0]);
  });
  it("keeps each story's tolls in its own event, and files a figure about the other story under that story", () => {
    expect(eventOf[10]).toBe(eventOf[9]);
    expect(eventOf[9]).not.toBe(eventOf[0]);
    expect(eventOf[11]).toBe(eventOf[0]);
  });
  it("labels a story's event from its headlines and leads: type, place, first day; never a person or a stray word", () => {
    const { type, place, date } = event(0).label;
    expect([type, date]).toEqual(["barge capsizing", "3 March 2031"]);
    expect(["Ostel", "Dravik"]).toContain(place);
    expect(event(0).text).toBe(`Barge capsizing, ${place}, 3 March 2031`);
    expect(event(9).label).toMatchObject({ type: "mine collapse", place: "Korvel" });
  });
});

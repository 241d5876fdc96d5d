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

// A stadium crush, and the past happenings its articles recall, some dated only by the sentence before.
const crush1 = article("011", "Crush at Varn stadium kills 40 fans", [
  "A crush at the packed Arlo stadium in Varn on Saturday killed 40 fans, police said.",
  "In February this year, a bomb attack on a market in Telsa killed 25 shoppers.",
  "The worst such disaster came in 2019. A ferry sailed out of Norland port in a gale. It had been overloaded, leaving 62 passengers drowned.",
  "In 2005 a fire swept through the old stand. The crush at the stadium has now killed 41 people.",
], "2031-06-15");
const crush2 = article("012", "Varn stadium crush toll rises to 41", [
  "The toll from the crush at the Arlo stadium in Varn rose to 41 on Sunday, police said.",
  "In 2027 a suicide bomber blew up a bus in Telsa, killing 16.",
  "Also, in Kovar in 2028, rebels bombed the embassy, killing at least six.",
  "In 2022 a storm flooded the old stand. Officials on Sunday said 12 fans were still in hospital after the crush.",
  "Unlike in 2019, ambulances reached the stadium within minutes on Saturday. They took 30 fans to hospital.",
], "2031-06-16");

describe("resolveEvents: past happenings a story recalls, and their labels", () => {
  const crush = [crush1, crush2];
  const places = [
    at(crush1, "40 fans"), // 0 main
    at(crush1, "25 shoppers"), // 1 past: February of the article's year, months before the story
    at(crush1, "62 passengers"), // 2 past 2019, carried over two sentences
    at(crush1, "41 people"), // 3 main: a present perfect turns back to the story
    at(crush2, "16."), // 4 past 2027
    at(crush2, "at least six"), // 5 past 2028
    at(crush2, "12 fans"), // 6 main: a weekday turns back to the story
    at(crush2, "30 fans"), // 7 main: the sentence before names a past year but is set on the story's day
  ];
  const { events, eventOf } = resolveEvents(crush, places);
  const event = (i: number) => events[eventOf[i]!]!;

  it("reads 'this year' as the article's year, and a month of it long before the story as a past event", () => {
    expect(event(1)).toMatchObject({ kind: "past", label: { date: "February 2031" } });
    expect(eventOf[1]).not.toBe(eventOf[0]);
  });
  it("carries a year from the sentences before, in the same paragraph, to a sentence that names no time", () => {
    expect(event(2)).toMatchObject({ kind: "past", label: { date: "2019" } });
  });
  it("keeps a sentence that turns back to the story (a present perfect, a weekday) in the story's event", () => {
    expect(event(0).kind).toBe("main");
    expect(eventOf[3]).toBe(eventOf[0]);
    expect(eventOf[6]).toBe(eventOf[0]);
    expect(eventOf[7]).toBe(eventOf[0]);
  });
  it("labels a past event by the head happening (not its modifier), a doer's act, or its verb; never by a place", () => {
    expect(event(1).text).toBe("Attack, Telsa, February 2031");
    expect(event(4).text).toBe("Bombing, Telsa, 2027");
    expect(event(5).text).toBe("Bombing, Kovar, 2028");
  });
});

describe("resolveEvents: a story's label names its head happening", () => {
  const blast1 = article("021", "Suicide bomber kills 20 at Ostel market", [
    "A suicide bomber blew himself up in the crowded Ostel market on Tuesday, killing 20 shoppers, police said.",
  ], "2031-09-02");
  const blast2 = article("022", "Ostel market suicide bomber was a teenager, police say", [
    "The suicide bomber who killed 26 people at the Ostel market was a teenager, officials said on Wednesday.",
  ], "2031-09-03");
  it("types the story by the bomber's act, 'bombing', not by the modifier 'suicide'", () => {
    const { events } = resolveEvents([blast1, blast2], [at(blast1, "20 shoppers"), at(blast2, "26 people")]);
    expect(events).toHaveLength(1);
    expect(events[0]!.label).toMatchObject({ type: "bombing", place: "Ostel" });
  });
});

describe("resolveEvents: a happening elsewhere", () => {
  const siege1 = article("031", "Gunmen kill 60 in attack on Ostel theatre", [
    "Gunmen attacked a theatre in Ostel on Friday night, and officials said 60 people were killed.",
    "Rescuers said the theatre roof had collapsed in the fire.",
    "Police cordoned off the streets around the theatre until dawn.",
    "Not long after the war began, militants in Peru planted a bomb on a cargo plane bound for Lisbon, killing 40 crew and guards.",
  ], "2031-05-10");
  const siege2 = article("032", "Ostel theatre attack toll rises to 75", [
    "The toll from the Ostel theatre attack has risen to 75, the health ministry said on Saturday.",
    "The hospital in Ostel treated 40 people overnight, doctors said.",
  ], "2031-05-11");
  const figures = [at(siege1, "60 people"), at(siege1, "40 crew"), at(siege2, "75"), at(siege2, "40 people")];
  const { events, eventOf } = resolveEvents([siege1, siege2], figures);
  it("sets apart a figure whose clause names only places the story's headlines and leads never name, and another happening", () => {
    expect(eventOf[1]).not.toBe(eventOf[0]);
    expect(events[eventOf[1]!]!.kind).toBe("separate");
  });
  it("keeps in the story a sentence naming the story's place, or only the story's own kind of happening", () => {
    expect(eventOf[2]).toBe(eventOf[0]);
    expect(eventOf[3]).toBe(eventOf[0]);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../../src/corpus/load";
import { Engine } from "../../../src/engine/engine";
import { MAX_FIGURES, type CompareAnswer, type CompareTopicsAnswer } from "../../../src/compare/answer/compare";
import { compareChoices } from "../../../src/compare/answer/choices";
import { extractFigures } from "../../../src/compare/classify/figures";
import { eventCorpusDir, NO_FIGURES_CORPUS } from "../fixture";
import { writeCorpus } from "../../support/corpus";
import { renderText } from "../../../src/render/text";

let engine: Engine;
beforeAll(async () => {
  engine = Engine.fromCorpus(await loadCorpus(eventCorpusDir()));
});

function figures(topic: string): CompareAnswer {
  const a = engine.compare(topic);
  if (!("groups" in a)) throw new Error(`no groups for ${topic}: ${JSON.stringify(a)}`);
  return a;
}

describe("/compare deaths: grouping by event on an invented corpus", () => {
  it("puts the three reports of the recent collapse in the first group, the older bridge collapse apart", () => {
    const a = figures("deaths");
    expect(a.groups.map((g) => g.figures.map((f) => `${f.articleId}=${f.value}`))).toEqual([
      ["001=41", "002=45", "003=50"],
      ["001=12", "003=12"],
    ]);
  });
  it("labels each group from its own text: the place and the year", () => {
    const [recent, older] = figures("deaths").groups;
    expect(recent!.label).toMatch(/Velmora/);
    expect(recent!.label).toMatch(/2031/);
    expect(older!.label).toMatch(/Tarsk/);
    expect(older!.label).toMatch(/2019/);
  });
  it("quotes each figure's sentence verbatim, with the qualifier and the number phrase", () => {
    const [recent] = figures("deaths").groups;
    const f = recent!.figures.find((x) => x.articleId === "003")!;
    expect(f).toMatchObject({ value: 50, qualifier: "nearly", phrase: "Nearly 50" });
    const article = engine.articles.find((x) => x.id === "003")!;
    expect(article.raw.slice(f.start, f.end)).toBe(f.quote);
    expect(f.quote.slice(f.highlights[0]!.start, f.highlights[0]!.end)).toBe("Nearly 50");
    expect(recent!.figures.find((x) => x.articleId === "001")!.qualifier).toBeUndefined();
  });
  it("tells later tolls as updates, not contradictions: 41, then at least 45, then nearly 50, on three days", () => {
    const [recent] = figures("deaths").groups;
    expect(recent!.agreement.contradictions).toEqual([]);
    expect(recent!.agreement.consensus).toMatchObject({ low: 45, high: 49 });
    expect(recent!.latest).toMatchObject({ articleId: "003", value: 50, qualifier: "nearly", reportedAt: "2031-06-15", source: "officials" });
    expect(recent!.agreement.summary.join(" ")).toContain("Over time: 41 (001) on 13 June 2031, then “At least 45” (002) on 14 June 2031, then “Nearly 50” (003) on 15 June 2031.");
  });
  it("gives each figure when it was reported, who gave it, and its kind", () => {
    const [recent] = figures("deaths").groups;
    expect(recent!.figures.map((f) => [f.articleId, f.reportedAt, f.source, f.kind])).toEqual([
      ["001", "2031-06-13", null, "total"],
      ["002", "2031-06-14", null, "total"],
      ["003", "2031-06-15", "officials", "total"],
    ]);
  });
  it("names the event by type, place and date from the text; the older one by its year", () => {
    const [recent, older] = figures("deaths").groups;
    expect(recent!.event).toMatchObject({ kind: "main", place: "Velmora" });
    expect(older!.event).toMatchObject({ kind: "past", date: "2019" });
  });
  it("reads 'killed', 'dead', 'toll' and 'fatalities' as the same topic", () => {
    for (const typed of ["killed", "dead", "death toll", "fatalities", "Deaths"]) expect(figures(typed).topic).toBe("deaths");
  });
});

describe("/compare in the console", () => {
  it("gives the answer first (latest, updates), then each figure with when it was reported and who said it", () => {
    const text = renderText(figures("deaths"));
    const latest = text.indexOf("> Latest: “Nearly 50” (003), 15 June 2031");
    expect(latest).toBeGreaterThan(0);
    expect(text.indexOf("- 41 people · reported 2031-06-13")).toBeGreaterThan(latest);
    expect(text).toContain("- Nearly 50 people · reported 2031-06-15 · source: officials");
  });
});

describe("/compare: other topics and bad input", () => {
  it("compares injured figures (over 200 vs 180) and arrests by their own measure", () => {
    const injured = figures("wounded");
    expect(injured.topic).toBe("injured");
    expect(injured.groups[0]!.figures.map((f) => f.value)).toEqual([200, 180]);
    // Over 200 on one day, 180 the next: an update, not a contradiction.
    expect(injured.groups[0]!.agreement.contradictions).toEqual([]);
    expect(injured.groups[0]!.figures[1]!.source).toBe("Officials");
  });
  it("a topic with one figure says there is nothing to compare and shows it", () => {
    const a = figures("arrests");
    expect(a.note).toMatch(/nothing to compare/);
    expect(a.groups[0]!.figures).toHaveLength(1);
    expect(a.groups[0]!.figures[0]!.noun).toBe("engineers");
  });
  it("a counted noun is a topic of its own", () => {
    expect(figures("engineers").groups[0]!.figures[0]!.value).toBe(3);
  });
  it("an unknown topic answers with the topics that exist, closest first", () => {
    const a = engine.compare("injurd");
    expect("error" in a && a.error).toMatch(/No figures on "injurd"/);
    expect("error" in a && a.suggestions?.[0]).toBe("injured");
  });
  it("a corpus without figures says so", async () => {
    const empty = Engine.fromCorpus(await loadCorpus(writeCorpus(NO_FIGURES_CORPUS)));
    const a = empty.compare("deaths");
    expect("error" in a && a.error).toMatch(/no figures/);
    expect("error" in empty.compare("")).toBe(true);
    expect(empty.compareChoices("")).toEqual([]);
  });
});

describe("/compare with no topic, and autocomplete", () => {
  it("lists the contested topics, most contested first, with figures, articles and spread", () => {
    const a = engine.compare("") as CompareTopicsAnswer;
    expect(a.topics.map((t) => t.topic)).toEqual(["deaths", "injured"]);
    expect(a.topics[0]).toMatchObject({ figures: 5, articles: 3, spread: { min: 41, max: 50 }, contradictions: 0 });
  });
  it("offers topics matching what was typed, never an empty list while topics exist", () => {
    const all = compareChoices(engine, "");
    // Measures only: "engineers" (a counted noun) can be typed but is not offered.
    expect(all.map((c) => c.value).sort()).toEqual(["arrests", "deaths", "injured"]);
    expect(compareChoices(engine, "inj").map((c) => c.value)).toEqual(["injured"]);
    expect(compareChoices(engine, "zzzz").length).toBeGreaterThan(0);
    for (const c of all) {
      expect(c.name.length).toBeGreaterThanOrEqual(1);
      expect(c.name.length).toBeLessThanOrEqual(100);
    }
    expect(all.length).toBeLessThanOrEqual(25);
  });
});

describe("figures: what a count measures", () => {
  const article = (text: string) => ({
    id: "001", file: "001.txt", raw: text, wordCount: 10,
    meta: { title: null, outlet: null, author: null, date: null, time: null, place: null, url: null },
    paragraphs: [{ number: 1, start: 0, end: text.length, text, heading: false, sentences: [{ index: 0, paragraph: 1, start: 0, end: text.length, text }] }],
    sentences: [{ index: 0, paragraph: 1, start: 0, end: text.length, text }],
  });
  it("keeps clauses apart: one death figure and one injury figure", () => {
    const fs = extractFigures([article("The attack left over 130 people dead, with over 100 others injured.")]);
    expect(fs.map((f) => [f.value, f.measure, f.qualifier])).toEqual([[130, "deaths", "over"], [100, "injured", "over"]]);
  });
  it("counts the victims, not the perpetrators: 84 deaths, the two bombers are no death figure", () => {
    const fs = extractFigures([article("Two suicide bombers killed 84 worshippers at the shrine.")]);
    expect(fs.filter((f) => f.measure === "deaths").map((f) => f.value)).toEqual([84]);
    expect(fs.find((f) => f.value === 2)?.measure ?? null).toBeNull();
  });
  it("reads phrasal verbs of killing ('mowed down') and ignores years and ages", () => {
    const fs = extractFigures([article("In 2020, over 40 people were mowed down by a 25-year-old gunman.")]);
    expect(fs.map((f) => [f.value, f.measure])).toEqual([[40, "deaths"]]);
  });
});

describe("/compare on an event reported by many articles: a capped answer that says so", () => {
  /** `values[k]` is the death toll article k gives for one stadium collapse. */
  const manyReports = (values: number[]): Record<string, string> =>
    Object.fromEntries(
      values.map((v, k) => {
        const id = String(k + 1).padStart(3, "0");
        const text = `Velmora stadium collapse, report ${id}\n\nPublished 13 June 2031\n\n${v} people were killed when the roof of the Arkel Stadium in Velmora collapsed on 12 June 2031.\n`;
        return [`${id}_report.txt`, text];
      }),
    );
  const answer = async (values: number[]): Promise<CompareAnswer> => {
    const a = Engine.fromCorpus(await loadCorpus(writeCorpus(manyReports(values)))).compare("deaths");
    if (!("groups" in a)) throw new Error(JSON.stringify(a));
    return a;
  };

  it("shows at most MAX_FIGURES figures of the event, counts the rest, and keeps the smallest and largest", async () => {
    const values = Array.from({ length: MAX_FIGURES + 10 }, (_, k) => 100 + k);
    const a = await answer(values);
    const [group] = a.groups;
    expect(a.groups).toHaveLength(1);
    expect(group!.figures).toHaveLength(MAX_FIGURES);
    expect(group).toMatchObject({ figureCount: values.length, articleCount: values.length, omittedFigures: 10 });
    expect(a).toMatchObject({ truncated: true, totalGroups: 1, figureCount: values.length });
    const shown = group!.figures.map((f) => f.value);
    expect(shown).toContain(100);
    expect(shown).toContain(100 + values.length - 1);
    expect(group!.articleIds).toEqual(group!.figures.map((f) => f.articleId));
  });
  it("the agreement speaks only of figures shown, and a figure most articles repeat stays the consensus", async () => {
    const values = [...Array.from({ length: 40 }, () => 139), 120, 150, 160];
    const [group] = (await answer(values)).groups;
    const refs = new Set(group!.figures.map((f) => f.ref));
    for (const pair of group!.agreement.contradictions) for (const ref of pair) expect(refs.has(ref)).toBe(true);
    expect(group!.figures.map((f) => f.value)).toEqual(expect.arrayContaining([120, 150, 160, 139]));
    expect(group!.agreement.consensus).toMatchObject({ low: 139, high: 139 });
  });
  it("a small event is shown whole, with no truncation flag", async () => {
    const a = await answer([41, 45, 50]);
    expect(a.groups[0]!.figures).toHaveLength(3);
    expect(a.truncated).toBeUndefined();
    expect(a.groups[0]!.omittedFigures).toBeUndefined();
  });
});

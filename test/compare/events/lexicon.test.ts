import nlp from "compromise";
import { describe, expect, it } from "vitest";
import { actOfAgent, happeningOfVerb, isReportingVerb } from "../../../src/compare/events/lexicon";
import { tagsOf } from "../../../src/lexicon/compromise";
import { wordNet } from "../../../src/lexicon/wordnet";

describe("the happening a doer's noun or a past verb names (WordNet derivations)", () => {
  it("names a doer of force by the deed: bombers bomb, attackers attack", () => {
    expect(actOfAgent("bombers")).toBe("bombing");
    expect(actOfAgent("attacker")).toBe("attack");
  });
  it("names no deed for those a deed is done to, nor for work or care", () => {
    expect(actOfAgent("victims")).toBeNull();
    expect(actOfAgent("rescuers")).toBeNull();
    expect(actOfAgent("workers")).toBeNull();
  });
  it("names what a past verb did: exploded an explosion, bombed a bombing; a form not in the past nothing", () => {
    expect(happeningOfVerb("exploded")?.noun).toBe("explosion");
    expect(happeningOfVerb("bombed")?.noun).toBe("bombing");
    expect(happeningOfVerb("explode")).toBeNull();
  });
});

describe("reporting verbs among the irregular forms WordNet lacks (through compromise's conjugation model)", () => {
  it("says what running compromise's tagger on the form said, for every verb form of its lexicon WordNet lacks", () => {
    const lexicon = (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;
    const forms = Object.keys(lexicon).filter(
      (w) => /^\p{Ll}{3,}$/u.test(w) && tagsOf(w).some((t) => /Tense|Verb|Participle|Infinitive/.test(t)) && wordNet().senseCount(w, "v") === 0,
    );
    expect(forms.length).toBeGreaterThan(100);
    const byTagger = (w: string): boolean => {
      const inf = nlp(w).verbs().toInfinitive().text().toLowerCase();
      return !!inf && inf !== w && /^\p{Ll}+$/u.test(inf) && wordNet().lookup(inf, "v", 2)[0]?.lexname === "verb.communication";
    };
    expect(forms.filter((w) => isReportingVerb(w) !== byTagger(w))).toEqual([]);
    expect(["said", "told", "spoke"].map(isReportingVerb)).toEqual([true, true, true]);
  });
});

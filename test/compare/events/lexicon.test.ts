import { describe, expect, it } from "vitest";
import { actOfAgent, happeningOfVerb } from "../../../src/compare/events/lexicon";

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

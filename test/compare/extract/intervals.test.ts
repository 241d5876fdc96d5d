import { describe, expect, it } from "vitest";
import { contains, formatInterval, intersects, intervalOf } from "../../../src/compare/extract/intervals";

describe("intervalOf: what each qualifier allows", () => {
  it("an exact figure is one number", () => {
    const i = intervalOf({ value: 139 });
    expect(formatInterval(i)).toBe("139");
    expect(contains(i, 139)).toBe(true);
    expect(contains(i, 140)).toBe(false);
  });
  it('"over 130" is (130, ∞): 130 excluded, 131 and 10,000 allowed', () => {
    const i = intervalOf({ value: 130, qualifier: "over" });
    expect(formatInterval(i)).toBe("(130, ∞)");
    expect(contains(i, 130)).toBe(false);
    expect(contains(i, 131)).toBe(true);
    expect(contains(i, 10_000)).toBe(true);
  });
  it('"at least 6" is [6, ∞), "up to 20" (at most) is [0, 20], "under 20" is [0, 20)', () => {
    expect(formatInterval(intervalOf({ value: 6, qualifier: "at least" }))).toBe("[6, ∞)");
    expect(formatInterval(intervalOf({ value: 20, qualifier: "at most" }))).toBe("[0, 20]");
    expect(formatInterval(intervalOf({ value: 20, qualifier: "under" }))).toBe("[0, 20)");
  });
  it('"nearly 100" is just below 100: 95 yes, 100 and 80 no', () => {
    const i = intervalOf({ value: 100, qualifier: "nearly" });
    expect(formatInterval(i)).toBe("[90, 100)");
    expect(contains(i, 95)).toBe(true);
    expect(contains(i, 100)).toBe(false);
    expect(contains(i, 80)).toBe(false);
  });
  it('"around 175" is a band either side', () => {
    const i = intervalOf({ value: 175, qualifier: "about" });
    expect(contains(i, 170)).toBe(true);
    expect(contains(i, 185)).toBe(true);
    expect(contains(i, 140)).toBe(false);
  });
  it("ranges and vague counts keep the extractor's ends; a qualifier opens the outer end", () => {
    expect(formatInterval(intervalOf({ value: 130, high: 140 }))).toBe("[130, 140]");
    expect(formatInterval(intervalOf({ value: 12, high: 120, vague: true }))).toBe("[12, 120]");
    expect(formatInterval(intervalOf({ value: 130, high: 140, qualifier: "over" }))).toBe("(130, ∞)");
  });
});

describe("intersects: whole counts", () => {
  it("(130, ∞) meets 131 but not 130; (140, ∞) does not meet 139", () => {
    const over130 = intervalOf({ value: 130, qualifier: "over" });
    expect(intersects(over130, intervalOf({ value: 131 }))).toBe(true);
    expect(intersects(over130, intervalOf({ value: 130 }))).toBe(false);
    expect(intersects(intervalOf({ value: 140, qualifier: "over" }), intervalOf({ value: 139 }))).toBe(false);
  });
  it('"over 100" and "nearly 100" cannot both be true', () => {
    expect(intersects(intervalOf({ value: 100, qualifier: "over" }), intervalOf({ value: 100, qualifier: "nearly" }))).toBe(false);
  });
});

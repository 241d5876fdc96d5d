import { describe, expect, it } from "vitest";
import { standsAlone, summarize } from "../../src/source/summary";
import { contentStems } from "../../src/text/analyze";

// An invented news story: a river flood in a fictional town, with the distractions real articles carry.
const FLOOD_ARTICLE = [
  "Floodwater from the Marren river swept through the town of Elsbury on Tuesday, forcing hundreds of residents to leave their homes.", // 0 central lead
  "The local bakery celebrated its fiftieth anniversary with a cake shaped like a lighthouse last spring.", // 1 off-topic
  "Emergency crews used boats to rescue families trapped by the rising floodwater in the lower streets of the town.", // 2
  "Residents queue for sandbags", // 3 caption: no final punctuation
  "Was anyone warned about the flood before the river burst its banks?", // 4 question
  "It was awful.", // 5 too short
  "The river rose two metres overnight after three days of heavy rain, the town council said.", // 6
  "Council officials said the flood defences along the river had not been repaired since the last flood.", // 7
  "Emergency crews used boats to rescue families trapped by the rising floodwater in the lower streets of the town.", // 8 duplicate of 2
  "Schools in the town will stay closed until the floodwater recedes and the damage to buildings is assessed.", // 9
  "Forecasters expect more rain later in the week, raising fears that the river could flood the town again.", // 10
  "A charity has opened a shelter in the town hall for residents whose homes were damaged by the flood.", // 11
  "Insurers said the cost of repairing flooded homes in the town could run into millions.", // 12
];

function similar(a: string, b: string): number {
  const sa = new Set(contentStems(a));
  const sb = new Set(contentStems(b));
  const shared = [...sa].filter((s) => sb.has(s)).length;
  return shared / Math.max(1, Math.min(sa.size, sb.size));
}

describe("summarize", () => {
  it("returns 3 to 5 distinct indices in ascending article order for a long article", () => {
    const picked = summarize(FLOOD_ARTICLE);
    expect(picked.length).toBeGreaterThanOrEqual(3);
    expect(picked.length).toBeLessThanOrEqual(5);
    expect([...picked].sort((a, b) => a - b)).toEqual(picked);
    expect(new Set(picked).size).toBe(picked.length);
    for (const i of picked) expect(FLOOD_ARTICLE[i]).toBeDefined();
  });

  it("respects min and max options", () => {
    expect(summarize(FLOOD_ARTICLE, { min: 5, max: 5 })).toHaveLength(5);
    expect(summarize(FLOOD_ARTICLE, { min: 4, max: 5 })).toHaveLength(4);
    expect(summarize(FLOOD_ARTICLE, { min: 3, max: 2 })).toHaveLength(2);
  });

  it("returns every sentence, in order, when the article has fewer than the minimum", () => {
    const short = [
      "A new footbridge opened across the canal on Monday after two years of building work.",
      "The bridge links the railway station to the market square, the council said.",
    ];
    expect(summarize(short)).toEqual([0, 1]);
  });

  it("returns an empty list for empty input or blank sentences", () => {
    expect(summarize([])).toEqual([]);
    expect(summarize(["", "   "])).toEqual([]);
  });

  it("never picks a duplicate or near-duplicate pair, even when asked for the maximum", () => {
    const picked = summarize(FLOOD_ARTICLE, { min: 5, max: 5 });
    expect(picked.includes(2) && picked.includes(8)).toBe(false);
    for (const a of picked) {
      for (const b of picked) {
        if (a < b) expect(similar(FLOOD_ARTICLE[a]!, FLOOD_ARTICLE[b]!)).toBeLessThan(0.9);
      }
    }
  });

  it("prefers the central lead sentence over an off-topic one placed right after it", () => {
    const picked = summarize(FLOOD_ARTICLE);
    expect(picked).toContain(0);
    expect(picked).not.toContain(1);
  });

  it("skips captions, questions and very short sentences when there are enough others", () => {
    const picked = summarize(FLOOD_ARTICLE, { min: 5, max: 5 });
    for (const weak of [3, 4, 5]) expect(picked).not.toContain(weak);
  });

  it("falls back on weak sentences when there are too few good ones", () => {
    const sentences = ["Heavy snow", "Schools shut?", "The coastal road was closed on Friday because of flooding."];
    expect(summarize(sentences)).toEqual([0, 1, 2]);
  });

  it("is deterministic, including on ties", () => {
    const tied = ["The same words appear here once.", "The same words appear here twice.", "Other words stand apart here."];
    expect(summarize(FLOOD_ARTICLE)).toEqual(summarize([...FLOOD_ARTICLE]));
    expect(summarize(tied)).toEqual(summarize(tied));
    expect(summarize(tied, { min: 2, max: 2 })).toEqual(summarize(tied, { min: 2, max: 2 }));
  });
});

describe("standsAlone", () => {
  it("accepts a full declarative sentence, also one ending inside quotes", () => {
    expect(standsAlone("The council said the bridge would reopen next month.")).toBe(true);
    expect(standsAlone("“We will rebuild the bridge by the end of the year,” she said.")).toBe(true);
    expect(standsAlone("“We will rebuild every single home in this town.”")).toBe(true);
  });

  it("rejects captions, questions and fragments", () => {
    expect(standsAlone("Residents queue for sandbags outside the town hall")).toBe(false);
    expect(standsAlone("Who will pay for the repairs to the flooded homes?")).toBe(false);
    expect(standsAlone("It was awful.")).toBe(false);
  });
});

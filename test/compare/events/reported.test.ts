import { describe, expect, it } from "vitest";
import { parseArticle } from "../../../src/corpus/parse";
import { articleTime, reportOrder, reportTime, weekdayOnOrBefore } from "../../../src/compare/events/reported";

describe("reportTime: when a figure was reported", () => {
  it("is the article's date, with the dateline's time when the corpus gives one", () => {
    const a = parseArticle("001", "001_x.txt", "Title\n\nBody text of the article.\n");
    expect(articleTime({ ...a, meta: { ...a.meta, date: "2031-01-02" } })).toBe("2031-01-02");
    expect(articleTime({ ...a, meta: { ...a.meta, date: "2031-01-02", time: "16:47:30 UTC" } })).toBe("2031-01-02T16:47:30Z");
    expect(articleTime({ ...a, meta: { ...a.meta, date: "2031-01-02", time: "4:05 p.m." } })).toBe("2031-01-02T16:05:00");
    expect(articleTime(a)).toBeNull();
  });
  it("moves back to the weekday next to the reporting verb", () => {
    // 2031-01-02 is a Thursday: "said Wednesday" is 1 January.
    expect(weekdayOnOrBefore("2031-01-02", 3)).toBe("2031-01-01");
    expect(reportTime("2031-01-02T08:00:00Z", "Officials said Wednesday that 12 people died.").reportedAt).toBe("2031-01-01");
    expect(reportTime("2031-01-02", "The ferry sank on Wednesday, killing 12.").reportedAt).toBe("2031-01-02");
  });
  it("marks a figure the article reports as superseded, and one it reports as an update", () => {
    expect(reportTime("2031-01-02", "Police initially put the toll at 9.").timing).toBe("earlier");
    expect(reportTime("2031-01-02", "The toll rose to 15 on Thursday.").timing).toBe("update");
    expect(reportTime("2031-01-02", "Fifteen people died.").timing).toBeUndefined();
  });
  it("orders an article's superseded figure before its others, its update after, undated last", () => {
    const day = "2031-01-02";
    const [earlier, plain, update] = [reportTime(day, "initially 9"), reportTime(day, "15 died"), reportTime(day, "rose to 20")].map(reportOrder);
    expect(earlier! < plain! && plain! < update!).toBe(true);
    expect(reportOrder(reportTime(null, "15 died"))).toBeGreaterThan(update!);
  });
});

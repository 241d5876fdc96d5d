import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/corpus/parse";
import { readDateline, stripSlug } from "../../src/corpus/wire";
import { inferYear, parseMonthDay, parseTime } from "../../src/corpus/dates";

// Invented wire stories, one per dateline and byline form of the agencies' style guides.
const BODY = [
  "Rescue crews worked through the night to reach families trapped by the rising water, officials said on Tuesday.",
  "The river crested at nine metres, the highest level recorded at the town's gauge in forty years, the weather office said.",
  "\"We have never seen anything like this,\" said a volunteer who had spent the night filling sandbags near the bridge.",
];

function wire(...head: string[]): string {
  return [...head, ...BODY].join("\n\n") + "\n";
}

const meta = (text: string) => parseArticle("1", "1.txt", text).meta;

describe("datelines", () => {
  it("reads place, date and UTC time from a dateline line under the headline", () => {
    expect(meta(wire("River floods low-lying town, thousands flee", "MILLBROOK, Freedonia 2011-04-05 16:47:30 UTC"))).toMatchObject({
      title: "River floods low-lying town, thousands flee",
      place: "MILLBROOK, Freedonia",
      date: "2011-04-05",
      time: "16:47 UTC",
    });
  });

  it("reads a dateline that opens the first paragraph: 'CITY, Mon. D (AP) --' takes the agency as outlet", () => {
    const text = ["Floods force thousands from homes", `MILLBROOK, Fla., Apr. 5 (AP) -- ${BODY[0]}`, BODY[1]!, BODY[2]!].join("\n\n");
    expect(meta(text)).toMatchObject({ title: "Floods force thousands from homes", place: "MILLBROOK, Fla.", outlet: "AP", date: null });
  });

  it("reads 'CITY, Mon D, YYYY (AFP) -' with its year", () => {
    const text = ["Floods force thousands from homes", `PORT ELLIS, Apr 5, 2011 (AFP) - ${BODY[0]}`, BODY[1]!, BODY[2]!].join("\n\n");
    expect(meta(text)).toMatchObject({ place: "PORT ELLIS", outlet: "AFP", date: "2011-04-05", time: null });
  });

  it("leaves the date of 'CITY, Mon. D (Xinhua)' null when no other date fixes the year", () => {
    expect(meta(wire("Floods force thousands from homes", "MILLBROOK, Apr. 5 (Xinhua)"))).toMatchObject({
      place: "MILLBROOK",
      outlet: "Xinhua",
      date: null,
    });
  });

  it("takes the year of 'Mon. D' from a full date of the same week in the article, and not from an old one", () => {
    const recent = wire("Floods force thousands from homes", "MILLBROOK, Apr. 5 (Xinhua)", "The alert was first raised on April 3, 2011 by the river authority.");
    expect(meta(recent).date).toBe("2011-04-05");
    const old = wire("Floods force thousands from homes", "MILLBROOK, Apr. 5 (Xinhua)", "The last flood of this size struck on Sept. 9, 1998, the authority said.");
    expect(meta(old).date).toBeNull();
  });

  it("reads 'CITY (Reuters) -' as place and outlet", () => {
    const text = ["Floods force thousands from homes", `MILLBROOK (Reuters) - ${BODY[0]}`, BODY[1]!, BODY[2]!].join("\n\n");
    expect(meta(text)).toMatchObject({ place: "MILLBROOK", outlet: "Reuters" });
  });

  it("reads a place alone in capitals after the headline, and keeps a headline in capitals as the title", () => {
    expect(meta(wire("12 RESCUED AS FLOODWATERS RISE IN RIVER TOWN )", "MILLBROOK, Fla."))).toMatchObject({
      title: "12 RESCUED AS FLOODWATERS RISE IN RIVER TOWN",
      place: "MILLBROOK, Fla.",
      date: null,
    });
    expect(meta(wire("TOWN BRACES FOR SECOND FLOOD CREST", "LONDON"))).toMatchObject({ title: "TOWN BRACES FOR SECOND FLOOD CREST", place: "LONDON" });
  });

  it("never takes a dateline for the title, nor a sentence for a dateline", () => {
    expect(meta(wire("MILLBROOK, Freedonia 2011-04-05 16:47:30 UTC")).title).toBeNull();
    expect(readDateline("US officials said the river would crest on Tuesday.")).toBeNull();
    expect(readDateline("Senator Jane Roe (D-Fla.) said the levee held.")).toBeNull();
    expect(readDateline("Updated Apr 5, 2011 10:02 GMT")).toBeNull();
  });
});

describe("bylines and credits", () => {
  it("reads 'NAME, Associated Press Writer' as author and outlet", () => {
    expect(meta(wire("Floods force thousands from homes", "By Ann Marie Cole, Associated Press Writer", "MILLBROOK, Fla. (AP) _"))).toMatchObject({
      author: "Ann Marie Cole",
      outlet: "AP",
      place: "MILLBROOK, Fla.",
    });
    expect(meta(wire("Floods force thousands from homes", "Tom Reyes, AP Writer"))).toMatchObject({ author: "Tom Reyes", outlet: "AP" });
  });

  it("reads 'By NAME' and 'By NAME and NAME'", () => {
    expect(meta(wire("Floods force thousands from homes", "By Ann Cole")).author).toBe("Ann Cole");
    expect(meta(wire("Floods force thousands from homes", "By Ann Cole and Tom Reyes")).author).toBe("Ann Cole and Tom Reyes");
  });

  it("takes the agency from '... writer NAME contributed to this report'", () => {
    const text = wire("Floods force thousands from homes") + "\nAssociated Press writer Tom Reyes contributed to this report.\n";
    expect(meta(text).outlet).toBe("AP");
  });

  it("takes the agency that did the interviews ('told AFP'), not one credited as another outlet", () => {
    const told = wire("Floods force thousands from homes", `"The water came at night," a farmer told AFP by telephone from the flooded village.`);
    expect(meta(told).outlet).toBe("AFP");
    const cited = wire("Floods force thousands from homes", `"The water came at night," a farmer told Reuters news agency from the flooded village.`);
    expect(meta(cited).outlet).toBeNull();
  });

  it("reads 'Published' and 'Updated' lines with their time", () => {
    expect(meta(wire("Floods force thousands from homes", "Published: 10:32 AM EST, Tue April 5, 2011"))).toMatchObject({ date: "2011-04-05", time: "10:32 EST" });
    expect(meta(wire("Floods force thousands from homes", "Updated 5 April 2011 16:05"))).toMatchObject({ date: "2011-04-05", time: "16:05" });
  });

  it("drops wire slugs before the headline", () => {
    expect(stripSlug("2nd Ld Writethru: Toll rises to 40")).toBe("Toll rises to 40");
    expect(stripSlug("URGENT  Levee breaks in river town")).toBe("Levee breaks in river town");
    expect(stripSlug("URGENT WARNING ISSUED FOR RIVER TOWN")).toBe("URGENT WARNING ISSUED FOR RIVER TOWN");
  });
});

describe("dates and times", () => {
  it.each([
    ["16:47:30 UTC", "16:47 UTC"],
    ["10:42 a.m. EST", "10:42 EST"],
    ["4 p.m.", "16:00"],
    ["2023-01-05T10:00:00Z", "10:00 UTC"],
    ["at 12:15 am", "00:15"],
  ])("%s → %s", (text, time) => expect(parseTime(text)?.time).toBe(time));

  it("reads day and month without a year, and infers a year only when one year fits", () => {
    expect(parseMonthDay("TARSK, Nov. 16 (Xinhua)")).toMatchObject({ month: 11, day: 16 });
    expect(parseMonthDay("Nov. 16, 2007")).toBeNull();
    expect(inferYear({ month: 1, day: 2 }, ["2006-12-30"])).toBe(2007);
    expect(inferYear({ month: 1, day: 2 }, ["2005-09-05"])).toBeNull();
    expect(inferYear({ month: 1, day: 2 }, ["2006-12-30", "2008-01-01"])).toBeNull();
  });

  it("stays linear on hostile text: repeated month names and a cue before repeated weekday stems", () => {
    // Linear parsing takes milliseconds here; quadratic backtracking takes seconds and fails by the test timeout.
    const text = wire("Floods force thousands from homes", "published " + "mon".repeat(80000), "March ".repeat(80000));
    expect(meta(text)).toMatchObject({ title: "Floods force thousands from homes", date: null });
    expect(meta("published " + "mon".repeat(80000) + "\n").date).toBeNull();
  });
});

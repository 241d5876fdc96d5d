import { describe, expect, it } from "vitest";
import { countedThings } from "../../../src/compare/classify/counted";

describe("countedThings", () => {
  function roles(sentence: string): [number, string | null, string | null, string][] {
    return countedThings(sentence).map((c) => [c.quantity.value, c.noun, c.predicate, c.role]);
  }
  it("finds the predicate of each count inside its clause", () => {
    expect(roles("The attack left over 130 people dead, with over 100 others injured.")).toEqual([
      [130, "people", "dead", "victim"],
      [100, "others", "injure", "victim"],
    ]);
  });
  it("tells the agent from the victims of an active verb", () => {
    expect(roles("Two suicide bombers killed 84 Shiites.")).toEqual([
      [2, "bombers", "kill", "agent"],
      [84, "shiites", "kill", "victim"],
    ]);
  });
  it("reads passives, participles and intransitives as victims", () => {
    expect(roles("84 were killed.")).toEqual([[84, null, "kill", "victim"]]);
    expect(roles("The blast went off, killing 137 people.")).toEqual([[137, "people", "kill", "victim"]]);
    expect(roles("137 people died.")).toEqual([[137, "people", "die", "victim"]]);
    expect(roles("Six people killed in the attack were named.")).toEqual([[6, "people", "kill", "victim"]]);
    expect(roles("The four men arrested were charged.")).toEqual([[4, "men", "arrest", "victim"]]);
  });
  it("reads 'by N' as the agent", () => {
    expect(roles("The guards were killed by 3 gunmen.")).toEqual([[3, "gunmen", "kill", "agent"]]);
  });
  it("keeps the verbatim predicate text", () => {
    const [c] = countedThings("Police arrested 12 suspects.");
    expect(c).toMatchObject({ predicate: "arrest", predicateText: "arrested", role: "victim", noun: "suspects" });
  });
  it("does not let a verb reach a count past a comma", () => {
    const things = countedThings("He was killed by 3 gunmen, 4,000 people fled.");
    expect(things.find((c) => c.quantity.value === 4000)?.role).toBe("unknown");
  });
  it("reports unknown when no predicate is near", () => {
    expect(roles("The hall seats 6,000 people.")).toEqual([[6000, "people", null, "unknown"]]);
  });
  it("ignores non-count quantities", () => {
    expect(countedThings("In 2017, 20% of $5 million was lost.")).toEqual([]);
  });
});

describe("countedThings: a predicate governs a count only through the words a clause allows", () => {
  const read = (sentence: string) => countedThings(sentence).map((c) => [c.quantity.value, c.predicate, c.role]);

  it("does not give a later clause's predicate to the passengers a boat carried", () => {
    expect(read("A launch carrying 48 passengers sank near the delta, killing at least 11 people.")).toEqual([
      [48, null, "unknown"],
      [11, "kill", "victim"],
    ]);
  });
  it("does not give a predicate across a coordinated clause with its own verb", () => {
    expect(read("Four miners were found dead and nine others were flown out by helicopter.")).toEqual([
      [4, "dead", "victim"],
      [9, null, "unknown"],
    ]);
  });
  it("reads a subject's state from the adjective after it ('and 8 others alive')", () => {
    expect(read("In all 30 climbers were confirmed dead and 8 others alive.")).toEqual([
      [30, "dead", "victim"],
      [8, "survive", "victim"],
    ]);
  });
  it("reads 'left homeless' as displacement, never as deaths", () => {
    expect(read("Dozens of people died and thousands were left homeless by the floods.")).toEqual([
      [12, "die", "victim"],
      [1000, "displace", "victim"],
    ]);
  });
  it("takes the last predicate of one subject's chain ('survived ... but were badly injured')", () => {
    expect(read("Three other hikers survived the avalanche but were badly injured.")).toEqual([[3, "injure", "victim"]]);
    expect(read("Two guards were wounded and later died.")).toEqual([[2, "die", "victim"]]);
  });
  it("keeps the first predicate when no 'and'/'but' joins a second one", () => {
    expect(read("The six men detained were charged on Friday.")).toEqual([[6, "detain", "victim"]]);
  });
  it("reads the hurt from their condition, their injuries or their trip to hospital", () => {
    expect(read("Eleven pupils were taken to a nearby hospital.")).toEqual([[11, "injure", "victim"]]);
    expect(read("Police said one driver suffering from serious burns was arrested.")).toEqual([[1, "injure", "victim"]]);
    expect(read("Five children remain in critical condition.")).toEqual([[5, "injure", "victim"]]);
  });
  it("reads a casualty word between the number and its noun ('seven wounded soldiers')", () => {
    expect(countedThings("Seven wounded soldiers were flown home.").map((c) => [c.quantity.value, c.noun, c.predicate])).toEqual([
      [7, "soldiers", "wound"],
    ]);
  });
  it("skips an aside between a subject and its verb, and the aside's count shares the verb", () => {
    const things = countedThings("At least 60 people, including nine firefighters, were killed in the blaze.");
    expect(things.map((c) => [c.quantity.value, c.predicate, c.part?.of ?? null])).toEqual([
      [60, "kill", null],
      [9, "kill", "At least 60 people"],
    ]);
  });
  it("shares a verb between coordinated objects and coordinated subjects", () => {
    expect(read("The fire spread fast, killing 20 workers inside and 3 others on the street.")).toEqual([
      [20, "kill", "victim"],
      [3, "kill", "victim"],
    ]);
    expect(read("Two men and three women were arrested.")).toEqual([
      [2, "arrest", "victim"],
      [3, "arrest", "victim"],
    ]);
  });
  it("lets a toll noun reach its count over its phrase, and a verb over determiners only", () => {
    expect(read("The death toll from the quake in the north has risen to 212.")).toEqual([[212, "death", "victim"]]);
    expect(read("The blast killed a total of 19.")).toEqual([[19, "kill", "victim"]]);
    expect(read("She died in the arms of one of her nurses.")).toEqual([[1, null, "unknown"]]);
  });
  it("reads no figure from a negated clause", () => {
    expect(read("The 40 crew were not hurt.")).toEqual([[40, null, "unknown"]]);
  });
});

describe("countedThings: what English leaves out", () => {
  const read = (sentence: string) => countedThings(sentence).map((c) => [c.quantity.value, c.predicate, c.part ? "part" : "total"]);

  it("reads participles standing for their noun ('40 injured')", () => {
    expect(read("The quake left 9 dead, 41 injured and 2 missing.")).toEqual([
      [9, "dead", "total"],
      [41, "injure", "total"],
      [2, "missing", "total"],
    ]);
  });
  it("gives a verb left out after 'and' to its count ('and two more on Friday')", () => {
    expect(read("Three climbers died on Thursday and two more on Friday.")).toEqual([
      [3, "die", "total"],
      [2, "die", "total"],
    ]);
    expect(read("Three people died and 500 people fled their homes.")).toEqual([
      [3, "die", "total"],
      [500, null, "total"],
    ]);
  });
  it("reads 'N of them' as a part of the count before, with its predicate", () => {
    expect(read("At least 25 people were hurt, four of them critically.")).toEqual([
      [25, "hurt", "total"],
      [4, "hurt", "part"],
    ]);
  });
  it("reads lives claimed, cost or lost as deaths, and lives saved as none", () => {
    expect(read("The epidemic has claimed 85 lives.")).toEqual([[85, "kill", "total"]]);
    expect(read("Another 12 lives were lost at sea.")).toEqual([[12, "kill", "total"]]);
    expect(read("Doctors saved 40 lives.")).toEqual([[40, null, "total"]]);
  });
  it("does not reach past a count that is not the subject's own ('the funeral of the 8 who died')", () => {
    expect(read("About 900 people attended the funeral of the 8 miners who died.")).toEqual([
      [900, null, "total"],
      [8, "die", "total"],
    ]);
  });
  it("reads an acronym before a noun as a name, not the pronoun 'us'", () => {
    expect(countedThings("The raid killed 13 US marines.").map((c) => [c.quantity.value, c.noun])).toEqual([[13, "marines"]]);
  });
});

describe("countedThings: totals and parts", () => {
  const parts = (sentence: string) => countedThings(sentence).map((c) => [c.quantity.value, c.part ? c.part.of : "total"]);

  it("reads 'N of the group' as a part of that group", () => {
    expect(parts("By nightfall four of the climbers were dead.")).toEqual([[4, "the climbers"]]);
    expect(parts("The gunman shot the hostages, killing two of them.")).toEqual([[2, null]]);
  });
  it("reads 'N of the M' as the total of M taken, and M as no figure", () => {
    const [a, b] = countedThings("Fifty of the 70 people on the bus were injured.");
    expect([a!.quantity.value, a!.predicate, a!.part]).toEqual([50, "injure", undefined]);
    expect([b!.quantity.value, b!.predicate]).toEqual([70, null]);
  });
  it("reads 'including N', 'among the dead were N' and 'in one town alone' as parts", () => {
    expect(parts("Floods killed 300 people, including 40 children.")).toEqual([[300, "total"], [40, "300 people"]]);
    expect(parts("Among the dead were 12 tourists.")).toEqual([[12, null]]);
    expect(parts("In one district alone 90 people died.").find(([v]) => v === 90)).toEqual([90, null]);
  });
});

describe("countedThings: breakdowns", () => {
  const parts = (sentence: string) => countedThings(sentence).map((c) => [c.quantity.value, c.predicate, c.part ? "part" : "total"]);

  it("reads counts joined by 'and' under one predicate as a breakdown", () => {
    expect(parts("The strike killed 40 villagers and 6 UN staff.")).toEqual([
      [40, "kill", "part"],
      [6, "kill", "part"],
    ]);
  });
  it("reads 'N ... among the dead' as a part, and a bare 'toll' as the death toll", () => {
    expect(parts("The toll rose to 75, with 9 Canadian tourists among the dead.")).toEqual([
      [75, "death", "total"],
      [9, "dead", "part"],
    ]);
  });
  it("reads two counts of different people side by side, their 'and' or comma left out, as a breakdown under one verb", () => {
    expect(parts("The raid on the depot left around 60 villagers 9 police officers killed.")).toEqual([
      [60, "kill", "part"],
      [9, "kill", "part"],
    ]);
    expect(parts("The raid left around 60 villagers, 9 police officers dead.")).toEqual([
      [60, "dead", "part"],
      [9, "dead", "part"],
    ]);
    expect(parts("In 2019 12 soldiers were killed.")).toEqual([[12, "kill", "total"]]);
  });
  it("does not read 'or' as a breakdown", () => {
    expect(parts("Officials said 10 or 12 people were killed.")).toEqual([
      [10, "kill", "total"],
      [12, "kill", "total"],
    ]);
  });
});

describe("countedThings: bodies counted are deaths", () => {
  it("reads recovered bodies and corpses as the dead", () => {
    for (const sentence of ["Divers had recovered about 30 bodies by Sunday.", "Nine corpses were pulled from the river."]) {
      const [c] = countedThings(sentence);
      expect([c!.predicate, c!.bodies]).toEqual(["dead", true]);
    }
  });
  it("does not read body bags as bodies", () => {
    const [c] = countedThings("The army flew in hundreds of body bags.");
    expect(c!.bodies).toBeUndefined();
  });
});

describe("countedThings: linear in the sentence", () => {
  // Each would take minutes if a count scanned every token or predicate; run, they finish at once.
  it("reads a long run of clauses with a count and a predicate each", () => {
    const n = 3000;
    const things = countedThings("The " + "5 were killed and ".repeat(n));
    expect(things.length).toBe(n);
    expect(things.every((c) => c.predicate === "kill")).toBe(true);
  });
  it("reads a long run of ranges", () => {
    const n = 24_000;
    const things = countedThings("between 1 and 2 people ".repeat(n));
    expect(things.length).toBe(n);
    expect(things[n - 1]!.quantity).toMatchObject({ value: 1, high: 2, noun: "people" });
  });
});

describe("countedThings: 'lost N people'", () => {
  const read = (sentence: string) => countedThings(sentence).map((c) => [c.quantity.value, c.predicate]);
  it("reads people lost in a sentence about deaths (a war, a disaster) as a toll", () => {
    expect(read("The province has lost 2,400 people since the war began.")).toEqual([[2400, "lose"]]);
    expect(read("The valley lost 60 villagers in the earthquake.")).toEqual([[60, "lose"]]);
  });
  it("reads no toll where nothing speaks of deaths, nor when things or the subject are lost", () => {
    expect(read("The party lost 20 members in the election.")).toEqual([[20, null]]);
    expect(read("The valley lost 60 houses in the earthquake.")).toEqual([[60, null]]);
    expect(read("Sixty villagers lost their homes in the earthquake.")).toEqual([[60, null]]);
  });
});

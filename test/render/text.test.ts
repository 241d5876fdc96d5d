import { beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../../src/engine/engine";
import { renderText } from "../../src/render/text";
import { renderCompare } from "../../src/discord/render-compare";
import type { CompareAnswer } from "../../src/compare/answer/compare";
import { SEED_DIR } from "../support/corpus";

let answer: CompareAnswer;
beforeAll(async () => {
  const engine = await Engine.open(SEED_DIR);
  const reply = engine.compare("deaths");
  if (!("groups" in reply)) throw new Error("expected figures on deaths");
  answer = reply as CompareAnswer;
});

/** The seed answer as if its main event had 40 figures of which the first ones are shown. */
function capped(): CompareAnswer {
  const [main, ...rest] = answer.groups;
  return { ...answer, totalGroups: answer.totalGroups + 3, truncated: true, groups: [{ ...main!, figureCount: 40, omittedFigures: 40 - main!.figures.length }, ...rest] };
}

describe("rendering a capped /compare answer", () => {
  it("console: counts the whole event and says how many figures are shown", () => {
    const text = renderText(capped());
    expect(text).toMatch(new RegExp(`in ${answer.totalGroups + 3} events`));
    expect(text).toMatch(new RegExp(`\\(40 figures from \\d+ articles?, showing ${answer.groups[0]!.figures.length}\\)`));
  });

  it("Discord: the overview counts the whole event and says a choice is shown", () => {
    const [first] = renderCompare(capped());
    const description = JSON.stringify(first!.embeds);
    expect(description).toMatch(/40 figures from/);
    expect(description).toMatch(/showing \d+/);
  });

  it("console: an answer that is not capped says nothing of showing", () => {
    expect(renderText(answer)).not.toMatch(/showing/);
  });
});

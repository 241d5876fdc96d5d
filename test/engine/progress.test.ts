import { describe, expect, it } from "vitest";
import { progress } from "../../src/engine/progress";

function sink(isTTY: boolean) {
  const out: string[] = [];
  return { out, stream: { isTTY, write: (t: string) => out.push(t) } };
}

describe("progress", () => {
  it("logs plain lines at each quarter when stderr is not a terminal", () => {
    const { out, stream } = sink(false);
    const p = progress("Reading", stream);
    for (let i = 1; i <= 1000; i++) p.update(i, 1000);
    p.finish("done");
    expect(out).toEqual(["Reading: 250/1000 (25%)\n", "Reading: 500/1000 (50%)\n", "Reading: 750/1000 (75%)\n", "done\n"]);
  });

  it("redraws one bar in place on a terminal, throttled, and clears it at the end", () => {
    const { out, stream } = sink(true);
    let clock = 0;
    const p = progress("Indexing", stream, () => clock);
    for (let i = 1; i <= 1000; i++) {
      clock += 1;
      p.update(i, 1000);
    }
    p.finish("Indexed");
    expect(out.length).toBeLessThan(20);
    expect(out.every((t) => !t.slice(0, -1).includes("\n"))).toBe(true);
    expect(out.at(-3)).toContain("[##############################] 100% 1000/1000");
    expect(out.slice(-2)).toEqual(["\r\x1b[2K", "Indexed\n"]);
  });

  it("stays silent for small work", () => {
    const { out, stream } = sink(false);
    const p = progress("Reading", stream);
    for (let i = 1; i <= 5; i++) p.update(i, 5);
    expect(out).toEqual([]);
  });
});

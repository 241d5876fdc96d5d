import { describe, expect, it } from "vitest";
import { memoizeByWord } from "../../src/text/memo";

describe("memoizeByWord", () => {
  it("computes a word's answer once, and again past its limit without keeping it", () => {
    const asked: string[] = [];
    const upper = memoizeByWord((w) => {
      asked.push(w);
      return w.toUpperCase();
    }, 2);
    expect([upper("a"), upper("a"), upper("b"), upper("c"), upper("c")]).toEqual(["A", "A", "B", "C", "C"]);
    expect(asked).toEqual(["a", "b", "c", "c"]);
  });

  it("remembers answers that are false or null too", () => {
    let calls = 0;
    const none = memoizeByWord(() => {
      calls++;
      return null;
    });
    none("x");
    none("x");
    expect(calls).toBe(1);
  });
});

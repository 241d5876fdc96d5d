import { describe, expect, it } from "vitest";
import { memoizeByWord, memoizeRecent } from "../../src/text/memo";

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

  it("remembers answers that are false, null or undefined too", () => {
    for (const answer of [false, null, undefined]) {
      let calls = 0;
      const none = memoizeByWord(() => {
        calls++;
        return answer;
      });
      expect([none("x"), none("x")]).toEqual([answer, answer]);
      expect(calls).toBe(1);
    }
  });
});

describe("memoizeRecent", () => {
  it("keeps the answers of recent keys and starts afresh past its limit", () => {
    const asked: number[] = [];
    const square = memoizeRecent((n: number) => {
      asked.push(n);
      return n * n;
    }, 2);
    expect([square(1), square(1), square(2), square(3), square(3), square(1)]).toEqual([1, 1, 4, 9, 9, 1]);
    // 3 cleared the memo (1 and 2 forgotten) and was kept; 1 is computed again.
    expect(asked).toEqual([1, 2, 3, 1]);
  });
});

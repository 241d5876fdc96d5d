import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../../src/engine/engine";
import { askSuggestions } from "../../src/discord/suggest";
import { articleText, writeCorpus } from "../support/corpus";

describe("/ask autocomplete from the engine's vocabulary", () => {
  let engine: Engine;
  beforeAll(async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 40; i++) {
      const id = String(i).padStart(3, "0");
      files[`${id}_harbour.txt`] = articleText(`Harbour report number ${i}`, [
        `The group claimed the blast in the harbour on day ${i}. Officials said the group claimed it twice.`,
        "A spokesman claims nothing, and the mayor kept claiming calm in the harbour district.",
      ]);
    }
    files["041_long.txt"] = articleText(`Harbour ${"very ".repeat(30)}long headline`, ["The harbour was calm."]);
    engine = await Engine.open(writeCorpus(files));
  });

  it("completes the last word once per stem, in its most frequent form", () => {
    const values = askSuggestions(engine, "who cla").map((c) => c.value);
    expect(values[0]).toBe("who cla");
    expect(values.filter((v) => v.startsWith("who claim"))).toEqual(["who claimed"]);
  });

  it("offers at most 25 choices of 1 to 100 characters, titles included", () => {
    const choices = askSuggestions(engine, "harbour");
    expect(choices).toHaveLength(25);
    expect(choices.map((c) => c.value)).toContain("Harbour report number 1");
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThanOrEqual(1);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value).toBe(c.name);
    }
  });

  it("offers the same choices from an engine restored from the index cache", async () => {
    const dir = writeCorpus({ "001_a.txt": articleText("Harbour calm again", [
        "The group claimed the harbour blast on Monday, and claims of a second device came after it.",
        "Officials said the district would reopen once divers had searched the quay and the boats.",
      ]) });
    const cacheDir = mkdtempSync(join(tmpdir(), "vocabulary-cache-"));
    const built = await Engine.open(dir, { cache: { dir: cacheDir } });
    const restored = await Engine.open(dir, { cache: { dir: cacheDir } });
    expect(restored.fromCache).toBe(true);
    expect(askSuggestions(restored, "harbour ca")).toEqual(askSuggestions(built, "harbour ca"));
    expect(askSuggestions(restored, "harbour ca").map((c) => c.value)).toEqual(["harbour ca", "harbour came", "Harbour calm again"]);
  });
});

import { describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { CorpusError, loadCorpus } from "../../src/corpus/load";
import { articleText, writeCorpus } from "../support/corpus";

const good = articleText("Bridge to open", [
  "The council said on Tuesday that the new bridge would open in the spring, after two years of delays.",
  "Engineers said the repairs cost more than expected, but that the bridge is now safer than before.",
]);

describe("loadCorpus", () => {
  it("takes the id from the digits that start the file name", async () => {
    const corpus = await loadCorpus(writeCorpus({ "003_870b56f95cc585d9.txt": good, "12-notes.txt": good }));
    expect(corpus.articles.map((a) => a.id)).toEqual(["003", "12"]);
  });

  it("skips a file without an id, with a warning naming it", async () => {
    const corpus = await loadCorpus(writeCorpus({ "001_a.txt": good, "notes.txt": good }));
    expect(corpus.articles).toHaveLength(1);
    expect(corpus.warnings).toEqual([{ file: "notes.txt", message: expect.stringMatching(/no article id/) }]);
  });

  it("skips a duplicate id and says which file has it", async () => {
    const corpus = await loadCorpus(writeCorpus({ "001_a.txt": good, "1_b.txt": good }));
    expect(corpus.articles.map((a) => a.file)).toEqual(["001_a.txt"]);
    expect(corpus.warnings[0]!.message).toMatch(/duplicate id 1: 001_a.txt/);
  });

  it("skips empty, binary, non-UTF-8 and furniture-only files, one warning each", async () => {
    const corpus = await loadCorpus(
      writeCorpus({
        "001_good.txt": good,
        "002_empty.txt": "",
        "003_binary.txt": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
        "004_latin1.txt": Buffer.from("Caf\xe9 au lait et cr\xe8me", "latin1"),
        "005_menu.txt": "Home\nMenu\nShare\nSubscribe\n",
      }),
    );
    expect(corpus.articles.map((a) => a.id)).toEqual(["001"]);
    expect(corpus.warnings.map((w) => [w.file, w.message])).toEqual([
      ["002_empty.txt", expect.stringMatching(/empty/)],
      ["003_binary.txt", expect.stringMatching(/binary/)],
      ["004_latin1.txt", expect.stringMatching(/UTF-8/)],
      ["005_menu.txt", expect.stringMatching(/no article text/)],
    ]);
  });

  it("ignores subfolders with a warning", async () => {
    const dir = writeCorpus({ "001_good.txt": good });
    mkdirSync(join(dir, "002_folder"));
    const corpus = await loadCorpus(dir);
    expect(corpus.articles).toHaveLength(1);
    expect(corpus.warnings[0]).toMatchObject({ file: "002_folder", message: expect.stringMatching(/not a regular file/) });
  });

  it("throws a CorpusError that says what to do when the folder is missing", async () => {
    await expect(loadCorpus("/nonexistent/corpus")).rejects.toThrow(CorpusError);
    await expect(loadCorpus("/nonexistent/corpus")).rejects.toThrow(/does not exist/);
  });

  it("gives every sentence offsets into the raw file", async () => {
    const corpus = await loadCorpus(writeCorpus({ "001_good.txt": good }));
    const a = corpus.articles[0]!;
    for (const s of a.sentences) expect(a.raw.slice(s.start, s.end)).toBe(s.text);
    for (const p of a.paragraphs) expect(a.raw.slice(p.start, p.end)).toBe(p.text);
  });

  it("joins hard-wrapped lines into paragraphs", async () => {
    const wrapped = [
      "Bridge to open",
      "",
      "The council said on Tuesday that the new bridge",
      "would open in the spring, after two years of",
      "delays and a budget that doubled.",
      "",
      "Engineers said the repairs cost more than",
      "expected, but that the bridge is now safer.",
      "",
    ].join("\n");
    const corpus = await loadCorpus(writeCorpus({ "001_w.txt": wrapped }));
    const a = corpus.articles[0]!;
    expect(a.paragraphs).toHaveLength(2);
    expect(a.sentences[0]!.text.replace(/\s+/g, " ")).toBe(
      "The council said on Tuesday that the new bridge would open in the spring, after two years of delays and a budget that doubled.",
    );
  });
});

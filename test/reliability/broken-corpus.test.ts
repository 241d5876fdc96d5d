/**
 * A corpus full of files that are not articles: each one is skipped with exactly one warning that names
 * it and says why, every good article is still served, and a corpus with nothing usable stops the start
 * with a clear message (the CLI exits non-zero).
 */
import { describe, expect, it } from "vitest";
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { loadCorpus } from "../../src/corpus/load";
import { Engine } from "../../src/engine/engine";
import { CorpusError } from "../../src/corpus/load";
import { articleText, writeCorpus } from "../support/corpus";
import { ROOT, runCli } from "../support/child";

const TWENTY_MB = 20 * 1024 * 1024;
/** The conventional "nobody" account: root can drop to it to see what an unprivileged reader gets. */
const NOBODY = 65534;
const IS_ROOT = process.getuid?.() === 0;

const good = (title: string): string =>
  articleText(title, [
    `The council said on Tuesday that the ${title.toLowerCase()} would go ahead in the spring, after two years of delays.`,
    "Engineers said the repairs cost more than expected, but that the work is now safer than before.",
  ]);

/** name → why it must be skipped (a fragment of the warning). */
const BAD: Record<string, RegExp> = {
  "010_empty.txt": /empty/,
  "011_image.txt": /binary/,
  "012_huge.txt": /too large \(20\.0 MB/,
  "013_latin1.txt": /not valid UTF-8/,
  "014_no-sentences.txt": /no article text/,
  "015_whitespace.txt": /only whitespace/,
  "016_zero-width.txt": /no article text/,
  "017_utf16.txt": /UTF-16/,
  "018_control-bytes.txt": /binary/,
  "001_zz-duplicate.txt": /duplicate id 001: 001_first\.txt/,
  "notes.txt": /no article id/,
  "README-not-an-id.txt": /no article id/,
  "020_loop.txt": /symbolic link that loops/,
  "021_loop-a.txt": /symbolic link that loops/,
  "022_loop-b.txt": /symbolic link that loops/,
  "023_dangling.txt": /broken symbolic link/,
  "024_folder.txt": /a folder/,
  "025_fifo.txt": /named pipe/,
  "026_link-to-folder.txt": /outside the corpus folder/,
  "027_link-to-dev-zero.txt": /outside the corpus folder/,
  "028_link-to-env.txt": /outside the corpus folder/,
  "029_link-to-hidden.txt": /hidden file/,
  "031_linked.txt": /outside the corpus folder/,
  "catalog.json": /ignored: .*named pipe/,
};

function buildBrokenCorpus(): string {
  const dir = writeCorpus({
    "001_first.txt": good("Bridge"),
    "002_second.txt": good("Library"),
    // Ids longer than 2^53 must stay distinct articles (not a false "duplicate").
    "12345678901234567890_big.txt": good("Harbour"),
    "12345678901234567891_bigger.txt": good("Stadium"),
    "030_symlinked.txt": good("Museum"),
    "010_empty.txt": "",
    "011_image.txt": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    // Real text, only too much of it: it must be refused for its size, unread.
    "012_huge.txt": good("Tunnel").repeat(Math.ceil(TWENTY_MB / good("Tunnel").length)).slice(0, TWENTY_MB),
    "013_latin1.txt": Buffer.from("Le conseil a dit mardi que le pont ouvrira au printemps, apr\xe8s deux ann\xe9es de retard.", "latin1"),
    "014_no-sentences.txt": "Home\n\nMenu\n\n12345\n\n— — —\n",
    "015_whitespace.txt": " \n\t\n  \r\n",
    "016_zero-width.txt": "\u200b\u200c\u200d\u2060\n\u200b",
    "017_utf16.txt": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good("Ferry"), "utf16le")]),
    "018_control-bytes.txt": Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x07 : 0x41 + (i % 26)))),
    "001_zz-duplicate.txt": good("Duplicate"),
    "notes.txt": good("Notes"),
    "README-not-an-id.txt": good("Readme"),
  });
  symlinkSync("020_loop.txt", join(dir, "020_loop.txt"));
  symlinkSync("022_loop-b.txt", join(dir, "021_loop-a.txt"));
  symlinkSync("021_loop-a.txt", join(dir, "022_loop-b.txt"));
  symlinkSync(join(dir, "does-not-exist.txt"), join(dir, "023_dangling.txt"));
  mkdirSync(join(dir, "024_folder.txt"));
  execFileSync("mkfifo", [join(dir, "025_fifo.txt")]);
  symlinkSync(tmpdir(), join(dir, "026_link-to-folder.txt"));
  symlinkSync("/dev/zero", join(dir, "027_link-to-dev-zero.txt"));
  // The bot's own secrets, beside the corpus or inside it under a dot name, are never read.
  writeFileSync(join(dir, "..", `${basename(dir)}.env`), "DISCORD_TOKEN=not-to-be-read");
  symlinkSync(join(dir, "..", `${basename(dir)}.env`), join(dir, "028_link-to-env.txt"));
  writeFileSync(join(dir, ".env"), "DISCORD_TOKEN=not-to-be-read");
  symlinkSync(".env", join(dir, "029_link-to-hidden.txt"));
  const outside = mkdtempSync(join(tmpdir(), "outside-"));
  writeFileSync(join(outside, "museum.txt"), good("Museum"));
  // Even a good article elsewhere: nothing outside the folder is read.
  symlinkSync(join(outside, "museum.txt"), join(dir, "031_linked.txt"));
  // A catalog that is a named pipe would block a plain read forever.
  execFileSync("mkfifo", [join(dir, "catalog.json")]);
  return dir;
}

describe("a corpus of broken files", () => {
  it("skips each bad file with exactly one warning naming it and why, and serves every good article", async () => {
    const dir = buildBrokenCorpus();
    const corpus = await loadCorpus(dir);

    expect(corpus.articles.map((a) => a.file).sort()).toEqual(
      ["001_first.txt", "002_second.txt", "030_symlinked.txt", "12345678901234567890_big.txt", "12345678901234567891_bigger.txt"].sort(),
    );
    for (const [file, why] of Object.entries(BAD)) {
      const mine = corpus.warnings.filter((w) => w.file === file);
      expect(mine, `warnings for ${file}`).toHaveLength(1);
      expect(mine[0]!.message, file).toMatch(/^(skipped|ignored): /);
      expect(mine[0]!.message, file).toMatch(why);
    }
    expect(corpus.warnings).toHaveLength(Object.keys(BAD).length);
    expect(JSON.stringify(corpus.articles)).not.toContain("not-to-be-read");
  });

  it("answers from the good articles of a broken corpus", async () => {
    const engine = await Engine.open(buildBrokenCorpus());
    const answer = engine.ask("when will the harbour go ahead?");
    expect("results" in answer && answer.results.some((r) => r.articleId === "12345678901234567890")).toBe(true);
    const src = engine.source({ id: "12345678901234567891" });
    expect(JSON.stringify(src)).toContain("the stadium would go ahead");
  });

  it("skips a file it has no permission to read", async () => {
    const dir = writeCorpus({ "001_readable.txt": good("Bridge"), "002_locked.txt": good("Locked") });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, "001_readable.txt"), 0o644);
    chmodSync(join(dir, "002_locked.txt"), 0o000);
    if (!IS_ROOT) {
      const corpus = await loadCorpus(dir);
      expect(corpus.articles.map((a) => a.file)).toEqual(["001_readable.txt"]);
      expect(corpus.warnings).toEqual([{ file: "002_locked.txt", message: expect.stringMatching(/permission denied/) }]);
      return;
    }
    // Root reads a mode-000 file anyway, so load it as the unprivileged "nobody", as a real bot user would be.
    const r = loadAs(NOBODY, dir);
    if (r.error) {
      console.warn(`permission case skipped: running as root and cannot drop to uid ${NOBODY} (${r.error})`);
      return;
    }
    expect(r.files).toEqual(["001_readable.txt"]);
    expect(r.warnings).toEqual([{ file: "002_locked.txt", message: expect.stringMatching(/permission denied/) }]);
  });

  it("refuses to start on a corpus with no usable article, saying why", async () => {
    const dir = writeCorpus({ "001_empty.txt": "", "notes.txt": good("Notes") });
    await expect(Engine.open(dir)).rejects.toThrow(CorpusError);
    await expect(Engine.open(dir)).rejects.toThrow(/No article to serve in .*2 files skipped/);
    await expect(Engine.open(mkdtempSync(join(tmpdir(), "empty-corpus-")))).rejects.toThrow(/No article to serve/);
  });

  it("the CLI exits non-zero with the reason and each skipped file on stderr", () => {
    const dir = writeCorpus({ "001_empty.txt": "", "002_image.txt": Buffer.from([0, 1, 2, 3]) });
    const r = runCli(["--corpus", dir, "/help"]);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/Cannot start: No article to serve/);
    expect(r.stderr).toMatch(/001_empty\.txt: skipped: the file is empty/);
    expect(r.stderr).toMatch(/002_image\.txt: skipped: a binary file/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it("a corpus folder that is a file, or missing, is a clear CorpusError", async () => {
    const dir = writeCorpus({ "001_a.txt": good("Bridge") });
    await expect(loadCorpus(join(dir, "001_a.txt"))).rejects.toThrow(/is not a folder/);
    await expect(loadCorpus(join(dir, "missing"))).rejects.toThrow(/does not exist/);
  });
});

interface LoadResult {
  files?: string[];
  warnings?: { file: string; message: string }[];
  error?: string;
}

/** Runs the loader in a child process as another user and returns what it loaded. */
function loadAs(uid: number, dir: string): LoadResult {
  const script = `import(${JSON.stringify(join(ROOT, "src/corpus/load.ts"))}).then(async (m) => {
    const c = await m.loadCorpus(process.argv[1]);
    process.stdout.write(JSON.stringify({ files: c.articles.map((a) => a.file), warnings: c.warnings }));
  });`;
  const r = spawnSync(process.execPath, ["--import", "tsx", "-e", script, dir], { cwd: ROOT, uid, gid: uid, encoding: "utf8", timeout: 60_000 });
  if (r.error) return { error: r.error.message };
  if (r.status !== 0) return { error: `exit ${r.status}: ${r.stderr.slice(0, 300)}` };
  return JSON.parse(r.stdout) as LoadResult;
}

// `npm start` without a token (the console), left running: when the articles change it says so in one
// line naming only the warnings that are new, not every warning of the start again.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { articleText, writeCorpus } from "../support/corpus";
import { startTsx } from "../support/child";

const article = (title: string) =>
  articleText(title, [`The council said on Tuesday that the ${title} would open in the spring, after two years of delays.`, "Engineers said the repairs cost more than expected."]);

describe("the console's re-index notice", () => {
  it("is one line with only the new warnings", async () => {
    const dir = writeCorpus({ "001_bridge.txt": article("bridge"), "notes.txt": "no id in this name" });
    const run = startTsx(["src/main.ts"], { ...process.env, DISCORD_TOKEN: "", CORPUS_DIR: dir, CORPUS_WATCH: "on", CORPUS_POLL_MS: "200" });
    try {
      await run.waitFor(/Indexed 1 article from/, "the start");
      expect(run.output()).toMatch(/warning: notes\.txt/);
      writeFileSync(join(dir, "002_tunnel.txt"), article("tunnel"));
      writeFileSync(join(dir, "003_empty.txt"), "");
      // The two files may be seen by one reload or by two in a row: wait for the one that saw the empty file.
      await run.waitFor(/corpus changed: .*new warning: 003_empty.*\n/, "the re-index notice");
      const notices = run.output().split("\n").filter((l) => l.startsWith("corpus changed"));
      expect(notices.filter((l) => /new warning/.test(l))).toEqual([expect.stringMatching(/^corpus changed: now serving \d articles?, rebuilt in \d+ ms; 1 new warning: 003_empty\.txt: /)]);
      expect(run.output().match(/notes\.txt/g)).toHaveLength(1);
    } finally {
      run.proc.stdin!.end();
      run.proc.kill("SIGKILL");
    }
  }, 60_000);
});

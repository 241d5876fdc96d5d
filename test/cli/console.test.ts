// The local console on a terminal: a notice from the corpus watcher lands on its own line above the
// prompt, which is redrawn with what the user had typed.
import { describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import { openConsole } from "../../src/cli/console";
import { Engine } from "../../src/engine/engine";
import { SEED_DIR } from "../support/corpus";
import { until } from "../support/wait";

describe("local console", () => {
  it("prints a notice above the prompt and redraws the prompt and the typed text", async () => {
    const engine = await Engine.open(SEED_DIR);
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = "";
    // What the terminal shows, cursor movements left out.
    output.on("data", (d: Buffer) => (shown += d.toString().replace(/\x1b\[[0-9;]*[A-Za-z]/g, "")));
    const local = openConsole(engine, { input, output, terminal: true });
    const done = local.run();
    await until(() => shown.endsWith("> "), "the prompt");
    input.write("/ask who cl");
    await until(() => shown.endsWith("/ask who cl"), "the typed text echoed");
    const before = shown.length;
    local.notice("corpus changed: now serving 6 articles, rebuilt in 12 ms");
    const after = shown.slice(before);
    // Cleared line, the notice, then the prompt with the typed text again.
    expect(after).toBe("corpus changed: now serving 6 articles, rebuilt in 12 ms\n> /ask who cl");
    input.end("/quit\n");
    await done;
  });
});

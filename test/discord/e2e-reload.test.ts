// End to end: /reload rebuilds in the background and swaps atomically; commands keep being answered
// from the old engine meanwhile; a failed rebuild keeps the old engine and says why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/engine";
import { EPHEMERAL, OTHER_USER_ID, onlyCallback, seed, startHarness, type Harness } from "./harness";

describe("/reload", () => {
  let h: Harness;
  let release: () => void = () => {};
  let fail = false;
  let builds = 0;

  beforeAll(async () => {
    h = await startHarness({
      async build(): Promise<Engine> {
        builds += 1;
        await new Promise<void>((resolve) => (release = resolve));
        if (fail) throw new Error("No article to serve in /nowhere.");
        return seed();
      },
    });
  });
  afterAll(async () => {
    release();
    await h?.close();
  });

  const editOf = async (id: string) => {
    const token = h.fake.interaction(id)!.token;
    const [edit] = await h.fake.waitForWebhookEdit(token);
    return edit!.body;
  };

  it("defers privately, keeps answering from the old engine during the rebuild, then swaps", async () => {
    const before = h.holder.current;
    const reload = h.fake.sendCommand("reload");
    const deferred = await onlyCallback(h.fake, reload);
    expect(deferred.type).toBe(5);
    expect(deferred.flags).toBe(EPHEMERAL);
    expect(h.holder.reloading).toBe(true);

    const ask = await onlyCallback(h.fake, h.fake.sendCommand("ask", { question: "what happened" }, { userId: "400000000000000777" }));
    expect(ask.type).toBe(4); // answered while the rebuild waits
    expect(ask.data.embeds[0].description).toContain("> ");
    expect(h.holder.current).toBe(before);

    release();
    const body = await editOf(reload);
    expect(body.embeds[0].title).toBe("Articles reloaded");
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(h.holder.generation).toBe(1);
    expect(builds).toBe(1);
  });

  it("a failed rebuild keeps the old engine and reports why, privately", async () => {
    fail = true;
    const before = h.holder.current;
    const reload = h.fake.sendCommand("reload");
    await onlyCallback(h.fake, reload);
    await new Promise((r) => setTimeout(r, 20));
    release();
    const body = await editOf(reload);
    expect(body.content).toMatch(/Reload failed .* still serving the previous \d+ articles?: No article to serve/);
    expect(h.holder.current).toBe(before);
    fail = false;
  });

  it("refuses a user who is not an administrator", async () => {
    const reload = h.fake.sendCommand("reload", {}, { userId: OTHER_USER_ID });
    const deferred = await onlyCallback(h.fake, reload);
    expect(deferred.flags).toBe(EPHEMERAL);
    const body = await editOf(reload);
    expect(body.content).toMatch(/Only server administrators/);
    expect(h.holder.reloading).toBe(false);
  });
});

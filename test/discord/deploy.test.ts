// `npm run deploy` against the fake Discord's command routes: guild when DISCORD_GUILD_ID is set, else global.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, requireDeployConfig } from "../../src/config";
import { commandBodies, deployCommands } from "../../src/discord/deploy-commands";
import { FAKE_TOKEN, startFakeDiscord, type FakeDiscord, type Json } from "../support/fake-discord";

describe("deploy-commands", () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord({ log: () => {} });
  });
  afterAll(async () => {
    await fake?.close();
  });

  const config = (guild?: string) =>
    requireDeployConfig(
      loadConfig({
        DISCORD_TOKEN: FAKE_TOKEN,
        DISCORD_CLIENT_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiUrl,
        ...(guild ? { DISCORD_GUILD_ID: guild } : {}),
      }),
    );

  it("registers every command in the guild when DISCORD_GUILD_ID is set", async () => {
    const result = await deployCommands(config(fake.guildId));
    expect(result).toEqual({ scope: "guild", names: ["ask", "compare", "source", "help", "reload", "add", "remove"] });
    const put = fake.commandPuts.at(-1)!;
    expect(put.scope).toBe("guild");
    expect(put.guildId).toBe(fake.guildId);
    const byName = new Map(put.commands.map((c) => [c.name as string, c]));
    const optionNames = (name: string) => (byName.get(name)!.options as Json[] | undefined)?.map((o) => o.name) ?? [];
    expect(optionNames("ask")).toEqual(["question", "private"]);
    expect(optionNames("compare")).toEqual(["topic", "private"]);
    expect(optionNames("source")).toEqual(["id", "page", "paragraph", "find", "private"]);
    expect(byName.get("reload")!.default_member_permissions).toBe("0");
  });

  it("registers globally without DISCORD_GUILD_ID", async () => {
    const result = await deployCommands(config());
    expect(result.scope).toBe("global");
    expect(fake.commandPuts.at(-1)!.scope).toBe("global");
    expect(fake.commandPuts.at(-1)!.commands).toHaveLength(commandBodies().length);
  });

  it("reports a missing client id before calling Discord", () => {
    expect(() => requireDeployConfig(loadConfig({ DISCORD_TOKEN: FAKE_TOKEN }))).toThrow(/DISCORD_CLIENT_ID is missing/);
  });
});

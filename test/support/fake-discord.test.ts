// Self-test of the fake Discord: a real, unmodified discord.js Client logs in over loopback and
// answers interactions; the fake must record exactly what Discord would have received.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  MessageFlags,
  REST,
  Routes,
  type Interaction,
} from "discord.js";
import { FAKE_TOKEN, startFakeDiscord, type FakeDiscord } from "./fake-discord";
import { sleep, until } from "./wait";

const ONE_PIXEL_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

const responseMessages: string[] = [];

/** The bot under test: one handler per scenario, keyed by command name or button id. */
async function handle(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    const typed = interaction.options.getFocused();
    await interaction.respond([
      { name: `${typed} one`, value: "one" },
      { name: `${typed} two`, value: "two" },
    ]);
    return;
  }
  if (interaction.isButton()) {
    await interaction.update({ content: `pressed ${interaction.customId}`, components: [] });
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  switch (interaction.commandName) {
    case "embed": {
      const question = interaction.options.getString("question", true);
      const embed = new EmbedBuilder().setTitle("Answer").setDescription(`You asked: ${question}`);
      await interaction.reply({ embeds: [embed], allowedMentions: { parse: [] } });
      return;
    }
    case "slow": {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const button = new ButtonBuilder().setCustomId("more").setLabel("More").setStyle(ButtonStyle.Primary);
      await interaction.editReply({
        content: "done",
        components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button)],
      });
      await interaction.followUp({ content: "and a picture", files: [new AttachmentBuilder(ONE_PIXEL_PNG, { name: "chart.png" })] });
      return;
    }
    case "withresponse": {
      const response = await interaction.reply({ content: "kept", withResponse: true });
      responseMessages.push(response.resource?.message?.content ?? "(none)");
      return;
    }
  }
}

describe("fake Discord with a real discord.js Client", () => {
  let fake: FakeDiscord;
  let client: Client;
  const handlerErrors: unknown[] = [];
  const fakeLog: string[] = [];

  beforeAll(async () => {
    fake = await startFakeDiscord({ log: (line) => fakeLog.push(line) });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    client.on(Events.InteractionCreate, (i) => void handle(i).catch((e: unknown) => { console.error(e); handlerErrors.push(e); }));
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(FAKE_TOKEN);
    await ready;
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  it("logs in: READY carries the application and the guild becomes available", () => {
    expect(client.application?.id).toBe(fake.applicationId);
    expect(client.user?.id).toBe(fake.botUserId);
    expect(client.guilds.cache.get(fake.guildId)?.available).toBe(true);
    expect(fake.identifies).toBe(1);
  });

  it("records a slash command reply with its embed, acknowledged once", async () => {
    const id = fake.sendCommand("embed", { question: "what happened?" });
    const callbacks = await fake.waitForCallback(id);
    expect(callbacks).toHaveLength(1);
    const [reply] = callbacks;
    expect(reply?.type).toBe(4);
    expect(reply?.data.embeds).toEqual([{ title: "Answer", description: "You asked: what happened?" }]);
    expect(reply?.allowedMentions).toEqual({ parse: [] });
    expect(reply?.latencyMs).toBeGreaterThanOrEqual(0);
    expect(reply?.latencyMs).toBeLessThan(3000);
  });

  it("records defer, editReply of @original and a follow-up with a PNG", async () => {
    const id = fake.sendCommand("slow");
    const [defer] = await fake.waitForCallback(id);
    expect(defer?.type).toBe(5);
    expect(defer?.flags).toBe(MessageFlags.Ephemeral);
    const token = fake.interaction(id)?.token ?? "";
    const [edit] = await fake.waitForWebhookEdit(token);
    expect(edit?.body.content).toBe("done");
    expect(edit?.body.components?.[0]?.components?.[0]?.custom_id).toBe("more");
    await until(() => fake.followUps(token).length === 1, "the follow-up");
    const [followUp] = fake.followUps(token);
    expect(followUp?.files.map((f) => [f.name, f.size])).toEqual([["chart.png", ONE_PIXEL_PNG.length]]);
    expect(Buffer.from(followUp?.files[0]?.png ?? [])).toEqual(ONE_PIXEL_PNG);
    expect(fake.message(edit?.messageId ?? "")?.content).toBe("done");
  });

  it("returns {interaction, resource} for ?with_response=true", async () => {
    const id = fake.sendCommand("withresponse");
    const [reply] = await fake.waitForCallback(id);
    expect(reply?.withResponse).toBe(true);
    await until(() => responseMessages.length === 1, "the response message");
    expect(responseMessages).toEqual(["kept"]);
  });

  it("answers a second acknowledgement with 40060 like Discord", async () => {
    const id = fake.sendCommand("embed", { question: "once" });
    await fake.waitForCallback(id);
    const token = fake.interaction(id)?.token ?? "";
    const rest = new REST({ api: fake.apiUrl }).setToken(FAKE_TOKEN);
    const again = rest.post(Routes.interactionCallback(id, token), { body: { type: 4, data: { content: "again" } } });
    await expect(again).rejects.toMatchObject({ status: 400, code: 40060 });
    expect(fake.callbacks(id)).toHaveLength(1);
  });

  it("records autocomplete choices for the focused option", async () => {
    const id = fake.sendAutocomplete("embed", { question: "moscow" }, "question");
    const [respond] = await fake.waitForCallback(id);
    expect(respond?.type).toBe(8);
    expect(respond?.data.choices).toEqual([
      { name: "moscow one", value: "one" },
      { name: "moscow two", value: "two" },
    ]);
  });

  it("records a button update and applies it to the message", async () => {
    const id = fake.sendButton("more");
    const [update] = await fake.waitForCallback(id);
    expect(update?.type).toBe(7);
    expect(update?.data).toMatchObject({ content: "pressed more", components: [] });
    const messageId = fake.interaction(id)?.payload.message.id as string;
    expect(fake.message(messageId)?.content).toBe("pressed more");
  });

  it("survives a forced disconnect by resuming the session", async () => {
    const resumed = fake.waitForResume();
    fake.disconnectGateway();
    await resumed;
    expect(fake.resumes).toBe(1);
    expect(fake.identifies).toBe(1);
    const id = fake.sendCommand("embed", { question: "still there?" });
    const [reply] = await fake.waitForCallback(id);
    expect(reply?.data.embeds?.[0]?.description).toBe("You asked: still there?");
  });

  it("retries through an injected 429 and 500 before the callback is accepted", async () => {
    fake.injectFault(/^POST \/interactions\//, 429, 1, 0.05);
    fake.injectFault(/^POST \/interactions\//, 500, 1);
    const id = fake.sendCommand("embed", { question: "rate limited?" });
    const callbacks = await fake.waitForCallback(id);
    expect(callbacks).toHaveLength(1);
    const statuses = fake.requests.filter((r) => r.path.startsWith(`/interactions/${id}/`)).map((r) => r.status);
    expect(statuses).toEqual([429, 500, 204]);
    expect(callbacks[0]?.latencyMs).toBeGreaterThanOrEqual(50);
  });

  it("echoes deployed guild commands with ids and 404s unknown routes", async () => {
    const rest = new REST({ api: fake.apiUrl }).setToken(FAKE_TOKEN);
    const body = [{ name: "ask", description: "Ask the corpus", type: 1 }];
    const echoed = (await rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.guildId), { body })) as Array<{
      id: string;
      name: string;
    }>;
    expect(echoed[0]?.name).toBe("ask");
    expect(echoed[0]?.id).toMatch(/^\d+$/);
    expect(fake.commandPuts.at(-1)?.scope).toBe("guild");
    await expect(rest.get("/no/such/route")).rejects.toMatchObject({ status: 404 });
    expect(fake.unknownRequests.at(-1)?.path).toBe("/no/such/route");
    expect(fakeLog).toContain("unknown route GET /api/v10/no/such/route");
  });

  it("rejects a callback after the 3 s deadline with 10062", async () => {
    const late = await startFakeDiscord({ ackDeadlineMs: 0 });
    try {
      const lateClient = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: late.apiUrl } });
      const errors: unknown[] = [];
      lateClient.on(Events.InteractionCreate, (i) => {
        if (i.isChatInputCommand()) {
          void sleep(5)
            .then(() => i.reply("too late"))
            .catch((e: unknown) => errors.push(e));
        }
      });
      await lateClient.login(FAKE_TOKEN);
      await late.waitForReady();
      const id = late.sendCommand("x");
      await until(() => errors.length === 1, "the late reply's error");
      expect(errors[0]).toMatchObject({ code: 10062 });
      expect(late.callbacks(id)).toEqual([]);
      await lateClient.destroy();
    } finally {
      await late.close();
    }
  });

  it("saw no handler errors", () => {
    // Any error here means a payload of the fake lacks something discord.js needs.
    expect(handlerErrors).toEqual([]);
  });
});

/**
 * A small fake Discord (HTTP API + gateway) on 127.0.0.1 that an unmodified discord.js v14 `Client`
 * logs into. Payload shapes follow discord.js 14.28 / @discordjs/ws 1.2 / @discordjs/rest 2.6 sources.
 *
 *   const fake = await startFakeDiscord();
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
 *   await client.login(FAKE_TOKEN);             // resolves once READY + every GUILD_CREATE were sent
 *   const id = fake.sendCommand("ask", { question: "why?" });
 *   const [cb] = await fake.waitForCallback(id);  // cb.type 4 reply, 5 defer, 6 deferred update, 7 update, 8 choices
 *   ...
 *   await client.destroy(); await fake.close();  // destroy first, or the client starts reconnecting
 *
 * API (all ids are strings; times are performance.now() milliseconds):
 *   apiUrl, gatewayUrl, applicationId, guildId, channelId, botUserId
 *   waitForReady(timeoutMs?)                 READY and every GUILD_CREATE sent to a client
 *   sendCommand(name, options?, opts?)       slash command (type 2, data.type 1) -> interaction id; opts: userId,
 *                                            roles (member role ids), attachments (resolved files by id)
 *   sendAutocomplete(name, options, focused) autocomplete (type 4), `focused` option marked focused
 *   sendButton(customId, opts?)              button press (type 3, component_type 2) on a bot message
 *   dispatch(event, data)                    any other gateway dispatch
 *   interaction(id)                          { id, token, kind, dispatchedAt, callbacks }
 *   callbacks(id)                            accepted callbacks of one interaction (rejected ones in requests)
 *   waitForCallback(id, timeoutMs?)          resolves with callbacks(id) once there is at least one
 *   webhookEdits(token), followUps(token)    PATCH .../messages/@original (or :id) bodies, POST followUp bodies
 *   waitForWebhookEdit(token, n?, timeoutMs?)  resolves once `n` edits arrived for that token
 *   message(id), messages                    messages the fake holds (replies, follow-ups, button hosts)
 *   commandPuts                              every PUT of application commands (global and guild)
 *   requests, unknownRequests                every HTTP request seen / those answered with a 404 route miss
 *   disconnectGateway(code = 4000)           force-closes the socket; discord.js reconnects and RESUMEs
 *   waitForResume(timeoutMs?)                resolves after the next RESUMED dispatch
 *   identifies, resumes                      gateway counters
 *   injectFault(route, status, times, retryAfterSeconds?, opts?)  answer matching requests with 429/5xx `times`
 *                                            times, then normally. `route` is matched against "METHOD /path"
 *                                            (path without /api/v10, %40 decoded), e.g. /^POST \/interactions\//.
 *   close()
 *
 * Realism the tests can rely on: a callback later than `ackDeadlineMs` (default 3000) gets 404 code 10062
 * (Unknown interaction); a second acknowledgement gets 400 code 40060; unknown routes get 404 with a
 * Discord-style error body. Attachments are recorded with name and size, and PNG bytes are kept.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { WebSocketServer, WebSocket } from "ws";

// Payloads are Discord JSON; tests read them freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/** A token discord.js accepts syntactically; the fake never checks it. */
export const FAKE_TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAw.fake.token-for-loopback-tests";

const API_PREFIX = "/api/v10";
const GATEWAY_PATH = "/gateway";
const DEFAULT_HEARTBEAT_INTERVAL_MS = 41_250;
const DEFAULT_ACK_DEADLINE_MS = 3_000;
const DEFAULT_WAIT_MS = 5_000;
/** The user interactions come from unless a test says otherwise. */
export const DEFAULT_USER_ID = "400000000000000004";
/** A role of the fake guild besides @everyone, with no permissions. */
export const ROLE_ID = "500000000000000005";
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, Resume: 6, Hello: 10, HeartbeatAck: 11 } as const;
const InteractionType = { Command: 2, Component: 3, Autocomplete: 4 } as const;
/** Callback types that count as the first acknowledgement of an interaction. */
export const ACK_CALLBACK_TYPES: ReadonlySet<number> = new Set([4, 5, 6, 7, 8, 9, 12]);
const OptionType = { String: 3, Integer: 4, Boolean: 5, Number: 10 } as const;

export interface FakeDiscordOptions {
  applicationId?: string;
  guildId?: string;
  channelId?: string;
  botUserId?: string;
  /** Callbacks arriving later than this after dispatch get 10062 Unknown interaction. */
  ackDeadlineMs?: number;
  heartbeatIntervalMs?: number;
  /** Receives one line per notable event (unknown route, unhandled gateway op, injected fault).
   *  Default: unknown routes and unhandled ops go to console.warn, faults are silent. */
  log?: (line: string) => void;
}

export interface FileInfo {
  field: string;
  name: string;
  size: number;
  contentType: string;
  /** Raw bytes, kept only for PNG files. */
  png?: Uint8Array;
}

export interface RecordedRequest {
  method: string;
  /** Path without /api/v10, `%40original` decoded to `@original`. */
  path: string;
  query: URLSearchParams;
  body: Json | unknown[] | null;
  files: FileInfo[];
  at: number;
  status: number;
}

export interface CallbackRecord {
  interactionId: string;
  token: string;
  type: number;
  data: Json;
  flags: number | undefined;
  allowedMentions: Json | undefined;
  files: FileInfo[];
  withResponse: boolean;
  at: number;
  /** Milliseconds from the gateway dispatch to the arrival of this callback. */
  latencyMs: number;
}

export interface FakeInteraction {
  id: string;
  token: string;
  kind: "command" | "autocomplete" | "button";
  payload: Json;
  dispatchedAt: number;
  callbacks: CallbackRecord[];
}

export interface WebhookRecord {
  token: string;
  messageId: string;
  body: Json;
  files: FileInfo[];
  at: number;
}

export interface CommandPut {
  scope: "global" | "guild";
  guildId?: string;
  commands: Json[];
  at: number;
}

export interface FaultOptions {
  /** Mark a 429 as global (X-RateLimit-Global). */
  global?: boolean;
}

interface Fault {
  route: RegExp;
  status: number;
  remaining: number;
  retryAfterSeconds: number;
  global: boolean;
}

export type OptionInput = Record<string, string | number | boolean> | Json[];

export interface InteractionOptions {
  userId?: string;
  locale?: string;
  /** The member's role ids (ROLE_ID is a role the fake guild has). */
  roles?: string[];
  /** Files attached to a command, by attachment id (an option of type 11 names the id). */
  attachments?: Record<string, FakeAttachment>;
}

export interface FakeAttachment {
  filename: string;
  size: number;
  url: string;
  content_type?: string;
}

export interface ButtonOptions extends InteractionOptions {
  /** A message the fake holds (e.g. a reply); default: a fresh bot message carrying the button. */
  messageId?: string;
}

export interface FakeDiscord {
  apiUrl: string;
  gatewayUrl: string;
  applicationId: string;
  guildId: string;
  channelId: string;
  botUserId: string;
  waitForReady(timeoutMs?: number): Promise<void>;
  sendCommand(name: string, options?: OptionInput, opts?: InteractionOptions): string;
  sendAutocomplete(name: string, options: OptionInput, focused: string, opts?: InteractionOptions): string;
  sendButton(customId: string, opts?: ButtonOptions): string;
  dispatch(event: string, data: Json): void;
  interaction(id: string): FakeInteraction | undefined;
  callbacks(id: string): CallbackRecord[];
  waitForCallback(id: string, timeoutMs?: number): Promise<CallbackRecord[]>;
  webhookEdits(token: string): WebhookRecord[];
  followUps(token: string): WebhookRecord[];
  waitForWebhookEdit(token: string, count?: number, timeoutMs?: number): Promise<WebhookRecord[]>;
  message(id: string): Json | undefined;
  messages: Map<string, Json>;
  commandPuts: CommandPut[];
  requests: RecordedRequest[];
  unknownRequests: RecordedRequest[];
  readonly identifies: number;
  readonly resumes: number;
  disconnectGateway(code?: number): void;
  waitForResume(timeoutMs?: number): Promise<void>;
  injectFault(route: RegExp, status: number, times: number, retryAfterSeconds?: number, opts?: FaultOptions): void;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

let snowflakeCounter = 0n;
/** Unique, increasing, snowflake-shaped ids (timestamp bits first, like Discord's). */
function snowflake(): string {
  const discordEpoch = 1420070400000n;
  snowflakeCounter += 1n;
  return (((BigInt(Date.now()) - discordEpoch) << 22n) | (snowflakeCounter & 0x3fffffn)).toString();
}

function isPng(bytes: Uint8Array): boolean {
  return PNG_MAGIC.every((b, i) => bytes[i] === b);
}

/** Turns `{ query: "x", limit: 3 }` into Discord option objects; arrays are passed through. */
function toApiOptions(options: OptionInput | undefined): Json[] {
  if (!options) return [];
  if (Array.isArray(options)) return options;
  return Object.entries(options).map(([name, value]) => {
    const type =
      typeof value === "boolean"
        ? OptionType.Boolean
        : typeof value === "number"
          ? Number.isInteger(value)
            ? OptionType.Integer
            : OptionType.Number
          : OptionType.String;
    return { name, type, value };
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`fake-discord: timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Parses JSON or multipart (payload_json + files[n]) bodies, as @discordjs/rest sends them. */
async function parseBody(req: IncomingMessage, raw: Buffer): Promise<{ body: Json | unknown[] | null; files: FileInfo[] }> {
  const contentType = req.headers["content-type"] ?? "";
  if (raw.length === 0) return { body: null, files: [] };
  if (contentType.startsWith("multipart/form-data")) {
    const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
    let body: Json | null = null;
    const files: FileInfo[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === "string") {
        if (field === "payload_json") body = JSON.parse(value) as Json;
        continue;
      }
      const bytes = new Uint8Array(await value.arrayBuffer());
      const file: FileInfo = { field, name: value.name, size: bytes.byteLength, contentType: value.type };
      if (isPng(bytes)) file.png = bytes;
      files.push(file);
    }
    return { body, files };
  }
  return { body: JSON.parse(raw.toString("utf8")) as Json, files: [] };
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const applicationId = options.applicationId ?? "100000000000000001";
  const guildId = options.guildId ?? "200000000000000002";
  const channelId = options.channelId ?? "300000000000000003";
  const botUserId = options.botUserId ?? applicationId;
  const ackDeadlineMs = options.ackDeadlineMs ?? DEFAULT_ACK_DEADLINE_MS;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS;
  const warn = options.log ?? ((line: string) => console.warn(`[fake-discord] ${line}`));
  const debug = options.log ?? (() => {});

  const botUser = {
    id: botUserId,
    username: "fake-bot",
    discriminator: "0000",
    global_name: null,
    avatar: null,
    bot: true,
    flags: 0,
  };
  const textChannel = { id: channelId, type: 0, guild_id: guildId, name: "general", position: 0, nsfw: false };

  const interactions = new Map<string, FakeInteraction>();
  const interactionsByToken = new Map<string, FakeInteraction>();
  const messages = new Map<string, Json>();
  /** The message id that `@original` resolves to, per interaction token. */
  const originalByToken = new Map<string, string>();
  const edits: WebhookRecord[] = [];
  const followUpRecords: WebhookRecord[] = [];
  const commandPuts: CommandPut[] = [];
  const requests: RecordedRequest[] = [];
  const unknownRequests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((fn) => fn());

  /** Resolves when `check` returns a value, re-checking after every recorded event. */
  function waitUntil<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const now = check();
    if (now !== undefined) return Promise.resolve(now);
    let listener: () => void = () => {};
    const found = new Promise<T>((resolve) => {
      listener = () => {
        const value = check();
        if (value !== undefined) resolve(value);
      };
      listeners.add(listener);
    });
    return withTimeout(found, timeoutMs, what).finally(() => listeners.delete(listener));
  }

  // ---------- messages ----------

  function makeMessage(data: Json, files: FileInfo[], extra: Json = {}): Json {
    const id = snowflake();
    const message: Json = {
      id,
      channel_id: channelId,
      guild_id: guildId,
      type: 0,
      author: botUser,
      content: data.content ?? "",
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: data.embeds ?? [],
      components: data.components ?? [],
      pinned: false,
      flags: data.flags ?? 0,
      application_id: applicationId,
      webhook_id: applicationId,
      ...extra,
    };
    message.attachments = attachmentsFor(files, data);
    messages.set(id, message);
    return message;
  }

  function attachmentsFor(files: FileInfo[], data: Json): Json[] {
    return files.map((file, index) => ({
      id: snowflake(),
      filename: (data.attachments as Json[] | undefined)?.[index]?.filename ?? file.name,
      size: file.size,
      content_type: file.contentType,
      url: `https://cdn.invalid/attachments/${file.name}`,
      proxy_url: `https://media.invalid/attachments/${file.name}`,
    }));
  }

  function editMessage(message: Json, data: Json, files: FileInfo[]): Json {
    for (const key of ["content", "embeds", "components", "flags"]) {
      if (key in data) message[key] = data[key];
    }
    if (files.length > 0 || "attachments" in data) message.attachments = attachmentsFor(files, data);
    message.edited_timestamp = new Date().toISOString();
    return message;
  }

  // ---------- interactions ----------

  function baseInteraction(type: number, opts: InteractionOptions): Json {
    const id = snowflake();
    const userId = opts.userId ?? DEFAULT_USER_ID;
    const user = { ...botUser, id: userId, username: `user${userId.slice(-4)}`, bot: false };
    return {
      id,
      application_id: applicationId,
      type,
      token: `tok-${id}`,
      version: 1,
      guild_id: guildId,
      channel_id: channelId,
      channel: textChannel,
      member: {
        user,
        roles: opts.roles ?? [],
        joined_at: new Date(0).toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
        permissions: "2248473465835073",
      },
      app_permissions: "2248473465835073",
      locale: opts.locale ?? "en-US",
      guild_locale: "en-US",
      entitlements: [],
      authorizing_integration_owners: { "0": guildId },
      context: 0,
      attachment_size_limit: 10 * 1024 * 1024,
    };
  }

  function send(kind: FakeInteraction["kind"], payload: Json): string {
    const record: FakeInteraction = {
      id: payload.id as string,
      token: payload.token as string,
      kind,
      payload,
      dispatchedAt: performance.now(),
      callbacks: [],
    };
    interactions.set(record.id, record);
    interactionsByToken.set(record.token, record);
    dispatch("INTERACTION_CREATE", payload);
    return record.id;
  }

  function commandData(name: string, options: OptionInput | undefined): Json {
    return { id: `cmd-${name}`, name, type: 1, guild_id: guildId, options: toApiOptions(options) };
  }

  function sendCommand(name: string, options?: OptionInput, opts: InteractionOptions = {}): string {
    const payload = baseInteraction(InteractionType.Command, opts);
    payload.data = commandData(name, options);
    if (opts.attachments) {
      const attachments = Object.entries(opts.attachments).map(([id, a]) => [id, { id, proxy_url: a.url, ...a }]);
      (payload.data as Json).resolved = { attachments: Object.fromEntries(attachments) };
    }
    return send("command", payload);
  }

  function sendAutocomplete(name: string, options: OptionInput, focused: string, opts: InteractionOptions = {}): string {
    const payload = baseInteraction(InteractionType.Autocomplete, opts);
    const data = commandData(name, options);
    const apiOptions = data.options as Json[];
    const target = apiOptions.find((o) => o.name === focused);
    if (target) target.focused = true;
    else apiOptions.push({ name: focused, type: OptionType.String, value: "", focused: true });
    payload.data = data;
    return send("autocomplete", payload);
  }

  function sendButton(customId: string, opts: ButtonOptions = {}): string {
    const payload = baseInteraction(InteractionType.Component, opts);
    let message = opts.messageId ? messages.get(opts.messageId) : undefined;
    if (opts.messageId && !message) throw new Error(`fake-discord: no message ${opts.messageId}`);
    message ??= makeMessage(
      {
        content: "",
        components: [{ type: 1, components: [{ type: 2, style: 1, label: "Button", custom_id: customId }] }],
      },
      [],
      { webhook_id: undefined },
    );
    payload.data = { custom_id: customId, component_type: 2 };
    payload.message = message;
    return send("button", payload);
  }

  // ---------- HTTP routes ----------

  type Handler = (ctx: {
    params: string[];
    req: IncomingMessage;
    query: URLSearchParams;
    body: Json | unknown[] | null;
    files: FileInfo[];
    at: number;
  }) => { status: number; json?: unknown };

  const routes: Array<[string, RegExp, Handler]> = [];
  const route = (method: string, pattern: RegExp, handler: Handler) => routes.push([method, pattern, handler]);

  const gatewayInfo = () => ({
    url: gatewayUrl,
    shards: 1,
    session_start_limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: 1 },
  });
  route("GET", /^\/gateway\/bot$/, () => ({ status: 200, json: gatewayInfo() }));
  route("GET", /^\/gateway$/, () => ({ status: 200, json: { url: gatewayUrl } }));
  route("GET", /^\/users\/@me$/, () => ({ status: 200, json: botUser }));
  route("GET", /^\/(?:oauth2\/)?applications\/@me$/, () => ({
    status: 200,
    json: { id: applicationId, name: "fake-app", icon: null, description: "", bot_public: true, flags: 0, bot: botUser },
  }));

  route("POST", /^\/interactions\/([^/]+)\/([^/]+)\/callback$/, ({ params, query, body, files, at }) => {
    const [id = "", token = ""] = params;
    const interaction = interactions.get(id);
    if (!interaction || interaction.token !== token) throw new HttpError(404, 10062, "Unknown interaction");
    if (at - interaction.dispatchedAt > ackDeadlineMs) throw new HttpError(404, 10062, "Unknown interaction");
    const callback = (body ?? {}) as Json;
    const type = Number(callback.type);
    if (ACK_CALLBACK_TYPES.has(type) && interaction.callbacks.some((c) => ACK_CALLBACK_TYPES.has(c.type))) {
      throw new HttpError(400, 40060, "Interaction has already been acknowledged.");
    }
    const data = (callback.data ?? {}) as Json;
    const withResponse = query.get("with_response") === "true";
    interaction.callbacks.push({
      interactionId: id,
      token,
      type,
      data,
      flags: data.flags,
      allowedMentions: data.allowed_mentions,
      files,
      withResponse,
      at,
      latencyMs: at - interaction.dispatchedAt,
    });
    const message = respondToCallback(interaction, type, data, files);
    if (!withResponse) return { status: 204 };
    return {
      status: 200,
      json: {
        interaction: {
          id,
          type: interaction.payload.type,
          response_message_id: message?.id ?? null,
          response_message_loading: type === 5,
          response_message_ephemeral: ((data.flags ?? 0) & 64) !== 0,
        },
        resource: { type, ...(message ? { message } : {}) },
      },
    };
  });

  /** Applies a callback to the fake's message store; returns the message it created or changed. */
  function respondToCallback(interaction: FakeInteraction, type: number, data: Json, files: FileInfo[]): Json | undefined {
    if (type === 4 || type === 5) {
      const message = makeMessage(type === 5 ? { flags: (data.flags ?? 0) | 128 } : data, files, {
        type: 20,
        interaction_metadata: {
          id: interaction.id,
          type: interaction.payload.type,
          user: interaction.payload.member.user,
          authorizing_integration_owners: interaction.payload.authorizing_integration_owners,
        },
      });
      originalByToken.set(interaction.token, message.id as string);
      return message;
    }
    if (type === 6 || type === 7) {
      const message = interaction.payload.message as Json | undefined;
      const stored = message ? messages.get(message.id as string) : undefined;
      if (stored) originalByToken.set(interaction.token, stored.id as string);
      return stored && type === 7 ? editMessage(stored, data, files) : stored;
    }
    return undefined;
  }

  function webhookMessage(params: string[]): { token: string; message: Json } {
    const [app, token = "", messageRef = ""] = params;
    if (app !== applicationId || !interactionsByToken.has(token)) throw new HttpError(404, 10015, "Unknown Webhook");
    const messageId = messageRef === "@original" ? originalByToken.get(token) : messageRef;
    const message = messageId ? messages.get(messageId) : undefined;
    if (!message) throw new HttpError(404, 10008, "Unknown Message");
    return { token, message };
  }

  const webhookMessageRoute = /^\/webhooks\/([^/]+)\/([^/]+)\/messages\/([^/]+)$/;
  route("GET", webhookMessageRoute, ({ params }) => ({ status: 200, json: webhookMessage(params).message }));
  route("PATCH", webhookMessageRoute, ({ params, body, files, at }) => {
    const { token, message } = webhookMessage(params);
    const data = (body ?? {}) as Json;
    edits.push({ token, messageId: message.id as string, body: data, files, at });
    if ((message.flags & 128) !== 0) message.flags &= ~128; // the "thinking…" state ends with the first edit
    return { status: 200, json: editMessage(message, data, files) };
  });
  route("DELETE", webhookMessageRoute, ({ params }) => {
    const { message } = webhookMessage(params);
    messages.delete(message.id as string);
    return { status: 204 };
  });
  route("POST", /^\/webhooks\/([^/]+)\/([^/]+)$/, ({ params, body, files, at }) => {
    const [app, token = ""] = params;
    const interaction = interactionsByToken.get(token);
    if (app !== applicationId || !interaction) throw new HttpError(404, 10015, "Unknown Webhook");
    if (!interaction.callbacks.some((c) => ACK_CALLBACK_TYPES.has(c.type))) {
      throw new HttpError(404, 10015, "Unknown Webhook"); // follow-ups need an acknowledged interaction
    }
    const data = (body ?? {}) as Json;
    const message = makeMessage(data, files);
    followUpRecords.push({ token, messageId: message.id as string, body: data, files, at });
    return { status: 200, json: message };
  });

  const channelMessageRoute = /^\/channels\/([^/]+)\/messages\/([^/]+)$/;
  const channelMessage = (params: string[]): Json => {
    const message = messages.get(params[1] ?? "");
    if (!message || message.channel_id !== params[0]) throw new HttpError(404, 10008, "Unknown Message");
    return message;
  };
  route("GET", channelMessageRoute, ({ params }) => ({ status: 200, json: channelMessage(params) }));
  route("PATCH", channelMessageRoute, ({ params, body, files }) => ({
    status: 200,
    json: editMessage(channelMessage(params), (body ?? {}) as Json, files),
  }));
  route("DELETE", channelMessageRoute, ({ params }) => {
    messages.delete(channelMessage(params).id as string);
    return { status: 204 };
  });
  route("POST", /^\/channels\/([^/]+)\/messages$/, ({ params, body, files }) => {
    if (params[0] !== channelId) throw new HttpError(404, 10003, "Unknown Channel");
    return { status: 200, json: makeMessage((body ?? {}) as Json, files, { webhook_id: undefined }) };
  });

  const echoCommands = (commands: Json[], scopeGuild?: string): Json[] =>
    commands.map((command) => ({
      id: snowflake(),
      application_id: applicationId,
      version: snowflake(),
      default_member_permissions: null,
      type: 1,
      ...command,
      ...(scopeGuild ? { guild_id: scopeGuild } : {}),
    }));
  const lastPut = (scope: CommandPut["scope"], guild?: string) =>
    [...commandPuts].reverse().find((p) => p.scope === scope && p.guildId === guild)?.commands ?? [];
  route("PUT", /^\/applications\/([^/]+)\/commands$/, ({ params, body, at }) => {
    if (params[0] !== applicationId) throw new HttpError(404, 10002, "Unknown Application");
    const commands = echoCommands((body ?? []) as Json[]);
    commandPuts.push({ scope: "global", commands, at });
    return { status: 200, json: commands };
  });
  route("PUT", /^\/applications\/([^/]+)\/guilds\/([^/]+)\/commands$/, ({ params, body, at }) => {
    if (params[0] !== applicationId) throw new HttpError(404, 10002, "Unknown Application");
    const commands = echoCommands((body ?? []) as Json[], params[1]);
    commandPuts.push({ scope: "guild", guildId: params[1], commands, at });
    return { status: 200, json: commands };
  });
  route("GET", /^\/applications\/([^/]+)\/commands$/, () => ({ status: 200, json: lastPut("global") }));
  route("GET", /^\/applications\/([^/]+)\/guilds\/([^/]+)\/commands$/, ({ params }) => ({
    status: 200,
    json: lastPut("guild", params[1]),
  }));

  // ---------- faults ----------

  function takeFault(method: string, path: string): Fault | undefined {
    const fault = faults.find((f) => f.remaining > 0 && f.route.test(`${method} ${path}`));
    if (fault) fault.remaining -= 1;
    return fault;
  }

  function writeFault(res: ServerResponse, fault: Fault): void {
    if (fault.status !== 429) {
      writeJson(res, fault.status, { message: "500: Internal Server Error", code: 0 });
      return;
    }
    const headers: Record<string, string> = {
      "Retry-After": String(fault.retryAfterSeconds),
      "X-RateLimit-Limit": "5",
      "X-RateLimit-Remaining": "0",
      "X-RateLimit-Reset": String((Date.now() / 1000 + fault.retryAfterSeconds).toFixed(3)),
      "X-RateLimit-Reset-After": String(fault.retryAfterSeconds),
      "X-RateLimit-Bucket": "fake-bucket",
      "X-RateLimit-Scope": fault.global ? "global" : "user",
    };
    if (fault.global) headers["X-RateLimit-Global"] = "true";
    const body = {
      message: "You are being rate limited.",
      retry_after: fault.retryAfterSeconds,
      global: fault.global,
      ...(fault.global ? { code: 0 } : {}),
    };
    writeJson(res, 429, body, headers);
  }

  function writeJson(res: ServerResponse, status: number, json: unknown, headers: Record<string, string> = {}): void {
    if (json === undefined) {
      res.writeHead(status, headers).end();
      return;
    }
    res.writeHead(status, { "Content-Type": "application/json", ...headers }).end(JSON.stringify(json));
  }

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const path = decodeURIComponent(url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname);
    const raw = await readBody(req);
    const record: RecordedRequest = { method, path, query: url.searchParams, body: null, files: [], at, status: 0 };
    requests.push(record);
    try {
      const parsed = await parseBody(req, raw);
      record.body = parsed.body;
      record.files = parsed.files;
      const fault = takeFault(method, path);
      if (fault) {
        debug(`fault ${fault.status} for ${method} ${path}`);
        record.status = fault.status;
        writeFault(res, fault);
        return;
      }
      for (const [routeMethod, pattern, handler] of routes) {
        const match = routeMethod === method ? pattern.exec(path) : null;
        if (!match) continue;
        const result = handler({ params: match.slice(1), req, query: url.searchParams, body: parsed.body, files: parsed.files, at });
        record.status = result.status;
        writeJson(res, result.status, result.json);
        return;
      }
      warn(`unknown route ${method} ${url.pathname}`);
      unknownRequests.push(record);
      throw new HttpError(404, 0, "404: Not Found");
    } catch (error) {
      const httpError = error instanceof HttpError ? error : new HttpError(500, 0, String(error));
      record.status = httpError.status;
      writeJson(res, httpError.status, { message: httpError.message, code: httpError.code });
    } finally {
      notify();
    }
  }

  // ---------- gateway ----------

  let sequence = 0;
  let sessionId = "";
  let socket: WebSocket | undefined;
  let identifies = 0;
  let resumes = 0;
  let readySent = false;

  function sendFrame(frame: Json): void {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
  }

  function dispatch(event: string, data: Json): void {
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      throw new Error(`fake-discord: cannot dispatch ${event}, no gateway connection`);
    }
    sequence += 1;
    sendFrame({ op: Op.Dispatch, t: event, s: sequence, d: data });
  }

  function guildCreate(): Json {
    return {
      id: guildId,
      name: "Fake Guild",
      icon: null,
      owner_id: "400000000000000009",
      features: [],
      unavailable: false,
      member_count: 2,
      large: false,
      joined_at: new Date(0).toISOString(),
      roles: [
        { id: guildId, name: "@everyone", permissions: "2248473465835073", position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
        { id: ROLE_ID, name: "Contributors", permissions: "0", position: 1, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
      ],
      channels: [textChannel],
      threads: [],
      members: [],
      emojis: [],
      stickers: [],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  function onGatewayMessage(ws: WebSocket, raw: string): void {
    const frame = JSON.parse(raw) as Json;
    switch (frame.op) {
      case Op.Heartbeat:
        ws.send(JSON.stringify({ op: Op.HeartbeatAck, d: null }));
        return;
      case Op.Identify:
        identifies += 1;
        sequence = 0;
        sessionId = `session-${snowflake()}`;
        dispatch("READY", {
          v: 10,
          user: botUser,
          guilds: [{ id: guildId, unavailable: true }],
          session_id: sessionId,
          resume_gateway_url: gatewayUrl,
          shard: [0, 1],
          application: { id: applicationId, flags: 0 },
        });
        dispatch("GUILD_CREATE", guildCreate());
        readySent = true;
        notify();
        return;
      case Op.Resume:
        if (frame.d?.session_id !== sessionId) {
          ws.send(JSON.stringify({ op: 9, d: false })); // invalid session: the client identifies anew
          return;
        }
        resumes += 1;
        dispatch("RESUMED", {}); // nothing is replayed
        notify();
        return;
      default:
        warn(`gateway: unhandled op ${String(frame.op)}`);
    }
  }

  const server = createServer((req, res) => void handleHttp(req, res));
  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, sock, head) => {
    const pathname = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    if (pathname !== GATEWAY_PATH) {
      sock.destroy();
      return;
    }
    wss.handleUpgrade(req, sock, head, (ws) => {
      socket?.terminate(); // one shard: a new connection replaces the old one
      socket = ws;
      ws.on("message", (data) => onGatewayMessage(ws, data.toString()));
      ws.on("close", () => {
        if (socket === ws) socket = undefined;
      });
      ws.send(JSON.stringify({ op: Op.Hello, d: { heartbeat_interval: heartbeatIntervalMs } }));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const apiUrl = `http://127.0.0.1:${port}/api`;
  const gatewayUrl = `ws://127.0.0.1:${port}${GATEWAY_PATH}`;

  const byToken = (list: WebhookRecord[], token: string) => list.filter((r) => r.token === token);

  return {
    apiUrl,
    gatewayUrl,
    applicationId,
    guildId,
    channelId,
    botUserId,
    waitForReady: (timeoutMs = DEFAULT_WAIT_MS) =>
      waitUntil(() => (readySent ? true : undefined), timeoutMs, "READY").then(() => undefined),
    sendCommand,
    sendAutocomplete,
    sendButton,
    dispatch,
    interaction: (id) => interactions.get(id),
    callbacks: (id) => interactions.get(id)?.callbacks ?? [],
    waitForCallback: (id, timeoutMs = DEFAULT_WAIT_MS) =>
      waitUntil(
        () => {
          const list = interactions.get(id)?.callbacks ?? [];
          return list.length > 0 ? list : undefined;
        },
        timeoutMs,
        `a callback for interaction ${id}`,
      ),
    webhookEdits: (token) => byToken(edits, token),
    followUps: (token) => byToken(followUpRecords, token),
    waitForWebhookEdit: (token, count = 1, timeoutMs = DEFAULT_WAIT_MS) =>
      waitUntil(
        () => {
          const list = byToken(edits, token);
          return list.length >= count ? list : undefined;
        },
        timeoutMs,
        `${count} edit(s) of token ${token}`,
      ),
    message: (id) => messages.get(id),
    messages,
    commandPuts,
    requests,
    unknownRequests,
    get identifies() {
      return identifies;
    },
    get resumes() {
      return resumes;
    },
    disconnectGateway(code = 4000) {
      if (!socket) throw new Error("fake-discord: no gateway connection to close");
      socket.close(code, "fake-discord: forced disconnect");
    },
    waitForResume(timeoutMs = DEFAULT_WAIT_MS) {
      const before = resumes;
      return waitUntil(() => (resumes > before ? true : undefined), timeoutMs, "RESUMED").then(() => undefined);
    },
    injectFault(route, status, times, retryAfterSeconds = 0.05, opts = {}) {
      faults.push({ route, status, remaining: times, retryAfterSeconds, global: opts.global ?? false });
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

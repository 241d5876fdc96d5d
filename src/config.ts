/**
 * Configuration from the environment (and `.env`, loaded by the entry points): validated with zod, with
 * one readable message per missing or malformed value. The token is never echoed back.
 */
import { z } from "zod";

export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ["text", "json"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export const DEFAULT_CORPUS_DIR = "corpus";
export const DEFAULT_COOLDOWN_SECONDS = 3;
export const DEFAULT_ADD_TIMEOUT_SECONDS = 10;
/** Uses of one command a user may make at once before the cooldown applies. */
export const DEFAULT_COOLDOWN_BURST = 4;
/** A cooldown longer than this is almost certainly a typo (minutes meant as seconds…). */
const MAX_COOLDOWN_SECONDS = 3600;

/** Discord ids are snowflakes: 17 to 20 digits. */
const SNOWFLAKE = /^\d{17,20}$/;
/** Bot tokens are three dot-separated base64url parts. */
const TOKEN_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const snowflake = (name: string) =>
  z.string().trim().regex(SNOWFLAKE, `${name} must be a Discord id (17 to 20 digits; Developer Mode → right-click → Copy ID)`);

/** A comma- or space-separated list of Discord ids. */
const snowflakes = (message: string) =>
  optional(z.string())
    .transform((v) => (v ?? "").split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(z.string().regex(SNOWFLAKE, message)));

const schema = z.object({
  DISCORD_TOKEN: optional(
    z.string().trim().regex(TOKEN_SHAPE, "DISCORD_TOKEN does not look like a bot token (three parts separated by dots); copy it again from the Developer Portal → Bot"),
  ),
  DISCORD_CLIENT_ID: optional(snowflake("DISCORD_CLIENT_ID")),
  DISCORD_GUILD_ID: optional(snowflake("DISCORD_GUILD_ID")),
  CORPUS_DIR: optional(z.string().trim()).transform((v) => v ?? DEFAULT_CORPUS_DIR),
  LOG_LEVEL: optional(
    z.string().trim().toLowerCase().pipe(z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` })),
  ).transform((v) => v ?? "info"),
  /** `json`: one JSON object a log line, for log collectors. */
  LOG_FORMAT: optional(
    z.string().trim().toLowerCase().pipe(z.enum(LOG_FORMATS, { error: `LOG_FORMAT must be one of ${LOG_FORMATS.join(", ")}` })),
  ).transform((v) => v ?? "text"),
  /** Serve /healthz and /metrics on this port (0: any free port); unset: no HTTP endpoint. */
  HEALTH_PORT: optional(
    z.coerce.number({ error: "HEALTH_PORT must be a port number, like 9464" }).int("HEALTH_PORT must be a whole number").min(0, "HEALTH_PORT must be between 0 and 65535").max(65535, "HEALTH_PORT must be between 0 and 65535"),
  ),
  /** The address the health endpoint listens on; only this machine by default. */
  HEALTH_HOST: optional(z.string().trim()).transform((v) => v ?? "127.0.0.1"),
  COOLDOWN_SECONDS: optional(
    z.coerce
      .number({ error: "COOLDOWN_SECONDS must be a number of seconds, like 3" })
      .min(0, "COOLDOWN_SECONDS cannot be negative")
      .max(MAX_COOLDOWN_SECONDS, `COOLDOWN_SECONDS must be at most ${MAX_COOLDOWN_SECONDS}`),
  ).transform((v) => v ?? DEFAULT_COOLDOWN_SECONDS),
  /** Uses of one command a user may make at once before COOLDOWN_SECONDS applies. */
  COOLDOWN_BURST: optional(
    z.coerce.number({ error: "COOLDOWN_BURST must be a whole number of commands, like 4" }).int("COOLDOWN_BURST must be a whole number").min(1, "COOLDOWN_BURST must be at least 1"),
  ).transform((v) => v ?? DEFAULT_COOLDOWN_BURST),
  DISCORD_API_URL: optional(
    z.url({ protocol: /^https?$/, error: "DISCORD_API_URL must be an http(s) URL like http://127.0.0.1:8080/api" }),
  ),
  /** Rebuild the index when files in the corpus folder change ("off" to rebuild only on /reload). */
  CORPUS_WATCH: optional(z.string().trim().toLowerCase().pipe(z.enum(["on", "off"], { error: "CORPUS_WATCH must be on or off" }))).transform((v) => v ?? "on"),
  /** Also check the corpus folder every this many ms, for file systems that send no change events (0 = off). */
  CORPUS_POLL_MS: optional(z.coerce.number({ error: "CORPUS_POLL_MS must be a number of milliseconds, like 5000" }).int().min(0, "CORPUS_POLL_MS cannot be negative")).transform((v) => v ?? 0),
  ADMIN_IDS: snowflakes("ADMIN_IDS must be Discord user ids separated by commas"),
  /** Roles (ids, comma-separated) whose members may use /add, besides administrators. */
  ADD_ROLE_IDS: snowflakes("ADD_ROLE_IDS must be Discord role ids separated by commas"),
  /** Let /add fetch from private and loopback addresses (off: only public ones). */
  ADD_ALLOW_PRIVATE_URLS: optional(z.string().trim().toLowerCase().pipe(z.enum(["true", "false"], { error: "ADD_ALLOW_PRIVATE_URLS must be true or false" })))
    .transform((v) => v === "true"),
  /** Longest /add may spend downloading one article, redirects included. */
  ADD_TIMEOUT_SECONDS: optional(
    z.coerce.number({ error: "ADD_TIMEOUT_SECONDS must be a number of seconds, like 10" }).positive("ADD_TIMEOUT_SECONDS must be more than 0").max(120, "ADD_TIMEOUT_SECONDS must be at most 120"),
  ).transform((v) => v ?? DEFAULT_ADD_TIMEOUT_SECONDS),
});

export type Config = z.output<typeof schema>;
/** A config with what the bot needs to log in. */
export type BotConfig = Config & { DISCORD_TOKEN: string };
/** A config with what `npm run deploy` needs. */
export type DeployConfig = Config & { DISCORD_TOKEN: string; DISCORD_CLIENT_ID: string };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problem${problems.length > 1 ? "s" : ""} (check .env or the environment; .env.example documents each):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment. Throws ConfigError listing every bad value (messages never contain the values). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError([...new Set(parsed.error.issues.map((issue) => issueMessage(issue)))]);
}

function issueMessage(issue: z.core.$ZodIssue): string {
  const name = String(issue.path[0] ?? "configuration");
  // zod's own messages may quote the received value; ours name the variable and what to do.
  return issue.message.startsWith(name) ? issue.message : `${name} is malformed (${issue.code})`;
}

/** The config for running the bot: DISCORD_TOKEN must be set. */
export function requireBotConfig(config: Config): BotConfig {
  if (!config.DISCORD_TOKEN) throw new ConfigError(["DISCORD_TOKEN is missing: Developer Portal → your application → Bot → Reset Token"]);
  return config as BotConfig;
}

/** The config for deploying commands: DISCORD_TOKEN and DISCORD_CLIENT_ID must be set. */
export function requireDeployConfig(config: Config): DeployConfig {
  const problems: string[] = [];
  if (!config.DISCORD_TOKEN) problems.push("DISCORD_TOKEN is missing: Developer Portal → your application → Bot → Reset Token");
  if (!config.DISCORD_CLIENT_ID) problems.push("DISCORD_CLIENT_ID is missing: Developer Portal → General Information → Application ID");
  if (problems.length) throw new ConfigError(problems);
  return config as DeployConfig;
}

/**
 * The bot's Prometheus metrics (prom-client, in a registry of its own): commands by name and outcome,
 * their latency, the engine's build time and size, reloads and their failures, and Node's own process
 * metrics. Served by the health endpoint at /metrics.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { ReloadResult } from "../engine/holder";

/** How a command ended: answered, refused for the user's input, refused by the cooldown, or failed on our side. */
export type CommandOutcome = "ok" | "user_error" | "cooldown" | "failed";

/** Seconds; Discord's 3-second window is the edge that matters. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5];

export class BotMetrics {
  readonly registry = new Registry();
  private readonly commands = new Counter({
    name: "newsbot_commands_total",
    help: "Slash commands handled, by command and outcome",
    labelNames: ["command", "outcome"] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: "newsbot_command_duration_seconds",
    help: "Time from receiving a slash command to its answer being sent",
    labelNames: ["command"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly buildSeconds = new Gauge({
    name: "newsbot_engine_build_seconds",
    help: "How long the engine serving now took to build (or to load from the cache)",
    registers: [this.registry],
  });
  private readonly articles = new Gauge({
    name: "newsbot_articles_indexed",
    help: "Articles the serving engine answers from",
    registers: [this.registry],
  });
  private readonly reloads = new Counter({
    name: "newsbot_reloads_total",
    help: "Engine reloads (file watcher or /reload), by result",
    labelNames: ["result"] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // Both results appear from the start, so a rate of failures is 0 rather than absent.
    this.reloads.inc({ result: "ok" }, 0);
    this.reloads.inc({ result: "failed" }, 0);
  }

  command(name: string, outcome: CommandOutcome, seconds: number): void {
    this.commands.inc({ command: name, outcome });
    this.latency.observe({ command: name }, seconds);
  }

  engineBuilt(ms: number, articles: number): void {
    this.buildSeconds.set(ms / 1000);
    this.articles.set(articles);
  }

  reloaded(result: ReloadResult): void {
    this.reloads.inc({ result: result.ok ? "ok" : "failed" });
    if (result.ok) this.engineBuilt(result.ms, result.articles);
  }

  /** The Prometheus text exposition of every metric. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

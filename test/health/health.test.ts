// The health endpoint a host polls: /healthz (gateway, engine, last reload; 200 or 503) and /metrics
// (Prometheus text from prom-client), on a port chosen by the system, with the real bot on the fake Discord.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotMetrics } from "../../src/health/metrics";
import { startHealthServer, type HealthServer } from "../../src/health/server";
import { onlyCallback, seed, startHarness, type Harness } from "../discord/harness";

describe("health endpoint", () => {
  let h: Harness;
  let server: HealthServer;
  let fail = false;
  const metrics = new BotMetrics();
  const get = (path: string) => fetch(`http://127.0.0.1:${server.port}${path}`);

  beforeAll(async () => {
    // Reloads fail on demand, keeping the engine that serves.
    const build = async () => {
      if (fail) throw new Error("the folder is empty");
      return seed();
    };
    h = await startHarness({ metrics, cooldownSeconds: 60, cooldownBurst: 1, build });
    h.holder.onReload((result) => metrics.reloaded(result));
    metrics.engineBuilt(120, h.holder.current.articles.length);
    server = await startHealthServer({ holder: h.holder, metrics, gatewayConnected: () => h.bot.client.isReady() }, 0, "127.0.0.1");
  });
  afterAll(async () => {
    await server?.close();
    await h?.close();
  });

  it("/healthz: 200 with the gateway connected, the engine loaded and no reload yet", async () => {
    const response = await get("/healthz");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({
      healthy: true,
      gateway: "connected",
      engine: { loaded: true, articles: h.holder.current.articles.length, generation: 0 },
      lastReload: null,
    });
  });

  it("/metrics: commands by name and outcome, latency, engine size and build time, reloads", async () => {
    await onlyCallback(h.fake, h.fake.sendCommand("help"));
    await onlyCallback(h.fake, h.fake.sendCommand("help")); // refused: burst of one
    await onlyCallback(h.fake, h.fake.sendCommand("source", { id: "999" }));
    fail = true;
    await h.holder.reload();
    const response = await get("/metrics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('newsbot_commands_total{command="help",outcome="ok"} 1');
    expect(text).toContain('newsbot_commands_total{command="help",outcome="cooldown"} 1');
    expect(text).toContain('newsbot_commands_total{command="source",outcome="user_error"} 1');
    expect(text).toMatch(/newsbot_command_duration_seconds_count\{command="help"\} 2/);
    expect(text).toContain(`newsbot_articles_indexed ${h.holder.current.articles.length}`);
    expect(text).toContain("newsbot_engine_build_seconds 0.12");
    expect(text).toContain('newsbot_reloads_total{result="failed"} 1');
    expect(text).toContain('newsbot_reloads_total{result="ok"} 0');
    expect(text).toContain("process_cpu_seconds_total");
  });

  it("/healthz reports a failed reload, and 503 once the gateway is gone", async () => {
    const report = (await (await get("/healthz")).json()) as { lastReload: unknown };
    expect(report.lastReload).toMatchObject({ ok: false, error: "the folder is empty" });
    await h.bot.stop();
    const down = await get("/healthz");
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ healthy: false, gateway: "disconnected" });
  });

  it("answers other paths with 404 and other methods with 405", async () => {
    expect((await get("/")).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${server.port}/metrics`, { method: "POST" })).status).toBe(405);
  });
});

/**
 * The optional HTTP endpoint for a host (HEALTH_PORT; off by default, on 127.0.0.1 unless HEALTH_HOST
 * says otherwise): `/healthz` says whether the bot can answer (gateway connected, an engine loaded) with
 * the last reload's result, as JSON, 200 when healthy and 503 when not; `/metrics` is the Prometheus text.
 * Read-only, GET and HEAD only, and nothing it returns comes from a request.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { EngineHolder } from "../engine/holder";
import type { BotMetrics } from "./metrics";

export interface HealthSources {
  holder: EngineHolder;
  /** True while the Discord gateway connection is up. */
  gatewayConnected(): boolean;
  metrics: BotMetrics;
}

export interface HealthReport {
  healthy: boolean;
  gateway: "connected" | "disconnected";
  engine: { loaded: boolean; articles: number; generation: number };
  lastReload: null | { ok: boolean; ms: number; articles?: number; error?: string };
}

function healthReport(sources: HealthSources): HealthReport {
  const connected = sources.gatewayConnected();
  const engine = sources.holder.current;
  const last = sources.holder.lastReload;
  return {
    healthy: connected && engine.articles.length > 0,
    gateway: connected ? "connected" : "disconnected",
    engine: { loaded: engine.articles.length > 0, articles: engine.articles.length, generation: sources.holder.generation },
    lastReload: last && (last.ok ? { ok: true, ms: last.ms, articles: last.articles } : { ok: false, ms: last.ms, error: last.error }),
  };
}

export interface HealthServer {
  /** The port it listens on (the one chosen when HEALTH_PORT is 0). */
  port: number;
  close(): Promise<void>;
}

export async function startHealthServer(sources: HealthSources, port: number, host: string): Promise<HealthServer> {
  const server = createServer((request, response) => {
    void answer(sources, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function answer(sources: HealthSources, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = (request.url ?? "").split("?")[0];
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { allow: "GET, HEAD" }).end();
  } else if (path === "/healthz") {
    const report = healthReport(sources);
    response.writeHead(report.healthy ? 200 : 503, { "content-type": "application/json" }).end(`${JSON.stringify(report)}\n`);
  } else if (path === "/metrics") {
    const text = await sources.metrics.text();
    response.writeHead(200, { "content-type": sources.metrics.contentType }).end(text);
  } else {
    response.writeHead(404, { "content-type": "text/plain" }).end("Not found: try /healthz or /metrics\n");
  }
}

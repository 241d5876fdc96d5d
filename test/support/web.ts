/** A small web server on 127.0.0.1 for tests that download: each path answers with its own handler. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface WebServer {
  /** `http://127.0.0.1:PORT` + path. */
  url(path: string): string;
  port: number;
  /** Paths requested so far, in order. */
  requested: string[];
  close(): Promise<void>;
}

/** A route that answers 200 with `body` as `contentType`. */
export function serve(body: string | Buffer, contentType: string): Route {
  return (_req, res) => {
    res.writeHead(200, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
    res.end(body);
  };
}

export async function startWebServer(routes: Record<string, Route>): Promise<WebServer> {
  const requested: string[] = [];
  const open = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    requested.push(path);
    open.add(res);
    res.on("close", () => open.delete(res));
    const route = routes[path];
    if (route) route(req, res);
    else res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    requested,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    async close() {
      for (const res of open) res.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

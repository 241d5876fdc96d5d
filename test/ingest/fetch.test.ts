// Downloads on a user's behalf: every address checked (also after redirects), size capped while streaming,
// one deadline, few redirects. Served from 127.0.0.1; "public" is played by 127.0.0.1 alone.
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LookupAddress } from "node:dns";
import { isPublicAddress } from "../../src/ingest/address";
import { checkedLookup, fetchLimited, type FetchLimits } from "../../src/ingest/fetch";
import { IngestError } from "../../src/ingest/errors";
import { serve, startWebServer, type WebServer } from "../support/web";

const MAX_BYTES = 64 * 1024;

describe("fetchLimited", () => {
  let web: WebServer;

  beforeAll(async () => {
    web = await startWebServer({
      "/page": serve("<html><body><p>Hello</p></body></html>", "text/html; charset=utf-8"),
      "/hop1": (_req, res) => res.writeHead(302, { location: "/hop2" }).end(),
      "/hop2": (_req, res) => res.writeHead(301, { location: web.url("/page") }).end(),
      "/loop": (_req, res) => res.writeHead(307, { location: "/loop" }).end(),
      "/to-ftp": (_req, res) => res.writeHead(302, { location: "ftp://127.0.0.1/file.txt" }).end(),
      "/to-other": (_req, res) => res.writeHead(302, { location: `http://127.0.0.2:${web.port}/page` }).end(),
      "/gone": (_req, res) => res.writeHead(410, "Gone").end(),
      "/gzip": (_req, res) => res.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" }).end(gzipSync("A page sent compressed.")),
      "/br": (_req, res) => res.writeHead(200, { "content-type": "text/plain", "content-encoding": "br" }).end(brotliCompressSync("A page sent with brotli.")),
      "/bomb": (_req, res) => res.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" }).end(gzipSync(Buffer.alloc(MAX_BYTES * 256))),
      "/compress": (_req, res) => res.writeHead(200, { "content-type": "text/plain", "content-encoding": "compress" }).end("?"),
      "/stall": (_req, res) => res.writeHead(200, { "content-type": "text/plain" }).write("The start of a page that never ends."),
      "/declared-large": (_req, res) => res.writeHead(200, { "content-type": "text/plain", "content-length": MAX_BYTES * 4 }).end(),
      "/endless": (_req, res) => {
        res.writeHead(200, { "content-type": "text/plain" });
        const chunk = Buffer.alloc(16 * 1024, "a");
        const more = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once("drain", more);
        };
        more();
      },
    });
  });
  afterAll(() => web?.close());

  const limits = (over: Partial<FetchLimits> = {}): FetchLimits => ({
    maxBytes: MAX_BYTES,
    timeoutMs: 1000,
    maxRedirects: 3,
    allowAddress: (address) => address === "127.0.0.1",
    ...over,
  });

  const problem = async (url: string, over: Partial<FetchLimits> = {}) => {
    const error = await fetchLimited(url, limits(over)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    return error as IngestError;
  };

  it("returns the body, its type and the final URL after redirects (a link in <…> as Discord users write it)", async () => {
    const page = await fetchLimited(`<${web.url("/hop1")}>`, limits());
    expect(page.bytes.toString()).toContain("<p>Hello</p>");
    expect(page.contentType).toBe("text/html; charset=utf-8");
    expect(page.url).toBe(web.url("/page"));
  });

  it("refuses more redirects than allowed", async () => {
    const error = await problem(web.url("/loop"));
    expect(error.problem).toBe("redirects");
    expect(error.message).toMatch(/more than 3 times/);
    expect(await problem(web.url("/hop1"), { maxRedirects: 1 })).toMatchObject({ problem: "redirects" });
  });

  it("checks each redirect target: its scheme and its address", async () => {
    expect(await problem(web.url("/to-ftp"))).toMatchObject({ problem: "bad-url" });
    const error = await problem(web.url("/to-other"));
    expect(error.problem).toBe("private-address");
    expect(error.message).toContain("127.0.0.2");
  });

  it("refuses addresses that are not allowed, given literally or through a name", async () => {
    expect(await problem(`http://127.0.0.3:${web.port}/page`)).toMatchObject({ problem: "private-address" });
    expect(await problem(`http://[::1]:${web.port}/page`)).toMatchObject({ problem: "private-address" });
    const none = { allowAddress: () => false };
    expect(await problem(web.url("/page"), none)).toMatchObject({ problem: "private-address" });
    expect(await problem(`http://localhost:${web.port}/page`, none)).toMatchObject({ problem: "private-address" });
  });

  it("refuses links that are not http(s)", async () => {
    for (const url of ["ftp://127.0.0.1/a.txt", "file:///etc/passwd", "javascript:alert(1)", "not a link", `http://user:pw@127.0.0.1:${web.port}/page`]) {
      expect(await problem(url)).toMatchObject({ problem: "bad-url" });
    }
  });

  it("reads compressed pages, stops a compressed bomb at the cap, and refuses encodings it does not know", async () => {
    expect((await fetchLimited(web.url("/gzip"), limits())).bytes.toString()).toBe("A page sent compressed.");
    expect((await fetchLimited(web.url("/br"), limits())).bytes.toString()).toBe("A page sent with brotli.");
    expect(await problem(web.url("/bomb"))).toMatchObject({ problem: "too-large" });
    expect(await problem(web.url("/compress"))).toMatchObject({ problem: "not-text" });
  });

  it("reports an HTTP error status", async () => {
    const error = await problem(web.url("/gone"));
    expect(error.problem).toBe("http-status");
    expect(error.message).toContain("410 Gone");
  });

  it("stops a download that outlasts the deadline", async () => {
    const error = await problem(web.url("/stall"), { timeoutMs: 300 });
    expect(error.problem).toBe("timeout");
  });

  it("stops an endless body at the size cap, while it streams", async () => {
    const error = await problem(web.url("/endless"), { timeoutMs: 5000 });
    expect(error.problem).toBe("too-large");
    expect(await problem(web.url("/declared-large"))).toMatchObject({ problem: "too-large" });
  });
});

describe("checkedLookup", () => {
  /** Runs the lookup as a connection would; returns what the connection would be handed, or the error. */
  const run = (addresses: string[], all: boolean) =>
    new Promise<{ error: Error | null; result: unknown }>((resolve) => {
      const resolver = async (): Promise<LookupAddress[]> => addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
      const lookup = checkedLookup(isPublicAddress, resolver);
      lookup("news.example", { all }, ((error: Error | null, address: unknown) => resolve({ error, result: address })) as never);
    });

  it("refuses a host if any one of its addresses is not public (a rebinding answer mixes them)", async () => {
    for (const mixed of [["93.184.216.34", "127.0.0.1"], ["2606:4700::1", "::1"], ["8.8.8.8", "::ffff:10.0.0.1"], []]) {
      const { error } = await run(mixed, true);
      expect(error).toBeInstanceOf(IngestError);
      expect((error as IngestError).problem).toBe("private-address");
    }
  });

  it("hands the connection exactly the addresses it checked", async () => {
    expect(await run(["93.184.216.34", "2606:4700::1"], true)).toEqual({ error: null, result: [
      { address: "93.184.216.34", family: 4 },
      { address: "2606:4700::1", family: 6 },
    ] });
    expect(await run(["93.184.216.34", "2606:4700::1"], false)).toEqual({ error: null, result: "93.184.216.34" });
  });
});

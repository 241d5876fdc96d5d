/**
 * Downloads one http(s) resource on a user's behalf, with guards: only public addresses (every address
 * a host resolves to is checked, and the connection goes to a checked address, so a DNS answer that
 * changes between check and connect cannot reach a private one), a size cap enforced while the body
 * streams in, one deadline for the whole download, a bounded number of redirects, each re-checked.
 */
import type { LookupAddress, LookupOptions } from "node:dns";
import { lookup } from "node:dns/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { pipeline, type Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { IngestError } from "./errors";

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  /** Which IP addresses may be connected to: isPublicAddress, or anything (ADD_ALLOW_PRIVATE_URLS). */
  allowAddress: (address: string) => boolean;
}

export interface Fetched {
  bytes: Buffer;
  /** The Content-Type header, lowercased, or "" when absent. */
  contentType: string;
  /** The URL the body came from, after redirects. */
  url: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Parses `text` as an http(s) URL, or says why it is not one. */
export function httpUrl(text: string): URL {
  let url: URL;
  try {
    // Discord users wrap links in <…> to stop their preview.
    url = new URL(text.trim().replace(/^<(.*)>$/, "$1"));
  } catch {
    throw new IngestError("bad-url", "That is not a web address. Give a full link starting with https://");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new IngestError("bad-url", `Only http:// and https:// links can be read, not ${url.protocol}// ones.`);
  }
  if (url.username || url.password) throw new IngestError("bad-url", "Links with a user name or password in them are not read.");
  return url;
}

export async function fetchLimited(address: string, limits: FetchLimits): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    let url = httpUrl(address);
    for (let redirects = 0; ; redirects++) {
      const response = await request(url, limits, controller.signal);
      const location = response.headers.location;
      if (REDIRECTS.has(response.statusCode ?? 0) && location) {
        response.destroy();
        if (redirects >= limits.maxRedirects) {
          throw new IngestError("redirects", `The link redirects more than ${limits.maxRedirects} times. Give the address it finally leads to.`);
        }
        url = httpUrl(new URL(location, url).href);
        continue;
      }
      const status = response.statusCode ?? 0;
      if (status < 200 || status > 299) {
        response.destroy();
        throw new IngestError("http-status", `The site answered ${status} ${response.statusMessage ?? ""}`.trimEnd() + ". Check that the link opens in a browser.");
      }
      const bytes = await readCapped(response, limits.maxBytes);
      return { bytes, contentType: (response.headers["content-type"] ?? "").toLowerCase(), url: url.href };
    }
  } catch (error) {
    if (controller.signal.aborted) {
      throw new IngestError("timeout", `The download took longer than ${limits.timeoutMs / 1000} s and was stopped. Try again later, or attach the file instead.`);
    }
    if (error instanceof IngestError) throw error;
    throw new IngestError("unreachable", `The download failed (${(error as Error).message}). Try again, or attach the file instead.`);
  } finally {
    clearTimeout(timer);
  }
}

function request(url: URL, limits: FetchLimits, signal: AbortSignal): Promise<IncomingMessage> {
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  // An IP literal is connected to directly, without a lookup: check it here.
  if (isIP(literal) && !limits.allowAddress(literal)) throw privateHost(url.hostname);
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const headers = {
      "user-agent": "news-study-bot (/add)",
      accept: "text/html, text/plain, text/markdown;q=0.9, */*;q=0.1",
      "accept-encoding": Object.keys(DECODERS).join(", "),
    };
    // No shared agent: a pooled connection would skip the lookup, and with it the address check.
    const req = client.get(url, { signal, agent: false, lookup: checkedLookup(limits.allowAddress), headers }, resolve);
    req.on("error", (error) => reject(error instanceof IngestError ? error : unreachable(url, error)));
  });
}

/** Every address of a host name. */
export type Resolver = (hostname: string, family: LookupOptions["family"]) => Promise<LookupAddress[]>;

const resolveAll: Resolver = (hostname, family) => lookup(hostname, { all: true, family: family ?? 0 });

/**
 * A `lookup` for the connection: resolves every address of the host, refuses the host if any one is
 * not allowed, and otherwise hands the connection exactly the addresses it checked.
 */
export function checkedLookup(allowAddress: (address: string) => boolean, resolve: Resolver = resolveAll): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, options.family).then(
      (addresses) => {
        if (addresses.length === 0 || addresses.some((a) => !allowAddress(a.address))) return callback(privateHost(hostname), "", 0);
        if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        const [first] = addresses as [LookupAddress];
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}

/** Content encodings a page may come in, and their decoders. */
const DECODERS: Record<string, () => Transform> = { gzip: createGunzip, "x-gzip": createGunzip, deflate: createInflate, br: createBrotliDecompress };

/**
 * The (decompressed) body, or an error as soon as it grows past `maxBytes`: never buffered beyond the
 * cap, so neither an endless page nor a compressed bomb gets far.
 */
async function readCapped(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const encoding = (response.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  if (encoding === "identity" && Number(response.headers["content-length"]) > maxBytes) {
    response.destroy();
    throw tooLarge(maxBytes);
  }
  const decoder = DECODERS[encoding];
  if (encoding !== "identity" && !decoder) {
    response.destroy();
    throw new IngestError("not-text", `The site sent the page compressed as ${encoding.slice(0, 40)}, which the bot cannot read. Attach the file instead.`);
  }
  const body = decoder ? pipeline(response, decoder(), () => {}) : response;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(chunk);
    }
  } finally {
    response.destroy();
  }
  if (!response.complete) throw new Error("the connection closed before the end of the page");
  return Buffer.concat(chunks);
}

export function tooLarge(maxBytes: number): IngestError {
  return new IngestError("too-large", `That is larger than ${maxBytes / 1048576} MB, the limit for one article. Save just the article's text and add that.`);
}

function privateHost(host: string): IngestError {
  return new IngestError(
    "private-address",
    `${host} is a private, local or otherwise non-public address, which the bot does not visit. Give a public link, or attach the file instead.`,
  );
}

function unreachable(url: URL, error: Error): IngestError {
  const code = (error as NodeJS.ErrnoException).code ?? error.message;
  return new IngestError("unreachable", `Could not reach ${url.host} (${code}). Check the link, or attach the file instead.`);
}

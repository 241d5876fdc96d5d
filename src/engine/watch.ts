/**
 * Watches the corpus folder and asks for a reload when its files change: debounced (an editor's save or
 * a copied batch is many events), skipped when nothing that matters changed, and re-run when files
 * change again while a rebuild is under way (the rebuild may have read the folder before the change).
 *
 * Cross-platform caveats of `fs.watch`, and what this does about them:
 * - Events are hints: Linux (inotify), macOS (FSEvents/kqueue) and Windows report different event
 *   kinds, repeat them, and may omit the file name. So any event only schedules a check, and the check
 *   compares a signature of the folder (names, sizes, modification times) with the last loaded one.
 * - Network and virtual file systems (NFS, SMB, some Docker/WSL bind mounts) may deliver no events at
 *   all; `pollMs` adds a periodic signature check for them (off by default, `CORPUS_POLL_MS`).
 * - If the folder itself is removed or the watch fails, the watcher logs it and falls back to polling,
 *   so a folder that comes back is picked up again.
 * - Only the folder's own entries are watched (not subfolders): the loader reads no subfolders either.
 */
import { watch, readdirSync, statSync, type FSWatcher } from "node:fs";
import { join } from "node:path";
import { plural } from "../text/plural";

/** An editor save or a `cp *.txt` settles well within this. */
export const DEFAULT_DEBOUNCE_MS = 300;
/** Polling interval used when fs.watch fails. */
export const FALLBACK_POLL_MS = 2_000;
const UNREADABLE = "unreadable:";

/** What a reload reports (EngineHolder's ReloadResult has this shape, and more). */
export type ReloadResult = { ok: true; articles: number; warnings: string[]; ms: number } | { ok: false; error: string; ms: number };

/** Anything that rebuilds and swaps in the engine: the EngineHolder. */
export interface Reloadable {
  reload(): Promise<ReloadResult>;
}

export interface WatchOptions {
  debounceMs?: number;
  /** Also check the folder every this many ms (for file systems without change events); 0 = off. */
  pollMs?: number;
  /** Polling interval when fs.watch fails or the folder disappears. */
  fallbackPollMs?: number;
  /** One line per reload or problem; defaults to stderr. */
  log?: (line: string) => void;
  /** The folderSignature() taken before the serving engine was built; changes since then trigger a
   *  reload at once. Default: the folder as it is when watching starts. */
  loadedSignature?: string;
  /** The warnings ("file: why") of the engine serving when watching starts: a reload reports only the others. */
  knownWarnings?: readonly string[];
  /** Hears every reload the watcher triggered, with its result (tests, status displays). */
  onReload?: (result: ReloadResult) => void;
}

export interface CorpusWatcher {
  /** Resolves once any reload in progress is finished; then nothing more runs. */
  close(): Promise<void>;
  /** Checks the folder now (as an event would, after the debounce). */
  poke(): void;
}

/** Starts watching `dir`; the folder's current state counts as already loaded. */
export function watchCorpus(dir: string, target: Reloadable, options: WatchOptions = {}): CorpusWatcher {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const fallbackPollMs = options.fallbackPollMs ?? FALLBACK_POLL_MS;
  const log = options.log ?? ((line: string) => console.error(line));
  let loaded = options.loadedSignature ?? folderSignature(dir);
  let known = new Set(options.knownWarnings ?? []);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  let watcher: FSWatcher | null = null;
  let poller: NodeJS.Timeout | null = null;

  const schedule = (): void => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void check();
    }, debounceMs);
  };

  const check = async (): Promise<void> => {
    if (running) {
      again = true; // the rebuild under way may have read the folder before this change
      return;
    }
    const now = folderSignature(dir);
    if (now === loaded) return;
    // A removed folder takes its watch with it: poll until it is back, then watch the new one.
    if (now.startsWith(UNREADABLE)) fallBack("the folder cannot be read");
    else if (loaded.startsWith(UNREADABLE) && !options.pollMs) {
      if (poller) clearInterval(poller);
      poller = null;
      arm();
    }
    running = (async () => {
      const result = await target.reload().catch((error: unknown): ReloadResult => ({ ok: false, error: String(error), ms: 0 }));
      // A failed rebuild is not retried until the folder changes again: the same files would fail the same way.
      loaded = now;
      report(result);
      options.onReload?.(result);
    })();
    try {
      await running;
    } finally {
      running = null;
    }
    if (again && !closed) {
      again = false;
      void check();
    }
  };

  const report = (result: ReloadResult): void => {
    // One line each: a console redraws its prompt under it, a service log keeps one event per line.
    if (result.ok) {
      const fresh = result.warnings.filter((w) => !known.has(w));
      known = new Set(result.warnings);
      const news = fresh.length ? `; ${plural(fresh.length, "new warning")}: ${fresh.join(" | ")}` : "";
      log(`corpus changed: now serving ${plural(result.articles, "article")}, rebuilt in ${result.ms} ms${news}`);
    } else {
      log(`corpus changed, but the rebuild failed; still serving the previous articles. Why: ${result.error}`);
    }
  };

  const startPolling = (ms: number): void => {
    if (poller || closed) return;
    poller = setInterval(() => void check(), ms);
    poller.unref();
  };

  const arm = (): void => {
    watcher?.close();
    watcher = null;
    try {
      watcher = watch(dir, { persistent: false }, (_event, name) => {
        // Hidden files are editor swap files and the like; the loader ignores them too.
        if (name && String(name).startsWith(".")) return;
        schedule();
      });
      watcher.on("error", (error) => fallBack(error.message));
    } catch (error) {
      fallBack((error as Error).message);
    }
  };

  const fallBack = (why: string): void => {
    if (poller) return;
    log(`cannot watch ${dir} (${why}); checking it every ${fallbackPollMs} ms instead`);
    watcher?.close();
    watcher = null;
    startPolling(fallbackPollMs);
  };

  arm();
  if (options.pollMs) startPolling(options.pollMs);
  if (folderSignature(dir) !== loaded) schedule();

  return {
    poke: schedule,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (poller) clearInterval(poller);
      watcher?.close();
      await running;
    },
  };
}

/** Names, sizes and modification times of the folder's entries; "" when it cannot be read. */
export function folderSignature(dir: string): string {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => !n.startsWith(".")).sort();
  } catch (error) {
    return `${UNREADABLE}${(error as NodeJS.ErrnoException).code ?? ""}`;
  }
  return names
    .map((name) => {
      try {
        const s = statSync(join(dir, name));
        return `${name}:${s.size}:${s.mtimeMs}`;
      } catch {
        return `${name}:?`;
      }
    })
    .join("\n");
}

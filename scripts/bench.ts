/**
 * `npm run bench [-- --sizes 5,1000,10000] [--runs 3] [--seed 1] [--startup]` (`npm run bench -- hostile`: scripts/bench/hostile.ts): builds and serves corpora of each size
 * in child processes, several runs each, and writes the medians beside the targets into BENCHMARKS.md
 * (between the markers; the notes around them are kept). Size 5 is the real seed corpus; other sizes
 * are generated (deterministically) into the system's temporary folder and reused. Then, on the seed
 * corpus, the time from starting the bot's console to its first answer, through tsx and compiled
 * (`--startup` measures only that). A benchmark, not a test: it reports, it never fails on a slow machine.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { writeCorpus } from "./bench/generator";
import { runHostileBench } from "./bench/hostile";
import { STALE, type BuildResult, type Latency, type ServeResult } from "./bench/worker";
import { plural } from "../src/text/plural";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const WORKER = join(ROOT, "scripts/bench/worker.ts");
const REPORT = join(ROOT, "BENCHMARKS.md");
const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";
const STARTUP_START = "<!-- bench:startup:start -->";
const STARTUP_END = "<!-- bench:startup:end -->";
const SEED_SIZE = 5;
const MAX_ATTEMPTS = 3;

interface Args {
  sizes: number[];
  runs: number;
  seed: number;
  /** `--startup`: measure only the start to the first answer. */
  startupOnly: boolean;
}

function parseArgs(argv: string[]): Args {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = (value("--sizes") ?? "5,1000,10000").split(",").map((s) => Number.parseInt(s.trim(), 10));
  if (sizes.some((n) => !Number.isFinite(n) || n < 1)) throw new Error("--sizes takes article counts separated by commas, like 5,1000");
  return { sizes, runs: Math.max(1, Number(value("--runs") ?? 3)), seed: Number(value("--seed") ?? 1), startupOnly: argv.includes("--startup") };
}

function corpusFor(size: number, seed: number): string {
  if (size === SEED_SIZE) return join(ROOT, "corpus");
  const dir = join(tmpdir(), `news-bench-corpus-${size}-seed${seed}`);
  if (!existsSync(dir) || readdirSync(dir).length !== size) {
    rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`generating ${size} articles in ${dir}…\n`);
    writeCorpus(dir, size, seed);
  }
  return dir;
}

function child<T>(mode: "build" | "serve", dir: string, cacheDir: string): T {
  const out = execFileSync(process.execPath, ["--import", "tsx", WORKER, mode, dir, cacheDir], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as T;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface SizeResult {
  size: number;
  articles: number;
  build: BuildResult; // medians
  serve: Omit<ServeResult, "commands"> & { commands: Latency[] };
}

function measure(size: number, args: Args): SizeResult {
  const dir = corpusFor(size, args.seed);
  const builds: BuildResult[] = [];
  const serves: ServeResult[] = [];
  for (let run = 1; run <= args.runs; run++) {
    for (let attempt = 1; ; attempt++) {
      const cacheDir = mkdtempSync(join(tmpdir(), "news-bench-cache-"));
      try {
        process.stderr.write(`size ${size}, run ${run}/${args.runs}: build…`);
        const build = child<BuildResult>("build", dir, cacheDir);
        process.stderr.write(" serve…");
        serves.push(child<ServeResult>("serve", dir, cacheDir));
        builds.push(build);
        process.stderr.write(" done\n");
        break;
      } catch (error) {
        // Source files edited between the two runs change the code key; measure again.
        if (attempt >= MAX_ATTEMPTS || !String((error as { stderr?: unknown }).stderr ?? (error as Error).message).includes(STALE)) throw error;
        process.stderr.write(" the code changed meanwhile; again\n");
      } finally {
        rmSync(cacheDir, { recursive: true, force: true });
      }
    }
  }
  const med = <T>(xs: T[], key: keyof T) => median(xs.map((x) => x[key] as number));
  const build: BuildResult = {
    articles: builds[0]!.articles,
    loadMs: med(builds, "loadMs"),
    indexMs: med(builds, "indexMs"),
    partMs: Object.fromEntries(Object.keys(builds[0]!.partMs).map((k) => [k, median(builds.map((b) => b.partMs[k] ?? NaN))])),
    cacheWriteMs: med(builds, "cacheWriteMs"),
    cacheBytes: med(builds, "cacheBytes"),
    peakRssMb: Math.max(...builds.map((b) => b.peakRssMb)),
    startToReadyMs: med(builds, "startToReadyMs"),
  };
  const commands = serves[0]!.commands.map((c, i) => ({
    name: c.name,
    samples: serves.reduce((n, s) => n + s.commands[i]!.samples, 0),
    medianMs: median(serves.map((s) => s.commands[i]!.medianMs)),
    p99Ms: median(serves.map((s) => s.commands[i]!.p99Ms)),
  }));
  return {
    size,
    articles: build.articles,
    build,
    serve: {
      coldStartMs: med(serves, "coldStartMs"),
      warmUpMs: med(serves, "warmUpMs"),
      startToReadyMs: med(serves, "startToReadyMs"),
      peakRssMb: Math.max(...serves.map((s) => s.peakRssMb)),
      commands,
    },
  };
}

// ---- start to first answer ------------------------------------------------------------------------

const FIRST_QUESTION = "/ask who claimed the attack\n";

/** Milliseconds from spawning `command` to the first bytes on its stdout (the first answer: logs go to stderr). */
function firstAnswerMs(command: string, args: string[]): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const env = { ...process.env, CORPUS_DIR: join(ROOT, "corpus"), CORPUS_WATCH: "off", DISCORD_TOKEN: "" };
    const proc = spawn(command, args, { cwd: ROOT, env, stdio: ["pipe", "pipe", "ignore"] });
    let answered: number | null = null;
    proc.stdout.once("data", () => (answered = performance.now() - started));
    proc.stdout.resume();
    proc.once("error", reject);
    proc.once("exit", (code) => (answered !== null && code === 0 ? resolvePromise(answered) : reject(new Error(`${command} ${args.join(" ")} exited ${code} without an answer`))));
    proc.stdin.end(FIRST_QUESTION);
  });
}

interface StartupResult {
  label: string;
  medianMs: number;
}

/** How `npm start` reaches its first answer on the seed corpus: through tsx (as it was) and compiled (as it is). */
async function measureStartup(runs: number): Promise<StartupResult[]> {
  const node = process.execPath;
  const build = ["scripts/build.mjs"];
  const ways: [string, string, string[], (() => void)?][] = [
    ["compile into dist/ after a change (once per change)", node, build, () => rmSync(join(ROOT, "dist"), { recursive: true, force: true })],
    ["tsx src/main.ts (`npm start` before)", join(ROOT, "node_modules/.bin/tsx"), ["src/main.ts"]],
    ["node dist/src/main.js (`npm start` now)", node, ["dist/src/main.js"]],
    ["npm start, whole (npm, dependency and build checks, node)", "npm", ["start", "--silent"]],
  ];
  const results: StartupResult[] = [];
  for (const [label, command, args, before] of ways) {
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      before?.();
      process.stderr.write(`start to first answer: ${label}, run ${run + 1}/${runs}\n`);
      if (command === node && args === build) {
        const started = performance.now();
        execFileSync(node, build, { cwd: ROOT, stdio: "ignore" });
        samples.push(performance.now() - started);
      } else samples.push(await firstAnswerMs(command, args));
    }
    results.push({ label, medianMs: median(samples) });
  }
  return results;
}

function startupTable(results: StartupResult[]): string {
  return [
    "| start to first answer (seed corpus, piped `/ask`) | median |",
    "|---|--:|",
    ...results.map((r) => `| ${r.label} | ${ms(r.medianMs)} |`),
  ].join("\n");
}

// ---- report -------------------------------------------------------------------------------------

type Check = (value: number) => boolean;
interface Row {
  label: string;
  cell: (r: SizeResult) => number | undefined;
  format: (v: number) => string;
  /** Targets for the seed corpus and for 10 000 articles, when there are any. */
  seed?: [string, Check];
  large?: [string, Check];
}

const ms = (v: number) =>
  v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : v >= 100 ? `${Math.round(v)} ms` : v >= 1 ? `${v.toFixed(1)} ms` : `${Math.round(v * 1000)} µs`;
const mb = (v: number) => `${Math.round(v)} MB`;
const bytes = (v: number) => (v >= 1e6 ? `${(v / 1e6).toFixed(1)} MB` : `${Math.round(v / 1e3)} kB`);
const LARGE = 10_000;

function rows(results: SizeResult[]): Row[] {
  const names = [...new Set(results.flatMap((r) => r.serve.commands.map((c) => c.name)))];
  const latency = (name: string, key: "medianMs" | "p99Ms") => (r: SizeResult) => r.serve.commands.find((c) => c.name === name)?.[key];
  const isFloor = (n: string) => n.includes("floor");
  const isAutocomplete = (n: string) => n.includes("autocomplete");
  return [
    { label: "load + clean", cell: (r) => r.build.loadMs, format: ms },
    { label: "index build (all parts)", cell: (r) => r.build.indexMs, format: ms, large: ["< 30 s", (v) => v < 30_000] },
    ...[...new Set(results.flatMap((r) => Object.keys(r.build.partMs)))].map(
      (part): Row => ({ label: `… of which ${part}`, cell: (r) => r.build.partMs[part], format: ms }),
    ),
    { label: "peak RSS (build)", cell: (r) => r.build.peakRssMb, format: mb, large: ["< 1 GB", (v) => v < 1024] },
    { label: "cache write", cell: (r) => r.build.cacheWriteMs, format: ms },
    { label: "cache on disk", cell: (r) => r.build.cacheBytes, format: bytes },
    { label: "start to ready, no cache (process)", cell: (r) => r.build.startToReadyMs, format: ms, seed: ["< 1 s", (v) => v < 1000] },
    { label: "cold start from cache (Engine.open)", cell: (r) => r.serve.coldStartMs, format: ms, large: ["< 300 ms", (v) => v < 300] },
    { label: "warm-up (after ready, as the bot logs in)", cell: (r) => r.serve.warmUpMs, format: ms },
    { label: "start to ready from cache (process)", cell: (r) => r.serve.startToReadyMs, format: ms, seed: ["< 1 s", (v) => v < 1000] },
    { label: "peak RSS (serve)", cell: (r) => r.serve.peakRssMb, format: mb, large: ["< 1 GB", (v) => v < 1024] },
    ...names.flatMap((name): Row[] => {
      const p99Large: [string, Check] | undefined = isFloor(name) ? undefined : isAutocomplete(name) ? ["< 20 ms", (v) => v < 20] : ["< 50 ms", (v) => v < 50];
      return [
        { label: `${name} median`, cell: latency(name, "medianMs"), format: ms },
        { label: `${name} p99`, cell: latency(name, "p99Ms"), format: ms, seed: isFloor(name) ? undefined : ["< 5 ms", (v) => v < 5], large: p99Large },
      ];
    }),
    {
      label: "/ask ÷ floor (medians)",
      cell: (r) => {
        const ask = latency("/ask", "medianMs")(r);
        const floor = latency("bare MiniSearch (floor)", "medianMs")(r);
        return ask !== undefined && floor ? ask / floor : undefined;
      },
      format: (v) => `${v.toFixed(1)}×`,
      large: ["≤ 3×", (v) => v <= 3],
    },
  ];
}

function table(results: SizeResult[]): string {
  const head = ["", ...results.map((r) => (r.size === SEED_SIZE ? `seed (${r.articles})` : `${r.articles.toLocaleString("en")}`)), "target: seed", "target: 10 000"];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i === 0 ? "---" : "--:")).join("|")}|`];
  for (const row of rows(results)) {
    const cells = results.map((r) => {
      const v = row.cell(r);
      if (v === undefined) return "–";
      const target = r.size === SEED_SIZE ? row.seed : r.size === LARGE ? row.large : undefined;
      return `${row.format(v)}${target ? (target[1](v) ? " ✅" : " ❌") : ""}`;
    });
    lines.push(`| ${row.label} | ${cells.join(" | ")} | ${row.seed?.[0] ?? ""} | ${row.large?.[0] ?? ""} |`);
  }
  return lines.join("\n");
}

function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
}

function report(results: SizeResult[], args: Args): string {
  const samples = results.flatMap((r) => r.serve.commands.map((c) => c.samples));
  return [
    START,
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}.`,
    `Sizes ${args.sizes.join(", ")}; ${plural(args.runs, "run")} per size, each in fresh child processes (one builds and writes the cache, one starts from it and times the commands); medians of the runs quoted, peak RSS is the highest run. Latencies: ${Math.min(...samples)}–${Math.max(...samples)} calls per command over all runs, after the bot's own warm-up (src/engine/warm.ts), cycling through a fixed input list with each input's first use timed. Synthetic corpora: seed ${args.seed}.`,
    "",
    table(results),
    END,
  ].join("\n");
}

function startupReport(results: StartupResult[], args: Args): string {
  return [
    STARTUP_START,
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; ${plural(args.runs, "run")} each, in fresh processes, from the spawn to the first byte of the answer on stdout.`,
    "",
    startupTable(results),
    STARTUP_END,
  ].join("\n");
}

/** Replaces the text between `start` and `end` in BENCHMARKS.md with `block` (appended when they are missing). */
function writeReport(block: string, start: string, end: string): void {
  const current = existsSync(REPORT) ? readFileSync(REPORT, "utf8") : "# Benchmarks\n\nWritten by `npm run bench`; the text outside the markers is kept.\n";
  const at = current.indexOf(start);
  const stop = current.indexOf(end);
  const next = at >= 0 && stop > at ? current.slice(0, at) + block + current.slice(stop + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(REPORT, next);
}

if (process.argv[2] === "hostile") {
  console.log(machine());
  await runHostileBench(process.argv.slice(3));
  process.exit(0);
}
const args = parseArgs(process.argv.slice(2));
console.log(machine());
if (!args.startupOnly) {
  const results = args.sizes.map((size) => measure(size, args));
  console.log(table(results));
  writeReport(report(results, args), START, END);
}
const startup = await measureStartup(args.runs);
console.log(startupTable(startup));
writeReport(startupReport(startup, args), STARTUP_START, STARTUP_END);
console.log(`\nwritten to ${REPORT}`);

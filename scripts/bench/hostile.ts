/**
 * `npm run bench -- hostile [--sizes 10000,100000,1000000] [--budget 10] [--inputs a,b] [--stages a,b] [--json out.json]`: times every
 * parser and renderer (scripts/bench/hostile-stages.ts) on every hostile input (hostile-inputs.ts) at
 * each size, and prints per stage the slowest input and how its time grows per 10× size (≈10× is
 * linear, ≈100× quadratic). Each input runs in a worker thread that is terminated when a stage exceeds
 * the budget, so a super-linear parser shows as "> budget" instead of hanging the bench; the larger
 * sizes of that input and stage are then skipped. A benchmark, not a test: it never fails.
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { writeFileSync } from "node:fs";
import { startWorker } from "../../src/process/worker";
import { HOSTILE_INPUTS } from "./hostile-inputs";
import { STAGES } from "./hostile-stages";

export interface Job {
  input: string;
  size: number;
  stages: string[];
}
type Message = { stage: string; event: "start" | "prepared" } | { stage: string; event: "done"; ms: number };

/**
 * A cell: milliseconds; or over the budget (in the stage itself, or while preparing its input with the
 * parsers before it, `inPrepare`); or skipped because a smaller size went over.
 */
export type Cell = { ms: number } | { over: number; inPrepare?: boolean } | { skipped: true };
export type Results = Record<string, Record<string, Record<number, Cell>>>; // stage → input → size → cell

/** Shortest run of a repeated measurement: short stages are repeated until they take this long in all. */
const REPEAT_UNTIL_MS = 100;
const MAX_REPEATS = 5;

function workerMain(job: Job): void {
  const raw = HOSTILE_INPUTS.find((i) => i.name === job.input)!.make(job.size);
  for (const name of job.stages) {
    const stage = STAGES.find((s) => s.name === name)!;
    parentPort!.postMessage({ stage: name, event: "start" } satisfies Message);
    const context = stage.prepare(raw);
    parentPort!.postMessage({ stage: name, event: "prepared" } satisfies Message);
    let best = Infinity;
    let total = 0;
    for (let k = 0; k < MAX_REPEATS && total < REPEAT_UNTIL_MS; k++) {
      const started = performance.now();
      stage.run(context);
      const ms = performance.now() - started;
      best = Math.min(best, ms);
      total += ms;
    }
    parentPort!.postMessage({ stage: name, event: "done", ms: best } satisfies Message);
  }
}

/** Runs the stages of one input at one size; a stage over `budgetMs` ends its worker and is marked over. */
async function runJob(job: Job, budgetMs: number, into: Results): Promise<void> {
  const cells = await timeStages(job, budgetMs);
  for (const [stage, cell] of Object.entries(cells)) into[stage]![job.input]![job.size] = cell;
}

/** Times `job.stages` on one input at one size in worker threads, each stopped when it passes `budgetMs`. */
export async function timeStages(job: Job, budgetMs: number): Promise<Record<string, Cell>> {
  const cells: Record<string, Cell> = {};
  let remaining = [...job.stages];
  while (remaining.length > 0) {
    const worker = startWorker(new URL(import.meta.url), { ...job, stages: remaining });
    await new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const settle = () => {
        clearTimeout(timer);
        resolve();
      };
      let preparing = false;
      worker.on("message", (m: Message) => {
        clearTimeout(timer);
        if (m.event === "done") {
          cells[m.stage] = { ms: m.ms };
          remaining = remaining.filter((s) => s !== m.stage);
          return;
        }
        preparing = m.event === "start";
        timer = setTimeout(() => {
          cells[m.stage] = { over: budgetMs, ...(preparing ? { inPrepare: true } : {}) };
          remaining = remaining.filter((s) => s !== m.stage);
          void worker.terminate();
        }, budgetMs);
      });
      worker.on("error", (error: Error) => {
        process.stderr.write(`${job.input} at ${job.size}: ${error.message}\n`);
        remaining = [];
        settle();
      });
      worker.on("exit", settle);
    });
  }
  return cells;
}

export async function runHostileBench(argv: string[]): Promise<void> {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = (value("--sizes") ?? "10000,100000,1000000").split(",").map(Number);
  const budgetMs = Number(value("--budget") ?? 10) * 1000;
  const only = value("--inputs")?.split(",");
  const onlyStages = value("--stages")?.split(",");
  const results: Results = Object.fromEntries(STAGES.map((s) => [s.name, Object.fromEntries(HOSTILE_INPUTS.map((i) => [i.name, {}]))]));
  for (const input of HOSTILE_INPUTS.filter((i) => !only || only.includes(i.name))) {
    for (const size of sizes) {
      // A stage that went over the budget at a smaller size is not run at a larger one.
      const selected = STAGES.map((s) => s.name).filter((s) => !onlyStages || onlyStages.some((o) => s.startsWith(o)));
      const wentOver = (s: string) => Object.values(results[s]![input.name]!).some((c) => !("ms" in c));
      for (const s of selected.filter(wentOver)) results[s]![input.name]![size] = { skipped: true };
      const stages = selected.filter((s) => !wentOver(s));
      process.stderr.write(`${input.name} at ${size}…\n`);
      await runJob({ input: input.name, size, stages }, budgetMs, results);
    }
  }
  const json = value("--json");
  if (json) writeFileSync(json, JSON.stringify({ sizes, budgetMs, results }, null, 1));
  console.log(hostileTable(sizes, results));
}

const fmt = (cell: Cell | undefined): string =>
  !cell
    ? "–"
    : "ms" in cell
      ? cell.ms >= 1000
        ? `${(cell.ms / 1000).toFixed(1)} s`
        : cell.ms >= 10
          ? `${Math.round(cell.ms)} ms`
          : `${cell.ms.toFixed(1)} ms`
      : "over" in cell
        ? `> ${cell.over / 1000} s${cell.inPrepare ? " (in parsing before it)" : ""}`
        : "skipped";
/** A time, or Infinity for a cell over the budget (or skipped because a smaller size was). */
const rank = (cell: Cell | undefined): number => (!cell ? -1 : "ms" in cell ? cell.ms : Infinity);

/** Per stage: the slowest input at the largest size, its time at each size and its growth per 10×. */
function hostileTable(sizes: number[], results: Results): string {
  const sizeLabel = (n: number) => (n >= 1e6 ? `${n / 1e6} MB` : `${n / 1e3} KB`);
  const head = ["stage", "slowest input", ...sizes.map(sizeLabel), ...sizes.slice(1).map((n, i) => `×${sizeLabel(sizes[i]!)}→${sizeLabel(n)}`)];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i < 2 ? "---" : "--:")).join("|")}|`];
  for (const [stage, byInput] of Object.entries(results)) {
    if (Object.values(byInput).every((cells) => Object.keys(cells).length === 0)) continue; // not run
    // The slowest input: compared at the largest size first (a timeout outranks any time).
    const slower = (a: Record<number, Cell>, b: Record<number, Cell>) => {
      for (const n of [...sizes].reverse()) if (rank(a[n]) !== rank(b[n])) return rank(b[n]) > rank(a[n]) ? 1 : -1;
      return 0;
    };
    const [input, cells] = Object.entries(byInput).sort(([, a], [, b]) => slower(a, b))[0]!;
    const growth = sizes.slice(1).map((n, i) => {
      const a = cells[sizes[i]!];
      const b = cells[n];
      if (a && b && "ms" in a && "ms" in b) return `${(b.ms / Math.max(a.ms, 0.01)).toFixed(0)}×`;
      return b && "over" in b ? (b.inPrepare ? "blocked" : "super-linear") : "–";
    });
    lines.push(`| ${stage} | ${input} | ${sizes.map((n) => fmt(cells[n])).join(" | ")} | ${growth.join(" | ")} |`);
  }
  return lines.join("\n");
}

const job = isMainThread ? undefined : (workerData as { data?: Job }).data;
if (job?.input) workerMain(job);

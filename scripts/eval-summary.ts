/**
 * `npm run eval:summary`: ROUGE of the /source extractive summary against the CNN/DailyMail highlights
 * in ../shared/eval/summaries/pairs.jsonl, next to the Lead-3 baseline, scored as SOURCE.md says.
 * The data is read from ../shared only, never copied into the repo.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rouge, type RougeScores } from "../src/text/rouge";
import { splitSimpleSentences } from "../src/text/sentences-simple";
import { summarize } from "../src/source/summary";
import { splitSentences } from "../src/corpus/sentences";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const PAIRS = join(ROOT, "..", "shared", "eval", "summaries", "pairs.jsonl");
const LEAD = 3;

interface Pair {
  id: string;
  article: string;
  reference: string;
}

/** The corpus loader's splitter, which /source summaries are built from. */
const SPLITTER_NAME = "src/corpus/sentences.ts";

function projectSplit(text: string): string[] {
  return splitSentences(text).map((s) => s.text);
}

function simpleSplit(text: string): string[] {
  return splitSimpleSentences(text).map((s) => s.text);
}

interface Totals {
  r1: number;
  r2: number;
  rl: number;
  sentences: number;
  words: number;
}

function emptyTotals(): Totals {
  return { r1: 0, r2: 0, rl: 0, sentences: 0, words: 0 };
}

function add(totals: Totals, s: RougeScores, summary: string[]): void {
  totals.r1 += s.rouge1.f1;
  totals.r2 += s.rouge2.f1;
  totals.rl += s.rougeL.f1;
  totals.sentences += summary.length;
  totals.words += summary.join(" ").split(/\s+/).filter(Boolean).length;
}

function row(name: string, t: Totals, n: number): string {
  const f = (x: number): string => ((100 * x) / n).toFixed(2);
  return `| ${name} | ${f(t.r1)} | ${f(t.r2)} | ${f(t.rl)} | ${(t.sentences / n).toFixed(2)} | ${(t.words / n).toFixed(0)} |`;
}

async function main(): Promise<void> {
  if (!existsSync(PAIRS)) {
    console.log(`../shared/eval/summaries/pairs.jsonl not found (looked at ${PAIRS}); nothing to evaluate.`);
    return;
  }
  const pairs = readFileSync(PAIRS, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Pair);

  const lead = emptyTotals();
  const ours = emptyTotals();
  const oursSimple = emptyTotals();
  // Per-article R-1 comparison, so a small mean gain can be read against its spread.
  const vsLead = { better: 0, same: 0, worse: 0 };
  for (const p of pairs) {
    const leadSentences = simpleSplit(p.article).slice(0, LEAD);
    const leadScores = rouge(leadSentences.join(" "), p.reference);
    add(lead, leadScores, leadSentences);

    const sentences = projectSplit(p.article);
    const picked = summarize(sentences).map((i) => sentences[i]!);
    const ourScores = rouge(picked.join(" "), p.reference);
    add(ours, ourScores, picked);
    const diff = ourScores.rouge1.f1 - leadScores.rouge1.f1;
    vsLead[Math.abs(diff) < 1e-9 ? "same" : diff > 0 ? "better" : "worse"]++;

    const simple = simpleSplit(p.article);
    const pickedSimple = summarize(simple).map((i) => simple[i]!);
    add(oursSimple, rouge(pickedSimple.join(" "), p.reference), pickedSimple);
  }

  const n = pairs.length;
  console.log(`${n} articles; summarizer input split by ${SPLITTER_NAME}\n`);
  console.log("| system | R-1 F1 | R-2 F1 | R-L F1 | sentences | words |");
  console.log("|---|---|---|---|---|---|");
  console.log(row("Lead-3 (SOURCE.md splitter)", lead, n));
  console.log(row(`summarize() on ${SPLITTER_NAME}`, ours, n));
  console.log(row("summarize() on SOURCE.md splitter", oursSimple, n));
  console.log(
    `\nsummarize() vs Lead-3, per-article R-1 F1: ${vsLead.better} better, ${vsLead.same} same, ${vsLead.worse} worse`,
  );
}

await main();

/**
 * Scores extractQuantities on NewsQuant (the CQE paper's news test set) with the published matching
 * rules (CQE_Evaluation/evaluate_models.py): a prediction matches a gold quantity when the values are
 * equal (np.isclose, rtol 1e-5), a range only a range with both ends equal; each gold quantity counts once;
 * precision is over all predictions, recall over all gold. value+change also needs the same change label.
 * NewsQuant tags amounts, not calendar references, so years, dates, ordinals and clock times are left out.
 *
 * The extractor's rules were chosen looking at the whole set, so its score there flatters it. The set is
 * split in two fixed halves by a hash of each sentence's text (order- and topic-blind, the same on every
 * machine): develop on the first ("dev", the only half `--errors` prints), report the second ("held out")
 * as the honest figure.
 * Usage: npm run eval:quantities [-- --errors]   (NEWSQUANT=path/NewsQuant.json when not in ../shared)
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";
import { extractQuantities, type Quantity } from "../src/compare/extract/quantities";

const HERE = dirname(fileURLToPath(import.meta.url));
/** Beside the project by default; NEWSQUANT=path for a checkout elsewhere (a git worktree). */
const DATA = process.env.NEWSQUANT ?? resolve(HERE, "../../shared/eval/newsquant/NewsQuant.json");
const PUBLISHED = { value: { p: 92.0, r: 91.9, f1: 92.0 }, change: { p: 88.2, r: 88.1, f1: 88.1 } };
const RTOL = 1e-5;
const ATOL = 1e-8;

interface GoldQuantity { change: string; value: string; unit: string }
interface GoldSentence { text: string; quantities: GoldQuantity[] }
type Value = number | [number, number];

/** Gold writes ranges as "25.0-40.0"; a leading "-" or an exponent is a plain number. */
function goldValue(v: string): Value {
  if (!v.includes("E") && !v.startsWith("-") && v.includes("-")) {
    const [a, b] = v.split("-");
    return [Number(a), Number(b)];
  }
  return Number(v);
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= ATOL + RTOL * Math.abs(b);
}

function valuesMatch(gold: Value, pred: Value): boolean {
  if (Array.isArray(gold) !== Array.isArray(pred)) return false;
  if (Array.isArray(gold) && Array.isArray(pred)) return close(pred[0], gold[0]) && close(pred[1], gold[1]);
  return close(pred as number, gold as number);
}

/** The quantities NewsQuant annotates: amounts, not calendar or clock references or ordinals. */
function isAmount(q: Quantity): boolean {
  if (q.kind === "year" || q.kind === "date" || q.kind === "ordinal") return false;
  if (q.kind === "time" && q.unit === "time of day") return false;
  return true;
}

function predValue(q: Quantity): Value {
  return q.high !== undefined ? [q.value, q.high] : q.value;
}

/** Greedy one-to-one matching: each gold and each prediction used once. */
function countMatches(gold: GoldQuantity[], preds: Quantity[], withChange: boolean): { matched: number; unmatchedGold: GoldQuantity[]; unmatchedPred: Quantity[] } {
  const used = new Set<number>();
  const unmatchedGold: GoldQuantity[] = [];
  let matched = 0;
  for (const g of gold) {
    const gv = goldValue(g.value);
    const i = preds.findIndex((p, k) => !used.has(k) && valuesMatch(gv, predValue(p)) && (!withChange || p.change === g.change));
    if (i >= 0) {
      used.add(i);
      matched++;
    } else unmatchedGold.push(g);
  }
  return { matched, unmatchedGold, unmatchedPred: preds.filter((_, k) => !used.has(k)) };
}

function prf(tp: number, gold: number, pred: number): { p: number; r: number; f1: number } {
  const p = pred ? tp / pred : 0;
  const r = gold ? tp / gold : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  return { p: Math.round(p * 1000) / 10, r: Math.round(r * 1000) / 10, f1: Math.round(f1 * 1000) / 10 };
}

/** FNV-1a of a string: a fixed, platform-independent hash. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The two halves: sentence indexes ordered by hash (ties by index), the first half of them "dev". */
function splitHalves(texts: readonly string[]): { dev: Set<number>; heldOut: Set<number> } {
  const order = texts.map((t, i) => ({ i, h: fnv1a(t) })).sort((a, b) => a.h - b.h || a.i - b.i);
  const half = Math.ceil(order.length / 2);
  return { dev: new Set(order.slice(0, half).map((x) => x.i)), heldOut: new Set(order.slice(half).map((x) => x.i)) };
}

interface Tally {
  sentences: number;
  gold: number;
  pred: number;
  tpValue: number;
  tpChange: number;
}

function score(data: GoldSentence[], predictions: Quantity[][], indexes: Iterable<number>, showErrors: boolean): Tally {
  const t: Tally = { sentences: 0, gold: 0, pred: 0, tpValue: 0, tpChange: 0 };
  for (const idx of [...indexes].sort((a, b) => a - b)) {
    const s = data[idx]!;
    const preds = predictions[idx]!;
    t.sentences++;
    t.gold += s.quantities.length;
    t.pred += preds.length;
    const v = countMatches(s.quantities, preds, false);
    const c = countMatches(s.quantities, preds, true);
    t.tpValue += v.matched;
    t.tpChange += c.matched;
    if (showErrors && (v.unmatchedGold.length || v.unmatchedPred.length || c.matched < v.matched)) printErrors(s, preds, v, c);
  }
  return t;
}

function printErrors(s: GoldSentence, preds: Quantity[], v: ReturnType<typeof countMatches>, c: ReturnType<typeof countMatches>): void {
  console.log(`\n${s.text}`);
  for (const g of v.unmatchedGold) console.log(`  MISS  ${g.value} ${g.change} [${g.unit}]`);
  for (const p of v.unmatchedPred) console.log(`  EXTRA ${JSON.stringify(predValue(p))} ${p.change} ${p.kind} "${p.text}"`);
  if (c.matched < v.matched) {
    for (const g of c.unmatchedGold) {
      const p = preds.find((x) => valuesMatch(goldValue(g.value), predValue(x)));
      if (p) console.log(`  CHANGE ${g.value}: gold ${g.change}, ours ${p.change} "${p.text}"`);
    }
  }
}

function main(): void {
  if (!existsSync(DATA)) {
    console.log("../shared/eval/newsquant/NewsQuant.json not found: this evaluation needs it (see the CQE_Evaluation repository). Nothing to score.");
    return;
  }
  const showErrors = process.argv.includes("--errors");
  const data = JSON.parse(readFileSync(DATA, "utf8")) as GoldSentence[];
  const t0 = performance.now();
  const predictions = data.map((s) => extractQuantities(s.text).filter(isAmount));
  const ms = performance.now() - t0;
  const { dev, heldOut } = splitHalves(data.map((s) => s.text));
  const halves: [string, Tally][] = [
    ["dev half", score(data, predictions, dev, showErrors)],
    ["held-out half", score(data, predictions, heldOut, false)],
    ["whole set", score(data, predictions, data.keys(), false)],
  ];
  const row = (name: string, x: { p: number; r: number; f1: number }) =>
    `${name.padEnd(32)} P ${x.p.toFixed(1).padStart(5)}  R ${x.r.toFixed(1).padStart(5)}  F1 ${x.f1.toFixed(1).padStart(5)}`;
  console.log(`NewsQuant: ${data.length} sentences (${(ms / data.length).toFixed(3)} ms/sentence)`);
  for (const [name, t] of halves) {
    console.log(`${name}: ${t.sentences} sentences, ${t.gold} gold quantities, ${t.pred} predicted`);
    console.log(row(`  ours value`, prf(t.tpValue, t.gold, t.pred)));
    console.log(row(`  ours value+change`, prf(t.tpChange, t.gold, t.pred)));
  }
  console.log(row("CQE value (published, whole set)", PUBLISHED.value));
  console.log(row("CQE value+change (published)", PUBLISHED.change));
}

main();

/**
 * `npm run eval`: our /ask engine next to a plain MiniSearch index (default options) over the same
 * passages, scored like `shared/eval/score.mjs` (recall@1, recall@3, MRR@10, verbatim).
 *
 * - the seed development questions: ../shared/eval/ask-dev.json over corpus/ (or the paths given);
 * - the development corpora of real wire stories, when they are built (DEV_CORPORA, else /tmp/dev-corpora;
 *   see ../shared/eval/corpora/README.md), with their gold beside ../shared/eval/ask-dev.json;
 * - our unanswerable questions (scripts/unanswerable.json): how many /ask rightly answers with no passage.
 *
 * `--verbose` prints each question answered below rank 3, with the first quotes.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import MiniSearch from "minisearch";
import { Engine } from "../src/engine/engine";
import { buildPassages, passageText } from "../src/search/passages";

interface Gold {
  q: string;
  expect: { id: string; text?: string; texts?: string[] }[];
}
interface Hit {
  articleId: string;
  quote: string;
}

const args = process.argv.slice(2).filter((a) => a !== "--verbose");
const verbose = process.argv.includes("--verbose");
const goldPath = args[0] ?? "../shared/eval/ask-dev.json";
const corpusDir = args[1] ?? "corpus";
const devCorpora = process.env.DEV_CORPORA ?? "/tmp/dev-corpora";
const DEV_NAMES = ["amish", "plane", "sidr", "glasgow", "ferry", "combined"];

const norm = (s: string) =>
  s.normalize("NFKC").replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/[\u2013\u2014]/g, "-").replace(/\s+/g, " ").trim().toLowerCase();
const textsOf = (e: Gold["expect"][number]) => e.texts ?? [e.text ?? ""];

async function evaluate(label: string, gold: Gold[], dir: string): Promise<void> {
  const engine = await Engine.open(dir);
  const raw = new Map(engine.articles.map((a) => [a.id, norm(a.raw)]));
  const passages = buildPassages(engine.articles);
  const plain = new MiniSearch<{ id: number; text: string }>({ fields: ["text"] });
  plain.addAll(passages.map((p) => ({ id: p.id, text: passageText(p) })));

  const score = (name: string, answer: (q: string) => Hit[]) => {
    let hit1 = 0, hit3 = 0, rr = 0, quotes = 0, exact = 0;
    for (const g of gold) {
      const results = answer(g.q).slice(0, 10);
      const rank = results.findIndex((r) => g.expect.some((e) => e.id === r.articleId && textsOf(e).some((t) => norm(r.quote).includes(norm(t))))) + 1;
      results.forEach((r) => {
        quotes++;
        if (raw.get(r.articleId)?.includes(norm(r.quote))) exact++;
      });
      if (rank === 1) hit1++;
      if (rank && rank <= 3) hit3++;
      if (rank) rr += 1 / rank;
      if (verbose && name === "our /ask" && (!rank || rank > (process.env.RANKS ? 1 : 3))) {
        console.log(`   MISS(${rank || "-"}) ${g.q}`);
        results.slice(0, 3).forEach((r) => console.log(`      ${r.articleId}: ${r.quote.slice(0, 130)}`));
      }
    }
    const n = gold.length;
    const f = (x: number) => x.toFixed(2).padStart(6);
    console.log(`${label.padEnd(9)}${name.padEnd(26)}${f(hit1 / n)}${f(hit3 / n)}${f(rr / n)}${f(quotes ? exact / quotes : 0)}`);
  };
  score("plain MiniSearch (default)", (q) =>
    plain.search(q).slice(0, 10).map((r) => ({ articleId: passages[r.id]!.article.id, quote: passageText(passages[r.id]!) })),
  );
  score("our /ask", (q) => {
    const a = engine.ask(q);
    return "results" in a ? a.results : [];
  });
}

/** Questions no article of the corpus answers: /ask must return no passage for them. */
async function unanswerable(file: string): Promise<void> {
  const sets = JSON.parse(readFileSync(file, "utf8")) as Record<string, string[]>;
  let right = 0, total = 0;
  for (const [name, questions] of Object.entries(sets)) {
    const dir = join(devCorpora, name);
    if (!existsSync(dir)) continue;
    const engine = await Engine.open(dir);
    for (const q of questions) {
      total++;
      const a = engine.ask(q);
      const results = "results" in a ? a.results : [];
      if (results.length === 0) right++;
      else console.log(`   ANSWERED THE UNANSWERABLE (${name}) ${q}\n      ${results[0]!.articleId}: ${results[0]!.quote.slice(0, 130)}`);
    }
  }
  console.log(`unanswerable questions answered with no passage: ${right}/${total}`);
}

const header = `${"".padEnd(35)}    R@1   R@3 MRR@10 verbatim`;
if (existsSync(goldPath)) {
  const gold = JSON.parse(readFileSync(goldPath, "utf8")) as Gold[];
  console.log(`seed: ${gold.length} questions over ${corpusDir}`);
  console.log(header);
  await evaluate("seed", gold, corpusDir);
} else {
  console.log(`${goldPath} not found: the development questions live in ../shared/eval/ (not shipped with the project).`);
}

const corporaGold = join(dirname(goldPath), "corpora");
const built = DEV_NAMES.filter((n) => existsSync(join(devCorpora, n)) && existsSync(join(corporaGold, `${n}.ask.json`)));
if (built.length === 0) {
  console.log(`\nThe development corpora are not built in ${devCorpora} (set DEV_CORPORA, or see ../shared/eval/corpora/README.md): their figures are not shown.`);
} else {
  console.log(`\ndevelopment corpora in ${devCorpora}`);
  console.log(header);
  for (const name of built) {
    const gold = (JSON.parse(readFileSync(join(corporaGold, `${name}.ask.json`), "utf8")) as Gold[]).filter((g) => g.expect.length > 0);
    await evaluate(name, gold, join(devCorpora, name));
  }
  await unanswerable(join(dirname(new URL(import.meta.url).pathname), "unanswerable.json"));
}

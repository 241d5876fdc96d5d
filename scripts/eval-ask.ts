/**
 * `npm run eval`: our /ask engine next to a plain MiniSearch index (default options) over the same
 * passages, scored like `shared/eval/score.mjs` (recall@1, recall@3, MRR@10, verbatim).
 * Reads the development questions from ../shared/eval/ask-dev.json (or the path given).
 */
import { existsSync, readFileSync } from "node:fs";
import MiniSearch from "minisearch";
import { Engine } from "../src/engine/engine";
import { buildPassages, passageText } from "../src/search/passages";

interface Gold {
  q: string;
  expect: { id: string; text: string }[];
}
interface Hit {
  articleId: string;
  quote: string;
}

const goldPath = process.argv[2] ?? "../shared/eval/ask-dev.json";
const corpusDir = process.argv[3] ?? "corpus";
if (!existsSync(goldPath)) {
  console.log(`${goldPath} not found: the development questions live in ../shared/eval/ (not shipped with the project).`);
  process.exit(0);
}
const gold = JSON.parse(readFileSync(goldPath, "utf8")) as Gold[];
const engine = await Engine.open(corpusDir);

const norm = (s: string) =>
  s.normalize("NFKC").replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/[\u2013\u2014]/g, "-").replace(/\s+/g, " ").trim().toLowerCase();
const raw = new Map(engine.articles.map((a) => [a.id, norm(a.raw)]));

function score(name: string, answer: (q: string) => Hit[]): void {
  let hit1 = 0, hit3 = 0, rr = 0, quotes = 0, exact = 0;
  for (const g of gold) {
    const results = answer(g.q).slice(0, 10);
    const rank = results.findIndex((r) => g.expect.some((e) => e.id === r.articleId && norm(r.quote).includes(norm(e.text)))) + 1;
    results.forEach((r) => {
      quotes++;
      if (raw.get(r.articleId)?.includes(norm(r.quote))) exact++;
    });
    if (rank === 1) hit1++;
    if (rank && rank <= 3) hit3++;
    if (rank) rr += 1 / rank;
  }
  const n = gold.length;
  const f = (x: number) => x.toFixed(2).padStart(6);
  console.log(`${name.padEnd(26)}${f(hit1 / n)}${f(hit3 / n)}${f(rr / n)}${f(quotes ? exact / quotes : 0)}`);
}

const passages = buildPassages(engine.articles);
const plain = new MiniSearch<{ id: number; text: string }>({ fields: ["text"] });
plain.addAll(passages.map((p) => ({ id: p.id, text: passageText(p) })));

console.log(`${gold.length} questions over ${engine.articles.length} articles, ${passages.length} passages`);
console.log(`${"".padEnd(26)}    R@1   R@3 MRR@10 verbatim`);
score("plain MiniSearch (default)", (q) =>
  plain.search(q).slice(0, 5).map((r) => ({ articleId: passages[r.id]!.article.id, quote: passageText(passages[r.id]!) })),
);
score("our /ask", (q) => {
  const a = engine.ask(q);
  return "results" in a ? a.results : [];
});

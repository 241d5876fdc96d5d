/**
 * The parsers and renderers a corpus file goes through, each as a stage the hostile bench can time on
 * any text: what runs while the index is built (blocks, boilerplate, metadata, sentences, the /compare
 * readings), when `/source` summarises, and when an answer is rendered (escaping, highlight, truncate).
 * A stage's `prepare` (untimed) builds what it reads, so each row times one parser alone.
 */
import { splitBlocks, type Block } from "../../src/corpus/blocks";
import { classifyBlocks, type BlockClass } from "../../src/corpus/boilerplate";
import { readMetadata } from "../../src/corpus/metadata";
import { splitSentences } from "../../src/corpus/sentences";
import { parseArticle } from "../../src/corpus/parse";
import type { Article } from "../../src/corpus/types";
import { extractQuantities } from "../../src/compare/extract/quantities";
import { countedThings } from "../../src/compare/classify/counted";
import { timeMarkers } from "../../src/compare/events/mentions";
import { buildCompareIndex } from "../../src/compare/answer/compare";
import { summarize } from "../../src/source/summary";
import { buildPassages } from "../../src/search/passages";
import { buildIndex } from "../../src/search/index";
import { escapeMarkdown, highlightEscaped, type Range } from "../../src/discord/escape";
import { truncate } from "../../src/discord/truncate";

export interface Stage<C = unknown> {
  name: string;
  prepare(raw: string): C;
  run(context: C): unknown;
}

const stage = <C>(s: Stage<C>): Stage => s as Stage;
const article = (raw: string): Article => parseArticle("1", "1_hostile.txt", raw);
/** What `/ask council meet again` highlights: every occurrence of its words. */
const HIGHLIGHTED = /\b(?:council|meet|again|the)\b/gi;

export const STAGES: readonly Stage[] = [
  stage({ name: "blocks + boilerplate", prepare: (raw) => raw, run: (raw) => classifyBlocks(splitBlocks(raw)) }),
  stage<{ blocks: Block[]; classes: BlockClass[] }>({
    name: "metadata",
    prepare: (raw) => {
      const blocks = splitBlocks(raw);
      return { blocks, classes: classifyBlocks(blocks) };
    },
    run: ({ blocks, classes }) => readMetadata(blocks, classes),
  }),
  stage({ name: "sentences", prepare: (raw) => raw, run: (raw) => splitSentences(raw) }),
  stage({ name: "article (all of the above)", prepare: (raw) => raw, run: article }),
  // The /compare readers on the whole text as one sentence: the worst case a sentence can be.
  stage({ name: "quantities (numbers)", prepare: (raw) => raw, run: (raw) => extractQuantities(raw) }),
  stage({ name: "counted things", prepare: (raw) => raw, run: (raw) => countedThings(raw) }),
  stage({ name: "time markers", prepare: (raw) => raw, run: (raw) => timeMarkers(raw) }),
  stage({ name: "compare index (names, events, budget)", prepare: article, run: (a) => buildCompareIndex([a]) }),
  stage({ name: "search index (passages, stems)", prepare: article, run: (a) => buildIndex(buildPassages([a])) }),
  stage({ name: "summary", prepare: (raw) => article(raw).sentences.map((s) => s.text), run: (texts) => summarize(texts) }),
  stage({ name: "escape", prepare: (raw) => raw, run: (raw) => escapeMarkdown(raw) }),
  stage<{ raw: string; ranges: Range[] }>({
    name: "highlight",
    prepare: (raw) => ({ raw, ranges: [...raw.matchAll(HIGHLIGHTED)].map((m) => ({ start: m.index, end: m.index + m[0].length })) }),
    run: ({ raw, ranges }) => highlightEscaped(raw, ranges),
  }),
  stage({ name: "truncate", prepare: (raw) => raw, run: (raw) => truncate(raw, 4000) }),
];

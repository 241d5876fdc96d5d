/** One scraped page → one Article: body blocks, paragraphs, sentences, metadata. Pure. */
import { splitBlocks } from "./blocks";
import { classifyBlocks } from "./boilerplate";
import { readMetadata } from "./metadata";
import { splitSentences } from "./sentences";
import type { Article, ArticleMeta, Paragraph, Sentence } from "./types";
import { tokenize } from "../text/analyze";

export function parseArticle(id: string, file: string, raw: string): Article {
  const blocks = splitBlocks(raw);
  const classes = classifyBlocks(blocks);
  const meta: ArticleMeta = readMetadata(blocks, classes);
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  blocks.forEach((block, i) => {
    const cls = classes[i];
    if (cls !== "good" && cls !== "heading") return;
    const number = paragraphs.length + 1;
    const spans = cls === "heading" ? [{ start: block.start, end: block.end, text: block.text }] : splitSentences(block.text, block.start);
    const own: Sentence[] = spans.map((s, k) => ({ index: sentences.length + k, paragraph: number, ...s }));
    sentences.push(...own);
    paragraphs.push({ number, start: block.start, end: block.end, text: block.text, heading: cls === "heading", sentences: own });
  });
  const wordCount = paragraphs.reduce((n, p) => n + tokenize(p.text).length, 0);
  return { id, file, raw, meta, paragraphs, sentences, wordCount };
}

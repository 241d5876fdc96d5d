/**
 * The figures of a corpus, read once at index time: every count with what it measures (deaths,
 * injured, arrests... or its own noun), its interval, the sentence quoted verbatim and, while the
 * index is built, the event signature of its context. Plain serializable data.
 */
import type { Article } from "../../corpus/types";
import type { Qualifier } from "../extract/quantities";
import { countedThings } from "./counted";
import { intervalOf, type Interval } from "../extract/intervals";
import { measureOf, nounKey } from "../answer/topics";
import { articleContext, figureSignature, SentenceReadings, type EventSignature } from "../events/mentions";

export interface Figure {
  articleId: string;
  title: string | null;
  outlet: string | null;
  date: string | null;
  paragraph: number;
  sentenceIndex: number;
  /** The sentence, verbatim: `raw.slice(start, end)`. */
  quote: string;
  start: number;
  end: number;
  value: number;
  high?: number;
  qualifier?: Qualifier;
  vague?: boolean;
  /** The number phrase as written ("over 130"), and where it is in the quote. */
  phrase: string;
  phraseStart: number;
  phraseEnd: number;
  noun: string | null;
  /** The noun as written ("Shiites"), when there is one. */
  nounText: string | null;
  /** Stem of the noun when it can be a topic ("passeng"); null for "people", "others"... */
  nounKey: string | null;
  /** Predicate lemma around the count ("kill", "injure"), and where it is in the quote. */
  predicate: string | null;
  predicateStart: number | null;
  predicateEnd: number | null;
  /** "deaths", "injured", "arrests"...: what the count measures, when the counted things underwent it. */
  measure: string | null;
  role: "victim" | "agent" | "unknown";
  interval: Interval;
  /** "22 March 2024": the time the sentence (or its paragraph) gives, when it gives one. */
  when: string | null;
}

/** A figure as extracted: with the event signature that groups it, which the built index does not keep. */
export interface ExtractedFigure extends Figure {
  signature: EventSignature;
}

/** All figures of the articles, in article and sentence order. */
export function extractFigures(articles: readonly Article[]): ExtractedFigure[] {
  const out: ExtractedFigure[] = [];
  for (const article of articles) {
    const readings = new SentenceReadings(article);
    let context: ReturnType<typeof articleContext> | null = null;
    for (const sentence of article.sentences) {
      if (article.paragraphs[sentence.paragraph - 1]?.heading) continue;
      const quantities = readings.quantitiesOf(sentence.index);
      if (!quantities.some((q) => q.kind === "count")) continue;
      for (const c of countedThings(sentence.text, quantities)) {
        const q = c.quantity;
        const measure = c.role === "victim" ? measureOf(c.predicate) : null;
        const key = isCapitalized(sentence.text, q.nounStart) ? null : nounKey(c.noun);
        if ((!measure && !key) || q.value <= 0) continue;
        context ??= articleContext(readings);
        const predicateStart = c.predicateText ? predicateOffset(sentence.text, c.predicateText, q.start) : null;
        const signature = figureSignature(readings, context, sentence.index, q.start);
        const figure: ExtractedFigure = {
          articleId: article.id,
          title: article.meta.title,
          outlet: article.meta.outlet,
          date: article.meta.date,
          paragraph: sentence.paragraph,
          sentenceIndex: sentence.index,
          quote: sentence.text,
          start: sentence.start,
          end: sentence.end,
          value: q.value,
          phrase: q.text,
          phraseStart: q.start,
          phraseEnd: q.end,
          noun: c.noun,
          nounText: q.nounStart !== undefined && q.nounEnd !== undefined ? sentence.text.slice(q.nounStart, q.nounEnd) : null,
          nounKey: key,
          predicate: c.predicate,
          predicateStart,
          predicateEnd: predicateStart === null ? null : predicateStart + c.predicateText!.length,
          measure,
          role: c.role,
          interval: intervalOf(q),
          when: signature.time.text,
          signature,
        };
        if (q.high !== undefined) figure.high = q.high;
        if (q.qualifier) figure.qualifier = q.qualifier;
        if (q.vague) figure.vague = true;
        out.push(figure);
      }
    }
  }
  return out;
}

/** "Afghanistan" after "one of": a proper noun is no counted thing. */
function isCapitalized(text: string, at: number | undefined): boolean {
  return at !== undefined && /^\p{Lu}/u.test(text.slice(at, at + 1));
}

/** Where the predicate word is: the occurrence nearest the number. */
function predicateOffset(text: string, word: string, near: number): number | null {
  let best: number | null = null;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (best === null || Math.abs(i - near) < Math.abs(best - near)) best = i;
  }
  return best;
}

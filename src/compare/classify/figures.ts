/**
 * The figures of a corpus, read once at index time: every count with what it measures (deaths,
 * injured, arrests... or its own noun), its interval, the sentence quoted verbatim and, while the
 * index is built, the event signature of its context. Plain serializable data.
 */
import type { Article } from "../../corpus/types";
import type { Qualifier } from "../extract/quantities";
import { countedThings, type CountedThing } from "./counted";
import { countedKind } from "../../lexicon/people";
import { intervalOf, type Interval } from "../extract/intervals";
import { measureOf, nounKey } from "../answer/topics";
import { figureSignature, SentenceReadings, type EventSignature } from "../events/mentions";
import { startsCapitalized } from "../../text/analyze";

/** "total": a count of all the people in that state; "part": of a subgroup ("three of the girls"); "vague": "dozens". */
export type FigureKind = "total" | "part" | "vague";

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
  /** The noun as written ("villagers"), when there is one. */
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
  /** Whether it counts all in that state, a subgroup of them (a breakdown, never a contradiction) or a vague amount. */
  kind: FigureKind;
  /** For a part, the group it is taken from as the sentence names it ("the girls", "at least 90 people"). */
  partOf?: string;
  /** Bodies counted ("about 100 bodies had been recovered"): the toll is at least this; the interval says so. */
  atLeast?: boolean;
}

/**
 * The figures as extracted, and beside them (same order) the event signature of each, which the built
 * index does not keep: apart, so that the index's figures are the extracted ones, not copies without it.
 */
export interface ExtractedFigures {
  figures: Figure[];
  signatures: EventSignature[];
}

/** All figures of the articles, in article and sentence order. */
export function extractFigures(articles: readonly Article[]): Figure[] {
  return readFigures(articles).figures;
}

/** All figures of the articles, in article and sentence order, with their event signatures. */
export function readFigures(articles: readonly Article[]): ExtractedFigures {
  const out: Figure[] = [];
  const signatures: EventSignature[] = [];
  for (const article of articles.map(withinBudget)) {
    const readings = new SentenceReadings(article);
    /** The last total of the sentence before, which "Among them were 13 soldiers." breaks down. */
    let lastTotal: Figure | null = null;
    for (const sentence of article.sentences) {
      const whole = lastTotal?.sentenceIndex === sentence.index - 1 && lastTotal.paragraph === sentence.paragraph ? lastTotal : null;
      lastTotal = null;
      if (article.paragraphs[sentence.paragraph - 1]?.heading) continue;
      const quantities = readings.quantitiesOf(sentence.index);
      if (!quantities.some((q) => q.kind === "count")) continue;
      for (const read of countedThings(sentence.text, quantities)) {
        const c = whole ? partOfWholeBefore(read, whole) : read;
        const q = c.quantity;
        const measure = measureOfCount(c);
        const key = isCapitalized(sentence.text, q.nounStart) ? null : nounKey(c.noun);
        if ((!measure && !key) || q.value <= 0) continue;
        const predicateStart = c.predicateStart;
        const signature = figureSignature(readings, sentence.index, q.start);
        const figure: Figure = {
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
          interval: intervalOf(c.bodies && !q.qualifier ? { ...q, qualifier: "at least" } : q),
          when: signature.when,
          kind: c.part ? "part" : q.vague ? "vague" : "total",
        };
        if (q.high !== undefined) figure.high = q.high;
        if (q.qualifier) figure.qualifier = q.qualifier;
        if (q.vague) figure.vague = true;
        if (c.part?.of) figure.partOf = c.part.of;
        if (c.bodies) figure.atLeast = true;
        out.push(figure);
        signatures.push(signature);
        if (figure.measure && figure.kind === "total") lastTotal = figure;
      }
    }
  }
  return { figures: out, signatures };
}

/** A part of a count of the sentence before shares its predicate and names it as its whole: "Among them were 13 soldiers." */
function partOfWholeBefore(c: CountedThing, whole: Figure): CountedThing {
  if (!c.part?.before || c.predicate) return c;
  return { ...c, predicate: whole.predicate, role: "victim", part: { of: `${whole.phrase} ${whole.nounText ?? ""}`.trim() } };
}

/**
 * The per-article budget of /compare: the first MAX_SENTENCES sentences, each read only when it is at
 * most MAX_SENTENCE_CHARS long (a longer one is a list or a scrape gone wrong, not a sentence that
 * reports a figure). So no single file, however built, costs more than a
 * bounded time at index time. A long news article has 100 to 200 sentences of 20 to 60 words.
 */
export const MAX_SENTENCES = 1_000;
export const MAX_SENTENCE_CHARS = 1_500;

/** The article as the figure readers see it: sentence indices kept, over-long sentences blanked. */
function withinBudget(article: Article): Article {
  const over = article.sentences.length > MAX_SENTENCES || article.sentences.some((s) => s.text.length > MAX_SENTENCE_CHARS);
  if (!over) return article;
  const sentences = article.sentences.slice(0, MAX_SENTENCES).map((s) => (s.text.length > MAX_SENTENCE_CHARS ? { ...s, text: "" } : s));
  return { ...article, sentences };
}

/** "Norland" after "one of": a proper noun is no counted thing. */
function isCapitalized(text: string, at: number | undefined): boolean {
  return at !== undefined && startsCapitalized(text.slice(at, at + 1));
}

/**
 * The measure a count is a figure of: its predicate's, when the counted things underwent it and are
 * people (or their bodies), or the noun is the measure itself ("five deaths"). "34 buggies were
 * killed" is no toll, "seven crew were killed" is; a count without a noun ("killing four") is judged
 * by its clause alone.
 */
function measureOfCount(c: CountedThing): string | null {
  if (c.role !== "victim") return null;
  const measure = measureOf(c.predicate);
  if (!measure) return null;
  const q = c.quantity;
  // "some 400 still missing": a singular word after a count above one is no counted noun.
  const noun = q.nounPlural === false && q.value > 1 && !q.vague ? null : c.noun;
  if (noun && c.predicateStart === q.nounStart) return measure;
  const kind = countedKind(noun);
  return kind === "things" ? null : measure;
}

/**
 * Stories: articles about one happening, found by what they share. Each article is read as a weighted
 * bag of the stems of its title and lead (the words a news article states its story in); articles whose
 * bags are alike, and whose dates (when both are known) lie close, join one story. A story's main event
 * is the happening its articles report; figures about anything else are anchored elsewhere (anchor.ts).
 */
import type { Article, Sentence } from "../../corpus/types";
import { isStopWord, startsCapitalized, stem, tokenize, type Token } from "../../text/analyze";
import { eventNounWeight, isThingNoun } from "./lexicon";
import { MAX_SENTENCE_CHARS } from "../classify/figures";

/** A story: its articles and the words that characterise it. */
export interface Story {
  id: number;
  articleIds: string[];
  /** Stem -> weight, normalised to length 1: what the story's titles and leads say. */
  centroid: Map<string, number>;
  /** ISO dates of its dated articles, earliest first. */
  dates: string[];
}

/** Sentences of the lead read with the title: the inverted pyramid puts the story there. */
const LEAD_SENTENCES = 3;
/** Longer tokens are no words (a run of hyphenated letters): not stemmed, not weighed. */
const MAX_WORD = 40;
/** A lead sentence is prose when it has this many lowercase words (a dateline has none). */
const PROSE_WORDS = 4;
/** The title names the story most plainly: its words count as this many lead words. */
const TITLE_WEIGHT = 2;
/** A word shared by more stories than this tells them apart too little to be read: a bound on the work. */
const MAX_POSTING = 50;
/** An article this alike (cosine) to a story's centroid belongs to it. */
const SAME_STORY = 0.15;
/** Passes that move each article to the story it is most alike, once all stories exist. */
const REFINE_PASSES = 2;
/** Articles of one story are written within days of each other. */
const MAX_DAYS_APART = 14;

interface Bag {
  articleId: string;
  /** Unit vector over stems: its stems (by number, see `articleBags`), and their weights in the same order. */
  terms: number[];
  weights: number[];
  day: number | null;
  date: string | null;
}

/** A story's summed weight of one word, shared by the story and its word's postings (read without a map look-up). */
interface Weight {
  w: number;
}

/** A story that holds a word, with its summed weight of it. */
interface Posting {
  cluster: number;
  weight: Weight;
}

/** Per stem number, the stories that hold it (undefined: none yet). */
type Postings = (Posting[] | undefined)[];

interface Cluster {
  members: number[];
  /** Stem number -> summed weight. */
  sum: Map<number, Weight>;
  /** Squared length of `sum`. */
  norm2: number;
  days: [number, number] | null;
}

/**
 * Groups the articles into stories: each article joins the story whose centroid it is most alike (or
 * starts one), then articles move to the story they are most alike once all exist. Largest first (ties:
 * first article).
 */
export function findStories(articles: readonly Article[], leads = new LeadReader()): Story[] {
  const { bags, stems } = articleBags(articles, leads);
  let assign = leaderPass(bags);
  for (let pass = 0; pass < REFINE_PASSES; pass++) assign = refinePass(bags, assign);
  const clusters = clustersOf(bags, assign);
  clusters.sort((a, b) => b.members.length - a.members.length || a.members[0]! - b.members[0]!);
  return clusters.map((c, id) => ({
    id,
    articleIds: c.members.map((k) => bags[k]!.articleId),
    centroid: normalise(topTerms(new Map([...c.sum].map(([t, s]) => [stems[t]!, s.w])), TERMS_PER_STORY)),
    dates: c.members.map((k) => bags[k]!.date).filter((d): d is string => d !== null).sort(),
  }));
}

const TERMS_PER_STORY = 60;

/** Each article, in order, joins the most alike story it shares words with, or starts one. */
function leaderPass(bags: readonly Bag[]): number[] {
  const clusters: Cluster[] = [];
  const postings: Postings = [];
  const scratch = new Float64Array(bags.length);
  return bags.map((b, i) => {
    let best = -1;
    let bestScore = SAME_STORY;
    for (const c of dots(b, postings, scratch)) {
      const score = takeDot(scratch, c) / Math.sqrt(clusters[c]!.norm2);
      if (score >= bestScore && daysFit(clusters[c]!.days, dayRange(b))) {
        best = c;
        bestScore = score;
      }
    }
    if (best < 0) {
      best = clusters.length;
      clusters.push({ members: [], sum: new Map(), norm2: 0, days: null });
    }
    addTo(clusters[best]!, i, b);
    post(postings, b, best, clusters[best]!);
    return best;
  });
}

/** Moves each article to the story it is most alike (itself left out of its own story's centroid). */
function refinePass(bags: readonly Bag[], assign: readonly number[]): number[] {
  const clusters = clustersOf(bags, assign);
  const clusterOf = new Int32Array(bags.length);
  const postings: Postings = [];
  clusters.forEach((c, k) => {
    for (const m of c.members) {
      clusterOf[m] = k;
      post(postings, bags[m]!, k, c);
    }
  });
  const scratch = new Float64Array(clusters.length);
  return bags.map((b, i) => {
    const own = clusterOf[i]!;
    let best = own;
    let bestScore = -Infinity;
    for (const c of dots(b, postings, scratch)) {
      const dot = takeDot(scratch, c);
      const cluster = clusters[c]!;
      // Its own story without it: (v·sum − 1) / |sum − v|, since v is a unit vector.
      const score = c === own ? (cluster.members.length > 1 ? (dot - 1) / Math.sqrt(Math.max(1e-9, cluster.norm2 - 2 * dot + 1)) : 0) : dot / Math.sqrt(cluster.norm2);
      if (c !== own && !daysFit(cluster.days, dayRange(b))) continue;
      if (score > bestScore || (score === bestScore && c === own)) {
        best = c;
        bestScore = score;
      }
    }
    return clusters[best]!.members[0]!;
  });
}

/**
 * An article's dot product with each story it shares a word with, read through the stories' word
 * postings and summed in `scratch` (one slot per story): the stories met, in the order met, whose dot
 * products the caller takes from `scratch` (`takeDot`). No pair per story: most builds run this once.
 */
function dots(b: Bag, postings: Postings, scratch: Float64Array): number[] {
  const touched: number[] = [];
  for (let k = 0; k < b.terms.length; k++) {
    const list = postings[b.terms[k]!];
    if (!list || list.length > MAX_POSTING) continue;
    const w = b.weights[k]!;
    for (let j = 0; j < list.length; j++) {
      const c = list[j]!.cluster;
      if (scratch[c] === 0) touched.push(c);
      scratch[c] = scratch[c]! + w * list[j]!.weight.w;
    }
  }
  return touched;
}

/** Story `c`'s dot product summed by `dots`, its slot zeroed for the next article. */
function takeDot(scratch: Float64Array, c: number): number {
  const dot = scratch[c]!;
  scratch[c] = 0;
  return dot;
}

/** Records that story `c` holds the article's words. */
function post(postings: Postings, b: Bag, c: number, cluster: Cluster): void {
  for (const t of b.terms) {
    const list = postings[t];
    if (!list) postings[t] = [{ cluster: c, weight: cluster.sum.get(t)! }];
    else if (list[list.length - 1]!.cluster !== c && !(list.length <= 8 && holds(list, c))) list.push({ cluster: c, weight: cluster.sum.get(t)! });
  }
}

function holds(list: readonly Posting[], c: number): boolean {
  for (const p of list) if (p.cluster === c) return true;
  return false;
}

function dayRange(b: Bag): [number, number] | null {
  return b.day === null ? null : [b.day, b.day];
}

/** Clusters from an assignment (any label per article). */
function clustersOf(bags: readonly Bag[], assign: readonly number[]): Cluster[] {
  const byLabel = new Map<number, Cluster>();
  bags.forEach((b, i) => {
    let c = byLabel.get(assign[i]!);
    if (!c) byLabel.set(assign[i]!, (c = { members: [], sum: new Map(), norm2: 0, days: null }));
    addTo(c, i, b);
  });
  return [...byLabel.values()];
}

function addTo(c: Cluster, i: number, b: Bag): void {
  let dot = 0;
  for (let k = 0; k < b.terms.length; k++) {
    const t = b.terms[k]!;
    const w = b.weights[k]!;
    let sum = c.sum.get(t);
    if (!sum) c.sum.set(t, (sum = { w: 0 }));
    dot += sum.w * w;
    sum.w = sum.w + w;
  }
  c.norm2 += 2 * dot + 1;
  c.members.push(i);
  if (b.day !== null) c.days = c.days ? [Math.min(c.days[0], b.day), Math.max(c.days[1], b.day)] : [b.day, b.day];
}

/**
 * Title and lead words weighted by tf·idf, names and event words counting more: the words that tell one
 * happening from another. Each stem is numbered (in the order first met), so that the clustering reads
 * arrays, not maps keyed by words; `stems` names them again.
 */
function articleBags(articles: readonly Article[], leads: LeadReader): { bags: Bag[]; stems: string[] } {
  const raw = articles.map((a) => {
    const tf = new Map<string, number>();
    if (a.meta.title) addWords(tf, leads, a.meta.title, TITLE_WEIGHT);
    let lead = 0;
    for (const s of a.sentences) {
      if (lead >= LEAD_SENTENCES) break;
      if (!leads.isProse(s)) continue;
      addWords(tf, leads, s.text, 1);
      lead++;
    }
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of raw) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = articles.length;
  const numbers = new Map<string, number>();
  const stems: string[] = [];
  const bags = articles.map((a, k) => {
    const terms: number[] = [];
    const weights: number[] = [];
    raw[k]!.forEach((f, t) => {
      let number = numbers.get(t);
      if (number === undefined) {
        numbers.set(t, (number = stems.length));
        stems.push(t);
      }
      terms.push(number);
      // idf that never reaches zero: in a corpus of one story, the story's own words must still count.
      weights.push(Math.sqrt(f) * Math.log(1 + n / df.get(t)!));
    });
    return { articleId: a.id, terms, weights: unitLength(weights), day: a.meta.date ? dayNumber(a.meta.date) : null, date: a.meta.date };
  });
  return { bags, stems };
}

/**
 * What the stories and their labels read of the articles, read once for both: the tokens of headlines
 * and lead sentences (weighed here, labelled in anchor.ts) and whether a sentence is prose.
 */
export class LeadReader {
  private readonly tokenized = new Map<string, Token[]>();
  private readonly prose = new WeakMap<Sentence, boolean>();

  /** A headline's or lead sentence's tokens (shared: not to be changed). */
  tokens(text: string): Token[] {
    let tokens = this.tokenized.get(text);
    if (!tokens) this.tokenized.set(text, (tokens = tokenize(text)));
    return tokens;
  }

  isProse(sentence: Sentence): boolean {
    let prose = this.prose.get(sentence);
    if (prose === undefined) this.prose.set(sentence, (prose = isProse(sentence.text)));
    return prose;
  }
}

/** A word written in lowercase. */
const LOWERCASE_WORD = /(?<![\p{L}])\p{Ll}+/gu;

/** Adds a headline's or lead sentence's words to an article's term frequencies (stems), weighted. */
function addWords(tf: Map<string, number>, leads: LeadReader, text: string, weight: number): void {
  if (text.length > MAX_SENTENCE_CHARS) return;
  for (const t of leads.tokens(text)) {
    if (t.word.length > MAX_WORD || isStopWord(t.word) || /^\d/.test(t.word)) continue;
    const s = stem(t.word);
    const name = t.start > 0 && startsCapitalized(text.charAt(t.start));
    const boost = 1 + eventNounWeight(t.word) + (isThingNoun(t.word) ? 1 : 0) + (name ? 1 : 0);
    tf.set(s, (tf.get(s) ?? 0) + weight * boost);
  }
}

/** A sentence of prose, not a dateline or a caption: it has a few lowercase words. */
function isProse(text: string): boolean {
  let n = 0;
  for (const _ of text.matchAll(LOWERCASE_WORD)) if (++n >= PROSE_WORDS) return true;
  return false;
}

function daysFit(a: [number, number] | null, b: [number, number] | null): boolean {
  return !a || !b || Math.max(a[1], b[1]) - Math.min(a[0], b[0]) <= MAX_DAYS_APART;
}

/** Days since 1970 of an ISO date. */
export function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

/** The weights scaled to length 1. */
function unitLength(weights: number[]): number[] {
  let norm = 0;
  for (const w of weights) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  return weights.map((w) => w / norm);
}

/** A map's weights scaled to length 1, in place (`unitLength`). */
function normalise(v: Map<string, number>): Map<string, number> {
  const unit = unitLength([...v.values()]);
  let k = 0;
  for (const t of v.keys()) v.set(t, unit[k++]!);
  return v;
}

/** The `n` heaviest terms, heaviest first (ties: alphabetical, so the result does not depend on insertion order). */
function topTerms(v: ReadonlyMap<string, number>, n: number): Map<string, number> {
  return new Map([...v].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, n));
}

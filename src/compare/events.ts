/**
 * Which event a figure is about. Each figure gets a signature read from its sentence (names, places,
 * time markers), falling back on the sentences before it in the paragraph and on the article's own
 * subject (title, lead, publication date). Figures whose signatures share places or names, with times
 * and values that can go together, are merged into one event. General English only: no list of events,
 * places or numbers.
 */
import type { Article } from "../corpus/types";
import { isStopWord, normalizeWord, tokenize } from "../text/analyze";
import { extractQuantities, type Quantity } from "./extract/quantities";
import { MONTH_NAME } from "./extract/units";

/** When an event happened, as far as the text says. Years are an interval; null means unbounded. */
export interface EventTime {
  yearLow: number | null;
  yearHigh: number | null;
  /** 1-12 when a month is named. */
  month: number | null;
  /** The sentence (or its paragraph) names the time, rather than it being the article's own date. */
  explicit: boolean;
  /** The words that gave the time ("22 March 2024", "in 2015"), when explicit. */
  text: string | null;
}

/** A name in a sentence ("Riverside Arena"); `place` when a locative word introduces it ("in Lisbon"). */
export interface NameMention {
  text: string;
  place: boolean;
  /** A place reached or left ("to Lisbon", "from the airport") rather than where things happened. */
  motion?: boolean;
  /** Lowercased tokens that identify it, general words left out ("riverside" for "Riverside Arena"). */
  keys: string[];
}

export interface EventSignature {
  names: NameMention[];
  time: EventTime;
  /** "attack", "bombing", "crash"... the kind of event the sentence names, when it names one. */
  eventNoun: string | null;
  /** Where the names came from: the sentence, an earlier sentence of the paragraph, or the article's subject. */
  namesFrom: "sentence" | "paragraph" | "article";
}

/** How the article writes its words: lowercase anywhere, capitalised inside a sentence. */
export interface WordEvidence {
  lower: ReadonlySet<string>;
  midCapitals: ReadonlySet<string>;
}

/** What an article is about and when it was written: the fallback for figures that do not say. */
export interface ArticleContext {
  names: NameMention[];
  /** The article's "now": its date, or at least the latest year it mentions. */
  now: { yearLow: number | null; yearHigh: number | null; month: number | null };
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_RE = new RegExp(String.raw`\b(${MONTH_NAME})\b(\.?)`, "g");
/** After a month: an optional day, then a year or "this/last year" ("22 March 2024", "March 22, 2024", "January of this year"). */
const MONTH_TAIL = /^\.?\s*(?:\d{1,2}(?:st|nd|rd|th)?,?\s*)?(?:(?:of\s+)?(this|last)\s+year\b|,?\s*(\d{4})\b)/i;
/** "May" is a month only after these words or before a day/year. */
const MAY_BEFORE = /\b(?:in|of|since|early|late|mid|last|this|next|until|by|from|on|\d{1,2}(?:st|nd|rd|th)?)\s+$/i;
const RELATIVE_YEAR = /\b(this|last|the previous|the past)\s+year\b/gi;
const DAYS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
/** Markers after these words compare ("the worst since 2004") rather than date the event. */
const COMPARING_BEFORE = /\b(?:since|until|till|before|prior to|than|compared with|compared to|as of)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?$/i;

interface TimeMarker {
  start: number;
  end: number;
  yearLow: number | null;
  yearHigh: number | null;
  month: number | null;
  /** Years back from the article's "now" ("last year" = 1, "this year" = 0), when the year is relative. */
  back: number | null;
  /** The marker as written. */
  text: string;
}

/** Dates, months and years named in a sentence, in order. */
export function timeMarkers(sentence: string, quantities: Quantity[] = extractQuantities(sentence)): TimeMarker[] {
  const out: TimeMarker[] = [];
  const taken: [number, number][] = [];
  for (const m of sentence.matchAll(MONTH_RE)) {
    const word = m[1]!;
    const full = MONTHS.find((x) => x.startsWith(word.toLowerCase()))!;
    const tail = MONTH_TAIL.exec(sentence.slice(m.index + word.length));
    const abbreviated = word.length < full.length && word.toLowerCase() !== full;
    if (abbreviated && !m[2] && !tail) continue;
    if (word === "May" && !tail && !MAY_BEFORE.test(sentence.slice(0, m.index))) continue;
    // "22nd March", "on 7th March": a day before the month is part of the marker.
    const dayBefore = /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$/i.exec(sentence.slice(0, m.index));
    const start = dayBefore ? m.index - dayBefore[0].length : m.index;
    const end = m.index + word.length + (tail ? tail[0].length : m[2]!.length);
    const year = tail?.[2] ? Number(tail[2]) : null;
    const back = tail?.[1] ? (tail[1].toLowerCase() === "last" ? 1 : 0) : null;
    out.push({ start, end, yearLow: year, yearHigh: year, month: MONTHS.indexOf(full) + 1, back: year === null ? back : null, text: "" });
    taken.push([start, end]);
  }
  const inside = (s: number): boolean => taken.some(([a, b]) => s >= a && s < b);
  for (const q of quantities) {
    if (inside(q.start)) continue;
    if (q.kind === "year") {
      const decade = /\d{4}s$/.test(q.text);
      out.push({ start: q.start, end: q.end, yearLow: q.value, yearHigh: decade ? q.value + 9 : q.value, month: null, back: null, text: "" });
    } else if (q.kind === "date" && /\d{4}/.test(q.text)) {
      const parts = /(\d{4})-(\d{1,2})/.exec(q.text);
      out.push({ start: q.start, end: q.end, yearLow: q.value, yearHigh: q.value, month: parts ? Number(parts[2]) : null, back: null, text: "" });
    }
  }
  for (const m of sentence.matchAll(RELATIVE_YEAR)) {
    if (inside(m.index)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, yearLow: null, yearHigh: null, month: null, back: m[1]!.toLowerCase() === "this" ? 0 : 1, text: "" });
  }
  for (const t of out) t.text = sentence.slice(t.start, t.end);
  return out
    .filter((t) => !COMPARING_BEFORE.test(sentence.slice(Math.max(0, t.start - 30), t.start)))
    .sort((a, b) => a.start - b.start);
}

/** Words that introduce a place: "in Lisbon", "near the city", "outside Quito", "the city of Porto". */
const PLACE_BEFORE = /(?:\b(?:in|at|near|outside|inside|within|on|from|to|into|across|towards?|throughout)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.-]*['’]s\s+)?|\b(?:city|town|village|province|region|district|capital|outskirts|suburbs?|county|state|island)\s+of\s+(?:the\s+)?)$/u;
const MOTION_BEFORE = /\b(?:from|to|into|towards?)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.-]*['’]s\s+)?$/u;
/** Lowercase words allowed inside a name ("Islamic State of Iraq", "Sharm al Sheikh"). */
const NAME_JOINERS = new Set(["of", "al", "el", "de", "del", "da", "du", "bin", "ibn", "von", "van", "la", "le"]);
/** Capitalised words that say what kind of thing a name is, not which one: not identifying on their own. */
const GENERIC_NAME_WORDS = new Set(
  `city hall airport state states province republic region district embassy government ministry service services forces force army
party group president minister gen general mr mrs ms dr prime king queen prince north south east west northern southern eastern
western central the of al el de new university hospital street road square station church mosque school court council agency
department office police national international federal security intelligence islamic`.split(/\s+/),
);
const NAME_TOKEN = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*\.?/gu;

/**
 * Names of a sentence: runs of capitalised words. A capitalised first word counts only when the article
 * never writes it in lowercase (so "Observers" or "The" do not, "Lisbon" does).
 */
export function namesIn(sentence: string, words: WordEvidence, allStart = false): NameMention[] {
  const out: NameMention[] = [];
  const toks = [...sentence.matchAll(NAME_TOKEN)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  let i = 0;
  while (i < toks.length) {
    if (!isNameWord(toks[i]!.text, allStart || i === 0 || /[“"‘'(:]\s*$/.test(sentence.slice(0, toks[i]!.start)), words)) {
      i++;
      continue;
    }
    let j = i;
    // Extend over capitalised words and joiners followed by one; a possessive ends the name.
    while (j + 1 < toks.length && !/['’]s$/i.test(toks[j]!.text) && /^\s*$/.test(sentence.slice(toks[j]!.end, toks[j + 1]!.start))) {
      const next = toks[j + 1]!.text;
      if (isNameWord(next, allStart, words)) j++;
      else if (NAME_JOINERS.has(next.toLowerCase()) && j + 2 < toks.length && isNameWord(toks[j + 2]!.text, allStart, words)) j += 2;
      else break;
    }
    const start = toks[i]!.start;
    const end = toks[j]!.end;
    const text = sentence.slice(start, end).replace(/['’]s$/i, "").replace(/\.$/, "");
    const keys = toks.slice(i, j + 1).map((t) => nameKey(t.text)).filter((k) => k.length > 1 && !GENERIC_NAME_WORDS.has(k));
    if (keys.length === 0) {
      i = j + 1;
      continue;
    }
    const before = sentence.slice(Math.max(0, start - 60), start);
    const mention: NameMention = { text, place: PLACE_BEFORE.test(before), keys };
    if (mention.place && MOTION_BEFORE.test(before)) mention.motion = true;
    out.push(mention);
    i = j + 1;
  }
  return out;
}

/** A capitalised word at a sentence start (or in a title) is a name only if the article capitalises it mid-sentence too and never writes it in lowercase. */
function isNameWord(word: string, sentenceStart: boolean, words: WordEvidence): boolean {
  if (!/^\p{Lu}/u.test(word)) return false;
  const lower = normalizeWord(word.replace(/\.$/, ""));
  if (DAYS.has(lower) || MONTHS.includes(lower) || lower === "i") return false;
  if (sentenceStart && (isStopWord(lower) || words.lower.has(lower) || !words.midCapitals.has(lower))) return false;
  return true;
}

/** "Lisbon’s" -> "lisbon", "U.S." -> "us". */
function nameKey(word: string): string {
  return normalizeWord(word).replace(/\./g, "");
}

/** Forms under which two name keys are the same place or people: "iran" meets "iranian", "russia" meets "russian". */
export function keyForms(key: string): string[] {
  const forms = [key];
  const m = /^(.{4,}?)(?:ians?|ans?|ese|is?|a)$/.exec(key);
  if (m) forms.push(m[1]!);
  return forms;
}

/** Event nouns of general English, for labels ("Lisbon attack"). */
const EVENT_NOUNS = new Map<string, string>();
for (const [label, forms] of [
  ["attack", "attack attacks assault assaults massacre raid raids"],
  ["bombing", "bombing bombings blast blasts explosion explosions bomb"],
  ["shooting", "shooting shootings"],
  ["crash", "crash crashes collision derailment"],
  ["fire", "fire fires wildfire blaze"],
  ["earthquake", "earthquake quake"],
  ["flood", "flood floods flooding"],
  ["storm", "storm hurricane typhoon cyclone tornado"],
  ["war", "war fighting battle clashes"],
  ["protest", "protest protests riot riots"],
  ["epidemic", "outbreak epidemic pandemic"],
  ["disaster", "disaster sinking stampede collapse"],
] as const) for (const f of forms.split(" ")) EVENT_NOUNS.set(f, label);

function eventNounIn(sentence: string): string | null {
  for (const t of tokenize(sentence)) {
    const e = EVENT_NOUNS.get(t.word);
    if (e) return e;
  }
  return null;
}

const LOWER_WORD = /(?<![\p{L}’'])\p{Ll}[\p{Ll}’'-]*/gu;

/** The words the article writes in lowercase, and those it capitalises mid-sentence (names). */
function wordEvidenceOf(article: Article): WordEvidence {
  const lower = new Set<string>();
  // Lowercase letters and hyphens are their own normal form: only words with an apostrophe need normalizing.
  for (const m of article.raw.matchAll(LOWER_WORD)) lower.add(/['’]/.test(m[0]) ? normalizeWord(m[0]) : m[0]);
  const midCapitals = new Set<string>();
  for (const m of article.raw.matchAll(/(?<=[\p{Ll},;]\s+(?:[\p{Ll}]+\s+)?)\p{Lu}[\p{L}’'.-]*/gu)) midCapitals.add(normalizeWord(m[0].replace(/\.$/, "")));
  return { lower, midCapitals };
}

/**
 * An article's sentences as the figures read them: quantities, time markers and names, each read once
 * however many figures (and the article's context) look at them.
 */
export class SentenceReadings {
  private readonly quantities = new Map<number, Quantity[]>();
  private readonly markers = new Map<number, TimeMarker[]>();
  private readonly names = new Map<number, NameMention[]>();
  private evidence: WordEvidence | null = null;
  constructor(readonly article: Article) {}

  /** Read on first need: it scans the whole article, and most articles' sentences hold no figure. */
  get words(): WordEvidence {
    return (this.evidence ??= wordEvidenceOf(this.article));
  }

  quantitiesOf(index: number): Quantity[] {
    let q = this.quantities.get(index);
    if (!q) this.quantities.set(index, (q = extractQuantities(this.article.sentences[index]!.text)));
    return q;
  }

  markersOf(index: number): TimeMarker[] {
    let m = this.markers.get(index);
    if (!m) this.markers.set(index, (m = timeMarkers(this.article.sentences[index]!.text, this.quantitiesOf(index))));
    return m;
  }

  namesOf(index: number): NameMention[] {
    let n = this.names.get(index);
    if (!n) this.names.set(index, (n = namesIn(this.article.sentences[index]!.text, this.words)));
    return n;
  }
}

/** The article's subject (title and first sentences) and its "now". */
export function articleContext(readings: SentenceReadings, leadSentences = 2): ArticleContext {
  const article = readings.article;
  const names: NameMention[] = [];
  if (article.meta.title) names.push(...namesIn(article.meta.title, readings.words, true));
  for (const s of article.sentences.slice(0, leadSentences)) names.push(...readings.namesOf(s.index));
  const date = article.meta.date ? /^(\d{4})-(\d{2})/.exec(article.meta.date) : null;
  if (date) return { names, now: { yearLow: Number(date[1]), yearHigh: Number(date[1]), month: Number(date[2]) } };
  // Undated: it was written no earlier than the latest year it names.
  let latest: number | null = null;
  for (const s of article.sentences) {
    for (const t of readings.markersOf(s.index)) if (t.yearHigh !== null && t.yearLow === t.yearHigh) latest = Math.max(latest ?? t.yearHigh, t.yearHigh);
  }
  return { names, now: { yearLow: latest, yearHigh: null, month: null } };
}

/** The signature of a figure at `at` (offset in the sentence) of sentence `sentenceIndex` of the article read. */
export function figureSignature(readings: SentenceReadings, context: ArticleContext, sentenceIndex: number, at: number): EventSignature {
  const article = readings.article;
  const sentence = article.sentences[sentenceIndex]!;
  let marker = nearestMarker(readings.markersOf(sentenceIndex), at);
  let names = readings.namesOf(sentenceIndex);
  let namesFrom: EventSignature["namesFrom"] = "sentence";
  // A sentence that does not say when or where continues the sentences before it in its paragraph.
  for (let k = sentenceIndex - 1; k >= 0 && (!marker || names.length === 0); k--) {
    const prev = article.sentences[k]!;
    if (prev.paragraph !== sentence.paragraph) break;
    if (!marker) marker = readings.markersOf(k).at(-1) ?? null;
    if (names.length === 0) {
      names = readings.namesOf(k);
      if (names.length) namesFrom = "paragraph";
    }
  }
  if (names.length === 0) {
    names = context.names;
    namesFrom = "article";
  }
  return { names, time: resolveTime(marker, context), eventNoun: eventNounIn(sentence.text), namesFrom };
}

/** The marker closest to the figure; one before it wins over one as far after it. */
const AFTER_PENALTY = 1.5;
function nearestMarker(markers: TimeMarker[], at: number): TimeMarker | null {
  let best: TimeMarker | null = null;
  let bestD = Infinity;
  for (const m of markers) {
    const d = m.end <= at ? at - m.end : (m.start - at) * AFTER_PENALTY;
    if (d < bestD) {
      bestD = d;
      best = m;
    }
  }
  return best;
}

function resolveTime(marker: TimeMarker | null, context: ArticleContext): EventTime {
  const now = context.now;
  if (!marker) return { yearLow: now.yearLow, yearHigh: now.yearHigh, month: null, explicit: false, text: null };
  const text = marker.text;
  if (marker.yearLow !== null) return { yearLow: marker.yearLow, yearHigh: marker.yearHigh, month: marker.month, explicit: true, text };
  const back = marker.back ?? 0;
  return {
    yearLow: now.yearLow === null ? null : now.yearLow - back,
    yearHigh: now.yearHigh === null ? null : now.yearHigh - back,
    month: marker.month,
    explicit: true,
    text,
  };
}

/** What the clustering needs of each figure. */
export interface EventItem {
  signature: EventSignature;
  value: number;
  /** Figures of the same sentence share it: they are read as one report. */
  sentenceKey: string;
}

/** How much evidence two figures need to be one event, and what each kind weighs. */
const MERGE_THRESHOLD = 2;
const PLACE_WEIGHT = 2;
const NAME_WEIGHT = 1;
/** A name in most articles (the perpetrator, the country) tells events apart less than a place does. */
const COMMON_NAME_WEIGHT = 0.5;
/** The share of articles in which a name must stand to count as common. */
export const COMMON_NAME_SHARE = 0.6;
const SAME_MONTH_WEIGHT = 1;
/** Two reports of one event rarely differ by more than this factor. */
const MAX_VALUE_RATIO = 2.5;
/** A name shared by more figures than this is not used to propose pairs (it still counts once a pair is proposed). */
const MAX_POSTING = 1500;

interface Cluster {
  yearLow: number | null;
  yearHigh: number | null;
  months: Set<number>;
}

/**
 * Groups figures into events: same-sentence figures first, then the best-supported pairs, as long as the
 * times of the whole group stay compatible and the two values are of one size. `commonKeys` are name keys
 * found in most articles. Returns groups of item indices.
 */
export function groupEvents(items: readonly EventItem[], commonKeys: ReadonlySet<string> = new Set()): number[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const clusters = items.map<Cluster>((it) => ({ yearLow: it.signature.time.yearLow, yearHigh: it.signature.time.yearHigh, months: new Set(it.signature.time.month ? [it.signature.time.month] : []) }));
  const tryUnion = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const merged = mergeClusters(clusters[ra]!, clusters[rb]!);
    if (!merged) return;
    parent[rb] = ra;
    clusters[ra] = merged;
  };
  const bySentence = new Map<string, number>();
  items.forEach((it, i) => {
    const first = bySentence.get(it.sentenceKey);
    if (first === undefined) bySentence.set(it.sentenceKey, i);
    else tryUnion(first, i);
  });
  // Only figures that share a name can reach the threshold: candidates come from an index of name forms.
  const forms = items.map((it) => signatureForms(it.signature));
  const postings = new Map<string, number[]>();
  forms.forEach((f, i) => {
    for (const form of f.names.keys()) {
      const list = postings.get(form);
      if (list) list.push(i);
      else postings.set(form, [i]);
    }
  });
  const pairs: { i: number; j: number; score: number }[] = [];
  const seen = new Int32Array(items.length).fill(-1);
  for (let i = 0; i < items.length; i++) {
    for (const form of forms[i]!.names.keys()) {
      const list = postings.get(form)!;
      if (list.length > MAX_POSTING) continue;
      for (const j of list) {
        if (j <= i || seen[j] === i) continue;
        seen[j] = i;
        if (!valuesFit(items[i]!.value, items[j]!.value) || !timesFit(items[i]!.signature.time, items[j]!.signature.time)) continue;
        const score = scoreForms(forms[i]!, forms[j]!, items[i]!.signature, items[j]!.signature, commonKeys);
        if (score >= MERGE_THRESHOLD) pairs.push({ i, j, score });
      }
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
  for (const p of pairs) tryUnion(p.i, p.j);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < items.length; i++) {
    const r = find(i);
    const group = groups.get(r);
    if (group) group.push(i);
    else groups.set(r, [i]);
  }
  return [...groups.values()];
}

/**
 * Whether two figures' own times allow one event. A group's years only narrow and its months only grow
 * as it merges, so a pair that fails here can never be merged: it is not scored at all.
 */
function timesFit(a: EventTime, b: EventTime): boolean {
  if (a.month !== null && b.month !== null && a.month !== b.month) return false;
  const low = laterLow(a.yearLow, b.yearLow);
  const high = earlierHigh(a.yearHigh, b.yearHigh);
  return low === null || high === null || low <= high;
}

/** The later of two lower year bounds, and the earlier of two upper ones; null is unbounded. */
function laterLow(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

function earlierHigh(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function mergeClusters(a: Cluster, b: Cluster): Cluster | null {
  const yearLow = laterLow(a.yearLow, b.yearLow);
  const yearHigh = earlierHigh(a.yearHigh, b.yearHigh);
  if (yearLow !== null && yearHigh !== null && yearHigh < yearLow) return null;
  const months = new Set([...a.months, ...b.months]);
  if (months.size > 1) return null;
  return { yearLow, yearHigh, months };
}

function valuesFit(a: number, b: number): boolean {
  const lo = Math.min(Math.abs(a), Math.abs(b));
  const hi = Math.max(Math.abs(a), Math.abs(b));
  return lo === 0 ? hi === 0 : hi / lo <= MAX_VALUE_RATIO;
}

/** Evidence that two figures are about one event: shared places, shared names, the same month. */
export function pairScore(a: EventSignature, b: EventSignature, commonKeys: ReadonlySet<string> = new Set()): number {
  return scoreForms(signatureForms(a), signatureForms(b), a, b, commonKeys);
}

interface Forms {
  places: Map<string, string>;
  names: Map<string, string>;
}

function signatureForms(s: EventSignature): Forms {
  return { places: formsOf(s.names.filter((n) => n.place)), names: formsOf(s.names) };
}

function scoreForms(fa: Forms, fb: Forms, a: EventSignature, b: EventSignature, commonKeys: ReadonlySet<string>): number {
  let score = 0;
  const counted = new Set<string>();
  for (const [form, key] of fa.places) {
    if (fb.places.has(form) && !counted.has(key)) {
      score += PLACE_WEIGHT;
      counted.add(key);
    }
  }
  for (const [form, key] of fa.names) {
    if (fb.names.has(form) && !counted.has(key)) {
      score += commonKeys.has(key) ? COMMON_NAME_WEIGHT : NAME_WEIGHT;
      counted.add(key);
    }
  }
  if (a.time.month !== null && a.time.month === b.time.month) score += SAME_MONTH_WEIGHT;
  return score;
}

/** form -> the key it came from, over all keys of the names. */
function formsOf(names: readonly NameMention[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of names) for (const k of n.keys) for (const f of keyForms(k)) if (!out.has(f)) out.set(f, k);
  return out;
}

/** A label in words from the group's signatures: "Lisbon attack, March 2024". */
export function labelEvent(signatures: readonly { signature: EventSignature; articleId: string }[]): string {
  const place = topName(signatures, "where") ?? topName(signatures, "place") ?? topName(signatures, "any");
  const noun = topOf(signatures.map((s) => s.signature.eventNoun).filter((n): n is string => n !== null));
  const when = timeLabel(signatures.map((s) => s.signature.time));
  const what = [place, noun].filter(Boolean).join(" ");
  const head = what ? what.charAt(0).toUpperCase() + what.slice(1) : "Reported figures";
  return when ? `${head}, ${when}` : head;
}

/** The name most articles of the group use (places first), as written. */
function topName(signatures: readonly { signature: EventSignature; articleId: string }[], kind: "where" | "place" | "any"): string | null {
  const byKey = new Map<string, { articles: Set<string>; figures: number; text: string }>();
  for (const { signature, articleId } of signatures) {
    if (signature.namesFrom === "article" && signatures.length > 1) continue;
    for (const n of signature.names) {
      if ((kind !== "any" && !n.place) || (kind === "where" && n.motion)) continue;
      const key = n.keys.join(" ");
      const e = byKey.get(key) ?? { articles: new Set<string>(), figures: 0, text: n.text };
      e.articles.add(articleId);
      e.figures++;
      byKey.set(key, e);
    }
  }
  const best = [...byKey.values()].sort((a, b) => b.articles.size - a.articles.size || b.figures - a.figures)[0];
  return best?.text ?? null;
}

function topOf(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

const MONTH_NAMES = MONTHS.map((m) => m.charAt(0).toUpperCase() + m.slice(1));

/** "March 2024", "2015", "January": what all the group's times allow. */
function timeLabel(times: readonly EventTime[]): string | null {
  let low: number | null = null;
  let high: number | null = null;
  let month: number | null = null;
  let explicit = false;
  for (const t of times) {
    low = laterLow(low, t.yearLow);
    high = earlierHigh(high, t.yearHigh);
    if (t.month !== null) month = t.month;
    if (t.explicit) explicit = true;
  }
  const year = low !== null && low === high ? String(low) : low !== null && high !== null && high - low === 9 && low % 10 === 0 ? `the ${low}s` : null;
  const monthName = month ? MONTH_NAMES[month - 1]! : null;
  if (!explicit && !monthName) return year;
  return [monthName, year].filter(Boolean).join(" ") || null;
}

/**
 * What a sentence says of time and place: the dates, months and years it names (time markers), and the
 * names it gives, places told apart by the words that introduce them ("in Lisbon"). Read linearly:
 * every look-around is bounded. General English only: no list of events, places or numbers.
 */
import type { Article } from "../../corpus/types";
import { isStopWord, normalizeWord, startsCapitalized } from "../../text/analyze";
import { extractQuantities, type Quantity } from "../extract/quantities";
import { MONTH_NAME } from "../extract/units";

/** A name in a sentence ("Riverside Arena"); `place` when a locative word introduces it ("in Lisbon"). */
export interface NameMention {
  text: string;
  place: boolean;
  /** A place reached or left ("to Lisbon", "from the airport") rather than where things happened. */
  motion?: boolean;
}

/** When a figure's sentence (or its paragraph) says it happened: what `Figure.when` shows. */
export interface EventSignature {
  /** The words that give the time ("22 March 2024", "in 2015"), or null when the text does not say. */
  when: string | null;
  /** Every time marker of the figure's sentence, comparing ones flagged: what event resolution reads again. */
  sentenceMarkers: TimeMarker[];
}

/** How the article writes its words: lowercase anywhere, capitalised inside a sentence. */
export interface WordEvidence {
  lower: ReadonlySet<string>;
  midCapitals: ReadonlySet<string>;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_RE = new RegExp(String.raw`\b(${MONTH_NAME})\b(\.?)`, "g");
/** After a month: an optional day, then a year or "this/last year" ("22 March 2024", "March 22, 2024", "January of this year"). */
const MONTH_TAIL = /^\.?\s*(?:\d{1,2}(?:st|nd|rd|th)?,?\s*)?(?:(?:of\s+)?(this|last)\s+year\b|,?\s*(\d{4})\b)/i;
/** "May" is a month only after these words or before a day/year. */
const MAY_BEFORE = /\b(?:in|of|since|early|late|mid|last|this|next|until|by|from|on|\d{1,2}(?:st|nd|rd|th)?)\s{1,3}$/i;
/** A year introduced as one: "in 1998", "since 2011", "the 1980s". */
const CUED_YEAR = /\b(in|since|of|during|by|until|from|the|early|late|mid)\s{1,3}((?:1[5-9]|20)\d\d(?:s|(?![\d,.]\d)))/gi;
const RELATIVE_YEAR = /\b(this|last|the previous|the past)\s+year\b/gi;
const DAYS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
/** Markers after these words compare ("the worst since 2004") rather than date the event. */
const COMPARING_BEFORE = /\b(?:since|until|till|before|prior to|than|compared with|compared to|as of)\s{1,3}(?:the\s{1,3})?(?:(?:early|late|mid)[\s-]{1,3})?$/i;

export interface TimeMarker {
  start: number;
  end: number;
  yearLow: number | null;
  yearHigh: number | null;
  month: number | null;
  /** Years back from the article's "now" ("last year" = 1, "this year" = 0), when the year is relative. */
  back: number | null;
  /** The marker as written. */
  text: string;
  /** After "since", "than"...: it dates what follows it ("since 2011, when ... killed 61"), not what precedes. */
  comparing?: true;
}

/** How far around a month name its day and year are looked for: bounded, so a page of months stays linear. */
const MONTH_WINDOW = 40;

/** Dates, months and years named in a sentence, in order; comparing markers ("the worst since 2004") left out. */
export function timeMarkers(sentence: string, quantities: Quantity[] = extractQuantities(sentence)): TimeMarker[] {
  return allTimeMarkers(sentence, quantities).filter((t) => !t.comparing);
}

/** Every date, month and year named in a sentence, in order, comparing ones flagged. */
export function allTimeMarkers(sentence: string, quantities: Quantity[] = extractQuantities(sentence)): TimeMarker[] {
  const out: TimeMarker[] = [];
  const taken: [number, number][] = [];
  for (const m of sentence.matchAll(MONTH_RE)) {
    const word = m[1]!;
    const full = MONTHS.find((x) => x.startsWith(word.toLowerCase()))!;
    const tail = MONTH_TAIL.exec(sentence.slice(m.index + word.length, m.index + word.length + MONTH_WINDOW));
    const abbreviated = word.length < full.length && word.toLowerCase() !== full;
    if (abbreviated && !m[2] && !tail) continue;
    const before = sentence.slice(Math.max(0, m.index - MONTH_WINDOW), m.index);
    if (word === "May" && !tail && !MAY_BEFORE.test(before)) continue;
    // "22nd March", "on 7th March": a day before the month is part of the marker.
    const dayBefore = /\b\d{1,2}(?:st|nd|rd|th)?\s{1,3}(?:of\s{1,3})?$/i.exec(before);
    const start = dayBefore ? m.index - dayBefore[0].length : m.index;
    const end = m.index + word.length + (tail ? tail[0].length : m[2]!.length);
    const year = tail?.[2] ? Number(tail[2]) : null;
    const back = tail?.[1] ? (tail[1].toLowerCase() === "last" ? 1 : 0) : null;
    out.push({ start, end, yearLow: year, yearHigh: year, month: MONTHS.indexOf(full) + 1, back: year === null ? back : null, text: "" });
    taken.push([start, end]);
  }
  // Markers come in order and do not overlap: a moving pointer tells whether a position is inside one.
  let months = new SpanCursor(taken);
  for (const q of [...quantities].sort((a, b) => a.start - b.start)) {
    if (months.inside(q.start)) continue;
    if (q.kind === "year") {
      const decade = /\d{4}s$/.test(q.text);
      out.push({ start: q.start, end: q.end, yearLow: q.value, yearHigh: decade ? q.value + 9 : q.value, month: null, back: null, text: "" });
    } else if (q.kind === "date" && /\d{4}/.test(q.text)) {
      const parts = /(\d{4})-(\d{1,2})/.exec(q.text);
      out.push({ start: q.start, end: q.end, yearLow: q.value, yearHigh: q.value, month: parts ? Number(parts[2]) : null, back: null, text: "" });
    }
  }
  // A year after "in", "since", "the"... even when the number reader took it for something else ("one in 1998").
  const known = [...out].sort((a, b) => a.start - b.start);
  let j = 0;
  for (const m of sentence.matchAll(CUED_YEAR)) {
    const at = m.index + m[0].length - m[2]!.length;
    while (j < known.length && known[j]!.end <= at) j++;
    if (j < known.length && known[j]!.start <= at) continue;
    const year = Number(m[2]!.slice(0, 4));
    out.push({ start: at, end: at + m[2]!.length, yearLow: year, yearHigh: m[2]!.endsWith("s") ? year + 9 : year, month: null, back: null, text: "" });
  }
  out.sort((a, b) => a.start - b.start);
  months = new SpanCursor(taken);
  for (const m of sentence.matchAll(RELATIVE_YEAR)) {
    if (months.inside(m.index)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, yearLow: null, yearHigh: null, month: null, back: m[1]!.toLowerCase() === "this" ? 0 : 1, text: "" });
  }
  for (const t of out) {
    t.text = sentence.slice(t.start, t.end);
    if (COMPARING_BEFORE.test(sentence.slice(Math.max(0, t.start - 30), t.start))) t.comparing = true;
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A pointer moving over ordered spans that do not overlap: whether each position asked, in increasing order, lies inside one. */
class SpanCursor {
  private k = 0;

  constructor(private readonly spans: readonly [number, number][]) {}

  inside(at: number): boolean {
    while (this.k < this.spans.length && this.spans[this.k]![1] <= at) this.k++;
    return this.k < this.spans.length && this.spans[this.k]![0] <= at;
  }
}

/** Words that introduce a place: "in Lisbon", "near the city", "outside Quito", "the city of Porto". */
const PLACE_BEFORE = /(?:\b(?:in|at|near|off|outside|inside|within|on|from|to|into|across|towards?|throughout)\s{1,3}(?:the\s{1,3})?(?:\p{Lu}[\p{L}.-]*['’]s\s{1,3})?|\b(?:city|town|village|province|region|district|capital|outskirts|suburbs?|county|state|island|coast|shores?)\s{1,3}of\s{1,3}(?:the\s{1,3})?)$/u;
const MOTION_BEFORE = /\b(?:from|to|into|towards?)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.-]*['’]s\s+)?$/u;
/** Lowercase words allowed inside a name ("Isle of Man", "Dar es Salaam"). */
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
    if (!isNameWord(toks[i]!.text, allStart || i === 0 || opensQuote(sentence, toks[i]!.start), words)) {
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
    // A name made only of general words ("The Ministry") names nothing in particular.
    const identifies = toks.slice(i, j + 1).some((t) => {
      const key = nameKey(t.text);
      return key.length > 1 && !GENERIC_NAME_WORDS.has(key);
    });
    if (!identifies) {
      i = j + 1;
      continue;
    }
    const before = sentence.slice(Math.max(0, start - 60), start);
    const mention: NameMention = { text, place: PLACE_BEFORE.test(before) };
    if (mention.place && MOTION_BEFORE.test(before)) mention.motion = true;
    out.push(mention);
    i = j + 1;
  }
  return out;
}

/** Marks after which a word starts a quote or a list, as at a sentence start. */
const QUOTE_OPENERS = `“"‘'(:`;
const SPACE = /\s/;

/**
 * Whether offset `at` follows a quote opener and spaces only ("said: “Rescuers ..."). Read backwards from
 * `at` (a pattern anchored at the end, tried on the text before it, read all of it for every word).
 */
function opensQuote(sentence: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && SPACE.test(sentence.charAt(k))) k--;
  return k >= 0 && QUOTE_OPENERS.includes(sentence.charAt(k));
}

/** A capitalised word at a sentence start (or in a title) is a name only if the article capitalises it mid-sentence too and never writes it in lowercase. */
function isNameWord(word: string, sentenceStart: boolean, words: WordEvidence): boolean {
  if (!startsCapitalized(word)) return false;
  const lower = normalizeWord(word.replace(/\.$/, ""));
  if (DAYS.has(lower) || MONTHS.includes(lower) || lower === "i") return false;
  if (sentenceStart && (isStopWord(lower) || words.lower.has(lower) || !words.midCapitals.has(lower))) return false;
  return true;
}

/** "Lisbon’s" -> "lisbon", "U.S." -> "us". */
function nameKey(word: string): string {
  return normalizeWord(word).replace(/\./g, "");
}

/**
 * An article's sentences as the figures read them: quantities and time markers, each read once however
 * many figures (and the article's context) look at them.
 */
export class SentenceReadings {
  private readonly quantities = new Map<number, Quantity[]>();
  private readonly markers = new Map<number, TimeMarker[]>();
  private readonly allMarkers = new Map<number, TimeMarker[]>();
  constructor(readonly article: Article) {}

  quantitiesOf(index: number): Quantity[] {
    let q = this.quantities.get(index);
    if (!q) this.quantities.set(index, (q = extractQuantities(this.article.sentences[index]!.text)));
    return q;
  }

  /** The sentence's time markers, comparing ones left out (`timeMarkers`). */
  markersOf(index: number): TimeMarker[] {
    let m = this.markers.get(index);
    if (!m) this.markers.set(index, (m = this.allMarkersOf(index).filter((t) => !t.comparing)));
    return m;
  }

  /** The sentence's time markers, comparing ones flagged (`allTimeMarkers`). */
  allMarkersOf(index: number): TimeMarker[] {
    let m = this.allMarkers.get(index);
    if (!m) this.allMarkers.set(index, (m = allTimeMarkers(this.article.sentences[index]!.text, this.quantitiesOf(index))));
    return m;
  }
}

/** The signature of a figure at `at` (offset in the sentence) of sentence `sentenceIndex` of the article read. */
export function figureSignature(readings: SentenceReadings, sentenceIndex: number, at: number): EventSignature {
  const article = readings.article;
  const sentence = article.sentences[sentenceIndex]!;
  let marker = nearestMarker(readings.markersOf(sentenceIndex), at);
  // A sentence that does not say when continues the sentences before it in its paragraph.
  for (let k = sentenceIndex - 1; k >= 0 && !marker; k--) {
    if (article.sentences[k]!.paragraph !== sentence.paragraph) break;
    marker = readings.markersOf(k).at(-1) ?? null;
  }
  return { when: marker?.text ?? null, sentenceMarkers: readings.allMarkersOf(sentenceIndex) };
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


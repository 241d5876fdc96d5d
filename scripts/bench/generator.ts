/**
 * A deterministic synthetic news corpus for benchmarks: scraped-looking pages with navigation, a title,
 * a byline, datelines, ads and share prompts around paragraphs of varied prose, names, places, dates
 * and casualty figures with qualifiers, several articles per event (so figures can disagree). Seeded
 * PRNG only: the same seed and count give the same bytes on every machine.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** mulberry32: small, fast, good enough for test data, and identical on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const between = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const chance = (rng: Rng, p: number): boolean => rng() < p;

// Invented names and places, so nothing here echoes the seed corpus.
const FIRST = ["Amara", "Jonas", "Priya", "Tomas", "Leila", "Marcus", "Ingrid", "Kwame", "Sofia", "Dmitri", "Hana", "Rafael", "Noor", "Elena", "Oskar", "Mei", "Tariq", "Camille", "Bruno", "Yara", "Felix", "Zanele", "Anton", "Lucia"];
const LAST = ["Okafor", "Lindqvist", "Raman", "Novak", "Haddad", "Whitfield", "Brandt", "Mensah", "Moreau", "Petrov", "Tanaka", "Alvarez", "Karimi", "Costa", "Berg", "Chen", "Rahimi", "Duval", "Ferreira", "Nasser", "Keller", "Dlamini", "Sorensen", "Marchetti"];
const PLACES = ["Port Avel", "Dunmore", "Kestrel Bay", "Valmont", "Northgate", "Riverside", "Ostrava Falls", "Lake Marren", "San Isidro", "Elmridge", "Karsholm", "Bellhaven", "Tarnow Heights", "Mirabel", "Coldwater", "Ashford Vale", "Sunport", "Greyhill", "Novo Lisk", "Fairhaven"];
const REGIONS = ["the northern province", "the coastal region", "the capital district", "the eastern highlands", "the southern delta", "the border state"];
const OUTLETS = ["Daily Ledger", "Morning Courier", "Evening Standard Post", "The Northern Herald", "Coastal Times", "Metro Observer", "Global Wire", "The Sentinel"];
const ROLES = ["a spokesperson for the emergency services", "the regional governor", "a local police chief", "a hospital director", "an eyewitness", "a senior fire officer", "a government minister", "an aid worker", "the city mayor", "a security analyst"];
const EVENTS = [
  { kind: "flood", verb: "swept through", cause: "heavy rain" },
  { kind: "earthquake", verb: "struck", cause: "a magnitude 6.8 tremor" },
  { kind: "factory fire", verb: "broke out in", cause: "an electrical fault" },
  { kind: "bombing", verb: "hit", cause: "an explosive device" },
  { kind: "train crash", verb: "happened near", cause: "a signalling failure" },
  { kind: "storm", verb: "battered", cause: "hurricane-force winds" },
  { kind: "building collapse", verb: "shook", cause: "structural failure" },
  { kind: "ferry disaster", verb: "unfolded off", cause: "overloading" },
];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const QUALIFIERS = ["over", "at least", "nearly", "more than", "about", "around", "up to", "fewer than", ""];
const SPELLED = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a dozen", "dozens of", "hundreds of"];
const ADJ = ["local", "national", "urgent", "difficult", "early", "official", "wider", "serious", "growing", "immediate", "fresh", "independent", "long-term", "public", "careful", "costly"];
const NOUN = ["investigation", "response", "residents", "officials", "rescue teams", "volunteers", "the inquiry", "families", "the authorities", "engineers", "the council", "insurers", "hospitals", "schools", "the army", "donors"];
const VERB = ["called for", "questioned", "welcomed", "criticised", "announced", "delayed", "expanded", "reviewed", "supported", "rejected", "promised", "demanded"];
const OBJECT = ["new safety rules", "an independent inquiry", "emergency funding", "the evacuation plan", "a curfew", "compensation for victims", "the reconstruction budget", "stricter inspections", "a day of mourning", "temporary shelters", "the early warning system", "international assistance"];
const CLAUSE = ["after days of uncertainty", "despite repeated warnings", "as the death toll rose", "while crews searched the debris", "before the weekend", "amid growing anger", "according to state media", "in a statement on its website", "late on Thursday night", "as night fell", "following an emergency meeting"];
const BOILERPLATE = ["ADVERTISEMENT", "Advertisement", "Share this article", "Share on Facebook", "Follow us on X for the latest updates", "Subscribe to our newsletter", "Read more:", "12 comments", "Sign up for breaking news alerts", "Story continues below advertisement"];
const NAV = ["Home | World | Politics | Business | Sport", "Home > News > World", "Menu Search Sign in", "Top stories Latest Most read"];

interface SyntheticEvent {
  kind: string;
  verb: string;
  cause: string;
  place: string;
  region: string;
  month: number;
  day: number;
  year: number;
  killed: number;
  injured: number;
}

/** The events articles report on: about one per eight articles, so several articles share each one. */
function makeEvents(rng: Rng, count: number): SyntheticEvent[] {
  return Array.from({ length: count }, () => {
    const e = pick(rng, EVENTS);
    return {
      ...e,
      place: pick(rng, PLACES),
      region: pick(rng, REGIONS),
      month: between(rng, 0, 11),
      day: between(rng, 1, 28),
      year: between(rng, 2015, 2024),
      killed: between(rng, 3, 400),
      injured: between(rng, 5, 900),
    };
  });
}

const ordinal = (d: number): string => `${d}${d % 10 === 1 && d !== 11 ? "st" : d % 10 === 2 && d !== 12 ? "nd" : d % 10 === 3 && d !== 13 ? "rd" : "th"}`;
const person = (rng: Rng): string => `${pick(rng, FIRST)} ${pick(rng, LAST)}`;
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A reported figure: outlets round, hedge and disagree, so the true number moves by up to 15%. */
function figure(rng: Rng, truth: number): string {
  const n = Math.max(1, Math.round(truth * (0.85 + rng() * 0.3)));
  const q = pick(rng, QUALIFIERS);
  const shown = n >= 40 && chance(rng, 0.5) ? Math.round(n / 10) * 10 : n;
  return q ? `${q} ${shown}` : String(shown);
}

function casualtySentence(rng: Rng, e: SyntheticEvent): string {
  const where = `the ${e.kind} in ${e.place}`;
  switch (between(rng, 0, 5)) {
    case 0:
      return `${capital(figure(rng, e.killed))} people were killed in ${where}, ${pick(rng, ROLES)} said.`;
    case 1:
      return `At least ${figure(rng, e.injured).replace(/^(?:over|at least|nearly|more than|about|around|up to|fewer than) /, "")} injured were taken to hospitals across ${e.region}.`;
    case 2:
      return `The death toll from ${where} rose to ${figure(rng, e.killed)} on ${pick(rng, WEEKDAYS)}, with ${figure(rng, e.injured)} others wounded.`;
    case 3:
      return `Officials said ${figure(rng, e.killed)} dead and ${figure(rng, e.injured)} injured had been counted by ${pick(rng, ["noon", "the evening", "midnight", "Sunday"])}.`;
    case 4:
      return `Nearly ${Math.round(e.killed * 0.9)} dead were confirmed, though ${pick(rng, SPELLED)} people remained missing.`;
    default:
      return `${capital(pick(rng, SPELLED))} families were evacuated after ${e.cause} caused ${where} on ${MONTHS[e.month]} ${e.day}, ${e.year}.`;
  }
}

function quoteSentence(rng: Rng, e: SyntheticEvent): string {
  const words = [`We ${pick(rng, VERB)} ${pick(rng, OBJECT)}`, `The ${e.kind} has left ${pick(rng, NOUN)} in shock`, `Nobody expected ${e.cause} on this scale`, `Our teams worked through the night in ${e.place}`];
  return `“${pick(rng, words)},” said ${person(rng)}, ${pick(rng, ROLES)}.`;
}

/** Syllables for invented words: a large Zipf-distributed vocabulary, as real news has. */
const ONSETS = ["b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "pl", "r", "s", "st", "t", "tr", "v", "w", "z"];
const NUCLEI = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io"];
const CODAS = ["", "n", "r", "s", "l", "m", "nd", "st", "rk", "t"];
const SUFFIX = { noun: ["", "tion", "ment", "ity", "er", "ism"], verb: ["ed", "ed", "izes", "ates"], adj: ["al", "ous", "ive", "ic"] } as const;
/** Invented content words per part of speech; Zipf exponent of English word frequencies. */
const VOCABULARY_SIZE = 12_000;
const ZIPF_EXPONENT = 1.07;

type Part = keyof typeof SUFFIX;

interface Vocabulary {
  words: Record<Part, string[]>;
  /** Cumulative Zipf weights over ranks, shared by all parts. */
  cumulative: Float64Array;
}

function makeVocabulary(rng: Rng): Vocabulary {
  const seen = new Set<string>();
  const word = (part: Part): string => {
    for (;;) {
      const syllables = between(rng, 1, 3);
      let w = "";
      for (let i = 0; i < syllables; i++) w += pick(rng, ONSETS) + pick(rng, NUCLEI) + (i === syllables - 1 ? pick(rng, CODAS) : "");
      w += pick(rng, SUFFIX[part]);
      if (!seen.has(w)) return seen.add(w), w;
    }
  };
  const words = { noun: [] as string[], verb: [] as string[], adj: [] as string[] };
  for (const part of ["noun", "verb", "adj"] as const) for (let i = 0; i < VOCABULARY_SIZE; i++) words[part].push(word(part));
  const cumulative = new Float64Array(VOCABULARY_SIZE);
  let sum = 0;
  for (let r = 0; r < VOCABULARY_SIZE; r++) cumulative[r] = sum += 1 / (r + 1) ** ZIPF_EXPONENT;
  return { words, cumulative };
}

function zipf(rng: Rng, v: Vocabulary, part: Part): string {
  const x = rng() * v.cumulative[v.cumulative.length - 1]!;
  let lo = 0;
  let hi = v.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return v.words[part][lo]!;
}

const DETERMINERS = ["the", "a", "their", "its", "every", "this", "another"];
const PREPOSITIONS = ["of", "in", "for", "with", "from", "under", "across", "near", "after", "before"];

/** Prose of 6 to 45 words: a clause from the small news lexicon, then invented-vocabulary phrases. */
function proseSentence(rng: Rng, e: SyntheticEvent, v: Vocabulary): string {
  const target = between(rng, 6, 45);
  const phrase = (): string => `${pick(rng, DETERMINERS)} ${chance(rng, 0.4) ? zipf(rng, v, "adj") + " " : ""}${zipf(rng, v, "noun")}`;
  let s = chance(rng, 0.4)
    ? `${capital(pick(rng, ADJ))} ${pick(rng, NOUN)} in ${pick(rng, [e.place, e.region])} ${pick(rng, VERB)} ${pick(rng, OBJECT)}`
    : `${capital(phrase())} ${zipf(rng, v, "verb")} ${phrase()}`;
  while (s.split(" ").length < target) {
    const r = rng();
    if (r < 0.15) s += ` ${pick(rng, CLAUSE)}`;
    else if (r < 0.55) s += ` ${pick(rng, PREPOSITIONS)} ${phrase()}`;
    else if (r < 0.7) s += ` ${pick(rng, PREPOSITIONS)} ${person(rng)}`;
    else s += `, and ${phrase()} ${zipf(rng, v, "verb")} ${phrase()}`;
  }
  return `${s}.`;
}

function sentence(rng: Rng, e: SyntheticEvent, v: Vocabulary): string {
  const r = rng();
  if (r < 0.1) return casualtySentence(rng, e);
  if (r < 0.2) return quoteSentence(rng, e);
  return proseSentence(rng, e, v);
}

function paragraph(rng: Rng, e: SyntheticEvent, v: Vocabulary): string {
  return Array.from({ length: between(rng, 1, 5) }, () => sentence(rng, e, v)).join(" ");
}

/** One scraped page: furniture, title, byline, dateline, lead, body with ads, outlet line, widgets. */
function generateArticle(rng: Rng, e: SyntheticEvent, v: Vocabulary): string {
  const lines: string[] = [];
  if (chance(rng, 0.6)) lines.push(pick(rng, NAV));
  const date = `${pick(rng, WEEKDAYS)}, ${MONTHS[e.month]} ${Math.min(28, e.day + between(rng, 0, 3))}, ${e.year}`;
  if (chance(rng, 0.5)) lines.push(date);
  const title = `${capital(e.kind)} in ${e.place}: ${capital(pick(rng, NOUN))} ${pick(rng, VERB)} ${capital(pick(rng, OBJECT))}`.replace(/\b\w/g, (c) => c.toUpperCase());
  lines.push(title);
  lines.push(`By ${person(rng)}`);
  lines.push(`${capital(e.cause)} ${e.verb} ${e.place} in ${e.region} on ${MONTHS[e.month]} ${e.day}, ${e.year}. ${casualtySentence(rng, e)}`);
  const paragraphs = between(rng, 4, 14);
  for (let i = 0; i < paragraphs; i++) {
    lines.push(paragraph(rng, e, v));
    if (chance(rng, 0.12)) lines.push(pick(rng, BOILERPLATE));
  }
  const outlet = pick(rng, OUTLETS);
  lines.push(`Published in ${outlet}, ${MONTHS[e.month]} ${ordinal(Math.min(28, e.day + 1))}, ${e.year}`);
  if (chance(rng, 0.5)) lines.push(pick(rng, BOILERPLATE));
  return `${lines.join(chance(rng, 0.5) ? "\n\n" : "\n")}\n`;
}

/** Articles per event: enough overlap for /compare to group, enough events for search to discriminate. */
const ARTICLES_PER_EVENT = 8;

/** Writes `count` articles named `00000_synthetic.txt`… into `dir`; returns the file names. */
export function writeCorpus(dir: string, count: number, seed = 1): string[] {
  mkdirSync(dir, { recursive: true });
  const rng = seededRandom(seed);
  const vocabulary = makeVocabulary(rng);
  const events = makeEvents(rng, Math.max(1, Math.ceil(count / ARTICLES_PER_EVENT)));
  const width = String(count).length;
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${String(i).padStart(width, "0")}_synthetic.txt`;
    writeFileSync(join(dir, name), generateArticle(rng, pick(rng, events), vocabulary));
    names.push(name);
  }
  return names;
}

/** Places the generator uses, for benchmark queries that should find something. */
export const GENERATED_PLACES: readonly string[] = PLACES;
export const GENERATED_EVENT_KINDS: readonly string[] = EVENTS.map((e) => e.kind);

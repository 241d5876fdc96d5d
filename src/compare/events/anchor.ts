/**
 * Which event each figure is about. A figure belongs to its article's story (stories.ts) unless its own
 * clause anchors it elsewhere: a year or month the story is not in ("In 1998, ...", "the 1982 storm",
 * "the worst since 5 September 2011, when ... killing 61"), a discourse cue for another happening
 * ("Separately, ...", "another ferry"), or words that belong to another story of the corpus more than to
 * its own. Past events named in several articles are one event per year; a past event's figures are
 * never split by their values ("80 passengers and six crew" and "86" stay together).
 *
 * A sentence that names no time goes on in the time of the sentence before it in its paragraph ("In
 * 1998 a barge sank. It was carrying 40 people, and all drowned."), unless it turns back to the story:
 * a weekday, "today", "now", a present perfect ("has risen"), "this week", or the story's own kind of
 * happening or place. Each sentence looks one sentence back, so a paragraph is read once (linear); only
 * the year carries over, since a month said of something else ("elected in May") is not the event's.
 */
import type { Article } from "../../corpus/types";
import { contentStems, startsCapitalized, startsLowercase, tokenize, type Token } from "../../text/analyze";
import { allTimeMarkers, namesIn, type TimeMarker, type WordEvidence } from "./mentions";
import { actOfAgent, eventNounWeight, HAPPENING, happeningOfVerb, isDescriptive, isPlaceName, isReportingVerb, isThingNoun, isTollWord, nounLemma } from "./lexicon";
import { dayLabel, MONTH_NAMES, WEEKDAYS, weekdayOnOrBefore } from "./reported";
import { dayNumber, findStories, LeadReader, type Story } from "./stories";
import { MAX_SENTENCE_CHARS } from "../classify/figures";
import { firstIndex } from "../../text/sorted";

/** An event as the answer names it: what happened, where and when, each from the text or null. */
export interface EventLabel {
  type: string | null;
  place: string | null;
  /** "4 March 2019", "September 2011", "1998". */
  date: string | null;
}

export interface ResolvedEvent {
  key: string;
  /** A story's main event, a past event dated by the text, or another happening of the same days. */
  kind: "main" | "past" | "separate";
  label: EventLabel;
  /** The label in words: "Bus crash, Tarsk, 4 March 2019". */
  text: string;
}

/** Where a figure is: its article, sentence and offset in the sentence. */
export interface FigurePlace {
  articleId: string;
  sentenceIndex: number;
  at: number;
  /** The sentence's time markers (`allTimeMarkers`) when already read: not read again. */
  markers?: TimeMarker[];
}

/** A passage about another story must be this much more about it than about its own, and at least this much about it. */
const OTHER_STORY_FACTOR = 2;
const OTHER_STORY_MIN = 0.3;
/** A word in more stories' centroids than this tells too little to be read: a bound on the work. */
const MAX_STORIES_PER_WORD = 200;
/** Clauses of an event read for its label. */
const LABEL_CLAUSES = 20;
/** A discourse cue opens the sentence: only its start is read. */
const SEPARATE_CUE_WINDOW = 80;
/** A month this many days before a story's first day is a past month, not the story's own. */
const PAST_MONTH_DAYS = 45;
/** Articles of a story read for its label. */
const LABEL_ARTICLES = 12;
/** An event noun in this many headlines names the story's type (over acts such as "search"). */
const MIN_HEADLINES = 2;
/** A headline's event noun counts as this many of the lead's. */
const TITLE_WEIGHT = 4;
/** Sentences of each read for the label, after the title. */
const LABEL_SENTENCES = 2;
/** Sentence openers that introduce another happening. */
const SEPARATE_CUE = /^\s{0,3}(?:separately|elsewhere|in (?:a |an )?(?:separate|unrelated|another|other) (?:\p{L}+ )?(?:incident|accident|attack|development|case|event)s?)\b/iu;
/** "another ferry", "a separate attack": a determiner that sets the thing apart from the story's. */
const ANOTHER = /\b(?:another|a separate|a second|an unrelated)\s{1,3}(\p{L}+)/iu;
/** Where one clause ends and the next begins inside a sentence. */
const CLAUSE_BREAK = /;|\s--?\s|\s[—–]\s|,\s{0,3}(?:while|whereas|but)\b|\swhile\s/giu;

interface StoryFacts {
  story: Story;
  years: Set<number>;
  firstDay: number | null;
}

/** Resolves the event of every figure: returns the events and, per figure, the index of its event. */
export function resolveEvents(articles: readonly Article[], figures: readonly FigurePlace[]): { events: ResolvedEvent[]; eventOf: number[] } {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const leads = new LeadReader();
  const stories = findStories(articles, leads);
  const storyOf = new Map<string, StoryFacts>();
  for (const story of stories) {
    const days = story.dates.map(dayNumber);
    const facts: StoryFacts = { story, years: new Set(story.dates.map((d) => Number(d.slice(0, 4)))), firstDay: days.length ? Math.min(...days) : null };
    for (const id of story.articleIds) storyOf.set(id, facts);
  }
  const events: ResolvedEvent[] = [];
  const eventIndex = new Map<string, number>();
  const pending = new Map<string, Anchor[]>();
  const reader = new ClauseReader(stories, byId, leads);
  const eventOf = figures.map((f) => {
    const article = byId.get(f.articleId)!;
    const anchor = anchorOf(reader, article, f, storyOf.get(f.articleId)!);
    const key = anchor.key;
    let at = eventIndex.get(key);
    if (at === undefined) {
      at = events.length;
      eventIndex.set(key, at);
      events.push({ key, kind: anchor.kind, label: { type: null, place: null, date: null }, text: "" });
      pending.set(key, []);
    }
    const list = pending.get(key)!;
    if (list.length < LABEL_CLAUSES) list.push(anchor);
    return at;
  });
  for (const e of events) {
    const anchors = pending.get(e.key)!;
    e.label = e.kind === "main" ? reader.storyLabel(anchors[0]!.story!) : clauseLabel(anchors);
    e.text = labelText(e.label);
  }
  return { events, eventOf };
}

/** What anchors one figure, with what its label needs. */
interface Anchor {
  key: string;
  kind: ResolvedEvent["kind"];
  story?: Story;
  clause: string;
  /** Where the figure is in the clause. */
  at: number;
  marker?: TimeMarker;
  year?: number;
  day?: string;
}

/** What a clause says, read once however many figures it holds. */
interface Clause {
  from: number;
  to: number;
  text: string;
  /** "another ferry": where the determiner is, and the thing it sets apart. */
  another: { at: number; thing: string } | null;
  /** The story the clause is about more than about its own, once asked. */
  otherStory?: Story | null;
  /** Its place names (`placesIn`), once asked. */
  places?: string[];
}

/**
 * Sentences read once: their time markers and clauses, and each clause's likeness to the stories,
 * through an index of the stories' words (so a clause is not compared with every story).
 */
class ClauseReader {
  private readonly sentences = new Map<string, { markers: TimeMarker[]; clauses: Clause[] }>();
  /** Per word of the stories' centroids: the stories that hold it (their ids) and its weight in each. */
  private readonly storiesByStem = new Map<string, { ids: number[]; weights: number[] }>();
  /** A clause's likeness to each story (by id), summed here and zeroed again: no map per clause. */
  private readonly scores: Float64Array;
  private readonly scored: Uint8Array;
  private readonly readings = new Map<Story, StoryReading>();
  /** Per article and sentence, the past year it goes on in (null: the story's own time). */
  private readonly carried = new Map<string, number | null>();
  /** Per article and sentence, whether it turns back to its story (`turnsToStory`): asked per figure and per sentence carried over. */
  private readonly turns = new Map<string, boolean>();

  constructor(
    /** In order of their ids (a story's id is its index). */
    private readonly stories: readonly Story[],
    private readonly byId: ReadonlyMap<string, Article>,
    private readonly leads: LeadReader,
  ) {
    this.scores = new Float64Array(stories.length);
    this.scored = new Uint8Array(stories.length);
    for (const story of stories) for (const [stem, weight] of story.centroid) {
      let list = this.storiesByStem.get(stem);
      if (!list) this.storiesByStem.set(stem, (list = { ids: [], weights: [] }));
      list.ids.push(story.id);
      list.weights.push(weight);
    }
  }

  read(key: string, sentence: string, markers?: TimeMarker[]): { markers: TimeMarker[]; clauses: Clause[] } {
    let facts = this.sentences.get(key);
    if (!facts) {
      facts = { markers: markers ?? allTimeMarkers(sentence), clauses: clausesOf(sentence) };
      this.sentences.set(key, facts);
    }
    return facts;
  }

  /** Whether a place is one the story's headlines and leads name, or part or whole of one ("Ostel", "Ostel's old theatre"). */
  storyPlace(story: Story, place: string): boolean {
    const p = place.toLowerCase();
    return this.readStory(story).places.some((s) => s.includes(p) || p.includes(s));
  }

  /** A story's label. */
  storyLabel(story: Story): EventLabel {
    return this.readStory(story).label;
  }

  /** The head noun of a story's type ("crash" of "bus crash"), when it has one. */
  storyHead(story: Story): string | undefined {
    return this.readStory(story).head;
  }

  /** A story's headlines and leads, read once. */
  private readStory(story: Story): StoryReading {
    let reading = this.readings.get(story);
    if (!reading) this.readings.set(story, (reading = readStory(story, this.byId, this.leads)));
    return reading;
  }

  /**
   * The past year sentence `index` goes on in, from the sentences before it in its paragraph: a sentence
   * with a time marker gives its last one's year when it is past (else the story's time, null); one
   * that turns back to the story gives null; any other continues the one before it. The markers are
   * looked for first, so the story is asked about only when a past year would carry over.
   */
  carriedYear(article: Article, index: number, facts: StoryFacts): number | null {
    const chain: number[] = [];
    let year: number | null = null;
    for (let k = index; k >= 0; k--) {
      const known = this.carried.get(`${article.id}:${k}`);
      if (known !== undefined) {
        year = known;
        break;
      }
      const sentence = article.sentences[k]!;
      const own = allTimeMarkers(sentence.text, []).filter((m) => !m.comparing);
      if (own.length) {
        // "Unlike in 1998, rescuers came on Monday": a sentence set in the story's days carries no past year on.
        year = STORY_TIME.test(sentence.text) ? null : pastYear(own.at(-1)!, facts, articleYear(article));
        this.carried.set(`${article.id}:${k}`, year);
        break;
      }
      chain.push(k);
      if (k === 0 || article.sentences[k - 1]!.paragraph !== sentence.paragraph) break;
    }
    // From the dated sentence on: a sentence that turns to the story stops the carrying.
    for (let c = chain.length - 1; c >= 0; c--) {
      const k = chain[c]!;
      if (year !== null && this.turnsToStory(article, k, facts.story)) year = null;
      this.carried.set(`${article.id}:${k}`, year);
    }
    return this.carried.get(`${article.id}:${index}`) ?? null;
  }

  /**
   * Whether sentence `index` of the article (of `story`) turns back to the story's time: "now", "on
   * Friday", "has risen", the story's kind of happening or its place. Read once per sentence.
   */
  turnsToStory(article: Article, index: number, story: Story): boolean {
    const key = `${article.id}:${index}`;
    let turns = this.turns.get(key);
    if (turns === undefined) this.turns.set(key, (turns = this.readTurn(article.sentences[index]!.text, story)));
    return turns;
  }

  private readTurn(text: string, story: Story): boolean {
    if (STORY_TIME.test(text)) return true;
    const { label, head } = this.readStory(story);
    if (label.place !== null && text.includes(label.place)) return true;
    if (head === undefined || !mayHold(text, head)) return false;
    // The head or its plural: "attack", "attacks".
    return tokenize(text).some((t) => t.word.startsWith(head) && t.word.length <= head.length + 2);
  }

  /** The story other than `own` the clause is clearly about, or null. */
  otherStory(clause: Clause, own: Story): Story | null {
    if (clause.otherStory !== undefined) return clause.otherStory;
    const { scores, scored } = this;
    // Stories in the order first met: of equal scores, the first wins.
    const met: number[] = [];
    for (const stem of new Set(contentStems(clause.text))) {
      const list = this.storiesByStem.get(stem);
      if (!list || list.ids.length > MAX_STORIES_PER_WORD) continue;
      const { ids, weights } = list;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        if (!scored[id]) {
          scored[id] = 1;
          met.push(id);
        }
        scores[id] = scores[id]! + weights[k]!;
      }
    }
    let best: Story | null = null;
    let bestScore = Math.max(scores[own.id]! * OTHER_STORY_FACTOR, OTHER_STORY_MIN);
    for (const id of met) {
      const score = scores[id]!;
      if (id !== own.id && score > bestScore) {
        best = this.stories[id]!;
        bestScore = score;
      }
      scores[id] = 0;
      scored[id] = 0;
    }
    clause.otherStory = best;
    return best;
  }
}

function anchorOf(reader: ClauseReader, article: Article, f: FigurePlace, facts: StoryFacts): Anchor {
  const sentence = article.sentences[f.sentenceIndex]!.text;
  const { markers, clauses } = reader.read(`${article.id}:${f.sentenceIndex}`, sentence, f.markers);
  const clause = clauses[firstIndex(clauses.length, (k) => f.at < clauses[k]!.to, clauses.length - 1)]!;
  const marker = markerFor(markers, clause, f.at);
  const year = marker ? pastYear(marker, facts, articleYear(article)) : null;
  const at = f.at - clause.from;
  if (marker && year !== null) return { key: `past:${year}`, kind: "past", clause: clause.text, at, marker, year };
  if (SEPARATE_CUE.test(sentence.slice(0, SEPARATE_CUE_WINDOW)) || (clause.another && clause.another.at < f.at)) {
    const thing = clause.another?.thing ?? thingIn(clause.text) ?? eventNounsIn(clause.text)[0] ?? `${article.id}:${f.sentenceIndex}`;
    return { key: `separate:${thing}:${clausePlaces(clause)[0] ?? ""}`, kind: "separate", clause: clause.text, at, day: weekdayDate(clause.text, article.meta.date) ?? undefined };
  }
  // No time of its own: the sentence goes on in the time of the one before it, unless it turns to the story.
  const index = f.sentenceIndex;
  const previous = article.sentences[index - 1];
  const turnsToStory = reader.turnsToStory(article, index, facts.story);
  if (!markers.some((m) => !m.comparing) && previous?.paragraph === article.sentences[index]!.paragraph) {
    const carried = reader.carriedYear(article, index - 1, facts);
    if (carried !== null && !turnsToStory) return { key: `past:${carried}`, kind: "past", clause: clause.text, at, year: carried };
  }
  // Only places the story's headlines and leads never name, and nothing of the story: a happening elsewhere.
  // The cheaper test first: most of a story's sentences turn to it (a weekday, "has", its kind of happening).
  const places = turnsToStory ? [] : clausePlaces(clause);
  if (places.length > 0 && !places.some((p) => reader.storyPlace(facts.story, p))) {
    const happening = happeningIn(clause.text, at) ?? eventNounsIn(clause.text)[0];
    // "…from Tarsk to Oak Hollow when it sank": the story's own kind of happening stays the story's.
    if (happening && happening !== reader.storyHead(facts.story)) return { key: `separate:${happening}:${places[0]}`, kind: "separate", clause: clause.text, at };
  }
  const story = reader.otherStory(clause, facts.story) ?? facts.story;
  return { key: `story:${story.id}`, kind: "main", story, clause: clause.text, at };
}

/**
 * False only when no word of the text can start with `word`: a word of plain ASCII letters (and hyphens)
 * that the lowercased text does not hold. A cheap test before the text is cut into words.
 */
function mayHold(text: string, word: string): boolean {
  return !PLAIN_WORD.test(word) || text.toLowerCase().includes(word);
}

const PLAIN_WORD = /^[a-z-]+$/;

/** Words that set a sentence in the story's own days: now, a weekday, a present perfect. */
const STORY_TIME = /\b(?:today|tonight|yesterday|now|currently|so far|this (?:week|morning|afternoon|evening|time)|latest|has|have|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/i;

/** The year of an article's date, when it is dated. */
function articleYear(article: Article): number | null {
  return article.meta.date ? Number(article.meta.date.slice(0, 4)) : null;
}

/** A sentence cut into clauses, in order, covering it. */
function clausesOf(sentence: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    out.push(clauseOf(sentence, start, m.index));
    start = m.index + m[0].length;
  }
  out.push(clauseOf(sentence, start, sentence.length));
  return out;
}

function clauseOf(sentence: string, from: number, to: number): Clause {
  const text = sentence.slice(from, to);
  const m = ANOTHER.exec(text);
  return { from, to, text, another: m ? { at: from + m.index, thing: m[1]!.toLowerCase() } : null };
}

/**
 * The time marker that dates the figure at `at`: the nearest in its clause, one before it preferred. A
 * comparing marker ("since 2011") dates only what follows it.
 */
function markerFor(markers: readonly TimeMarker[], clause: Clause, at: number): TimeMarker | null {
  let best: TimeMarker | null = null;
  let bestD = Infinity;
  // Markers are in order: only those of the clause are read.
  for (let k = firstIndex(markers.length, (i) => markers[i]!.start >= clause.from); k < markers.length && markers[k]!.start < clause.to; k++) {
    const m = markers[k]!;
    if (m.end > clause.to) continue;
    if (m.comparing && m.start > at) continue;
    const d = m.end <= at ? at - m.end : (m.start - at) * 1.5;
    if (d < bestD) {
      best = m;
      bestD = d;
    }
  }
  return best;
}

/**
 * The year of a marker that dates another happening than the story's, or null when it is the story's
 * time. "This year" and "last year" count from the article's own year (else the story's latest).
 */
function pastYear(m: TimeMarker, facts: StoryFacts, articleYear: number | null): number | null {
  if (m.back !== null && m.yearLow === null) {
    const now = articleYear ?? (facts.years.size ? Math.max(...facts.years) : null);
    if (now === null) return null;
    if (m.back > 0) return now - m.back;
    // "in January this year": past when that month ended well before the story began.
    return m.month === null ? null : pastMonth(now, m.month, facts);
  }
  if (m.yearLow === null) return monthOnly(m, facts);
  if (m.yearHigh !== m.yearLow) return m.yearLow; // a decade: always past
  if (facts.years.size === 0) return m.yearLow;
  if (!facts.years.has(m.yearLow)) return m.yearLow < Math.max(...facts.years) ? m.yearLow : null;
  // The story's year: past only when its month ended well before the story began.
  return m.month === null ? null : pastMonth(m.yearLow, m.month, facts);
}

/** A month with no year ("in March"): past when it lies well before the story's first day. */
function monthOnly(m: TimeMarker, facts: StoryFacts): number | null {
  if (m.month === null || facts.firstDay === null) return null;
  const first = new Date(facts.firstDay * 86_400_000);
  return pastMonth(m.month - 1 > first.getUTCMonth() ? first.getUTCFullYear() - 1 : first.getUTCFullYear(), m.month, facts);
}

/** `year` when its month `month` ended well before the story's first day; else null (the story's time). */
function pastMonth(year: number, month: number, facts: StoryFacts): number | null {
  if (facts.firstDay === null) return null;
  const monthEnd = dayNumber(`${year}-${String(month).padStart(2, "0")}-28`);
  return monthEnd < facts.firstDay - PAST_MONTH_DAYS ? year : null;
}

/** Event nouns of a text, strongest first (events and phenomena before acts), measure words left out. */
function eventNounsIn(text: string): string[] {
  const scored: [string, number, number][] = [];
  tokenize(text).forEach((t, i) => {
    const w = eventNounWeight(t.word);
    if (w > 0 && !isTollWord(t.word)) scored.push([t.word, w, i]);
  });
  return scored.sort((a, b) => b[1] - a[1] || a[2] - b[2]).map((s) => s[0]);
}

/**
 * The happening a clause names for its figure at `at`: an event noun, its head only ("suicide bombing"
 * is a bombing), or the act an agent noun names ("suicide bomber": a bombing); happenings before acts,
 * then the nearest before the figure (what "killed" it), then the nearest after. A clause with no such
 * noun is named by its first past verb ("It had exploded": an explosion).
 */
function happeningIn(text: string, at: number): string | null {
  const tokens = tokenize(text);
  let best: { noun: string; weight: number; distance: number } | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const found = happeningAt(text, tokens, i, at);
    if (!found) continue;
    const t = tokens[i]!;
    // A noun after a preposition ("an attack on a market") is no head: it counts as farther than any other.
    const distance = (t.start < at ? at - t.start : text.length + t.start - at) + (afterPreposition(text, tokens, i) ? 2 * text.length : 0);
    if (!best || found.weight > best.weight || (found.weight === best.weight && distance < best.distance)) best = { ...found, distance };
  }
  if (best) return best.noun;
  for (const t of tokens) {
    const verb = isTollWord(t.word) || isReportingVerb(t.word) ? null : happeningOfVerb(t.word);
    if (verb) return verb.noun;
  }
  return null;
}

/** Forms of "be" before a verb in -ing: "were loading" is no loading. */
const BE = new Set(["is", "are", "was", "were", "be", "been", "being"]);

/**
 * The happening token `i` names, with its weight, or null: names, tolls, modifiers and verbs in -ing
 * name none; an agent ("bombers") names its act only before the figure, as the doer of what it counts.
 */
function happeningAt(text: string, tokens: readonly Token[], i: number, at: number): { noun: string; weight: number } | null {
  const t = tokens[i]!;
  if (!startsLowercase(text.slice(t.start, t.end))) return null;
  // "twin-bombing": the noun is its last part.
  const word = t.word.slice(t.word.lastIndexOf("-") + 1);
  if (isTollWord(word)) return null;
  if (modifiesHappening(text, tokens, i)) return null;
  const before = tokens[i - 1];
  const weight = eventNounWeight(word);
  if (weight > 0) {
    if (word.endsWith("ing") && before && (BE.has(before.word) || text.slice(before.end, t.start).includes(","))) return null;
    return { noun: nounLemma(word), weight };
  }
  const act = t.end <= at ? actOfAgent(word) : null;
  return act ? { noun: act, weight: 1 } : null;
}

const PREPOSITIONS = new Set(["in", "on", "at", "of", "near", "for", "from", "to", "into", "onto", "off", "outside", "inside", "by", "with", "during", "after", "before"]);
/** Words between a preposition and its noun: "on a crowded market". */
const NOUN_PHRASE_WORDS = 3;

/** Whether token `i` is the noun of a prepositional phrase ("on a market", "in the city"). */
function afterPreposition(text: string, tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 1 - NOUN_PHRASE_WORDS; k--) {
    const w = tokens[k]!.word;
    if (PREPOSITIONS.has(w)) return true;
    if (!OBJECT_OPENERS.has(w) && !isDescriptive(w)) return false;
  }
  return false;
}

/** Words that open an object: a word before one is a verb ("a cyclone hit the coast"), not a noun. */
const OBJECT_OPENERS = new Set(["a", "an", "the", "its", "their", "his", "her", "this", "that", "these", "those"]);

/**
 * Whether token `i` modifies the happening or agent noun after it ("suicide bombing", "suicide bomber"),
 * so that noun is the head. A word followed by an object ("cyclone hit the coast") is a verb, no head.
 */
function modifiesHappening(text: string, tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next || !/^\s+$/.test(text.slice(tokens[i]!.end, next.start))) return false;
  const after = tokens[i + 2];
  if (after && /^\s+$/.test(text.slice(next.end, after.start)) && (OBJECT_OPENERS.has(after.word) || startsCapitalized(text.slice(after.start, after.end)))) return false;
  return eventNounWeight(next.word) > 0 || actOfAgent(next.word) !== null;
}

/** The first noun, written in lowercase, of a thing that carries people ("ferry", "bus") in a text: a name ("Tarsk") is a place, not a thing. */
function thingIn(text: string): string | null {
  for (const t of tokenize(text)) if (startsLowercase(text.slice(t.start, t.end)) && isThingNoun(t.word)) return t.word;
  return null;
}

/** Place names of a text ("in Tarsk", "off Norland"), by the words that introduce them. */
function placesIn(text: string, evidence: WordEvidence = textEvidence([text], [tokenize(text)])): string[] {
  return namesIn(text, evidence)
    .filter((n) => n.place && !n.motion && (n.text.includes(" ") || isPlaceName(n.text)))
    .map((n) => n.text);
}

/** A clause's place names, read once however many figures it holds. */
function clausePlaces(clause: Clause): string[] {
  return (clause.places ??= placesIn(clause.text));
}

/** Word evidence from the texts alone (and their tokens): enough to tell a name inside a short passage. */
function textEvidence(texts: readonly string[], tokens: readonly (readonly Token[])[]): WordEvidence {
  const lower = new Set<string>();
  const midCapitals = new Set<string>();
  for (const [k, text] of texts.entries()) {
    for (const t of tokens[k]!) {
      const raw = text.slice(t.start, t.end);
      if (startsLowercase(raw)) lower.add(t.word);
      else if (t.start > 0) midCapitals.add(t.word);
    }
  }
  return { lower, midCapitals };
}

/** A weekday named in the clause ("Monday night"), as the date it was in the week up to the article's date. */
function weekdayDate(clause: string, articleDate: string | null): string | null {
  if (!articleDate) return null;
  const m = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/.exec(clause);
  if (!m) return null;
  return weekdayOnOrBefore(articleDate.slice(0, 10), WEEKDAYS.indexOf(m[1]!.toLowerCase()));
}

/** What a story's headlines and leads say: its label, its type's head noun, and every place they name (lowercased). */
interface StoryReading {
  label: EventLabel;
  head: string | undefined;
  places: string[];
}

/** A story's label: the event noun its titles and leads use most (with the thing it befell), its place, its first day. */
function readStory(story: Story, byId: ReadonlyMap<string, Article>, leads: LeadReader): StoryReading {
  const articles = story.articleIds.slice(0, LABEL_ARTICLES).map((id) => byId.get(id)!);
  const nouns = new Map<string, number>();
  const modifiers = new Map<string, Map<string, number>>();
  const places = new Map<string, { articles: Set<string>; text: string }>();
  const datelines = new Map<string, number>();
  /** Event and phenomenon nouns: how many headlines name each. */
  const titleHappenings = new Map<string, number>();
  let day: string | null = null;
  for (const a of articles) {
    // Within the extraction's budget: a sentence longer than it is no sentence to read a label from.
    const texts = labelTexts(a, leads);
    const tokenized = texts.map((text) => leads.tokens(text));
    const evidence = textEvidence(texts, tokenized);
    const seen = new Map<string, number>();
    const inTitle = new Set<string>();
    texts.forEach((text, k) => {
      const tokens = tokenized[k]!;
      tokens.forEach((t, i) => {
        let word = t.word;
        let w = eventNounWeight(word);
        if (w === 0 || isThingNoun(word) || isTollWord(word)) return;
        if (modifiesHappening(text, tokens, i)) {
          // "suicide bombing": the head names it, on its own turn; "suicide bomber": the bomber's act does.
          const head = tokens[i + 1]!.word;
          const act = eventNounWeight(head) > 0 ? null : actOfAgent(head);
          if (!act) return;
          [word, w] = [act, 1];
        }
        // The headline names the story: its nouns count far more than the lead's; each article once.
        const weight = w * (k === 0 ? TITLE_WEIGHT : 1);
        if (k === 0 && w === HAPPENING && !inTitle.has(word)) {
          inTitle.add(word);
          titleHappenings.set(word, (titleHappenings.get(word) ?? 0) + 1);
        }
        if (weight > (seen.get(word) ?? 0)) seen.set(word, weight);
        const before = tokens[i - 1];
        if (before && isThingNoun(before.word) && startsLowercase(text.slice(before.start, before.end))) {
          const m = modifiers.get(word) ?? new Map<string, number>();
          m.set(before.word, (m.get(before.word) ?? 0) + 1);
          modifiers.set(word, m);
        }
      });
      for (const p of placesIn(text, evidence)) {
        const e = places.get(p.toLowerCase()) ?? { articles: new Set<string>(), text: p };
        e.articles.add(a.id);
        places.set(p.toLowerCase(), e);
      }
    });
    for (const [word, weight] of seen) nouns.set(word, (nouns.get(word) ?? 0) + weight);
    const dateline = a.meta.place;
    if (dateline) datelines.set(dateline, (datelines.get(dateline) ?? 0) + 1);
  }
  for (const id of story.articleIds) {
    const a = byId.get(id)!;
    const lead = a.sentences.slice(0, LABEL_SENTENCES + 2).find((s) => s.text.length <= MAX_SENTENCE_CHARS && leads.isProse(s))?.text ?? "";
    const d = a.meta.date ? (weekdayDate(lead, a.meta.date) ?? a.meta.date.slice(0, 10)) : null;
    if (d && (!day || d < day)) day = d;
  }
  // What happened (an event or phenomenon) when headlines name one; else what was done (an act: "shooting").
  const happenings = new Map([...nouns].filter(([word]) => (titleHappenings.get(word) ?? 0) >= MIN_HEADLINES));
  const type = top(happenings.size ? happenings : nouns);
  const modifier = type ? top(modifiers.get(type) ?? new Map(), 2) : null;
  const place = [...places.values()].sort((a, b) => b.articles.size - a.articles.size)[0]?.text ?? top(datelines);
  const label = { type: type ? (modifier ? `${modifier} ${type}` : type) : null, place, date: day ? dayLabel(day) : null };
  return { label, head: label.type?.split(" ").at(-1), places: [...places.keys()] };
}

/** What a story's label is read from in one article: its headline and first sentences (within the extraction's budget). */
function labelTexts(a: Article, leads: LeadReader): string[] {
  const lead = a.sentences.slice(0, LABEL_SENTENCES + 2).filter((s) => leads.isProse(s)).slice(0, LABEL_SENTENCES).map((s) => s.text);
  // A sentence longer than the budget is no sentence to read a label from.
  return [a.meta.title ?? "", ...lead].map((t) => (t.length > MAX_SENTENCE_CHARS ? "" : t));
}

/** A past or separate event's label, from the clauses that name it. */
function clauseLabel(anchors: readonly Anchor[]): EventLabel {
  const nouns = new Map<string, number>();
  const places = new Map<string, number>();
  let month: number | null = null;
  for (const a of anchors) {
    const happening = happeningIn(a.clause, a.at);
    if (happening) nouns.set(happening, (nouns.get(happening) ?? 0) + 1);
    for (const p of placesIn(a.clause)) places.set(p, (places.get(p) ?? 0) + 1);
    if (a.marker?.month) month = a.marker.month;
  }
  const first = anchors[0]!;
  const year = first.year;
  const date = year !== undefined ? [month ? MONTH_NAMES[month - 1] : null, String(year)].filter(Boolean).join(" ") : first.day ? dayLabel(first.day) : null;
  // No event noun ("a speed boat capsized"): the thing it befell names it.
  const things = new Map<string, number>();
  for (const a of anchors) {
    const thing = thingIn(a.clause);
    if (thing) things.set(thing, (things.get(thing) ?? 0) + 1);
  }
  return { type: top(nouns) ?? top(things), place: top(places), date };
}

function top(counts: ReadonlyMap<string, number>, min = 0): string | null {
  let best: string | null = null;
  let bestN = 0;
  for (const [k, n] of counts) if (n > bestN || (n === bestN && best !== null && k < best)) [best, bestN] = [k, n];
  return best !== null && bestN >= min ? best : null;
}

/** "Bus crash, Tarsk, 4 March 2019"; "Reported figures" when the text names none of them. */
function labelText(label: EventLabel): string {
  const parts = [label.type, label.place, label.date].filter((p): p is string => !!p);
  if (parts.length === 0) return "Reported figures";
  const text = parts.join(", ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}


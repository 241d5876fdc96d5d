/**
 * `/compare`: the figures of a topic grouped by event, most reported first, with their agreement; and,
 * with no topic, the topics on which the articles disagree. The index (figures, topics, groups) is built
 * once from the articles and is plain data; answers are cheap reads of it.
 */
import type { Article } from "../../corpus/types";
import { stem } from "../../text/analyze";
import { readFigures, type Figure, type FigureKind } from "../classify/figures";
import { resolveEvents, type EventLabel, type ResolvedEvent } from "../events/anchor";
import { articleTime, reportOrder, reportTime, type ReportTime } from "../events/reported";
import { attributionNear, readAttributions, type Attributions } from "../events/source";
import { analyzeAgreement, countContradictions, push, type Agreement, type Claim } from "./conflicts";
import { isPoint, type Interval } from "../extract/intervals";
import { closestTopics, resolveTopic } from "./topics";

export interface TopicGroup {
  label: string;
  /** Index into `CompareIndex.events`. */
  event: number;
  /** Indices into `CompareIndex.figures`, in report order. */
  figures: number[];
  articleCount: number;
  /** Past `MAX_FIGURES` figures, the ones an answer shows (`shownFigures`), chosen once at index time. */
  shown?: number[];
}

export interface TopicEntry {
  /** As shown and typed: "deaths", "passengers". */
  name: string;
  kind: "measure" | "noun";
  /** The measure name, or the noun stem. */
  key: string;
  /** Most reported event first. */
  groups: TopicGroup[];
  figureCount: number;
  articleCount: number;
  /** Contradicting pairs in the first group: how contested the topic is. */
  contradictions: number;
  /** Smallest and largest value in the first group. */
  spread: { min: number; max: number };
}

/** A figure with what the resolve stage adds: when it was reported, who gave it, its kind and its event. */
export interface IndexedFigure extends Figure, ReportTime {
  source: string | null;
  /** Who published it, as the article's metadata gives it (`reporterOf`); null when it does not say. */
  reporter: string | null;
  /** Index into `CompareIndex.events`. */
  event: number;
}

export interface CompareIndex {
  figures: IndexedFigure[];
  events: ResolvedEvent[];
  /** Most contested first. */
  topics: TopicEntry[];
}

/** Builds figures, their events, and the topics grouped by event: once, when the corpus is indexed. */
export function buildCompareIndex(articles: readonly Article[]): CompareIndex {
  const { figures: extracted, signatures } = readFigures(articles);
  const { events, eventOf } = resolveEvents(
    articles,
    extracted.map((f, i) => ({ articleId: f.articleId, sentenceIndex: f.sentenceIndex, at: f.phraseStart, markers: signatures[i]!.sentenceMarkers })),
  );
  const times = new Map(articles.map((a) => [a.id, articleTime(a)]));
  const reporters = new Map(articles.map((a) => [a.id, reporterOf(a.meta)]));
  // Read once per sentence, however many figures it holds.
  const sentences = new Map<string, { time: ReportTime; attributions: Attributions }>();
  const sentenceOf = (f: Figure): { time: ReportTime; attributions: Attributions } => {
    const key = `${f.articleId}:${f.sentenceIndex}`;
    let read = sentences.get(key);
    if (!read) sentences.set(key, (read = { time: reportTime(times.get(f.articleId) ?? null, f.quote), attributions: readAttributions(f.quote) }));
    return read;
  };
  // Signatures only served the extraction's `when` and the events: the index (and its cache) keeps the figures without them.
  // Completed in place, in the order a copy would list their fields: copying each took longer than reading it.
  const figures = extracted.map<IndexedFigure>((f, i) => {
    const read = sentenceOf(f);
    return Object.assign(f, read.time, { source: attributionNear(read.attributions, f.phraseStart), reporter: reporters.get(f.articleId) ?? null, event: eventOf[i]! });
  });
  return { figures, events, topics: topicsOf(figures, events) };
}

function topicsOf(figures: readonly IndexedFigure[], events: readonly ResolvedEvent[]): TopicEntry[] {
  const topics: TopicEntry[] = [];
  const measures = new Map<string, number[]>();
  const nouns = new Map<string, number[]>();
  figures.forEach((f, i) => {
    if (f.measure) push(measures, f.measure, i);
    if (f.nounKey) push(nouns, f.nounKey, i);
  });
  for (const [key, ids] of measures) topics.push(topicEntry(figures, events, key, "measure", key, ids));
  for (const [key, ids] of nouns) {
    const name = nounName(ids.map((i) => figures[i]!.noun!));
    // A noun topic that is a measure's name already ("3 deaths") is that measure.
    if (measures.has(name)) continue;
    topics.push(topicEntry(figures, events, name, "noun", key, ids));
  }
  topics.sort(byContest);
  return topics;
}

/** Measures before counted nouns, then the most contested. */
function byContest(a: TopicEntry, b: TopicEntry): number {
  return (
    Number(b.kind === "measure") - Number(a.kind === "measure") ||
    b.contradictions - a.contradictions ||
    distinct(b) - distinct(a) ||
    b.figureCount - a.figureCount ||
    a.name.localeCompare(b.name)
  );
}

function distinct(t: TopicEntry): number {
  return t.spread.max - t.spread.min > 0 ? (t.groups[0]?.figures.length ?? 0) : 0;
}

function topicEntry(figures: readonly IndexedFigure[], events: readonly ResolvedEvent[], name: string, kind: TopicEntry["kind"], key: string, ids: number[]): TopicEntry {
  const byEvent = new Map<number, number[]>();
  for (const i of ids) push(byEvent, figures[i]!.event, i);
  // A story's own event before past ones it recalls; then the most reported.
  const groups = [...byEvent]
    .map(([event, members]) => ({ event, members, articles: new Set(members.map((i) => figures[i]!.articleId)).size, main: events[event]!.kind === "main" }))
    .sort((a, b) => Number(b.main) - Number(a.main) || b.articles - a.articles || b.members.length - a.members.length || a.members[0]! - b.members[0]!)
    .map(({ event, members, articles }) => topicGroup(figures, events, event, members, articles));
  const first = groups[0]!.figures.map((i) => figures[i]!);
  // Counted, not listed: a main event can have thousands of figures. The spread is of its totals (parts and rough amounts aside).
  const totals = first.filter((f) => f.kind === "total");
  const values = (totals.length ? totals : first).map((f) => f.value);
  return {
    name,
    kind,
    key,
    groups,
    figureCount: ids.length,
    articleCount: new Set(ids.map((i) => figures[i]!.articleId)).size,
    contradictions: countContradictions(claimsOf(first)),
    spread: { min: Math.min(...values), max: Math.max(...values) },
  };
}

function topicGroup(figures: readonly IndexedFigure[], events: readonly ResolvedEvent[], event: number, members: number[], articleCount: number): TopicGroup {
  const order = new Map(members.map((i) => [i, reportOrder(figures[i]!)]));
  const sorted = members.sort((a, b) => order.get(a)! - order.get(b)! || a - b);
  const group: TopicGroup = { label: events[event]!.text, event, figures: sorted, articleCount };
  if (sorted.length > MAX_FIGURES) group.shown = shownFigures(sorted.map((i) => figures[i]!), MAX_FIGURES).map((k) => sorted[k]!);
  return group;
}

/** The plural form most written ("passengers" over "passenger"). */
function nounName(nouns: string[]): string {
  const counts = new Map<string, number>();
  for (const n of nouns) counts.set(n, (counts.get(n) ?? 0) + 1 + (n.endsWith("s") ? 0.5 : 0));
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/** The figure as written and what it counts, when the words do not say it: "over 130 people", "dozens of villagers". */
export function figurePhrase(f: Pick<CompareFigure, "phrase" | "noun" | "kind">): string {
  const counted = f.noun && !f.phrase.includes(f.noun) ? `${f.kind === "vague" ? " of" : ""} ${f.noun}` : "";
  return `${f.phrase}${counted}`;
}

/** A figure as an answer shows it: attribution, the number, the sentence verbatim with the number highlighted. */
export interface CompareFigure {
  /** Unique within the answer ("002" or "003#2" when an article gives several): what `agreement` refers to. */
  ref: string;
  articleId: string;
  title: string | null;
  outlet: string | null;
  date: string | null;
  paragraph: number;
  value: number;
  high?: number;
  qualifier?: Figure["qualifier"];
  vague?: boolean;
  /** The number phrase as written: "over 130". */
  phrase: string;
  /** What is counted, when the text says ("people", "passengers"). */
  noun: string | null;
  quote: string;
  /** Offsets of the quote in the article's file. */
  start: number;
  end: number;
  /** The number phrase and the predicate, in quote offsets. */
  highlights: { start: number; end: number }[];
  interval: Interval;
  /** "22 March 2024": the time the sentence gives, when it gives one. */
  when: string | null;
  /** When it was reported: the article's date (and time), or the day the sentence names; null when undated. */
  reportedAt: string | null;
  /** "earlier" when the article reports it as superseded, "update" when as a rise or revision. */
  timing?: ReportTime["timing"];
  /** Who the sentence says gave it ("police", "a hospital official"); null when it does not say. */
  source: string | null;
  /** A total, a part of the total ("three of the girls") or a rough amount ("hundreds"). */
  kind: FigureKind;
}

/** The latest total of an event, in short. */
export interface LatestFigure {
  ref: string;
  articleId: string;
  value: number;
  qualifier?: Figure["qualifier"];
  phrase: string;
  reportedAt: string | null;
  source: string | null;
  outlet: string | null;
}

export interface CompareGroup {
  label: string;
  /** The event in parts, each from the text or null: type ("bus crash"), place, date ("4 March 2019"), and whether it is a story's own event, a past one, or another happening. */
  event: EventLabel & { kind: ResolvedEvent["kind"] };
  /** The latest total reported (the latest rough amount when none is a total; never a part); null when none. */
  latest: LatestFigure | null;
  /** The articles of the figures shown. */
  articleIds: string[];
  /** Every figure of the event shown, or past `MAX_FIGURES` a choice of them (see `omittedFigures`); in report order. */
  figures: CompareFigure[];
  /** Between the figures shown. */
  agreement: Agreement;
  /** Figures and articles of the whole event, shown or not. */
  figureCount: number;
  articleCount: number;
  /** Figures of the event left out past `MAX_FIGURES`: mostly repeats of a figure shown. */
  omittedFigures?: number;
}

export interface CompareAnswer {
  command: "compare";
  topic: string;
  query: string;
  groups: CompareGroup[];
  figureCount: number;
  articleCount: number;
  /** Events of the topic, shown or not. */
  totalGroups: number;
  /** Events left out past `MAX_GROUPS` (the least reported). */
  omittedGroups?: number;
  /** Set when events or figures were left out (`omittedGroups`, a group's `omittedFigures`). */
  truncated?: true;
  /** Said when there is nothing to compare (one figure). */
  note?: string;
}

export interface CompareTopicSummary {
  topic: string;
  figures: number;
  articles: number;
  groups: number;
  /** The most reported event's label, spread and contradictions. */
  mainEvent: string;
  spread: { min: number; max: number };
  contradictions: number;
}

export interface CompareTopicsAnswer {
  command: "compare";
  topics: CompareTopicSummary[];
  /** How the list was chosen ("topics where the articles disagree") or why it is empty. */
  note: string;
}

export interface CompareError {
  command: "compare";
  error: string;
  suggestions?: string[];
}

const LISTED_SUGGESTIONS = 8;
/** Events shown per answer: the least reported past this are counted, not listed. */
const MAX_GROUPS = 25;
/** Figures shown per event: past this, each distinct figure once (most repeated first), the rest counted. */
export const MAX_FIGURES = 30;

/** `/compare [topic]`. Never throws. */
export function compareAnswer(index: CompareIndex, typed = ""): CompareAnswer | CompareTopicsAnswer | CompareError {
  const query = typed.trim();
  if (index.figures.length === 0 || index.topics.length === 0) {
    return { command: "compare", error: "The articles give no figures to compare (no counts of deaths, injured, arrests or other things)." };
  }
  if (!query) return topicsAnswer(index);
  const topic = findTopic(index, query);
  if (!topic) {
    const names = closestTopics(query, index.topics.map((t) => t.name));
    return {
      command: "compare",
      error: `No figures on "${query}". Topics with figures: ${names.slice(0, LISTED_SUGGESTIONS).join(", ")}${names.length > LISTED_SUGGESTIONS ? ", …" : ""}.`,
      suggestions: names.slice(0, LISTED_SUGGESTIONS),
    };
  }
  const groups = topic.groups.slice(0, MAX_GROUPS).map((g) => groupAnswer(index, g));
  const answer: CompareAnswer = { command: "compare", topic: topic.name, query, groups, figureCount: topic.figureCount, articleCount: topic.articleCount, totalGroups: topic.groups.length };
  if (topic.groups.length > MAX_GROUPS) answer.omittedGroups = topic.groups.length - MAX_GROUPS;
  if (answer.omittedGroups || groups.some((g) => g.omittedFigures)) answer.truncated = true;
  if (topic.figureCount === 1) answer.note = `Only one figure on ${topic.name} in the articles: nothing to compare it with.`;
  return answer;
}

function findTopic(index: CompareIndex, query: string): TopicEntry | null {
  const nounTopics = new Map(index.topics.filter((t) => t.kind === "noun").map((t) => [t.key, t.name]));
  const r = resolveTopic(query, nounTopics);
  if (r) return index.topics.find((t) => t.kind === r.kind && t.key === r.key) ?? null;
  // A noun topic typed as shown ("suicide bombers" listed, "bombers" typed) or a measure's name.
  const q = stem(query.toLowerCase());
  return index.topics.find((t) => t.name === query.toLowerCase() || stem(t.name) === q) ?? null;
}

/** The measures (deaths, injured, missing...) whose totals differ in the story's own event: what the articles disagree on. */
function topicsAnswer(index: CompareIndex): CompareTopicsAnswer {
  const measures = index.topics.filter((t) => t.kind === "measure");
  const all = (measures.length ? measures : index.topics).map<CompareTopicSummary>((t) => ({
    topic: t.name,
    figures: t.figureCount,
    articles: t.articleCount,
    groups: t.groups.length,
    mainEvent: t.groups[0]!.label,
    spread: t.spread,
    contradictions: t.contradictions,
  }));
  const disputed = all.filter((t) => t.spread.max > t.spread.min || t.contradictions > 0);
  if (disputed.length > 0) return { command: "compare", topics: disputed, note: "Measures on which the articles give different totals (updates over time, or outlets disagreeing on the same day), most contested first. Type /compare <topic>." };
  return { command: "compare", topics: all, note: "The articles do not disagree on any total; these are the measures they give figures for." };
}

function groupAnswer(index: CompareIndex, group: TopicGroup): CompareGroup {
  const figures = (group.shown ?? group.figures).map((i) => index.figures[i]!);
  const perArticle = new Map<string, number>();
  const refs = figures.map((f) => {
    const n = (perArticle.get(f.articleId) ?? 0) + 1;
    perArticle.set(f.articleId, n);
    return n === 1 ? f.articleId : `${f.articleId}#${n}`;
  });
  const shown = figures.map((f, k) => figureAnswer(f, refs[k]!));
  const agreement = analyzeAgreement(claimsOf(figures, refs));
  const event = index.events[group.event]!;
  const latest = shown.find((f) => f.ref === agreement.latest);
  const out: CompareGroup = {
    label: group.label,
    event: { ...event.label, kind: event.kind },
    latest: latest ? latestOf(latest) : null,
    articleIds: [...new Set(figures.map((f) => f.articleId))],
    figures: shown,
    agreement,
    figureCount: group.figures.length,
    articleCount: group.articleCount,
  };
  if (group.figures.length > figures.length) out.omittedFigures = group.figures.length - figures.length;
  return out;
}

function latestOf(f: CompareFigure): LatestFigure {
  const out: LatestFigure = { ref: f.ref, articleId: f.articleId, value: f.value, phrase: f.phrase, reportedAt: f.reportedAt, source: f.source, outlet: f.outlet };
  if (f.qualifier) out.qualifier = f.qualifier;
  return out;
}

/**
 * At most `max` of an event's figures (in article order), chosen so the agreement shown is the event's:
 * the smallest and the largest figure, then each distinct figure once (most repeated first), then
 * repeats of them in turn.
 */
function shownFigures(figures: readonly Figure[], max: number): number[] {
  const byClaim = new Map<string, number[]>();
  figures.forEach((f, i) => push(byClaim, claimKey(f), i));
  const claims = [...byClaim.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
  const lowest = figures.reduce((best, f, i) => (f.value < figures[best]!.value ? i : best), 0);
  const highest = figures.reduce((best, f, i) => (f.value > figures[best]!.value ? i : best), 0);
  const chosen = new Set<number>([lowest, highest]);
  for (let round = 0; chosen.size < max; round++) {
    let added = false;
    for (const members of claims) {
      if (chosen.size >= max) break;
      const i = members[round];
      if (i === undefined) continue;
      chosen.add(i);
      added = true;
    }
    if (!added) break;
  }
  // Indices into the event's figures, which are in report order: kept in that order.
  return [...chosen].sort((a, b) => a - b);
}

/** Figures that say the same thing: the same interval, both vague or both not. */
function claimKey(f: Figure): string {
  const i = f.interval;
  return `${i.low}|${i.high}|${i.lowOpen}|${i.highOpen}|${f.vague ? 1 : 0}`;
}

function figureAnswer(f: IndexedFigure, ref: string): CompareFigure {
  const highlights = [{ start: f.phraseStart, end: f.phraseEnd }];
  if (f.predicateStart !== null && f.predicateEnd !== null && (f.predicateEnd <= f.phraseStart || f.predicateStart >= f.phraseEnd)) {
    highlights.push({ start: f.predicateStart, end: f.predicateEnd });
    highlights.sort((a, b) => a.start - b.start);
  }
  const out: CompareFigure = {
    ref,
    articleId: f.articleId,
    title: f.title,
    outlet: f.outlet,
    date: f.date,
    paragraph: f.paragraph,
    value: f.value,
    phrase: f.phrase,
    noun: f.nounText ?? f.noun,
    quote: f.quote,
    start: f.start,
    end: f.end,
    highlights,
    interval: f.interval,
    when: f.when,
    reportedAt: f.reportedAt,
    source: f.source,
    kind: f.kind,
  };
  if (f.timing) out.timing = f.timing;
  if (f.high !== undefined) out.high = f.high;
  if (f.qualifier) out.qualifier = f.qualifier;
  if (f.vague) out.vague = true;
  return out;
}

function claimsOf(figures: readonly IndexedFigure[], refs: readonly string[] = figures.map((f) => f.articleId)): Claim[] {
  return figures.map((f, k) => {
    const claim: Claim = {
      key: refs[k]!,
      label: claimLabel(f, refs[k]!),
      value: f.value,
      interval: f.interval,
      source: `${f.articleId}:${f.sentenceIndex}`,
      reporter: f.reporter ?? `article ${f.articleId}`,
      day: f.reportedAt?.slice(0, 10) ?? null,
      order: reportOrder(f),
      said: f.source,
      kind: f.kind,
    };
    if (f.reporter === null) claim.unnamed = true;
    return claim;
  });
}

/** Who published an article, as its metadata gives it: the outlet, else its web site, else its author; null when none. */
function reporterOf(meta: Article["meta"]): string | null {
  if (meta.outlet) return meta.outlet;
  const host = meta.url ? /^https?:\/\/(?:www\.)?([^/:?#]+)/i.exec(meta.url)?.[1] : undefined;
  return host ?? meta.author ?? null;
}

/** `42 (002)` for an exact figure, `"over 40" (001)` for a bound, as written. */
function claimLabel(f: Figure, ref: string): string {
  return isPoint(f.interval) && !f.vague ? `${f.value.toLocaleString("en")} (${ref})` : `“${f.phrase}” (${ref})`;
}

/**
 * Autocomplete for the `/compare` topic: the measures with figures, most contested first, filtered by
 * what was typed. Discord allows 25 choices named in 1 to 100 characters.
 */
import { MAX_CHOICE_NAME, MAX_CHOICES, type Choice } from "../../source/choices";
import type { CompareIndex, TopicEntry } from "./compare";
import { closestTopics } from "./topics";

/** "deaths · 12 figures in 5 articles, 84–140", cut to `max` characters. */
function topicChoiceName(t: TopicEntry, max = MAX_CHOICE_NAME): string {
  const range = t.spread.min === t.spread.max ? fmt(t.spread.min) : `${fmt(t.spread.min)}–${fmt(t.spread.max)}`;
  const figures = `${t.figureCount} figure${t.figureCount === 1 ? "" : "s"}`;
  const articles = `${t.articleCount} article${t.articleCount === 1 ? "" : "s"}`;
  const name = `${t.name} · ${figures} in ${articles}, ${range}`;
  return name.length <= max ? name : `${name.slice(0, max - 1)}…`;
}

/**
 * Topics matching `typed` (prefix, then substring), or, when nothing matches, all topics closest first:
 * never an empty list while the corpus has topics.
 */
export function compareChoices(source: { compareIndex: CompareIndex }, typed: string): Choice[] {
  // Measures (deaths, injured, missing...), not every counted noun: a counted noun can still be typed.
  const measures = source.compareIndex.topics.filter((t) => t.kind === "measure");
  const topics = measures.length ? measures : source.compareIndex.topics;
  const q = typed.trim().toLowerCase();
  let chosen: TopicEntry[] = topics;
  if (q) {
    const prefix = topics.filter((t) => t.name.toLowerCase().startsWith(q));
    const inside = topics.filter((t) => !t.name.toLowerCase().startsWith(q) && t.name.toLowerCase().includes(q));
    chosen = [...prefix, ...inside];
    if (chosen.length === 0) {
      const order = closestTopics(q, topics.map((t) => t.name)).slice(0, MAX_CHOICES);
      chosen = order.map((name) => topics.find((t) => t.name === name)!);
    }
  }
  return chosen.slice(0, MAX_CHOICES).map((t) => ({ name: topicChoiceName(t), value: t.name.slice(0, MAX_CHOICE_NAME) }));
}

function fmt(n: number): string {
  return n.toLocaleString("en");
}

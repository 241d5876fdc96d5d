/**
 * `/ask` autocomplete: the question as typed, the typed question with its last word completed from the
 * corpus's own vocabulary (most frequent first), and article titles that contain the typed words. The
 * engine builds the vocabulary (sorted words, lowercased headlines) once per corpus, so each keystroke is
 * a binary search and a short scan.
 */
import type { Engine } from "../engine/engine";
import { isStopWord, tokenize } from "../text/analyze";
import type { Choice } from "./choices";
import * as L from "./limits";

/** Completions of the last word offered, besides the typed text and titles. */
const COMPLETIONS_MAX = 8;
/** Shortest typed prefix that is completed (one letter would offer arbitrary words). */
const MIN_PREFIX = 2;

export function askSuggestions(engine: Engine, typed: string): Choice[] {
  const text = typed.replace(/\s+/g, " ").trimStart();
  const vocabulary = engine.vocabulary;
  const out: Choice[] = [];
  const add = (value: string) => {
    const v = value.trim();
    if (v && v.length <= L.CHOICE_VALUE_MAX) out.push({ name: v, value: v });
  };
  add(text);
  const last = /([\p{L}'’-]+)$/u.exec(text)?.[1]?.toLowerCase();
  if (last && last.length >= MIN_PREFIX && !text.endsWith(" ")) {
    const head = text.slice(0, text.length - last.length);
    for (const word of vocabulary.complete(last, COMPLETIONS_MAX)) add(head + word);
  }
  const content = tokenize(text)
    .map((t) => t.word)
    .filter((w) => !isStopWord(w));
  for (const { title, lower } of vocabulary.headlines) {
    if (out.length >= L.AUTOCOMPLETE_CHOICES_MAX) break;
    if (content.every((w) => lower.includes(w))) add(title);
  }
  return out.slice(0, L.AUTOCOMPLETE_CHOICES_MAX);
}

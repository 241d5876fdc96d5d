/**
 * What the benchmark times: one line per command or autocomplete. Inputs mix questions any news corpus
 * can answer with ones aimed at the synthetic corpus (its places and event kinds), and a few that match
 * nothing.
 */
import type { Engine } from "../../src/engine/engine";
import type { SourceOptions } from "../../src/source/source";
import { askSuggestions } from "../../src/discord/suggest";
import { GENERATED_EVENT_KINDS, GENERATED_PLACES } from "./generator";

export interface BenchCommand {
  name: string;
  inputs(engine: Engine): readonly unknown[];
  run(engine: Engine, input: unknown): unknown;
}

/** A timed command: its inputs, and the engine call each one goes to. */
function command<T>(name: string, inputs: (engine: Engine) => readonly T[], run: (engine: Engine, input: T) => unknown): BenchCommand {
  return { name, inputs, run: (engine, input) => run(engine, input as T) };
}

const ASK_QUESTIONS: readonly string[] = [
  "how many people were killed",
  "who claimed responsibility for the attack",
  "when did it happen",
  "what did the governor say about the investigation",
  "how many were injured",
  "who said the rescue teams worked through the night",
  "why was an independent inquiry demanded",
  "where were the injured taken",
  ...GENERATED_PLACES.slice(0, 6).map((p, i) => `how many died in the ${GENERATED_EVENT_KINDS[i % GENERATED_EVENT_KINDS.length]} in ${p}`),
  "what caused the collapse",
  "compensation for victims",
  "emergency funding",
  "quixotic zebra marmalade",
];

/** The floor runs MiniSearch's default search on the same questions. */
export const FLOOR_QUERIES: readonly string[] = ASK_QUESTIONS;

const COMPARE_TOPICS = ["", "deaths", "killed", "injured", "people killed in the flood", "arrests", "missing", "the attack", "evacuated families", "zebra"];
/** What a user types into an autocomplete box, keystroke by keystroke. */
const TYPED = ["", "1", "12", "123", "f", "fl", "flo", "flood", "k", "ki", "kil", "killed", "rescue t", "zz"];

/** /source over articles spread across the corpus: metadata+summary, a page, a paragraph range, a find, the list. */
function sourceInputs(engine: Engine): SourceOptions[] {
  const ids = spread(engine.articles.map((a) => a.id), 12);
  return [
    {},
    ...ids.flatMap((id, i) => [{ id }, { id, page: "2" }, { id, paragraph: "2-4" }, { id, find: i % 2 ? "killed" : "officials said" }, { id, summary: "true" }]),
    { id: "999999" },
    { id: "flood" },
  ];
}

function spread<T>(xs: readonly T[], n: number): T[] {
  if (xs.length <= n) return [...xs];
  return Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]!);
}

export const COMMANDS: readonly BenchCommand[] = [
  command("/ask", () => ASK_QUESTIONS, (e, question) => e.ask(question)),
  command("/compare", () => COMPARE_TOPICS, (e, topic) => e.compare(topic)),
  command("/source", sourceInputs, (e, options) => e.source(options)),
  command("/source id autocomplete", () => TYPED, (e, typed) => e.sourceChoices(typed)),
  command("/compare topic autocomplete", () => TYPED, (e, typed) => e.compareChoices(typed)),
  command("/ask question autocomplete", () => TYPED, (e, typed) => askSuggestions(e, typed)),
];

/**
 * What kind of answer a question wants, read from its wh-word, and whether a passage has that kind of
 * thing in it: factoid QA's "answer type" check. "How many…" wants a number, "when…" a date, "who is X"
 * a description of X ("X, the leader of…"). A passage that has it is preferred; none is excluded.
 */
export type AnswerType = "count" | "time" | "place" | "definition" | "any";

/** Multiplier for a passage holding the wanted kind of answer. */
export const ANSWER_TYPE_BOOST = 1.35;

const NUMBER_WORDS =
  /\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|hundreds?|thousands?|millions?|several|few)\b/i;
const TIME =
  /\b(1[89]\d\d|20\d\d|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|last (week|month|year)|ago)\b/i;
const PLACE = /\b(in|at|near|from|outside|inside)\s+(the\s+)?\p{Lu}/u;

export function answerTypeOf(question: string): AnswerType {
  const q = question.trim().toLowerCase();
  if (/^how (many|much)\b/.test(q) || /\bnumber of\b/.test(q)) return "count";
  if (/^when\b|^(in )?what (year|month|day|date)\b/.test(q)) return "time";
  if (/^where\b/.test(q)) return "place";
  if (/^(who|what) (is|was|are|were)\b/.test(q)) return "definition";
  return "any";
}

/** A test of whether a passage holds an answer of the type; `names` are the question's capitalized words. */
export function answerMatcher(type: AnswerType, names: readonly string[]): (text: string) => boolean {
  switch (type) {
    case "count":
      return (text) => NUMBER_WORDS.test(text);
    case "time":
      return (text) => TIME.test(text);
    case "place":
      return (text) => PLACE.test(text);
    case "definition": {
      const describes = names.map(description);
      return (text) => describes.some((re) => re.test(text));
    }
    case "any":
      return () => false;
  }
}

/** "Name, the …", "Name, a …", "Name, who …", "Name is a …": the passage says what Name is. */
function description(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`\\b${escaped}\\b(?:[’']s)?(?:,\\s+(?:the|a|an|who|which|one of)\\b|\\s+(?:is|was|are|were)\\s+(?:the|a|an)\\b)`, "i");
}

/** The question's capitalized words, except its first (capitalized anyway). */
export function namesIn(question: string): string[] {
  return (question.match(/[\p{Lu}][\p{L}'’-]+/gu) ?? []).filter((w, i) => i > 0 || !question.startsWith(w));
}

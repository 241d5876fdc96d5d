/**
 * How text becomes index terms, the same way for passages and for questions: words → acronym forms,
 * multi-word names → one token, stop words out, Porter2 stems in.
 */
import { isStopWord, stem, WORD_PATTERN } from "../text/analyze";
import { memoizeByWord } from "../text/memo";

/** Multi-word names news writes both ways, indexed as one token as well as as words. */
const PHRASES: ReadonlyMap<string, string> = new Map([
  ["united states", "usa"],
  ["united kingdom", "uk"],
  ["united nations", "un"],
  ["islamic state", "isis"],
]);

// The shared tokenizer's words, kept whole (inner hyphens, dots, apostrophes; the parts are added by
// termsOfWord) and in their own case, with a final dot so that "U.S." reads as an acronym.
const WORD = new RegExp(`${WORD_PATTERN}\\.?`, "gu");

/** First words of PHRASES: only these need the pair looked up (indexing calls this for every word). */
const PHRASE_STARTS: ReadonlySet<string> = new Set([...PHRASES.keys()].map((p) => p.split(" ")[0]!));

/** Split text into raw words (case kept, so acronyms can be told from words). */
export function splitWords(text: string): string[] {
  const words = text.match(WORD) ?? [];
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    out.push(words[i]!);
    if (!PHRASE_STARTS.has(words[i]!.toLowerCase())) continue;
    const pair = `${words[i]} ${words[i + 1] ?? ""}`.toLowerCase();
    const joined = PHRASES.get(pair);
    if (joined) out.push(joined.toUpperCase());
  }
  return out;
}

const SHOUTED_SHORT_WORDS = new Set(["IT", "IN", "ON", "AT", "OF", "TO", "AS", "BY", "OR", "AN", "BE", "DO", "GO", "HE", "IF", "ME", "MY", "NO", "SO", "WE", "UP", "OK"]);

/** True for "U.S.", "NLF-K", "NLFKP", "FBI": short all-capital words, dotted or hyphenated or not. */
export function isAcronym(word: string): boolean {
  const letters = word.replace(/[.\-']/g, "");
  if (letters.length < 2 || letters.length > 6) return false;
  if (!/^\p{Lu}+$/u.test(letters.replace(/\d/g, "")) ) return false;
  // All-caps ordinary words ("THE", "IT") in shouted leads are not acronyms unless dotted or hyphenated;
  // two-letter capitals usually are ("US", "UN", "IS"), bar the few that open shouted sentences.
  if (/[.\-]/.test(word)) return true;
  if (letters.length === 2) return !SHOUTED_SHORT_WORDS.has(letters);
  return !isStopWord(letters.toLowerCase());
}

/**
 * Index terms of one word. Returns [] for a stop word. Memoized: indexing analyses every word of every
 * passage and its context, and news reuses its words. The array is frozen because it is shared.
 */
export const termsOfWord = memoizeByWord((word) => Object.freeze(analyzeWord(word)) as string[]);

/** A word of lowercase ASCII letters only, as most of a text's words are: its terms need no other test. */
const PLAIN_WORD = /^[a-z]+$/;

function analyzeWord(word: string): string[] {
  // The general path below gives the same for such a word: no acronym, no mark, one part.
  if (PLAIN_WORD.test(word)) return word.length > 1 && !isStopWord(word) ? [stem(word)] : [];
  const clean = word.replace(/\.$/, "").replace(/’/g, "'");
  if (isAcronym(clean)) return [clean.replace(/[.\-']/g, "").toLowerCase()];
  const lower = clean.toLowerCase().replace(/'s$/, "");
  const parts = lower.split(/[-.']/).filter((p) => p && !isStopWord(p) && (p.length > 1 || /\d/.test(p)));
  const out = new Set(parts.map(stem));
  if (parts.length > 1) out.add(lower.replace(/[-.']/g, ""));
  return [...out];
}

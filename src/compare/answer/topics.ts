/**
 * Topics a user can compare: a measure named by the predicate around a count ("killed", "died", "dead"
 * all measure deaths) or, for any other count, the counted noun ("passengers", "bombs"). Typed topics
 * are read with general English synonyms and the shared stemmer.
 */
import { isStopWord, stem, tokenize } from "../../text/analyze";

/** A measure: its topic name as shown, the predicate lemmas (from counted.ts) it covers, and words users type for it. */
interface Measure {
  topic: string;
  lemmas: string[];
  words: string[];
}

/** General English casualty/legal vocabulary; no corpus facts. */
const MEASURES: Measure[] = [
  { topic: "deaths", lemmas: ["kill", "die", "dead", "death", "perish", "drown", "murder", "fatality", "lose"], words: ["deaths", "death", "dead", "died", "die", "killed", "kill", "killings", "toll", "fatalities", "fatal", "lives", "murdered", "perished", "victims killed"] },
  { topic: "injured", lemmas: ["injure", "wound", "hurt", "injury"], words: ["injured", "injuries", "injury", "wounded", "wounds", "hurt"] },
  { topic: "arrests", lemmas: ["arrest", "detain"], words: ["arrests", "arrested", "arrest", "detained", "detentions", "detainees", "apprehended", "custody"] },
  { topic: "casualties", lemmas: ["casualty"], words: ["casualties", "casualty"] },
  { topic: "missing", lemmas: ["missing"], words: ["missing", "unaccounted"] },
  { topic: "hostages", lemmas: ["hostage", "abduct", "kidnap"], words: ["hostages", "abducted", "kidnapped", "abductions", "kidnappings"] },
  { topic: "rescued", lemmas: ["rescue"], words: ["rescued", "rescues"] },
  { topic: "evacuated", lemmas: ["evacuate"], words: ["evacuated", "evacuations", "evacuees"] },
  { topic: "displaced", lemmas: ["displace"], words: ["displaced", "homeless"] },
  { topic: "hospitalized", lemmas: ["hospitalize", "treat"], words: ["hospitalized", "hospitalised", "treated", "hospital"] },
  { topic: "shot", lemmas: ["shoot"], words: ["shot", "shootings"] },
  { topic: "stabbed", lemmas: ["stab"], words: ["stabbed", "stabbings"] },
  { topic: "captured", lemmas: ["capture"], words: ["captured", "captives"] },
  { topic: "charged", lemmas: ["charge"], words: ["charged", "charges", "indicted"] },
  { topic: "convicted", lemmas: ["convict"], words: ["convicted", "convictions", "sentenced"] },
  { topic: "survivors", lemmas: ["survive"], words: ["survivors", "survived"] },
  { topic: "victims", lemmas: ["victim"], words: ["victims"] },
];

const MEASURE_BY_LEMMA = new Map<string, string>();
const MEASURE_BY_STEM = new Map<string, string>();
for (const m of MEASURES) {
  for (const l of m.lemmas) MEASURE_BY_LEMMA.set(l, m.topic);
  for (const w of m.words) for (const t of tokenize(w)) MEASURE_BY_STEM.set(stem(t.word), m.topic);
}

/** A word in lowercase letters (and hyphens): a common noun. */
const LOWERCASE_WORD = /^\p{Ll}[\p{Ll}-]+$/u;
/** Nouns too general to be a topic of their own ("130 people" is a death figure, not a "people" topic). */
const GENERIC_NOUNS = new Set(
  "people person persons others other ones one men women times things former those more many year years day days week weeks month months hour hours minute minutes member members part parts case cases".split(" "),
);

/** The measure topic of a predicate lemma, or null. */
export function measureOf(lemma: string | null): string | null {
  return lemma ? MEASURE_BY_LEMMA.get(lemma) ?? null : null;
}

/** The noun topic key of a counted noun ("passengers" -> "passeng"), or null for general nouns and measure words ("deaths", "the dead"). */
export function nounKey(noun: string | null): string | null {
  if (!noun || GENERIC_NOUNS.has(noun) || !LOWERCASE_WORD.test(noun)) return null;
  const key = stem(noun);
  return MEASURE_BY_STEM.has(key) ? null : key;
}

/** The words a topic was typed with, past "the number of", "how many" and stop words. */
function topicWords(typed: string): string[] {
  return tokenize(typed.replace(/^\//, "")).map((t) => t.word).filter((w) => !isStopWord(w) && !/^(?:number|count|figures?|many|much|total)$/.test(w));
}

/** What a typed topic asks for: a measure topic, or a noun stem among the known ones; null when unknown. */
export function resolveTopic(typed: string, nounTopics: ReadonlyMap<string, string>): { kind: "measure" | "noun"; key: string } | null {
  const words = topicWords(typed);
  for (const w of words) {
    const m = MEASURE_BY_STEM.get(stem(w));
    if (m) return { kind: "measure", key: m };
  }
  for (const w of words) {
    const s = stem(w);
    if (nounTopics.has(s)) return { kind: "noun", key: s };
  }
  // "suicide bombers" typed as "bomber": the stems of singular and plural agree already; try each word's prefix.
  for (const w of words) {
    const s = stem(w);
    for (const key of nounTopics.keys()) if (s.length >= 4 && (key.startsWith(s) || s.startsWith(key))) return { kind: "noun", key };
  }
  return null;
}

/** Topic names ordered by how close they are to what was typed (edit distance on the lowercased words). */
export function closestTopics(typed: string, topics: readonly string[]): string[] {
  const t = typed.toLowerCase().trim();
  const scored = topics.map((name) => {
    const n = name.toLowerCase();
    const prefix = n.startsWith(t.slice(0, 3)) && t.length >= 3 ? -2 : 0;
    return { name, d: editDistance(t, n) / Math.max(t.length, n.length, 1) + prefix };
  });
  return scored.sort((a, b) => a.d - b.d || a.name.localeCompare(b.name)).map((s) => s.name);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

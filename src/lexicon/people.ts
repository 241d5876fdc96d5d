/**
 * Does a noun count people? Read from WordNet, not from a list fitted to articles: a counted noun
 * counts people when one of its commonest senses is a kind of person ("villagers", "casualties"), a
 * collective noun of people written as itself ("crew", "police", "troops", "the dead": "seven crew"
 * are seven people, while "three families" or "two units" are groups), or a dead body ("corpses").
 */
import { POINTER, wordNet, type Synset, type WordNet } from "./wordnet";
import { memoizeByWord } from "../text/memo";

/** What a count counts. "unknown": no noun, a pronoun, or a word WordNet lacks; the clause decides. */
export type CountedKind = "people" | "bodies" | "things" | "unknown";

/** WordNet lists senses commonest first; the first few are the ones a news count means. */
const SENSES_READ = 3;

/**
 * Words that stand for a noun said before ("seven others", "the remaining 12"), which WordNet does not
 * list as nouns: what they count is what the clause counts.
 */
const PRO_FORMS = new Set(["others", "ones", "those", "these", "them", "rest", "remainder", "more", "many", "some", "all", "both", "few"]);

/** What WordNet lacks, each with its reason. */
const WORDNET_LACKS = new Map<string, CountedKind>([
  // "claimed 100 lives": a count of lives lost counts people; WordNet's senses of "life" are of existence.
  ["lives", "people"],
]);

interface Anchors {
  person: Synset;
  people: Synset;
  socialGroup: Synset;
  deadBody: Synset;
}

let anchors: Anchors | null = null;
/** What a noun counts, remembered per noun. */
const lookUpMemo = memoizeByWord((word) => lookUp(word));

function anchorsOf(wn: WordNet): Anchors {
  const first = (lemma: string): Synset => {
    const s = wn.lookup(lemma, "n")[0];
    if (!s) throw new Error(`WordNet lacks "${lemma}"`);
    return s;
  };
  anchors ??= { person: first("person"), people: first("people"), socialGroup: first("social group"), deadBody: first("dead body") };
  return anchors;
}

/** What the noun of a count counts (`noun` as written, any case). */
export function countedKind(noun: string | null | undefined): CountedKind {
  if (!noun) return "unknown";
  const word = noun.toLowerCase();
  if (PRO_FORMS.has(word)) return "unknown";
  const lacked = WORDNET_LACKS.get(word);
  if (lacked) return lacked;
  return lookUpMemo(word);
}

/** Whether the noun counts people or their bodies (a count with no noun is not known to). */
export function countsPeople(noun: string | null | undefined): boolean {
  const kind = countedKind(noun);
  return kind === "people" || kind === "bodies";
}

function lookUp(word: string): CountedKind {
  const wn = wordNet();
  const senses = commonSenses(wn, word);
  if (senses.length === 0) return "unknown";
  const a = anchorsOf(wn);
  if (senses.some((s) => wn.isA(s, a.deadBody))) return "bodies";
  if (senses.some((s) => wn.isA(s, a.person))) return "people";
  // A collective noun counts its members only when written as itself: "seven crew", not "three families".
  if (senses.some((s) => s.words.includes(word) && (wn.isA(s, a.people) || wn.isA(s, a.socialGroup)))) return "people";
  return "things";
}

/**
 * The first few senses of each base form of a word, without named individuals ("Burns" the poet is
 * no sense of "burns"): the kinds a count of that word can mean.
 */
export function commonSenses(wn: WordNet, word: string): Synset[] {
  const out: Synset[] = [];
  for (const lemma of wn.lemmas(word, "n")) {
    let read = 0;
    for (const offset of wn.offsets(lemma, "n")) {
      if (read === SENSES_READ) break;
      const synset = wn.synset(offset, "n");
      if (synset.pointers.some((p) => p.symbol === POINTER.instanceHypernym)) continue;
      read++;
      if (!out.some((s) => s.offset === synset.offset)) out.push(synset);
    }
  }
  return out;
}

/**
 * What a count counts, and who did what: "two suicide bombers killed 84 Shiites" gives 2 bombers as the
 * agent of "kill" and 84 Shiites as its victims. Reads the clause around each count (clauses end at ";",
 * dashes, brackets, ", with/while/and/which...") for the nearest casualty-style predicate of a small general
 * English lexicon, then decides the role from word order, "by" and passive auxiliaries.
 */
import { extractQuantities, type Quantity } from "../extract/quantities";
import { wordTokens, type WordToken } from "../extract/numbers";

export interface CountedThing {
  quantity: Quantity;
  noun: string | null;
  /** Lemma of the predicate around the count: "kill", "die", "dead", "injure", "arrest"... */
  predicate: string | null;
  /** The predicate as written ("killed"), a verbatim slice of the sentence. */
  predicateText: string | null;
  /** "victim": the predicate happened to the counted things (killed, died, arrested); "agent": they did it. */
  role: "victim" | "agent" | "unknown";
}

type PredicateType = "transitive" | "state";

/** Inflected form -> [lemma, type]. General English casualty vocabulary, no corpus facts. */
const PREDICATES = new Map<string, [string, PredicateType]>();
function add(type: PredicateType, lemma: string, forms: string): void {
  for (const f of forms.split(" ")) PREDICATES.set(f, [lemma, type]);
}
add("transitive", "kill", "kill kills killed killing massacre massacres massacred massacring slaughter slaughters slaughtered slaughtering");
add("transitive", "injure", "injure injures injured injuring");
add("transitive", "wound", "wound wounds wounded wounding");
add("transitive", "hurt", "hurt hurts hurting");
add("transitive", "arrest", "arrest arrests arrested arresting");
add("transitive", "detain", "detain detains detained detaining");
add("transitive", "rescue", "rescue rescues rescued rescuing");
add("transitive", "evacuate", "evacuate evacuates evacuated evacuating");
add("transitive", "shoot", "shoot shoots shot shooting");
add("transitive", "stab", "stab stabs stabbed stabbing");
add("transitive", "capture", "capture captures captured capturing");
add("transitive", "abduct", "abduct abducts abducted abducting");
add("transitive", "kidnap", "kidnap kidnaps kidnapped kidnapping");
add("transitive", "hospitalize", "hospitalize hospitalizes hospitalized hospitalizing hospitalise hospitalises hospitalised hospitalising");
add("transitive", "displace", "displace displaces displaced displacing");
add("transitive", "murder", "murder murders murdered murdering");
add("transitive", "charge", "charge charges charged charging");
add("transitive", "convict", "convict convicts convicted convicting");
add("transitive", "treat", "treat treats treated treating");
add("state", "die", "die dies died dying");
add("state", "dead", "dead");
add("state", "death", "death deaths");
add("state", "missing", "missing");
add("state", "perish", "perish perishes perished perishing");
add("state", "drown", "drown drowns drowned drowning");
add("state", "casualty", "casualty casualties");
add("state", "fatality", "fatality fatalities");
add("state", "victim", "victim victims");
add("state", "injury", "injury injuries");
add("state", "hostage", "hostage hostages");
add("state", "survive", "survive survives survived surviving survivor survivors");

/** Verbs that mean "kill" with "down": "mowed down", "gunned down". */
const KILL_DOWN = new Set("mow mows mowed mown mowing gun guns gunned gunning".split(" "));

/** The predicate a token starts, single words first, then phrasal verbs. */
function predicateAt(toks: WordToken[], i: number): [string, PredicateType] | undefined {
  const t = toks[i]!;
  const single = PREDICATES.get(t.lower);
  if (single) return single;
  if (KILL_DOWN.has(t.lower) && toks[i + 1]?.lower === "down") return ["kill", "transitive"];
  return undefined;
}

/** Clause starts: ";", ":", dashes, brackets, and ", with / while / and / which ..." */
const CLAUSE_BREAK =
  /[;:()]|\s[-–—]\s|[–—]|,\s+(?=(?:with|while|and|but|who|which|where|when|whereas|whom|whose|including|as|after|before|although|though)\b)|,\s+(?=\w+ing\b)|\s(?=(?:who|which|whom|whose|while|whereas)\b)/gi;
const PASSIVE_AUX = /\b(?:were|was|are|is|been|being|be|got|get|gets|getting|remain|remains|remained)\b/i;
const BY = /\bby\b/i;
const PARTICIPLE = /(?:ed|shot|hurt)$/;
/** What opens an object after an active verb: a number, a qualifier, a determiner or a pronoun. */
const OBJECT_START =
  /^\s+(?:\d|(?:at least|more than|over|about|around|nearly|almost|some|up to|as many as|an estimated|dozens|hundreds|scores|thousands|several|many|a|an|the|his|her|their|its|our|two|three|four|five|six|seven|eight|nine|ten|one|them|him|us|me|everyone|all|both|civilians|people)\b)/i;
/** After a participle these mean a passive without auxiliary ("130 people killed in the attack"). */
const NOT_OBJECT = /^\s*(?:$|[,.;:!?)]|(?:in|on|at|by|during|when|after|before|since|as|while|and|or|but|near|across|inside|outside|from|following|overnight|yesterday|today|last|this|were|was|are|is|have|has|had|will|would|could|remain|remained)\b)/i;

interface Found {
  lemma: string;
  type: PredicateType;
  tok: WordToken;
}

/** Counts of the sentence with their noun, predicate and role. */
export function countedThings(sentence: string, quantities: Quantity[] = extractQuantities(sentence)): CountedThing[] {
  const toks = wordTokens(sentence);
  const breaks = clauseBreaks(sentence);
  const out: CountedThing[] = [];
  for (const q of quantities) {
    if (q.kind !== "count") continue;
    const [cs, ce] = clauseAround(breaks, q.start, sentence.length);
    const anchorEnd = Math.max(q.end, q.nounEnd ?? q.end);
    const own = q.noun ? PREDICATES.get(q.noun) : undefined;
    if (own && own[1] === "state") {
      const tok = toks.find((t) => t.start === q.nounStart)!;
      out.push({ quantity: q, noun: q.noun ?? null, predicate: own[0], predicateText: tok.text, role: "victim" });
      continue;
    }
    const found = nearestPredicate(sentence, toks, cs, ce, q.start, anchorEnd);
    if (!found) {
      out.push({ quantity: q, noun: q.noun ?? null, predicate: null, predicateText: null, role: "unknown" });
      continue;
    }
    out.push({
      quantity: q,
      noun: q.noun ?? null,
      predicate: found.lemma,
      predicateText: found.tok.text,
      role: roleOf(sentence, found, q.start, anchorEnd),
    });
  }
  return out;
}

function clauseBreaks(sentence: string): number[] {
  const out: number[] = [];
  for (const m of sentence.matchAll(CLAUSE_BREAK)) out.push(m.index + m[0].length);
  return out;
}

function clauseAround(breaks: number[], at: number, length: number): [number, number] {
  let start = 0;
  let end = length;
  for (const b of breaks) {
    if (b <= at) start = b;
    else {
      end = b;
      break;
    }
  }
  return [start, end];
}

function nearestPredicate(sentence: string, toks: WordToken[], cs: number, ce: number, qStart: number, anchorEnd: number): Found | null {
  let best: Found | null = null;
  let bestDistance = Infinity;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.start < cs || t.end > ce) continue;
    if (t.start >= qStart && t.end <= anchorEnd) continue;
    const p = predicateAt(toks, i);
    if (!p) continue;
    // A verb before the count governs it only within the same phrase ("killed by 3, 4,000 fled": no).
    if (t.end <= qStart && sentence.slice(t.end, qStart).includes(",")) continue;
    // Token distance; a predicate after the counted noun wins a tie ("bombers killed 84").
    const distance = t.start >= anchorEnd ? tokensBetween(toks, anchorEnd, t.start) : tokensBetween(toks, t.end, qStart) + 0.5;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = { lemma: p[0], type: p[1], tok: t };
    }
  }
  return best;
}

function tokensBetween(toks: WordToken[], from: number, to: number): number {
  let n = 0;
  for (const t of toks) if (t.start >= from && t.end <= to) n++;
  return n;
}

function roleOf(sentence: string, p: Found, qStart: number, anchorEnd: number): CountedThing["role"] {
  if (p.tok.start >= anchorEnd) {
    if (p.type === "state") return "victim";
    const between = sentence.slice(anchorEnd, p.tok.start);
    if (PASSIVE_AUX.test(between)) return "victim";
    const after = sentence.slice(p.tok.end);
    if (OBJECT_START.test(after)) return "agent";
    if (PARTICIPLE.test(p.tok.lower) && NOT_OBJECT.test(after)) return "victim";
    // An active verb with some other object ("gunmen killed civilians").
    return PARTICIPLE.test(p.tok.lower) && !/^\s+\p{L}/u.test(after) ? "victim" : "agent";
  }
  const between = sentence.slice(p.tok.end, qStart);
  if (BY.test(between)) return "agent";
  return "victim";
}

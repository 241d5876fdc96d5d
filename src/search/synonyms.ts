/**
 * Words news questions use for the same thing, as groups of Porter2 stems: a question about "deaths"
 * must find "killing 42 people", "left 40 dead" and "the toll rose". General English only: no group
 * names a person, place or event.
 */
const GROUPS: readonly string[][] = [
  ["die", "death", "dead", "kill", "toll", "fatal", "fatality", "live", "bodi", "slain", "murder"],
  ["injur", "wound", "hurt", "injuri", "casualti"],
  ["gunman", "gunmen", "attack", "assail", "shooter", "perpetr", "terrorist", "militant"],
  ["attack", "assault", "strike", "raid", "massacr", "bomb", "blast", "explos", "shoot"],
  ["arrest", "detain", "apprehend", "custodi", "captur", "suspect"],
  ["claim", "respons", "behind"],
  ["warn", "alert", "caution", "advis"],
  ["presid", "leader", "head"],
  ["countri", "nation", "state"],
  ["mosqu", "church", "synagogu", "templ"],
  ["plane", "aircraft", "flight", "airlin", "jet"],
  ["suicid", "self"],
  ["evid", "proof", "sign"],
  ["support", "back", "fund", "financ", "aid", "assist", "help"],
  ["cooper", "collabor", "help", "work"],
  ["fighter", "militant", "jihadist", "insurg", "rebel"],
  ["target", "aim", "hit"],
  ["crack", "crackdown", "repress", "suppress", "persecut"],
  ["happen", "occur", "take"],
  ["compar", "liken", "likened", "equat"],
  ["why", "reason", "motiv", "caus"],
  ["when", "date", "time"],
  ["where", "locat", "place"],
  ["defeat", "beat", "destroy", "rout", "vanquish"],
];

/** Acronyms and their spelled-out or variant forms, already in indexed (joined, lowercased) form. */
const ACRONYM_GROUPS: readonly string[][] = [
  ["usa", "us", "america"],
  ["uk", "britain"],
  ["is", "isis", "isil", "daesh"],
];

const byStem = new Map<string, Set<string>>();
for (const group of GROUPS) {
  for (const s of group) {
    const set = byStem.get(s) ?? new Set<string>();
    group.forEach((t) => t !== s && set.add(t));
    byStem.set(s, set);
  }
}

/** Stems that mean the same as this one (not including it). */
export function synonymsOf(stem: string): string[] {
  return [...(byStem.get(stem) ?? [])];
}

/**
 * Variants of an acronym as the index holds them: "is-k" → isk, isisk, isilk, daeshk; "iskp" → iskp, isk, isisk…
 * A trailing letter is often a suffix word ("Province", "Party"), so it is also tried without it.
 */
export function acronymVariants(joined: string): string[] {
  const out = new Set<string>([joined]);
  const bases = joined.length >= 4 ? [joined, joined.slice(0, -1)] : [joined];
  for (const base of bases) {
    out.add(base);
    for (const group of ACRONYM_GROUPS) {
      for (const member of group) {
        if (!base.startsWith(member) || base.length - member.length > 2) continue;
        const rest = base.slice(member.length);
        group.forEach((other) => out.add(other + rest));
      }
    }
  }
  return [...out].filter((v) => v.length >= 2);
}

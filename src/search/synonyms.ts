/**
 * News wordings WordNet does not link, as groups of Porter2 stems. WordNet (src/search/meaning.ts) gives
 * synonyms, derivations and pertainyms; these are the few equivalences of news English it lacks, each
 * with the reason. General English only: no group names a person, place or event.
 */
const GROUPS: readonly string[][] = [
  // Deaths are reported as killings, a toll or fatalities; WordNet links "kill" to "die" one way only
  // (kill causes die) and knows "toll" only inside "death toll".
  ["die", "death", "dead", "kill", "toll", "fatal", "fatality"],
  // "Casualties" in news counts the injured (and the dead); WordNet files it under loss, not injury.
  ["injur", "injuri", "wound", "hurt", "casualti"],
  // Arrests are reported as detentions or custody; WordNet keeps "detain" in another synset than "arrest".
  ["arrest", "detain", "custodi"],
  // News names the one plane of a story "the aircraft" or "the jet"; WordNet has them as its hypernym and a kind.
  ["plane", "aircraft", "jet", "airplan"],
  // Members of an armed group are called fighters, militants or insurgents interchangeably; WordNet
  // files these under different senses (a militant is an activist).
  ["fighter", "militant", "insurg", "jihadist"],
  // Reports call whoever carried out an attack its perpetrators, gunmen, assailants or killer
  // interchangeably; WordNet files a perpetrator under wrongdoers, apart from attackers.
  ["attack", "assail", "perpetr", "gunman", "gunmen", "shooter", "killer"],
  // "Claimed responsibility" and "was behind" say the same in attack reports; WordNet has no link.
  ["claim", "respons", "behind"],
  // The phrasal verb "crack down" is one WordNet lemma; its words alone never reach "crackdown".
  ["crackdown", "crack", "repress", "suppress"],
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

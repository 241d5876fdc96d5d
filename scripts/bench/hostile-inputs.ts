/**
 * Hostile article texts of any size: the ones that froze or crashed the bot (issue 13) and others of
 * the same kinds (long runs of one character, one word or one construct), each generated to about
 * `size` characters. The hostile bench times every parser on them; the tests hold each at a modest size.
 */

/** An ordinary opening, so the hostile part follows real prose as it would in a scraped page. */
const PROSE = "The council said on Tuesday that 12 people were injured when the bridge collapsed in Riverside.";

/** `unit` repeated after `head` (and before `tail`) until the text is about `size` characters long. */
function fill(head: string, unit: string, size: number, tail = ""): string {
  return head + unit.repeat(Math.max(1, Math.ceil((size - head.length - tail.length) / unit.length))) + tail;
}

/** Word-like syllables, deterministic, so "varied" inputs are the same on every run. */
function word(n: number): string {
  const syllables = ["ka", "lo", "mi", "ren", "tos", "va", "dun", "bel", "sor", "ith", "mar", "quo"];
  let out = "";
  for (let k = n + 7; k > 0; k = Math.floor(k / syllables.length)) out += syllables[k % syllables.length];
  return out;
}

function repeatWords(size: number, make: (n: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let n = 0; length < size; n++) {
    const piece = make(n);
    parts.push(piece);
    length += piece.length;
  }
  return parts.join("");
}

export interface HostileInput {
  name: string;
  /** What it is, for the bench table. */
  what: string;
  make(size: number): string;
}

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  { name: "killed-and", what: "`The ` + `5 were killed and ` × n", make: (size) => fill("The ", "5 were killed and ", size) },
  { name: "blank-lines", what: "prose + blank lines", make: (size) => fill(`${PROSE}\n`, "\n", size, "The end came.\n") },
  { name: "spaces", what: "prose + spaces, one line", make: (size) => fill(PROSE, " ", size, " and then it ended.") },
  { name: "space-lines", what: "lines of spaces and tabs", make: (size) => fill(`${PROSE}\n`, " \t \n", size) },
  { name: "dots", what: "prose + dots", make: (size) => fill(PROSE, ".", size) },
  { name: "published-mon", what: "`published ` + `mon` × n", make: (size) => fill("published ", "mon", size) },
  { name: "march", what: "`March ` × n", make: (size) => fill("", "March ", size) },
  { name: "capitalised", what: "capitalised words", make: (size) => repeatWords(size, (n) => `${capitalise(word(n))} `) },
  { name: "between", what: "`between 1 and 2 people ` × n", make: (size) => fill("", "between 1 and 2 people ", size) },
  { name: "short-sentences", what: "short varied sentences", make: (size) => repeatWords(size, (n) => `${capitalise(word(n))} ${word(n * 7)} ${word(n * 13)} the ${word(n % 50)}. `) },
  { name: "one-line-prose", what: "news prose on one line", make: (size) => repeatWords(size, (n) => `The council will meet again on ${word(n % 40)} to vote on the ${word(n)} plan, officials said. `) },
  { name: "underscore-spaces", what: "`_new_` + spaces", make: (size) => fill("The _new_ plan", " ", size, " was approved.") },
  { name: "digits", what: "one long number", make: (size) => fill("They counted ", "1234567890", size, " people.") },
  { name: "number-list", what: "`1, 2, 3, …` people", make: (size) => repeatWords(size, (n) => `${n % 1000}, `) + "people died." },
  { name: "mr-dots", what: "`Mr. ` × n", make: (size) => fill("", "Mr. ", size) },
  { name: "acronyms", what: "`U.S. ` × n", make: (size) => fill("", "U.S. ", size) },
  { name: "long-url", what: "one URL", make: (size) => fill("See https://example.com/", "a.", size, ") now.") },
  { name: "mentions", what: "`@everyone <@1> ` × n", make: (size) => fill("", "@everyone <@1> ", size) },
  { name: "markdown", what: "`**_~~` × n", make: (size) => fill("", "**_~~||`", size) },
  { name: "hyphen-word", what: "`a-` × n", make: (size) => fill("The ", "a-", size, "a was here.") },
  { name: "quotes", what: "`\"` × n", make: (size) => fill("He said ", '"', size) },
  { name: "tail-markers", what: "`Comments` lines, then prose", make: (size) => fill("", "Comments\n", size, PROSE) },
  { name: "breadcrumbs", what: "`a > ` × n", make: (size) => fill("Home ", "a > ", size) },
];

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/**
 * Autocomplete for the `/source` id option: Discord offers at most 25 choices, each named in 1 to 100
 * characters. Labels and title words are computed once, so each keystroke is a scan of small arrays.
 */
import type { Article } from "../corpus/types";
import { splitWords, termsOfWord } from "../search/terms";
import { titleWords, wordMeets, type TitleWords } from "./resolve";

/** Discord's limits on autocomplete choices. */
export const MAX_CHOICES = 25;
export const MAX_CHOICE_NAME = 100;
const ELLIPSIS = "…";

export interface Choice {
  name: string;
  value: string;
}

/** "003 · Title… (Outlet, 2024-03-26)", the title shortened with "…" so the whole fits `max`. */
export function choiceLabel(a: Article, max = MAX_CHOICE_NAME): string {
  const where = [a.meta.outlet, a.meta.date].filter(Boolean).join(", ");
  const head = `${a.id} · `;
  const tail = where ? ` (${where})` : "";
  const title = a.meta.title ?? "untitled";
  const room = max - head.length - tail.length;
  if (title.length <= room) return head + title + tail;
  if (room > ELLIPSIS.length) return head + title.slice(0, room - ELLIPSIS.length).trimEnd() + ELLIPSIS + tail;
  // An outlet name too long to leave room for the title: shorten the whole label instead.
  const whole = head + title + tail;
  return whole.slice(0, max - ELLIPSIS.length) + ELLIPSIS;
}

export class ChoiceIndex {
  private readonly labels: Choice[];
  private readonly numbers: string[];
  private readonly lowerTitles: string[];

  /** `titles`: the articles' title words when already computed (the resolver has them). */
  constructor(
    private readonly articles: readonly Article[],
    private readonly titles: readonly TitleWords[] = articles.map((a) => titleWords(a.meta.title)),
  ) {
    this.labels = articles.map((a) => ({ name: choiceLabel(a), value: a.id }));
    this.numbers = articles.map((a) => String(Number.parseInt(a.id, 10)));
    this.lowerTitles = articles.map((a) => (a.meta.title ?? "").toLowerCase());
  }

  /** Articles whose id starts with what was typed, then those whose title has all its words. */
  choices(typed: string): Choice[] {
    const text = typed.trim().replace(/^#/, "");
    if (!text) return this.labels.slice(0, MAX_CHOICES);
    const picked: number[] = [];
    const digits = /^\d+/.exec(text)?.[0];
    if (digits) {
      const bare = String(Number.parseInt(digits, 10));
      this.articles.forEach((a, i) => {
        if (a.id.startsWith(digits) || this.numbers[i]!.startsWith(bare)) picked.push(i);
      });
      // The exact id first: "3" offers 003 before 030.
      picked.sort((a, b) => Number(this.numbers[b] === bare) - Number(this.numbers[a] === bare) || a - b);
    }
    const words = splitWords(text).filter((w) => !/^\d+$/.test(w) || !digits);
    const content = words.filter((w) => termsOfWord(w).length > 0);
    if (content.length > 0 && picked.length < MAX_CHOICES) {
      const already = new Set(picked);
      for (let i = 0; i < this.titles.length && picked.length < MAX_CHOICES; i++) {
        if (!already.has(i) && content.every((w) => wordMeets(w, this.titles[i]!))) picked.push(i);
      }
    }
    // Stop words and partial words ("why is") still narrow the list as plain text of the title.
    if (/^\d+$/.test(text)) return picked.slice(0, MAX_CHOICES).map((i) => this.labels[i]!);
    const lower = text.toLowerCase();
    const already = new Set(picked);
    for (let i = 0; i < this.lowerTitles.length && picked.length < MAX_CHOICES; i++) {
      if (!already.has(i) && this.lowerTitles[i]!.includes(lower)) picked.push(i);
    }
    return picked.slice(0, MAX_CHOICES).map((i) => this.labels[i]!);
  }
}

// The one place where text is shortened for Discord, and the check that a payload fits every limit.
//
// truncate() cuts at whitespace (never inside a word unless a single word is longer than the budget),
// drops dangling punctuation, appends an ellipsis and closes any markdown left open, all within `max`.
// Quotes and attributions are passed separately to fitQuote() so an attribution is never cut.
import * as L from "./limits";
import { plural } from "../text/plural";

export const ELLIPSIS = "…";

export interface TruncateOptions {
  ellipsis?: string;
}

/** Delimiters Discord pairs up; code ones suspend all other parsing until closed. */
const PAIRED = ["**", "__", "~~", "||"] as const;
const CODE_BLOCK = "```";
const INLINE_CODE = "`";
/**
 * Dropped from the end of a cut: punctuation reads as a broken sentence ("word,…"), and a markdown
 * character right before the ellipsis would change meaning ("a*…" opens italics); what it closed is
 * closed again after the ellipsis.
 */
const DANGLING_TAIL = /[\s,;:(\[{\-–—*_~|`]/u;

/**
 * Shortens `text` to at most `max` UTF-16 code units. Returns `text` unchanged when it fits.
 * Markdown open at the cut (`**`, `__`, `*`, `_`, `~~`, `` ` ``, ```` ``` ````, `||`) is closed after the
 * ellipsis; a backslash escape is never split; surrogate pairs are never split.
 */
export function truncate(text: string, max: number, options: TruncateOptions = {}): string {
  if (text.length <= max) return text;
  const ellipsis = options.ellipsis ?? ELLIPSIS;
  if (max < ellipsis.length) return "";
  // At whitespace first; then, for a single word longer than the budget (a URL, a long compound), anywhere.
  for (const cuts of [wordCuts(text, max), charCuts(text, max)]) {
    for (const cut of cuts) {
      const fitted = finish(text.slice(0, cut), ellipsis, max);
      // A cut that keeps only blanks and markdown: every shorter one would too (and trying each is quadratic).
      if (fitted === BLANK) break;
      if (fitted !== undefined) return fitted;
    }
  }
  return ellipsis;
}

/** Positions of whitespace at or before `max`, largest first: cutting there never splits a word. */
function* wordCuts(text: string, max: number): Generator<number> {
  for (let i = Math.min(max, text.length - 1); i > 0; i--) {
    if (/\s/.test(text[i] ?? "")) yield i;
  }
}

/** Every position at or before `max` that does not split a surrogate pair, largest first. */
function* charCuts(text: string, max: number): Generator<number> {
  for (let cut = Math.min(max, text.length); cut > 0; cut--) if (!isLowSurrogate(text.charCodeAt(cut))) yield cut;
}

const BLANK = Symbol("nothing but blanks and markdown");

/** prefix + ellipsis + closers when that fits in `max`; BLANK when the prefix keeps no text; otherwise undefined. */
function finish(prefix: string, ellipsis: string, max: number): string | typeof BLANK | undefined {
  const kept = trimTail(prefix);
  if (kept.trim() === "") return BLANK;
  const result = `${kept}${ellipsis}${closers(kept)}`;
  return result.length <= max ? result : undefined;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Drops unescaped dangling characters and a lone trailing backslash (it would escape the ellipsis). */
function trimTail(text: string): string {
  let end = text.length;
  for (;;) {
    const backslashes = backslashesBefore(text, end);
    if (backslashes % 2 === 1) end -= 1;
    else if (end > 0 && DANGLING_TAIL.test(text[end - 1] ?? "") && backslashesBefore(text, end - 1) % 2 === 0) end -= 1;
    else return text.slice(0, end);
  }
}

function backslashesBefore(text: string, index: number): number {
  let count = 0;
  while (index - count - 1 >= 0 && text[index - count - 1] === "\\") count++;
  return count;
}

/**
 * Markdown delimiters left open at the end of `text`, innermost last. Heuristic but conservative,
 * close to Discord's parser: backslash escapes are skipped, nothing is parsed inside code, a single
 * `*` opens only before non-space, a single `_` only at a word start and closes only at a word end.
 */
export function openMarkdown(text: string): string[] {
  const stack: string[] = [];
  const toggle = (delimiter: string) => {
    const at = stack.lastIndexOf(delimiter);
    if (at >= 0) stack.splice(at, 1);
    else stack.push(delimiter);
  };
  let i = 0;
  while (i < text.length) {
    const top = stack.at(-1);
    if (top === CODE_BLOCK || top === INLINE_CODE) {
      if (text.startsWith(top, i)) {
        stack.pop();
        i += top.length;
      } else i++;
      continue;
    }
    if (text[i] === "\\") {
      i += 2;
      continue;
    }
    if (text.startsWith(CODE_BLOCK, i)) {
      stack.push(CODE_BLOCK);
      i += CODE_BLOCK.length;
      continue;
    }
    const paired = PAIRED.find((d) => text.startsWith(d, i));
    if (text[i] === INLINE_CODE || paired) {
      const delimiter = paired ?? INLINE_CODE;
      if (delimiter === INLINE_CODE) stack.push(delimiter);
      else toggle(delimiter);
      i += delimiter.length;
      continue;
    }
    if (text[i] === "*" || text[i] === "_") singleDelimiter(text, i, stack);
    i++;
  }
  return stack;
}

function singleDelimiter(text: string, i: number, stack: string[]): void {
  const char = text[i] as string;
  const before = text[i - 1] ?? " ";
  const after = text[i + 1] ?? " ";
  const open = stack.lastIndexOf(char);
  const isWordChar = (c: string) => /[\p{L}\p{N}]/u.test(c);
  const canClose = char === "*" ? !/\s/.test(before) : !isWordChar(after);
  const canOpen = char === "*" ? !/\s/.test(after) : !isWordChar(before);
  if (open >= 0 && canClose) stack.splice(open, 1);
  else if (canOpen && open < 0) stack.push(char); // never nested: two closers "**" would read as bold
}

/** The text that closes every delimiter open at the end of `text`. */
export function closers(text: string): string {
  return openMarkdown(text).reverse().join("");
}

export interface FitQuoteOptions extends TruncateOptions {
  /** Between the quote and its attribution. Default "\n". */
  separator?: string;
}

/**
 * `quote` + separator + `attribution` in at most `max` characters: the attribution is kept whole and
 * only the quote is shortened. Throws RangeError when the attribution alone leaves no room for a quote,
 * which is a caller bug (attributions are built short).
 */
export function fitQuote(quote: string, attribution: string, max: number, options: FitQuoteOptions = {}): string {
  const separator = options.separator ?? "\n";
  const ellipsis = options.ellipsis ?? ELLIPSIS;
  const budget = max - attribution.length - separator.length;
  if (budget < ellipsis.length + 1) {
    throw new RangeError(`fitQuote: attribution of ${attribution.length} chars leaves no room in ${max}`);
  }
  return `${truncate(quote, budget, { ellipsis })}${separator}${attribution}`;
}

// ---------- payload check ----------

type Loose = Record<string, unknown>;

/** The JSON form of a builder (EmbedBuilder, ActionRowBuilder…), a plain object as it is, `{}` for nothing. */
export function plain(value: unknown): Loose {
  if (value && typeof value === "object" && "toJSON" in value && typeof value.toJSON === "function") {
    return value.toJSON() as Loose;
  }
  return (value ?? {}) as Loose;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/**
 * Every Discord limit the payload breaks, as readable strings; empty when it is valid.
 * Accepts a message payload ({content, embeds, components, files}), an interaction callback body
 * ({type, data}), or an autocomplete result ({choices}); builders are accepted anywhere.
 */
export function payloadViolations(payload: unknown): string[] {
  let body = plain(payload);
  if (typeof body.type === "number" && body.data && typeof body.data === "object") body = plain(body.data);
  const problems: string[] = [];
  const maxLength = (path: string, value: string | undefined, limit: number) => {
    if (value !== undefined && value.length > limit) problems.push(`${path}: ${value.length} > ${limit} characters`);
  };
  const required = (path: string, value: string | undefined, min: number, limit: number) => {
    if (value === undefined || value.length < min) problems.push(`${path}: required, at least ${plural(min, "character")}`);
    else maxLength(path, value, limit);
  };

  maxLength("content", str(body.content), L.MESSAGE_CONTENT_MAX);
  checkEmbeds(list(body.embeds), problems, maxLength, required);
  checkComponents(list(body.components), problems, maxLength, required);
  checkChoices(body.choices, problems, required);
  const files = list(body.files).length || list(body.attachments).length;
  if (files > L.ATTACHMENTS_PER_MESSAGE_MAX) problems.push(`files: ${files} > ${L.ATTACHMENTS_PER_MESSAGE_MAX}`);
  return problems;
}

type MaxCheck = (path: string, value: string | undefined, limit: number) => void;
type RequiredCheck = (path: string, value: string | undefined, min: number, limit: number) => void;

function checkEmbeds(embeds: unknown[], problems: string[], maxLength: MaxCheck, required: RequiredCheck): void {
  if (embeds.length > L.EMBEDS_PER_MESSAGE_MAX) problems.push(`embeds: ${embeds.length} > ${L.EMBEDS_PER_MESSAGE_MAX}`);
  let total = 0;
  embeds.forEach((raw, e) => {
    const embed = plain(raw);
    const at = `embeds[${e}]`;
    const title = str(embed.title);
    const description = str(embed.description);
    const footer = str(plain(embed.footer).text);
    const author = str(plain(embed.author).name);
    maxLength(`${at}.title`, title, L.EMBED_TITLE_MAX);
    maxLength(`${at}.description`, description, L.EMBED_DESCRIPTION_MAX);
    maxLength(`${at}.footer.text`, footer, L.EMBED_FOOTER_MAX);
    maxLength(`${at}.author.name`, author, L.EMBED_AUTHOR_NAME_MAX);
    const url = str(embed.url);
    maxLength(`${at}.url`, url, L.EMBED_URL_MAX);
    if (url !== undefined && !/^https?:\/\//i.test(url)) problems.push(`${at}.url: not an http(s) URL`);
    total += [title, description, footer, author].reduce((sum, s) => sum + (s?.length ?? 0), 0);
    const fields = list(embed.fields);
    if (fields.length > L.EMBED_FIELDS_MAX) problems.push(`${at}.fields: ${fields.length} > ${L.EMBED_FIELDS_MAX}`);
    fields.forEach((rawField, f) => {
      const field = plain(rawField);
      const name = str(field.name);
      const value = str(field.value);
      required(`${at}.fields[${f}].name`, name, 1, L.EMBED_FIELD_NAME_MAX);
      required(`${at}.fields[${f}].value`, value, 1, L.EMBED_FIELD_VALUE_MAX);
      total += (name?.length ?? 0) + (value?.length ?? 0);
    });
  });
  if (total > L.EMBED_TOTAL_MAX) problems.push(`embeds: ${total} > ${L.EMBED_TOTAL_MAX} characters in total`);
}

const ComponentType = { ActionRow: 1, Button: 2, TextInput: 4 } as const;
const ButtonStyleLink = 5;
const ButtonStylePremium = 6;

function checkComponents(rows: unknown[], problems: string[], maxLength: MaxCheck, required: RequiredCheck): void {
  if (rows.length > L.ACTION_ROWS_MAX) problems.push(`components: ${rows.length} rows > ${L.ACTION_ROWS_MAX}`);
  const seenIds = new Set<string>();
  rows.forEach((rawRow, r) => {
    const row = plain(rawRow);
    const at = `components[${r}]`;
    if (row.type !== ComponentType.ActionRow) {
      problems.push(`${at}: top-level component must be an action row (type 1)`);
      return;
    }
    const children = list(row.components).map(plain);
    if (children.length === 0) problems.push(`${at}: empty action row`);
    const buttons = children.filter((c) => c.type === ComponentType.Button).length;
    if (buttons > L.BUTTONS_PER_ROW_MAX) problems.push(`${at}: ${buttons} buttons > ${L.BUTTONS_PER_ROW_MAX}`);
    if (buttons < children.length && children.length > 1) problems.push(`${at}: a select menu must be alone in its row`);
    children.forEach((child, c) => {
      const path = `${at}.components[${c}]`;
      const isLinkOrPremium = child.type === ComponentType.Button && (child.style === ButtonStyleLink || child.style === ButtonStylePremium);
      if (!isLinkOrPremium) {
        const id = str(child.custom_id);
        required(`${path}.custom_id`, id, L.CUSTOM_ID_MIN, L.CUSTOM_ID_MAX);
        if (id !== undefined && seenIds.has(id)) problems.push(`${path}.custom_id: duplicate "${id}"`);
        if (id !== undefined) seenIds.add(id);
      }
      if (child.type === ComponentType.Button) maxLength(`${path}.label`, str(child.label), L.BUTTON_LABEL_MAX);
      else checkSelect(child, path, problems, maxLength);
    });
  });
}

function checkSelect(menu: Loose, path: string, problems: string[], maxLength: MaxCheck): void {
  maxLength(`${path}.placeholder`, str(menu.placeholder), L.SELECT_PLACEHOLDER_MAX);
  const options = list(menu.options).map(plain);
  if (options.length > L.SELECT_OPTIONS_MAX) problems.push(`${path}.options: ${options.length} > ${L.SELECT_OPTIONS_MAX}`);
  options.forEach((option, o) => {
    for (const key of ["label", "value", "description"]) {
      maxLength(`${path}.options[${o}].${key}`, str(option[key]), L.SELECT_OPTION_TEXT_MAX);
    }
  });
}

function checkChoices(choices: unknown, problems: string[], required: RequiredCheck): void {
  if (choices === undefined) return;
  const all = list(choices);
  if (all.length > L.AUTOCOMPLETE_CHOICES_MAX) problems.push(`choices: ${all.length} > ${L.AUTOCOMPLETE_CHOICES_MAX}`);
  all.forEach((raw, i) => {
    const choice = plain(raw);
    required(`choices[${i}].name`, str(choice.name), L.CHOICE_NAME_MIN, L.CHOICE_NAME_MAX);
    if (typeof choice.value === "string") required(`choices[${i}].value`, choice.value, 1, L.CHOICE_VALUE_MAX);
    else if (typeof choice.value !== "number") problems.push(`choices[${i}].value: must be a string or a number`);
  });
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { containsLiveMention, escapeMarkdown, highlightEscaped, mergeRanges, ZERO_WIDTH_SPACE as ZW } from "../../src/discord/escape";

/** Same autolink shape as escape.ts: spans Discord shows as links, kept verbatim. */
const URL_AT = /https?:\/\/[^\s<]+[^<.,:;"')\]\s]/y;

/** Walks Discord-escaped text: `\x` pairs, verbatim URLs, and everything else one char at a time. */
function walk(
  text: string,
  onPlain: (char: string) => string,
  onEscaped: (pair: string) => string,
  onUrl: (url: string) => string = (url) => url,
): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    URL_AT.lastIndex = i;
    const url = URL_AT.exec(text)?.[0];
    if (url) {
      out += onUrl(url);
      i += url.length;
    } else if (text[i] === "\\" && i + 1 < text.length) {
      out += onEscaped(text.slice(i, i + 2));
      i += 2;
    } else {
      out += onPlain(text[i] as string);
      i++;
    }
  }
  return out;
}

/** What Discord displays: escapes resolved, inserted zero-width spaces gone. */
const rendered = (escaped: string) =>
  walk(escaped, (c) => c, (pair) => pair.slice(1)).replaceAll(ZW, "");
/** Unescaped markdown characters outside URLs. */
const liveMarkdown = (escaped: string) =>
  walk(escaped, (c) => ("*_~`|[".includes(c) ? c : ""), () => "", () => "");
/** Printable content only: what a reader compares. */
const INVISIBLE = /[\s\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const visible = (text: string) => text.replace(INVISIBLE, "");

const DANGEROUS = [
  "@everyone", "@here", "@EVERYONE", "<@123>", "<@!123>", "<@&456>", "<#789>", "</ask:42>", "<t:1700000000:R>",
  "<:smile:11>", "*", "**", "_", "__", "~~", "`", "```", "||", "\\", "[", "]", "(", ")", "#", "# ", "> ", "- ",
  "-# ", "1. ", "\n", "\r\n", "\u2028", "\u202e", "\u202a", "\u2066", "\u2069", "\u200b", "\u200d", "\u0007",
  "\ufeff", "https://example.com/a_b*c", "http://x.io/@everyone", "word", "a", " ", "é", "😀", "👨‍👩‍👧", "@", "<",
];
const dangerousText = fc.array(fc.constantFrom(...DANGEROUS), { maxLength: 40 }).map((parts) => parts.join(""));
const anyText = fc.oneof(dangerousText, fc.string({ unit: "binary", maxLength: 200 }), fc.string({ maxLength: 200 }));

describe("escapeMarkdown", () => {
  it("backslash-escapes every markdown character so it renders literally", () => {
    expect(escapeMarkdown("a *b* _c_ ~~d~~ `e` ||f|| \\g [h](i)")).toBe(
      "a \\*b\\* \\_c\\_ \\~\\~d\\~\\~ \\`e\\` \\|\\|f\\|\\| \\\\g \\[h](i)",
    );
  });

  it("breaks mass mentions and user, role, channel and command mentions with a zero-width space", () => {
    const out = escapeMarkdown("@everyone @here <@123> <@!123> <@&456> <#789> </ask:1>");
    expect(out).toBe(`@${ZW}everyone @${ZW}here <${ZW}@123> <${ZW}@!123> <${ZW}@&456> <${ZW}#789> <${ZW}/ask:1>`);
    expect(containsLiveMention(out)).toBe(false);
  });

  it("cannot be tricked into a mention by a zero-width character the input already contains", () => {
    const out = escapeMarkdown(`<${ZW}@123> @\u2060everyone`);
    expect(containsLiveMention(out)).toBe(false);
    expect(rendered(out)).toBe("<@123> @everyone");
  });

  it("removes control, bidi-override and isolate characters", () => {
    const out = escapeMarkdown("safe\u202Etxet\u2066x\u2069 bell\u0007 bom\ufeff");
    expect(out).toBe("safetxetx bell bom");
  });

  it("keeps emoji joiners but drops joiners glued to ASCII", () => {
    expect(escapeMarkdown("👨‍👩‍👧")).toBe("👨‍👩‍👧");
    expect(escapeMarkdown("a\u200db")).toBe("ab");
  });

  it("collapses line breaks so a quote stays on one line and cannot start a block", () => {
    expect(escapeMarkdown("first line\r\n\n> fake quote\n# Heading\n- item")).toBe(
      "first line > fake quote # Heading - item",
    );
  });

  it("escapes heading, quote, list and subtext marks at line start when lines are kept", () => {
    const out = escapeMarkdown("# H\n> q\n- l\n-# s\n12. n\nmid - dash # hash", { keepNewlines: true });
    expect(out).toBe("\\# H\n\\> q\n\\- l\n\\-# s\n12\\. n\nmid - dash # hash");
  });

  it("escapes a block mark at the very start of a single-line quote", () => {
    expect(escapeMarkdown("> not a quote")).toBe("\\> not a quote");
    expect(escapeMarkdown("3. not a list")).toBe("3\\. not a list");
  });

  it("leaves URLs verbatim (an escape inside would show up in the link)", () => {
    expect(escapeMarkdown("see https://example.com/a_b*c) now_")).toBe("see https://example.com/a_b*c) now\\_");
  });

  it("still breaks a mass mention inside a URL", () => {
    expect(containsLiveMention(escapeMarkdown("http://x.io/@everyone"))).toBe(false);
  });

  it("never leaves a live mention (property)", () => {
    fc.assert(fc.property(anyText, (text) => !containsLiveMention(escapeMarkdown(text))), { numRuns: 500 });
  });

  it("never leaves unescaped markdown outside URLs (property)", () => {
    fc.assert(fc.property(anyText, (text) => liveMarkdown(escapeMarkdown(text)) === ""), { numRuns: 500 });
  });

  it("renders as the same visible text, minus invisible characters (property)", () => {
    fc.assert(
      fc.property(anyText, (text) => visible(rendered(escapeMarkdown(text))) === visible(text)),
      { numRuns: 500 },
    );
  });

  it("produces no line break, control or bidi character (property)", () => {
    const forbidden = /[\n\r\u2028\u2029\u0000-\u001f\u202a-\u202e\u2066-\u2069]/;
    fc.assert(fc.property(anyText, (text) => !forbidden.test(escapeMarkdown(text))), { numRuns: 500 });
  });
});

describe("highlightEscaped", () => {
  it("bolds ranges given as offsets into the unescaped text", () => {
    const text = "The *big* cat sat";
    expect(highlightEscaped(text, [{ start: 4, end: 13 }])).toBe("The **\\*big\\* cat** sat");
  });

  it("keeps whitespace outside the bold markers", () => {
    expect(highlightEscaped("one two three", [{ start: 3, end: 8 }])).toBe("one **two** three");
  });

  it("merges overlapping and touching ranges into one bold run", () => {
    expect(highlightEscaped("alpha beta gamma", [{ start: 6, end: 8 }, { start: 8, end: 10 }, { start: 7, end: 9 }])).toBe(
      "alpha **beta** gamma",
    );
    expect(mergeRanges([{ start: 5, end: 9 }, { start: 0, end: 2 }, { start: 2, end: 3 }, { start: 4, end: 4 }], 8)).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 8 },
    ]);
  });

  it("does not split a mention when a range starts inside it", () => {
    const out = highlightEscaped("hi @everyone there", [{ start: 6, end: 18 }]);
    expect(out).toBe(`hi **@${ZW}everyone there**`);
  });

  it("does not bold a URL or what is glued to it (Discord would swallow the markers)", () => {
    expect(highlightEscaped("read https://x.io/a. now", [{ start: 0, end: 24 }])).toBe("**read** https://x.io/a. **now**");
  });

  it("maps offsets past stripped characters and collapsed line breaks", () => {
    const text = "a\u202e\r\n\r\nbold word";
    const start = text.indexOf("bold");
    expect(highlightEscaped(text, [{ start, end: start + 4 }])).toBe("a **bold** word");
  });

  it("adds only balanced bold markers around non-blank text (property)", () => {
    const ranges = fc.array(fc.record({ start: fc.nat(220), end: fc.nat(220) }), { maxLength: 5 });
    const MARK = "\u0001"; // never in output: escapeMarkdown strips control characters
    fc.assert(
      fc.property(anyText, ranges, (text, rs) => {
        const out = highlightEscaped(text, rs);
        // Text asterisks are all escaped, so every plain `*` outside a URL is a bold marker.
        const marked = walk(out, (c) => (c === "*" ? MARK : c), (pair) => pair);
        const parts = marked.split(MARK + MARK);
        const bolded = parts.filter((_, i) => i % 2 === 1);
        return (
          parts.length % 2 === 1 &&
          !marked.replaceAll(MARK + MARK, "").includes(MARK) &&
          parts.join("") === escapeMarkdown(text) &&
          !containsLiveMention(out) &&
          bolded.every((b) => b.trim() === b && b !== "")
        );
      }),
      { numRuns: 500 },
    );
  });
});

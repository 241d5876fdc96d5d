import { EmbedBuilder } from "discord.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { containsLiveMention, escapeMarkdown, highlightEscaped } from "../../src/discord/escape";
import * as L from "../../src/discord/limits";
import { closers, fitQuote, openMarkdown, payloadViolations, truncate } from "../../src/discord/truncate";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("truncate", () => {
  it("returns text that fits unchanged", () => {
    expect(truncate("short", 5)).toBe("short");
  });

  it("cuts at a word boundary and appends an ellipsis", () => {
    expect(truncate("The quick brown fox jumps over the lazy dog", 20)).toBe("The quick brown fox…");
  });

  it("drops punctuation left dangling at the cut", () => {
    expect(truncate("apples, pears, plums, cherries", 16)).toBe("apples, pears…");
    expect(truncate("before (inside the brackets)", 12)).toBe("before…");
  });

  it("closes bold left open by the cut, inside the limit", () => {
    const out = truncate("The **quick brown** fox jumps", 16);
    expect(out).toBe("The **quick…**");
    expect(out.length).toBeLessThanOrEqual(16);
  });

  it("closes inline code, code blocks, spoilers and strikethrough", () => {
    expect(truncate("run `npm install --save thing` now", 18)).toBe("run `npm install…`");
    expect(truncate("```\nline one\nline two\n```", 16)).toBe("```\nline one…```");
    expect(truncate("||a hidden ending here||", 13)).toBe("||a hidden…||");
    expect(truncate("~~struck out words~~", 15)).toBe("~~struck out…~~");
  });

  it("never splits a backslash escape", () => {
    const out = truncate("word \\*\\*\\*\\*\\*\\*\\*\\*", 9);
    expect(out).toBe("word…");
    expect(truncate("\\*\\*\\*\\*\\*\\*", 6)).toBe("\\*\\*…");
  });

  it("cuts a single over-long word rather than returning nothing, without splitting emoji", () => {
    expect(truncate("Supercalifragilisticexpialidocious", 10)).toBe("Supercali…");
    expect(truncate("😀😀😀😀😀😀", 6)).toBe("😀😀…");
  });

  it("uses the given ellipsis and returns empty when even it cannot fit", () => {
    expect(truncate("one two three", 10, { ellipsis: " [...]" })).toBe("one [...]");
    expect(truncate("one two three", 0)).toBe("");
  });

  it("never exceeds max and never splits a surrogate pair (property)", () => {
    const text = fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), fc.string({ unit: "grapheme", maxLength: 300 }));
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 320 }), (t, max) => {
        const out = truncate(t, max);
        return out.length <= max && (LONE_SURROGATE.test(t) || !LONE_SURROGATE.test(out));
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps a prefix of the text, cut between words, with markdown balanced (property)", () => {
    // Words carry letters, so a cut between words always keeps some text.
    const word = fc.stringMatching(/^[*_~|`]{0,3}[a-z]{1,8}[*_~|`]{0,3}$/);
    const text = fc.array(word, { minLength: 1, maxLength: 60 }).map((w) => w.join(" "));
    fc.assert(
      fc.property(text, fc.integer({ min: 40, max: 200 }), (t, max) => {
        const out = truncate(t, max);
        if (out === t) return true;
        const kept = out.slice(0, out.lastIndexOf("…"));
        const rest = t.slice(kept.length);
        return (
          out.length <= max &&
          t.startsWith(kept) &&
          /^[\s,;:(\[{\-–—*_~|`]/.test(rest) && // the cut fell between words (or dropped markdown/punctuation)
          openMarkdown(out).length === 0
        );
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps escaped, highlighted quotes free of mentions and balanced (property)", () => {
    const piece = fc.constantFrom("@everyone", "<@123>", "**", "_", "`", "||", "\\", "word", "words here", " ", "~~", "😀");
    const text = fc.array(piece, { maxLength: 60 }).map((p) => p.join(""));
    const ranges = fc.array(fc.record({ start: fc.nat(300), end: fc.nat(300) }), { maxLength: 4 });
    fc.assert(
      fc.property(text, ranges, fc.integer({ min: 1, max: 200 }), (t, rs, max) => {
        const out = truncate(highlightEscaped(t, rs), max);
        return out.length <= max && !containsLiveMention(out) && openMarkdown(out).length === 0;
      }),
      { numRuns: 1000 },
    );
  });
});

describe("openMarkdown / closers", () => {
  it("finds delimiters left open, innermost last", () => {
    expect(openMarkdown("a **b ||c")).toEqual(["**", "||"]);
    expect(closers("a **b ||c")).toBe("||**");
  });

  it("ignores escaped delimiters, snake_case and multiplication signs", () => {
    expect(openMarkdown("\\*\\* snake_case 2 * 3")).toEqual([]);
  });

  it("does not parse inside code", () => {
    expect(openMarkdown("`**` ```\n||\n```")).toEqual([]);
  });
});

describe("fitQuote", () => {
  const attribution = "— Example Times, 22 March";

  it("keeps the attribution whole and shortens only the quote", () => {
    const out = fitQuote("He said the day had been very long and very strange indeed", attribution, 50);
    expect(out).toBe(`He said the day had…\n${attribution}`);
    expect(out.length).toBeLessThanOrEqual(50);
  });

  it("returns both untouched when they fit", () => {
    expect(fitQuote("Short.", attribution, 100, { separator: " " })).toBe(`Short. ${attribution}`);
  });

  it("refuses when the attribution leaves no room for a quote", () => {
    expect(() => fitQuote("quote", attribution, 20)).toThrow(RangeError);
  });

  it("never exceeds max and always ends with the whole attribution (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 60 }), fc.integer({ min: 0, max: 400 }), (q, a, extra) => {
        const max = a.length + 3 + extra;
        const out = fitQuote(escapeMarkdown(q), a, max);
        return out.length <= max && out.endsWith(`\n${a}`);
      }),
      { numRuns: 500 },
    );
  });
});

describe("payloadViolations", () => {
  it("accepts a payload at every limit exactly", () => {
    const fields = Array.from({ length: L.EMBED_FIELDS_MAX }, (_, i) => ({ name: `n${i}`, value: "v" }));
    const embed = new EmbedBuilder()
      .setTitle("t".repeat(L.EMBED_TITLE_MAX))
      .setDescription("d".repeat(L.EMBED_DESCRIPTION_MAX))
      .setFooter({ text: "f".repeat(100) })
      .addFields(fields);
    const row = { type: 1, components: Array.from({ length: 5 }, (_, i) => ({ type: 2, style: 1, custom_id: `${i}`.padEnd(100, "x"), label: "l" })) };
    expect(payloadViolations({ content: "c".repeat(L.MESSAGE_CONTENT_MAX), embeds: [embed], components: [row] })).toEqual([]);
  });

  it("reports every broken embed limit", () => {
    const problems = payloadViolations({
      embeds: [
        {
          title: "t".repeat(257),
          description: "d".repeat(4097),
          footer: { text: "f".repeat(2049) },
          author: { name: "a".repeat(257) },
          fields: [...Array.from({ length: 25 }, () => ({ name: "n", value: "v" })), { name: "", value: "v".repeat(1025) }],
        },
      ],
    });
    expect(problems).toEqual([
      "embeds[0].title: 257 > 256 characters",
      "embeds[0].description: 4097 > 4096 characters",
      "embeds[0].footer.text: 2049 > 2048 characters",
      "embeds[0].author.name: 257 > 256 characters",
      "embeds[0].fields: 26 > 25",
      "embeds[0].fields[25].name: required, at least 1 character",
      "embeds[0].fields[25].value: 1025 > 1024 characters",
      "embeds: 7735 > 6000 characters in total",
    ]);
  });

  it("counts the 6000-character total across embeds and caps embeds at 10", () => {
    const embeds = Array.from({ length: 11 }, () => ({ description: "d".repeat(600) }));
    expect(payloadViolations({ embeds })).toEqual(["embeds: 11 > 10", "embeds: 6600 > 6000 characters in total"]);
  });

  it("checks rows, buttons, custom ids and select menus", () => {
    const button = (id: string) => ({ type: 2, style: 1, custom_id: id, label: "b" });
    const problems = payloadViolations({
      content: "x".repeat(2001),
      components: [
        { type: 1, components: ["a", "b", "c", "d", "e", "f"].map(button) },
        { type: 1, components: [button("a"), button("x".repeat(101)), { type: 2, style: 5, url: "https://x.io", label: "l".repeat(81) }] },
        { type: 1, components: [{ type: 3, custom_id: "s", placeholder: "p".repeat(151), options: Array.from({ length: 26 }, (_, i) => ({ label: `${i}`, value: `${i}` })) }] },
        { type: 1, components: [] },
        { type: 1, components: [button("g")] },
        { type: 1, components: [button("h")] },
      ],
    });
    expect(problems).toEqual([
      "content: 2001 > 2000 characters",
      "components: 6 rows > 5",
      "components[0]: 6 buttons > 5",
      'components[1].components[0].custom_id: duplicate "a"',
      "components[1].components[1].custom_id: 101 > 100 characters",
      "components[1].components[2].label: 81 > 80 characters",
      "components[2].components[0].placeholder: 151 > 150 characters",
      "components[2].components[0].options: 26 > 25",
      "components[3]: empty action row",
    ]);
  });

  it("checks autocomplete choices, also inside an interaction callback body", () => {
    const choices = [
      ...Array.from({ length: 25 }, (_, i) => ({ name: `c${i}`, value: `${i}` })),
      { name: "", value: "v".repeat(101) },
    ];
    expect(payloadViolations({ type: 8, data: { choices } })).toEqual([
      "choices: 26 > 25",
      "choices[25].name: required, at least 1 character",
      "choices[25].value: 101 > 100 characters",
    ]);
    expect(payloadViolations({ choices: [{ name: "ok", value: 3 }] })).toEqual([]);
  });
});

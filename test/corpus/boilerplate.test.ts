import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { classifyAlone } from "../../src/corpus/boilerplate";
import { loadCorpus } from "../../src/corpus/load";
import { parseArticle } from "../../src/corpus/parse";
import { articleText, SEED_DIR } from "../support/corpus";
import { NEWS_PAGE } from "../support/pages";

// Furniture lines that occur in the seed pages; none may reach the article text.
const SEED_BOILERPLATE = [
  "ADVERTISEMENT",
  "Deccan Herald is on WhatsApp Channels| Join now for Breaking News & Editor's Picks",
  "Follow us on",
  "top of page",
  "118 views0 comments",
  "bottom of page",
  "Image: Пресс-служба Губернатора Московской области",
  "0 0 votes",
  "Article Rating",
  "Notify of",
  "Inline Feedbacks",
  "View all comments",
  "HomeForeign/DiplomacyISSUES: Why ISIS-K hates Putin and went after Moscow - By...",
  "RELATED ARTICLES",
  "LEAVE A REPLY",
  "Please enter your comment!",
  "Please enter your name here",
  "- Advertisment -",
  "Google search engine",
  "Most Popular",
  "Recent Comments",
  "Last Updated 26 March 2024, 23:46 IST",
  "Published in Dawn, March 24th, 2024",
];

describe("boilerplate removal on the seed corpus", async () => {
  const corpus = await loadCorpus(SEED_DIR);

  it("loads every seed article", () => {
    expect(corpus.articles.map((a) => a.id)).toEqual(readdirSync(SEED_DIR).filter((f) => /^\d/.test(f)).map((f) => f.slice(0, 3)));
    expect(corpus.warnings).toEqual([]);
  });

  it("keeps no furniture line in any paragraph", () => {
    const paragraphs = corpus.articles.flatMap((a) => a.paragraphs.map((p) => p.text));
    for (const line of SEED_BOILERPLATE) expect(paragraphs.filter((p) => p.includes(line))).toEqual([]);
  });

  it("keeps the body: every long prose line of a seed file is a paragraph or repeats one", () => {
    for (const a of corpus.articles) {
      const kept = a.paragraphs.map((p) => p.text).join("\n");
      const prose = a.raw.split("\n").map((l) => l.trim()).filter((l) => l.length > 200);
      for (const line of prose) expect(kept.includes(line), `${a.id}: ${line.slice(0, 60)}`).toBe(true);
    }
  });

  it("keeps a subheading between body paragraphs, marked as a heading", () => {
    const headings = corpus.articles.flatMap((a) => a.paragraphs.filter((p) => p.heading).map((p) => p.text));
    expect(headings).toContain("A renewed threat to the West");
  });

  it("keeps a dek that the body repeats only once", () => {
    for (const a of corpus.articles) {
      const sentences = a.sentences.map((s) => s.text);
      expect(new Set(sentences).size, a.id).toBe(sentences.length);
    }
  });
});

describe("classifyAlone", () => {
  it.each([
    ["Share this article on Facebook", "bad"],
    ["Sign up for our newsletter", "bad"],
    ["1,204 views 12 comments", "bad"],
    ["Photo: Reuters", "bad"],
    ["Home > World > Europe", "bad"],
    ["Click here to read more", "bad"],
    ["Search", "bad"],
    ["Home | News | Sport", "bad"],
  ])("%s is %s", (text, cls) => expect(classifyAlone(text)).toBe(cls));

  it("keeps a sentence that starts with a menu word", () => {
    expect(classifyAlone("Search teams said by late Friday that about 40 bodies had been recovered.")).toBe("good");
  });

  it("classes a long prose block as good", () => {
    expect(
      classifyAlone("The council said on Tuesday that the new bridge would open in the spring, after two years of delays and a budget that doubled."),
    ).toBe("good");
  });

  it("classes a long list of names without stop words as bad", () => {
    expect(classifyAlone("World Politics Business Markets Technology Science Health Sports Culture Lifestyle Travel Opinion Video Podcasts Newsletters Weather")).toBe("bad");
  });
});

describe("boilerplate removal on an unseen layout", () => {
  it("drops menus, share prompts and a related-articles tail", () => {
    const raw = articleText(
      "Bridge reopens after flood",
      [
        "Menu",
        "The river bridge in the town reopened on Monday, three weeks after floods damaged its supports and cut the main road.",
        "Engineers said the repairs cost more than expected, but that the bridge is now safer than it was before the storm.",
        "Share on Twitter",
        "Related Stories",
        "Town council approves new budget for the coming year after a long debate in the chamber about roads.",
      ],
    );
    const article = parseArticle("010", "010_x.txt", raw);
    expect(article.paragraphs.map((p) => p.text)).toEqual([
      "The river bridge in the town reopened on Monday, three weeks after floods damaged its supports and cut the main road.",
      "Engineers said the repairs cost more than expected, but that the bridge is now safer than it was before the storm.",
    ]);
    expect(article.meta.title).toBe("Bridge reopens after flood");
  });
});

describe("boilerplate removal on a common news layout", () => {
  const article = parseArticle("1", "1_page.txt", NEWS_PAGE);

  it("keeps exactly the four paragraphs of the story", () => {
    expect(article.paragraphs.map((p) => p.text.slice(0, 30))).toEqual([
      "At least 12 people were killed",
      "Emergency crews worked through",
      '"We heard a sound like thunder',
      "The bridge, built in 1968, had",
    ]);
  });

  it("drops the photo caption, the 'read more' link and the author's social prompt", () => {
    const text = article.paragraphs.map((p) => p.text).join("\n");
    expect(text).not.toMatch(/Photo: AP|Read more|Follow her/);
  });
});

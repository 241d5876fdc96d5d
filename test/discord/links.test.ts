// Where an answer came from: the article's web address is linked in /ask and /source (Discord, console,
// JSON) when the catalog gives one; the corpus file's name is never shown.
import { describe, expect, it } from "vitest";
import { Engine } from "../../src/engine/engine";
import type { AskAnswer, SourceAnswer } from "../../src/engine/answers";
import { renderAsk, renderSource } from "../../src/discord/render";
import { renderText } from "../../src/render/text";
import { writeCorpus, articleText } from "../support/corpus";

const BODY = [
  "The council voted on Tuesday to close the old harbour bridge to lorries after engineers found cracks in two of its piers.",
  "Repairs to the piers are expected to take at least six months and to cost the town more than two million pounds.",
];
const URL = "https://news.example.org/harbour/bridge-closed-(update)";

async function engine(catalog: object): Promise<Engine> {
  const dir = writeCorpus({
    "001_harbour-bridge-internal-name.txt": articleText("Harbour bridge closed to lorries", BODY),
    "catalog.json": JSON.stringify(catalog),
  });
  return Engine.open(dir);
}

const visible = (value: unknown) => JSON.stringify(value);

describe("links to where an article came from", () => {
  it("/source: the embed's title links to the address, the footer names its host, never the file", async () => {
    const e = await engine({ "001": { url: URL, outlet: "Harbour Post" } });
    const answer = e.source({ id: "1" }) as SourceAnswer;
    expect(answer.article.url).toBe(URL);
    const [header] = renderSource(answer).embeds!;
    expect(header!.url).toBe(new globalThis.URL(URL).href);
    expect(header!.footer?.text).toBe("from news.example.org");
    expect(visible(renderSource(answer))).not.toContain("internal-name");
    expect(renderText(answer)).toContain(URL);
    expect(renderText(answer)).not.toContain("internal-name");
  });

  it("/ask: the attribution's title is a markdown link, parentheses encoded so the link stays whole", async () => {
    const e = await engine({ "001": { url: URL } });
    const answer = e.ask("cracks in the piers") as AskAnswer;
    expect(answer.results[0]!.url).toBe(URL);
    const description = renderAsk(answer)[0]!.embeds![0]!.description!;
    expect(description).toContain("](https://news.example.org/harbour/bridge-closed-%28update%29)");
    expect(description).toMatch(/\[\*Harbour bridge closed to lorries\*\]\(/);
    expect(renderText(answer)).toContain(`· ${URL}`);
  });

  it("links nothing when the address is unknown, and never a non-web address", async () => {
    const e = await engine({ "001": { url: "file:///etc/passwd" } });
    const answer = e.source({ id: "1" }) as SourceAnswer;
    expect(answer.article.url).toBeNull();
    const [header] = renderSource(answer).embeds!;
    expect(header!.url).toBeUndefined();
    expect(header!.footer).toBeUndefined();
    const ask = e.ask("cracks in the piers") as AskAnswer;
    expect(renderAsk(ask)[0]!.embeds![0]!.description).not.toContain("](");
  });

  it("leaves a Discord embed url over 2048 characters out rather than break the message", async () => {
    const long = `https://news.example.org/${"a".repeat(2100)}`;
    const e = await engine({ "001": { url: long.slice(0, 2040) } });
    const answer = e.source({ id: "1" }) as SourceAnswer;
    const withLong = { ...answer, article: { ...answer.article, url: long } };
    expect(renderSource(withLong).embeds![0]!.url).toBeUndefined();
    expect(renderSource(answer).embeds![0]!.url).toBe(long.slice(0, 2040));
  });
});

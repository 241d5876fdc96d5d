import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/cli/parse";

describe("parseCommand", () => {
  it("reads a slash command and its main option", () => {
    expect(parseCommand("/ask who claimed the attack")).toEqual({ name: "ask", options: { question: "who claimed the attack" } });
    expect(parseCommand("compare deaths")).toEqual({ name: "compare", options: { topic: "deaths" } });
  });

  it("reads named options written name:value", () => {
    expect(parseCommand("/source 003 page:2")).toEqual({ name: "source", options: { id: "003", page: "2" } });
    expect(parseCommand("/source 3 find:oil refineries paragraph:7-9")).toEqual({
      name: "source",
      options: { id: "3", find: "oil refineries", paragraph: "7-9" },
    });
  });

  it("takes 'summary' as a flag of /source", () => {
    expect(parseCommand("/source 003 summary")).toEqual({ name: "source", options: { id: "003", summary: "true" } });
  });

  it("keeps colons that are not option names in the text", () => {
    expect(parseCommand("/ask what happened at 10:30 page:2")).toEqual({ name: "ask", options: { question: "what happened at 10:30 page:2" } });
  });

  it("answers a line that is not a command with an error naming the commands", () => {
    const parsed = parseCommand("hello there");
    expect(parsed).toMatchObject({ error: expect.stringMatching(/not a command.*\/ask/) });
  });

  it("accepts a command with no options", () => {
    expect(parseCommand("/compare")).toEqual({ name: "compare", options: {} });
    expect(parseCommand("/help")).toEqual({ name: "help", options: {} });
  });
});

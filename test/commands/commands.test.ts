// The command definitions Discord receives: names, option names users and scripts rely on, limits.
import { describe, expect, it } from "vitest";
import { commands } from "../../commands";
import { commandBodies } from "../../src/discord/deploy-commands";
import * as L from "../../src/discord/limits";

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
type Option = { name: string; description: string; type: number; required?: boolean; autocomplete?: boolean; max_length?: number; min_value?: number; options?: Option[] };

describe("command definitions", () => {
  const bodies = commandBodies() as unknown as (Option & { default_member_permissions?: string | null })[];
  const byName = new Map(bodies.map((b) => [b.name, b]));

  it("has one module per command: ask, compare, source, help, reload, add, remove", () => {
    expect(commands.map((c) => c.data.name)).toEqual(["ask", "compare", "source", "help", "reload", "add", "remove"]);
  });

  it("uses valid lowercase names and descriptions of 1–100 characters everywhere", () => {
    const all = bodies.flatMap((b) => [b, ...(b.options ?? [])]);
    for (const item of all) {
      expect(item.name).toMatch(NAME);
      expect(item.name).toBe(item.name.toLowerCase());
      expect(item.description.length).toBeGreaterThanOrEqual(1);
      expect(item.description.length).toBeLessThanOrEqual(L.COMMAND_DESCRIPTION_MAX);
    }
    for (const b of bodies) expect(JSON.stringify(b).length).toBeLessThan(8000);
  });

  it("/ask question: is required, bounded and autocompleted", () => {
    const [question] = byName.get("ask")!.options!;
    expect(question).toMatchObject({ name: "question", required: true, autocomplete: true, max_length: 500 });
  });

  it("/compare topic: and /source id: are optional and autocompleted; /source has page (≥ 1), paragraph, find", () => {
    expect(byName.get("compare")!.options![0]).toEqual(expect.objectContaining({ name: "topic", autocomplete: true }));
    expect(byName.get("compare")!.options![0]!.required ?? false).toBe(false);
    const source = byName.get("source")!.options!;
    expect(source.map((o) => o.name)).toEqual(["id", "page", "paragraph", "find", "private"]);
    expect(source[0]).toMatchObject({ autocomplete: true });
    expect(source[1]).toMatchObject({ type: 4, min_value: 1 });
    expect(source.every((o) => !o.required)).toBe(true);
  });

  it("/ask, /compare and /source take an optional private: boolean, last", () => {
    for (const name of ["ask", "compare", "source"]) {
      expect(byName.get(name)!.options!.at(-1)).toMatchObject({ name: "private", type: 5 });
      expect(byName.get(name)!.options!.at(-1)!.required ?? false).toBe(false);
    }
  });

  it("/reload and /remove are hidden from everyone but administrators; /add is offered to all (roles are checked when used)", () => {
    expect(byName.get("reload")!.default_member_permissions).toBe("0");
    expect(byName.get("remove")!.default_member_permissions).toBe("0");
    expect(byName.get("ask")!.default_member_permissions ?? null).toBeNull();
    expect(byName.get("add")!.default_member_permissions ?? null).toBeNull();
  });

  it("/add takes an attachment (type 11) or a url, neither required; /remove a required, autocompleted id", () => {
    expect(byName.get("add")!.options!.map((o) => [o.name, o.type, o.required ?? false])).toEqual([
      ["attachment", 11, false],
      ["url", 3, false],
    ]);
    expect(byName.get("remove")!.options).toEqual([expect.objectContaining({ name: "id", required: true, autocomplete: true })]);
  });
});

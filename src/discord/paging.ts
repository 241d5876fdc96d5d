/**
 * Page buttons (previous · "page x of y" · next) whose custom_id carries everything needed to show
 * another page: the command, its arguments, the target page and the owner. A click is therefore
 * answered by re-running the command, even after a restart. Arguments too long for the 100-character
 * custom_id are kept in memory under a short hash; after a restart those clicks get an "expired" note.
 */
import { createHash } from "node:crypto";
import type { APIActionRowComponent, APIButtonComponent } from "discord.js";
import { ButtonStyle, ComponentType } from "discord.js";
import * as L from "./limits";
import type { PageState } from "./reply";
import { plain } from "./truncate";

export const PAGE_PREFIX = "pg";
const SEP = ":";
const ARG_SEP = "&";
const INLINE = "=";
const HASHED = "#";
const HASH_CHARS = 16;
/** Argument sets remembered for hashed custom_ids (oldest forgotten first). */
export const STATE_STORE_MAX = 5_000;

export type Direction = "prev" | "next" | "label";
const DIRECTION_CODE: Record<Direction, string> = { prev: "p", next: "n", label: "l" };
const CODE_DIRECTION = new Map(Object.entries(DIRECTION_CODE).map(([d, c]) => [c, d as Direction]));

export interface PageTarget {
  direction: Direction;
  page: number;
  ownerId: string;
  command: string;
  /** `null` when the arguments were hashed and are no longer remembered (e.g. after a restart). */
  args: string[] | null;
}

/** Remembers argument sets too long to inline, by hash. Bounded; insertion order is age order. */
export class StateStore {
  private readonly byHash = new Map<string, string[]>();

  constructor(private readonly max = STATE_STORE_MAX) {}

  put(state: PageState): string {
    const key = createHash("sha256").update(JSON.stringify([state.command, ...state.args])).digest("base64url").slice(0, HASH_CHARS);
    this.byHash.delete(key);
    this.byHash.set(key, state.args);
    if (this.byHash.size > this.max) this.byHash.delete(this.byHash.keys().next().value as string);
    return key;
  }

  get(key: string): string[] | undefined {
    return this.byHash.get(key);
  }
}

/** Lone surrogates (typed or pasted by a user) as U+FFFD: encodeURIComponent throws on them. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

/** The custom_id of one page button; always 1–100 characters. */
export function encodePageId(direction: Direction, page: number, ownerId: string, state: PageState, store: StateStore): string {
  const head = [PAGE_PREFIX, DIRECTION_CODE[direction], String(page), ownerId, state.command].join(SEP) + SEP;
  const inline = INLINE + state.args.map((arg) => encodeURIComponent(wellFormed(arg))).join(ARG_SEP);
  if (head.length + inline.length <= L.CUSTOM_ID_MAX) return head + inline;
  return head + HASHED + store.put(state);
}

/** Parses a page button's custom_id; undefined when it is not one. */
export function decodePageId(customId: string, store: StateStore): PageTarget | undefined {
  const parts = customId.split(SEP);
  if (parts.length < 6 || parts[0] !== PAGE_PREFIX) return undefined;
  const [, code = "", pageText = "", ownerId = "", command = ""] = parts;
  const payload = parts.slice(5).join(SEP);
  const direction = CODE_DIRECTION.get(code);
  const page = Number.parseInt(pageText, 10);
  if (!direction || !Number.isInteger(page) || page < 1 || !/^\d+$/.test(ownerId) || !command) return undefined;
  let args: string[] | null = null;
  if (payload.startsWith(INLINE)) {
    const body = payload.slice(INLINE.length);
    try {
      args = body === "" ? [] : body.split(ARG_SEP).map(decodeURIComponent);
    } catch {
      return undefined;
    }
  } else if (payload.startsWith(HASHED)) {
    args = store.get(payload.slice(HASHED.length)) ?? null;
  } else return undefined;
  return { direction, page, ownerId, command, args };
}

/**
 * The row under a paged answer. `disabled` greys out every button (time-out, expiry); otherwise
 * previous/next are disabled at the ends. The label is always disabled: it only shows where you are.
 */
export function pageButtons(
  index: number,
  count: number,
  ownerId: string,
  state: PageState,
  store: StateStore,
  disabled = false,
): APIActionRowComponent<APIButtonComponent> {
  const button = (direction: Direction, page: number, label: string, off: boolean): APIButtonComponent => ({
    type: ComponentType.Button,
    style: direction === "label" ? ButtonStyle.Secondary : ButtonStyle.Primary,
    custom_id: encodePageId(direction, page, ownerId, state, store),
    label: label.slice(0, L.BUTTON_LABEL_MAX),
    disabled: off,
  });
  return {
    type: ComponentType.ActionRow,
    components: [
      button("prev", Math.max(1, index - 1), "◀ Previous", disabled || index <= 1),
      button("label", index, `Page ${index} of ${count}`, true),
      button("next", Math.min(count, index + 1), "Next ▶", disabled || index >= count),
    ],
  };
}

/** The same rows with every button disabled (for a message whose buttons timed out or expired). */
export function disableAll(rows: readonly unknown[]): APIActionRowComponent<APIButtonComponent>[] {
  return rows.map((raw) => {
    const row = plain(raw) as { components?: unknown[] };
    return {
      type: ComponentType.ActionRow,
      components: (row.components ?? []).map((c) => ({ ...plain(c), disabled: true }) as APIButtonComponent),
    };
  });
}

/**
 * Disables a paged message's buttons after `idleMs` without a click. Keyed by the message's root
 * interaction, holding whichever interaction (the command, or the last click) may still edit it.
 */
export class IdleTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly idleMs: number) {}

  /** (Re)starts the countdown for `key`; `expire` runs once it elapses. */
  arm(key: string, expire: () => Promise<unknown>): void {
    this.clear(key);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      void expire().catch(() => {});
    }, this.idleMs);
    timer.unref();
    this.timers.set(key, timer);
  }

  clear(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  get size(): number {
    return this.timers.size;
  }

  /** Stops every countdown (shutdown): buttons stay as they are and keep working after a restart. */
  stopAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

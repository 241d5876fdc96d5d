/** Why an article could not be added or removed, in words the user can act on. */
export type IngestProblem =
  | "bad-url"
  | "private-address"
  | "unreachable"
  | "timeout"
  | "redirects"
  | "http-status"
  | "too-large"
  | "not-text"
  | "no-article"
  | "duplicate"
  | "not-found"
  | "reload-failed";

export class IngestError extends Error {
  constructor(
    readonly problem: IngestProblem,
    message: string,
  ) {
    super(message);
    this.name = "IngestError";
  }
}

import type { ArticleMeta } from "../types";

/** Metadata a file declares about itself (a page's head, a Markdown front matter); null where it declares none. */
export type DeclaredMeta = Partial<Pick<ArticleMeta, "title" | "outlet" | "author" | "date" | "time" | "place" | "url">>;

/** A file read into the text the article is made of, and what it declares. */
export interface DocumentText {
  text: string;
  declared: DeclaredMeta;
}

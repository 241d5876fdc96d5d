/**
 * The formats the corpus reads, by file extension: saved web pages (.html, .htm), Markdown (.md,
 * .markdown), and plain text (anything else, as it is). Each turns a file's text into the article's
 * text and the metadata the file declares, which wins over what the text heuristics find.
 */
import { extname } from "node:path";
import { readHtml } from "./html";
import { readMarkdown } from "./markdown";
import type { DocumentText } from "./types";
import type { ArticleMeta } from "../types";

/** The article's text and declared metadata, or why the file cannot be read as its format. */
export function readDocument(name: string, text: string): DocumentText | string {
  const extension = extname(name).toLowerCase();
  if (extension === ".html" || extension === ".htm") return readHtml(text);
  if (extension === ".md" || extension === ".markdown") return readMarkdown(text);
  return { text, declared: {} };
}

/** Declared fields win over those read from the text; a field declared null or not at all leaves the text's. */
export function withDeclared(meta: ArticleMeta, declared: DocumentText["declared"]): ArticleMeta {
  const stated = Object.entries(declared).filter(([, v]) => v !== null && v !== undefined);
  return { ...meta, ...Object.fromEntries(stated) };
}

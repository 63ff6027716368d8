/** TSDoc comments for generated declarations. */
import type { JSDocStructure, OptionalKind } from "ts-morph";

export type Docs = OptionalKind<JSDocStructure>[];

/** Joins paragraphs (empty ones dropped) into one TSDoc comment; no comment when all are empty. */
export function docs(...paragraphs: (string | undefined)[]): Docs {
  const text = paragraphs
    .filter((p): p is string => p !== undefined && p.trim() !== "")
    .map((p) => p.trim())
    .join("\n\n");
  return text === "" ? [] : [{ description: escapeComment(text) }];
}

/** Keeps `*\/` in documentation from closing the comment early. */
export function escapeComment(text: string): string {
  return text.replace(/\*\//g, "*\\/");
}

/** A value shown inline in docs: `"worker"`, `60`. */
export function code(value: unknown): string {
  return `\`${JSON.stringify(value)}\``;
}

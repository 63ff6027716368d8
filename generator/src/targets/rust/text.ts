/**
 * The Rust target's small printer: literals, doc comments and identifiers, written so that
 * rustfmt leaves them as they are (ASCII-only literals, no trailing spaces, no tabs).
 */
import { snakeOfPascal } from "../../model/naming.js";

/** A Rust string literal; everything outside printable ASCII is escaped, so its width is its length. */
export function stringLiteral(value: string): string {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (cp === 0) out += "\\0";
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else out += `\\u{${cp.toString(16)}}`;
  }
  return `${out}"`;
}

/** A Rust char literal of a code point (not a surrogate). */
export function charLiteral(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (ch === "\\") return "'\\\\'";
  if (ch === "'") return "'\\''";
  if (ch === "\n") return "'\\n'";
  if (ch === "\r") return "'\\r'";
  if (ch === "\t") return "'\\t'";
  if (cp === 0) return "'\\0'";
  if (cp >= 0x20 && cp < 0x7f) return `'${ch}'`;
  return `'\\u{${cp.toString(16)}}'`;
}

/** A format string literal: `{` and `}` doubled. */
export function formatLiteral(text: string): string {
  return stringLiteral(text.replace(/[{}]/g, (c) => c + c));
}

/** Doc text as comment lines with `marker` (`///` or `//!`) at `column`; nothing for empty text. */
export function docLines(text: string, column: number, marker = "///"): string[] {
  if (text.trim() === "") return [];
  const pad = " ".repeat(column);
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, "    ")
    .trim()
    .split("\n")
    .map((line) => {
      const t = line.trimEnd();
      return t === "" ? `${pad}${marker}` : `${pad}${marker} ${t}`;
    });
}

/** Doc paragraphs joined with an empty doc line between them. */
export function docParagraphs(paragraphs: readonly string[], column: number, marker = "///"): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    const lines = docLines(p, column, marker);
    if (lines.length === 0) continue;
    if (out.length > 0) out.push(`${" ".repeat(column)}${marker}`);
    out.push(...lines);
  }
  return out;
}

/** Keywords of Rust 2021 (strict and reserved); `r#` makes them identifiers. */
const KEYWORDS = new Set([
  "as",
  "break",
  "const",
  "continue",
  "else",
  "enum",
  "extern",
  "false",
  "fn",
  "for",
  "if",
  "impl",
  "in",
  "let",
  "loop",
  "match",
  "mod",
  "move",
  "mut",
  "pub",
  "ref",
  "return",
  "static",
  "struct",
  "trait",
  "true",
  "type",
  "unsafe",
  "use",
  "where",
  "while",
  "async",
  "await",
  "dyn",
  "abstract",
  "become",
  "box",
  "do",
  "final",
  "macro",
  "override",
  "priv",
  "typeof",
  "unsized",
  "virtual",
  "yield",
  "try",
  "gen",
]);

/** Keywords that cannot be raw identifiers either. */
export const UNUSABLE = new Set(["crate", "self", "super", "Self", "_"]);

/** A snake_case IDL name as a Rust identifier: keywords become raw identifiers (`r#type`). */
export function ident(name: string): string {
  return KEYWORDS.has(name) ? `r#${name}` : name;
}

/** Whether `ident(name)` is a raw identifier (which format strings cannot name inline). */
export function isRaw(name: string): boolean {
  return KEYWORDS.has(name);
}

/** `SeccompPolicy` -> `SECCOMP_POLICY`. */
export function screamingOfPascal(name: string): string {
  return snakeOfPascal(name).toUpperCase();
}

/** Blocks of lines as a file's text: one empty line between blocks, one newline at the end. */
export function fileText(blocks: readonly (readonly string[])[]): string {
  return `${blocks
    .filter((b) => b.length > 0)
    .map((b) => b.join("\n"))
    .join("\n\n")}\n`;
}

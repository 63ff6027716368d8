/**
 * Small readers over tree-sitter's Rust syntax tree: source ranges, the doc comments and
 * attributes in front of an item, attribute arguments as nested metas (`rename = "x"`,
 * `bound(serialize = "...")`), and Rust string literals.
 */
import type { Position, SourceRange } from "../../diagnostics/diagnostic.js";
import type { Node } from "./parser.js";

/** A Rust file being imported: its display path, text and line starts (for ranges). */
export class RustFile {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.lineStarts[lo]! + 1, offset };
  }

  /** The range of a node (web-tree-sitter indexes JavaScript strings in UTF-16 code units, as our columns count). */
  range(node: Node): SourceRange {
    return { file: this.path, start: this.position(node.startIndex), end: this.position(node.endIndex) };
  }
}

/** The named children of a node. */
export function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null);
}

/** Every child of a node, punctuation included. */
export function allChildren(node: Node): Node[] {
  return node.children.filter((c): c is Node => c !== null);
}

/** The child under a field name of the grammar, if any. */
export function field(node: Node, name: string): Node | undefined {
  return node.childForFieldName(name) ?? undefined;
}

/** An attribute: `#[serde(...)]`, `#[derive(...)]`, `#[default]`, `#[doc = "..."]`, `#[cfg(test)]`. */
export interface Attribute {
  /** The attribute's path as written: `serde`, `derive`, `serde_with::skip_serializing_none`. */
  readonly path: string;
  readonly node: Node;
  /** The parenthesised arguments, as metas. */
  readonly args?: readonly Meta[];
  /** The value after `=`. */
  readonly value?: Node;
}

/** One argument of an attribute: `name`, `name = "value"`, or `name(nested, ...)`. */
export interface Meta {
  readonly name: string;
  readonly node: Node;
  /** The literal after `=`, decoded when it is a string (`"Option::is_none"`). */
  readonly value?: string;
  readonly valueNode?: Node;
  readonly list?: readonly Meta[];
}

/** Doc comments and attributes written before an item, a field or a variant. */
export interface Leading {
  readonly docs: string[];
  readonly attributes: Attribute[];
  /** Plain line and block comments (not docs) since the previous declaration, without ruler lines (`// =====`). */
  readonly comments: string[];
}

/**
 * Walks the children of a list (a file, a declaration list, a field list), handing each
 * declaration to `visit` with the doc comments and outer attributes in front of it.
 */
export function eachWithLeading(list: Node, visit: (node: Node, leading: Leading) => void): void {
  let pending: Leading = { docs: [], attributes: [], comments: [] };
  for (const child of namedChildren(list)) {
    if (child.type === "line_comment" || child.type === "block_comment") {
      const doc = outerDoc(child);
      if (doc !== undefined) pending.docs.push(doc);
      else pending.comments.push(...plainComment(child));
      continue;
    }
    if (child.type === "attribute_item") {
      const attribute = readAttribute(child);
      if (attribute) {
        const docValue = attribute.path === "doc" && attribute.value ? stringLiteral(attribute.value) : undefined;
        if (docValue !== undefined) pending.docs.push(stripOneSpace(docValue));
        else pending.attributes.push(attribute);
      }
      continue;
    }
    if (child.type === "inner_attribute_item") continue;
    visit(child, pending);
    pending = { docs: [], attributes: [], comments: [] };
  }
}

/** The lines of a comment that is not a doc comment (nor an inner doc), without its markers and without ruler lines. */
function plainComment(comment: Node): string[] {
  if (namedChildren(comment).some((c) => c.type === "inner_doc_comment_marker")) return [];
  const text = comment.text;
  const lines = comment.type === "line_comment" ? [text.replace(/^\/\/\s?/, "")] : text.replace(/^\/\*+|\*+\/$/g, "").split(/\r?\n/);
  return lines.map((l) => l.replace(/^\s*\*?\s?/, "").trimEnd()).filter((l) => !/^[\s=\-*#~_+/]*$/.test(l));
}

/** The module doc: `//!` comments at the top of a file. */
export function innerDocs(file: Node): string[] {
  const docs: string[] = [];
  for (const child of namedChildren(file)) {
    if (child.type !== "line_comment" && child.type !== "block_comment") continue;
    const marker = namedChildren(child).find((c) => c.type === "inner_doc_comment_marker");
    const doc = namedChildren(child).find((c) => c.type === "doc_comment");
    if (marker && doc) docs.push(...docLines(child.type, doc.text));
  }
  return docs;
}

function outerDoc(comment: Node): string | undefined {
  const marker = namedChildren(comment).find((c) => c.type === "outer_doc_comment_marker");
  const doc = namedChildren(comment).find((c) => c.type === "doc_comment");
  if (!marker || !doc) return undefined;
  return docLines(comment.type, doc.text).join("\n");
}

function docLines(kind: string, text: string): string[] {
  if (kind === "line_comment") return [stripOneSpace(text.replace(/\r?\n$/, ""))];
  // `/** ... */`: leading ` * ` of each line goes, as rustdoc does.
  const lines = text.split(/\r?\n/).map((l) => l.replace(/^\s*\* ?/, (m) => (m.trim() === "*" ? "" : m)));
  while (lines.length > 0 && lines[0]!.trim() === "") lines.shift();
  while (lines.length > 0 && lines.at(-1)!.trim() === "") lines.pop();
  return lines.map((l) => stripOneSpace(l.replace(/^\s*\*\s?/, "")));
}

function stripOneSpace(line: string): string {
  return (line.startsWith(" ") ? line.slice(1) : line).trimEnd();
}

/** The doc text of an item: its doc lines, or undefined when it has none. */
export function docOf(leading: Leading): string | undefined {
  if (leading.docs.length === 0) return undefined;
  const text = leading.docs.join("\n").replace(/^\n+|\s+$/g, "");
  return text === "" ? undefined : text;
}

function readAttribute(item: Node): Attribute | undefined {
  const attr = namedChildren(item).find((c) => c.type === "attribute");
  if (!attr) return undefined;
  const children = namedChildren(attr);
  const path = children[0];
  if (!path) return undefined;
  const args = field(attr, "arguments");
  const value = field(attr, "value");
  return {
    path: path.text.replace(/\s+/g, ""),
    node: attr,
    ...(args && { args: readMetas(args) }),
    ...(value && { value }),
  };
}

/** Reads a token tree `( ... )` as comma-separated metas. */
function readMetas(tree: Node): Meta[] {
  const tokens = allChildren(tree).slice(1, -1);
  const metas: Meta[] = [];
  let i = 0;
  while (i < tokens.length) {
    const head = tokens[i]!;
    if (head.type === ",") {
      i++;
      continue;
    }
    let name = head.text;
    let j = i + 1;
    // A path as a name (`serde::x`) is kept whole; serde's own metas are plain identifiers.
    while (tokens[j]?.type === "::" && tokens[j + 1]) {
      name += `::${tokens[j + 1]!.text}`;
      j += 2;
    }
    const next = tokens[j];
    if (next?.type === "=" && tokens[j + 1]) {
      const valueNode = tokens[j + 1]!;
      const value = stringLiteral(valueNode) ?? valueNode.text;
      metas.push({ name, node: head, value, valueNode });
      j += 2;
    } else if (next?.type === "token_tree") {
      metas.push({ name, node: head, list: readMetas(next) });
      j += 1;
    } else {
      metas.push({ name, node: head });
    }
    // Skip anything else up to the next comma (malformed input is serde_derive's to refuse).
    while (j < tokens.length && tokens[j]!.type !== ",") j++;
    i = j;
  }
  return metas;
}

/** The value of a Rust string literal (`"a\n"`, `r#"a"#`), or undefined for another node. */
export function stringLiteral(node: Node): string | undefined {
  if (node.type === "raw_string_literal") {
    return namedChildren(node).find((c) => c.type === "string_content")?.text ?? "";
  }
  if (node.type !== "string_literal") return undefined;
  let out = "";
  for (const part of namedChildren(node)) {
    if (part.type === "string_content") out += part.text;
    else if (part.type === "escape_sequence") out += unescape(part.text);
  }
  return out;
}

/** The value of a Rust char literal (`'a'`, `'\n'`), or undefined. */
export function charLiteral(node: Node): string | undefined {
  if (node.type !== "char_literal") return undefined;
  const inner = node.text.slice(1, -1);
  return inner.startsWith("\\") ? unescape(inner) : inner;
}

function unescape(seq: string): string {
  switch (seq[1]) {
    case "n":
      return "\n";
    case "r":
      return "\r";
    case "t":
      return "\t";
    case "0":
      return "\0";
    case "\\":
    case '"':
    case "'":
      return seq[1];
    case "x":
      return String.fromCharCode(parseInt(seq.slice(2), 16));
    case "u":
      return String.fromCodePoint(parseInt(seq.slice(3, -1).replace(/_/g, ""), 16));
    case "\n":
    case "\r":
      // A line continuation: the newline and the next line's leading whitespace go.
      return "";
    default:
      return seq;
  }
}

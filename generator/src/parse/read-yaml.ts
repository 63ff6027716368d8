/**
 * Reads one IDL file as YAML, keeping source positions. Refuses what has no place in an IDL
 * (anchors and aliases, explicit tags, several documents, non-string keys) with a location.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { diagnostic, type Diagnostic, type Position, type SourceRange } from "../diagnostics/diagnostic.js";

/** An IDL file as given to the loader: its display path (`idl/pool.yaml`) and text. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

export interface YamlFile {
  readonly file: SourceFile;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** The document as plain data (after the checks above, so no aliases to expand). */
  readonly data: unknown;
}

export const MAX_FILE_BYTES = 1024 * 1024;

export function positionAt(lines: LineCounter, offset: number): Position {
  const { line, col } = lines.linePos(offset);
  return { line, col, offset };
}

export function rangeAt(yaml: Pick<YamlFile, "file" | "lines">, start: number, end: number = start): SourceRange {
  return { file: yaml.file.path, start: positionAt(yaml.lines, start), end: positionAt(yaml.lines, end) };
}

/** Range of a node's value (without trailing comments), or of the file start for a missing node. */
export function nodeRange(yaml: Pick<YamlFile, "file" | "lines">, node: Node | null | undefined): SourceRange {
  const r = node?.range;
  return r ? rangeAt(yaml, r[0], r[1]) : rangeAt(yaml, 0, 0);
}

export function readYaml(file: SourceFile): { yaml?: YamlFile; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  const at = (start: number, end = start): SourceRange => rangeAt({ file, lines }, start, end);
  const size = Buffer.byteLength(file.text, "utf8");
  if (size > MAX_FILE_BYTES) {
    // Count lines anyway so the location is right.
    lines.addNewLine(0);
    return { diagnostics: [diagnostic("file-too-large", at(0), { size, limit: MAX_FILE_BYTES })] };
  }
  const doc = parseDocument(file.text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    version: "1.2",
    schema: "core",
    merge: false,
    keepSourceTokens: false,
  });
  const diagnostics: Diagnostic[] = [];
  for (const error of doc.errors) {
    const [start, end] = error.pos;
    if (error.code === "MULTIPLE_DOCS") {
      diagnostics.push(diagnostic("yaml-multiple-documents", at(start, end)));
    } else if (error.code === "DUPLICATE_KEY") {
      diagnostics.push(diagnostic("duplicate-key", at(start, end), { key: file.text.slice(start, end) }));
    } else {
      diagnostics.push(diagnostic("yaml-syntax", at(start, end), { detail: firstLine(error.message) }));
    }
  }
  checkNodes(doc.contents, (code, node, args) => {
    const r = node.range ?? [0, 0];
    diagnostics.push(diagnostic(code, at(r[0], r[1]), args));
  });
  if (diagnostics.length > 0) return { diagnostics };
  return { yaml: { file, doc, lines, data: doc.toJS({ maxAliasCount: 0 }) }, diagnostics };
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

type Report = (code: "yaml-alias" | "yaml-tag" | "yaml-non-string-key", node: Node, args?: Record<string, string>) => void;

/** Walks the tree by hand (an explicit stack, so a deeply nested file cannot overflow the call stack). */
function checkNodes(root: unknown, report: Report): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || node === undefined) continue;
    if (isAlias(node)) {
      report("yaml-alias", node);
      continue;
    }
    if (isScalar(node) || isMap(node) || isSeq(node)) {
      if (node.anchor !== undefined) report("yaml-alias", node);
      if (node.tag !== undefined) report("yaml-tag", node, { tag: node.tag });
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key;
        if (!isScalar(key) || typeof key.value !== "string" || key.tag !== undefined || key.anchor !== undefined) {
          if (isScalar(key) && (key.tag !== undefined || key.anchor !== undefined)) stack.push(key);
          else report("yaml-non-string-key", (key as Node | null) ?? node);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      stack.push(node.value);
    }
  }
}

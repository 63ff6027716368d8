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
  /** Why the file could not be read (its text is then empty). */
  readonly unreadable?: string | undefined;
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
  if (file.unreadable !== undefined) {
    lines.addNewLine(0);
    return { diagnostics: [diagnostic("file-unreadable", at(0), { file: file.path, reason: file.unreadable })] };
  }
  const size = Buffer.byteLength(file.text, "utf8");
  if (size > MAX_FILE_BYTES) {
    // Count lines anyway so the location is right.
    lines.addNewLine(0);
    return { diagnostics: [diagnostic("file-too-large", at(0), { size, limit: MAX_FILE_BYTES })] };
  }
  const notText = notTextReason(file.text);
  if (notText !== undefined) {
    // Located by counting the lines ourselves: the parser stops counting at its first error.
    lines.addNewLine(0);
    for (let i = file.text.indexOf("\n"); i >= 0; i = file.text.indexOf("\n", i + 1)) lines.addNewLine(i + 1);
    return { diagnostics: [diagnostic("file-unreadable", at(notText.offset), { file: file.path, reason: notText.reason })] };
  }
  const doc = parseDocument(file.text, {
    lineCounter: lines,
    prettyErrors: false,
    // Duplicate keys are found in checkNodes: yaml's own check scans the mapping for every key.
    uniqueKeys: false,
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
    } else if (error.code === "MISSING_CHAR" && /^Missing closing ["']quote/.test(error.message)) {
      // The parser notices at the end of the file or line; the string starts at its opening quote.
      const quote = /^Missing closing (["'])/.exec(error.message)![1]!;
      const open = openingQuote(file.text, start, quote);
      diagnostics.push(
        diagnostic("yaml-syntax", at(open ?? start, open === undefined ? end : open + 1), {
          detail: `This ${quote === '"' ? "double" : "single"}-quoted string is never closed (missing closing ${quote})`,
        }),
      );
    } else {
      diagnostics.push(diagnostic("yaml-syntax", at(start, end), { detail: firstLine(error.message) }));
    }
  }
  checkNodes(doc.contents, file.text, (code, start, end, args) => diagnostics.push(diagnostic(code, at(start, end), args)));
  if (diagnostics.length > 0) return { diagnostics: afterFirstSyntaxError(diagnostics) };
  return { yaml: { file, doc, lines, data: doc.toJS({ maxAliasCount: 0 }) }, diagnostics };
}

/**
 * After a YAML syntax error the parser guesses the structure, so what it reports further on (a
 * tab in the indentation alone gives a dozen "All mapping items must start at the same column")
 * follows from that one mistake: the first syntax error is kept, and what lies after it dropped.
 */
function afterFirstSyntaxError(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const sorted = [...diagnostics].sort((a, b) => a.range.start.offset - b.range.start.offset);
  const first = sorted.find((d) => d.code === "yaml-syntax");
  if (first === undefined) return sorted;
  return sorted.filter((d) => d === first || (d.code !== "yaml-syntax" && d.range.start.offset < first.range.start.offset));
}

/**
 * Text that did not come from a UTF-8 text file: undecodable bytes (read as U+FFFD) or NUL.
 * Either would otherwise reach the generated code and docs silently.
 */
function notTextReason(text: string): { offset: number; reason: string } | undefined {
  const bad = text.search(/[\uFFFD\0]/);
  if (bad < 0) return undefined;
  return text[bad] === "\0"
    ? { offset: bad, reason: "it holds a NUL character, so it is not a text file" }
    : { offset: bad, reason: "it is not valid UTF-8; save it as UTF-8 (the first byte that cannot be decoded is here)" };
}

/** The quote that opens the string still open at `before`: the last one not escaped (`\"`, `''`). */
function openingQuote(text: string, before: number, quote: string): number | undefined {
  for (let i = text.lastIndexOf(quote, before - 1); i >= 0; i = text.lastIndexOf(quote, i - 1)) {
    if (quote === "'" && text[i - 1] === "'") {
      i--;
      continue;
    }
    let slashes = 0;
    while (quote === '"' && text[i - 1 - slashes] === "\\") slashes++;
    if (slashes % 2 === 0) return i;
  }
  return undefined;
}

function firstLine(message: string): string {
  if (/Maximum call stack size exceeded/.test(message)) return "The document is nested too deeply";
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

type Report = (code: "yaml-alias" | "yaml-tag" | "yaml-non-string-key" | "duplicate-key", start: number, end: number, args?: Record<string, string>) => void;

/**
 * Walks the tree by hand (an explicit stack, so a deeply nested file cannot overflow the call stack).
 * Anchors are reported once each where they are set (an alias bomb is a few anchors used many
 * times); an alias is reported only when no anchor was.
 */
function checkNodes(root: unknown, text: string, report: Report): void {
  const stack: unknown[] = [root];
  let anchors = 0;
  let firstAlias: Node | undefined;
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || node === undefined) continue;
    if (isAlias(node)) {
      if (firstAlias === undefined || (node.range?.[0] ?? 0) < (firstAlias.range?.[0] ?? 0)) firstAlias = node;
      continue;
    }
    if (isScalar(node) || isMap(node) || isSeq(node)) {
      const start = node.range?.[0] ?? 0;
      if (node.anchor !== undefined) {
        anchors++;
        const written = propertyBefore(text, start, `&${node.anchor}`);
        report("yaml-alias", written ?? start, (written ?? start) + node.anchor.length + 1);
      }
      if (node.tag !== undefined) {
        const shown = writtenTag(node.tag);
        const written = propertyBefore(text, start, shown);
        report("yaml-tag", written ?? start, (written ?? start) + shown.length, { tag: written === undefined ? node.tag : shown });
      }
    }
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key) && typeof key.value === "string") {
          if (seen.has(key.value)) {
            const r = key.range ?? [0, 0];
            report("duplicate-key", r[0], r[1], { key: key.value });
          }
          seen.add(key.value);
        }
        if (!isScalar(key) || typeof key.value !== "string" || key.tag !== undefined || key.anchor !== undefined) {
          if (isScalar(key) && typeof key.value === "string") stack.push(key);
          else {
            const r = (key as Node | null)?.range ?? node.range ?? [0, 0];
            report("yaml-non-string-key", r[0], r[1], { got: describeKey(key) });
          }
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      stack.push(node.value);
    }
  }
  if (anchors === 0 && firstAlias?.range) report("yaml-alias", firstAlias.range[0], firstAlias.range[1]);
}

/** `tag:yaml.org,2002:str` as written, `!!str`; local tags (`!custom`) as they are. */
function writtenTag(tag: string): string {
  const core = "tag:yaml.org,2002:";
  if (tag.startsWith(core)) return `!!${tag.slice(core.length)}`;
  return tag.startsWith("!") ? tag : `!<${tag}>`;
}

/**
 * Where a node property (a tag or an anchor) is written before the node's value starting at
 * `start`: only spaces, line breaks and other properties may lie between. Undefined if not found.
 */
function propertyBefore(text: string, start: number, written: string): number | undefined {
  const at = text.lastIndexOf(written, start - written.length);
  if (at < 0) return undefined;
  return /^(?:\s|[&!]\S*)*$/.test(text.slice(at + written.length, start)) ? at : undefined;
}

function describeKey(key: unknown): string {
  if (isMap(key)) return "a mapping";
  if (isSeq(key)) return "a list";
  if (isAlias(key)) return "an alias";
  if (isScalar(key) && key.value !== null) {
    const source = typeof key.source === "string" ? key.source : String(key.value);
    return typeof key.value === "number" ? `the number ${source}` : `the ${typeof key.value} ${source}`;
  }
  return "empty (null)";
}

/**
 * The Rust parser: tree-sitter's Rust grammar (the `tree-sitter-rust` package's WebAssembly build)
 * run by `web-tree-sitter`. Both are loaded on first use, through dynamic imports, so that only
 * `idlc import` ever pays for them.
 */
import { createRequire } from "node:module";
import type { Node, Parser, Tree } from "web-tree-sitter";

export type { Node, Tree } from "web-tree-sitter";

/** Parses Rust source text; the caller deletes the tree when done (it lives in WebAssembly memory). */
export interface RustParser {
  parse(text: string): Tree;
}

let loading: Promise<RustParser> | undefined;

/** Loads the parser once per process. */
export function loadRustParser(): Promise<RustParser> {
  loading ??= load();
  return loading;
}

async function load(): Promise<RustParser> {
  const { Parser: ParserClass, Language } = await import("web-tree-sitter");
  await ParserClass.init();
  const require = createRequire(import.meta.url);
  const language = await Language.load(require.resolve("tree-sitter-rust/tree-sitter-rust.wasm"));
  const parser: Parser = new ParserClass();
  parser.setLanguage(language);
  return {
    parse(text) {
      const tree = parser.parse(text);
      if (tree === null) throw new Error("tree-sitter returned no tree");
      return tree;
    },
  };
}

/** The first syntax error or missing token below a node, if any. */
export function firstSyntaxError(node: Node): Node | undefined {
  if (!node.hasError) return undefined;
  if (node.isError || node.isMissing) return node;
  for (const child of node.children) {
    if (child === null) continue;
    const found = firstSyntaxError(child);
    if (found) return found;
  }
  return node;
}

/** Finds the YAML nodes behind a path into the document's data, to place diagnostics. */
import { isMap, isScalar, isSeq, type Node, type Pair } from "yaml";
import type { SourceRange } from "../diagnostics/diagnostic.js";
import { nodeRange, type YamlFile } from "./read-yaml.js";

export type DataPath = readonly (string | number)[];

export interface Located {
  /** The value node at the path, if it exists. */
  readonly value: Node | undefined;
  /** The key node of the pair holding the value, when the value sits in a mapping. */
  readonly key: Node | undefined;
}

export function locate(yaml: YamlFile, path: DataPath): Located {
  let value: Node | undefined = (yaml.doc.contents ?? undefined) as Node | undefined;
  let key: Node | undefined;
  for (const segment of path) {
    if (isMap(value)) {
      const pair = findPair(value.items as Pair<Node, Node>[], String(segment));
      if (pair === undefined) return { value: undefined, key: undefined };
      key = pair.key ?? undefined;
      value = pair.value ?? undefined;
    } else if (isSeq(value) && typeof segment === "number") {
      value = (value.items[segment] as Node | undefined) ?? undefined;
      key = undefined;
    } else {
      return { value: undefined, key: undefined };
    }
  }
  return { value, key };
}

/** Each mapping's pairs by key, built on first use: a lookup per diagnostic must not scan the mapping. */
const pairIndex = new WeakMap<readonly Pair<Node, Node>[], Map<string, Pair<Node, Node>>>();

function findPair(items: readonly Pair<Node, Node>[], name: string): Pair<Node, Node> | undefined {
  let index = pairIndex.get(items);
  if (index === undefined) {
    index = new Map();
    for (const p of items) if (isScalar(p.key) && typeof p.key.value === "string" && !index.has(p.key.value)) index.set(p.key.value, p);
    pairIndex.set(items, index);
  }
  return index.get(name);
}

/** Range of the key at `path` (for unknown keys, names), else of its value, else of the nearest ancestor. */
export function keyRange(yaml: YamlFile, path: DataPath): SourceRange {
  for (let n = path.length; n >= 0; n--) {
    const found = locate(yaml, path.slice(0, n));
    const node = found.key ?? found.value;
    if (node?.range) return nodeRange(yaml, node);
  }
  return nodeRange(yaml, undefined);
}

/** Range of the value at `path`, else of its key, else of the nearest ancestor. */
export function valueRange(yaml: YamlFile, path: DataPath): SourceRange {
  const found = locate(yaml, path);
  const node = found.value?.range ? found.value : found.key;
  if (node?.range) return nodeRange(yaml, node);
  return keyRange(yaml, path.slice(0, -1));
}

/** Parses an ajv instancePath (`/types/PoolSpec/fields`) into segments. */
export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

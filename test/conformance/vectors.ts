/** The serde conformance vectors (recorded from serde_json on the seed's own types) and their exceptions. */
import { readFileSync } from "node:fs";

export interface VectorCase {
  readonly id: string;
  readonly type: string;
  readonly category: string;
  readonly why: string;
  readonly input_text: string;
  readonly ok: boolean;
  readonly canonical?: string;
  readonly pretty?: string;
  readonly error?: string;
}

export interface Vectors {
  readonly generator: string;
  readonly cases: readonly VectorCase[];
  readonly display: readonly { variant: string; display: string; serde_json: string }[];
  readonly paths: readonly { function: string; args: string[]; result: string }[];
  readonly defaults: readonly { type: string; canonical: string }[];
}

export const vectors: Vectors = JSON.parse(readFileSync(new URL("./serde-vectors.json", import.meta.url), "utf8"));

/** Cases whose outcome depends on JSON text that `JSON.parse` erases (duplicate keys, `1.0`, `-0`, integers above 2^53). */
export function isTextLevel(c: VectorCase): boolean {
  return c.category === "text-level";
}

export function jsonParses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

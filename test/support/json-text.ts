/**
 * What `JSON.parse` erases from a JSON text that serde_json still sees: the cases where a verdict
 * on the parsed value cannot match serde's verdict on the text, so a test of schemas or readers
 * on `JSON.parse` output must leave them to the text-level tests.
 */

const MAX_EXACT = 2n ** 53n;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why serde may read `text` differently from its `JSON.parse` value, or undefined: a repeated
 * key; a number written as a float (`1.0`, `1e2`, `-0`) that parses to an integer; an integer
 * beyond 2^53; a number beyond f64's range (or at its edge); a lone surrogate escape; nesting
 * deeper than serde_json's 127 levels. With `onlyFloats` (the text is read where every number is
 * an f32 or f64), `1.0` and `1` read the same.
 */
export function erasedByJsonParse(text: string, options: { readonly onlyFloats?: boolean } = {}): string | undefined {
  let pos = 0;
  let depth = 0;
  let maxDepth = 0;
  const fail = (why: string): never => {
    throw new Erased(why);
  };
  const ws = (): void => {
    while (pos < text.length && " \t\n\r".includes(text[pos]!)) pos++;
  };
  const string = (): string => {
    const start = pos;
    pos++;
    while (text[pos] !== '"') {
      if (text[pos] === "\\") pos += text[pos + 1] === "u" ? 6 : 2;
      else pos++;
    }
    pos++;
    const raw = text.slice(start, pos);
    const value = JSON.parse(raw) as string;
    if (LONE_SURROGATE.test(value)) fail("a lone surrogate escape");
    return value;
  };
  const number = (): void => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(text.slice(pos))!;
    pos += m[0].length;
    const token = m[0];
    const value = Number(token);
    if (!Number.isFinite(value) || Math.abs(value) >= 1.7976931348623157e308) fail(`a number at f64's edge (${token})`);
    const isFloatSyntax = m[2] !== undefined || m[3] !== undefined || token === "-0";
    if (isFloatSyntax && Number.isInteger(value) && options.onlyFloats !== true) fail(`a float written for an integer (${token})`);
    if (!isFloatSyntax && (BigInt(token) > MAX_EXACT || BigInt(token) < -MAX_EXACT)) fail(`an integer beyond 2^53 (${token})`);
  };
  const value = (): void => {
    ws();
    const c = text[pos];
    if (c === "{" || c === "[") {
      depth++;
      maxDepth = Math.max(maxDepth, depth);
      pos++;
      ws();
      const keys = new Set<string>();
      const close = c === "{" ? "}" : "]";
      if (text[pos] !== close) {
        for (;;) {
          if (c === "{") {
            ws();
            const key = string();
            if (keys.has(key)) fail(`a repeated key "${key}"`);
            keys.add(key);
            ws();
            pos++; // ':'
          }
          value();
          ws();
          if (text[pos] === ",") pos++;
          else break;
        }
      }
      pos++;
      depth--;
    } else if (c === '"') string();
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) number();
    else pos += c === "n" || c === "t" ? 4 : 5;
  };
  try {
    JSON.parse(text);
  } catch {
    return "JSON.parse refuses it";
  }
  try {
    value();
    if (maxDepth > 127) return `nesting ${maxDepth} deep`;
    return undefined;
  } catch (e) {
    if (e instanceof Erased) return e.why;
    throw e;
  }
}

class Erased {
  constructor(readonly why: string) {}
}

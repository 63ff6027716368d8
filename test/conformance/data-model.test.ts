/**
 * The generated TypeScript against real serde, for serde's whole data model: every read vector of
 * the serde lab (serde-lab-vectors.json, recorded from serde 1.0.152 / serde_json 1.0.87) whose
 * type the data-model golden fixture declares (lab-types.json maps each lab type to the fixture
 * type of the same wire behaviour, and lists the lab types left out, with the reason), read by
 * the package generated from that fixture, and written back as serde wrote it
 * (serde-lab-outputs.json).
 *
 * Per case:
 * - JSON text: `parseTJson(input_text)` succeeds exactly when serde's `from_str` did; then
 *   `stringifyT(value)` is serde's `to_string` and `stringifyT(value, { pretty: true })` its
 *   `to_string_pretty`, byte for byte. A refusal is a `ValidationError` (never another error)
 *   whose issues each name a JSON Pointer.
 * - JSON data: `parseT(JSON.parse(input_text))` gives the same verdict and output, unless
 *   `JSON.parse` erases what serde sees (a repeated key, `1.0` or `-0` for an integer, an integer
 *   beyond 2^53, a lone surrogate, nesting beyond 127; `erasedByJsonParse` says which): those cases
 *   are judged on the text path only, and counted per reason below.
 *
 * Where the package differs from serde on purpose, the case is listed in DIFFERENCES with its
 * reason (each documented in docs/idl.md, "Where the TypeScript package differs from serde"); a
 * listed case must still differ, in exactly the listed way.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as pkg from "../golden/fixtures/data-model/expected/src/index.js";
import { erasedByJsonParse } from "../support/json-text.js";

interface LabCase {
  readonly id: string;
  readonly type: string;
  readonly input_text: string;
  readonly ok: boolean;
}

interface LabOutput {
  readonly id: string;
  readonly canonical?: string | null;
  readonly pretty?: string | null;
  readonly pretty_sha256?: string;
  readonly order?: "unspecified";
  readonly canonical_sorted?: string;
  readonly pretty_sorted?: string;
  readonly write_error?: string;
  readonly display?: string;
}

/** How serde refused a case: its error's category and position (line 0: none; the column counts UTF-8 bytes). */
interface LabRefusal {
  readonly id: string;
  readonly error: string;
  readonly error_category: "data" | "syntax" | "eof";
  readonly error_line: number;
  readonly error_column: number;
}

const read = <T>(file: string): T => JSON.parse(readFileSync(new URL(file, import.meta.url), "utf8")) as T;
const lab = read<{ readonly cases: readonly LabCase[] }>("./serde-lab-vectors.json");
const outputs = read<{
  readonly outputs: readonly LabOutput[];
  readonly refusals: readonly LabRefusal[];
  readonly defaults: readonly { type: string; canonical: string }[];
}>("./serde-lab-outputs.json");
const labTypes = read<{
  readonly covered: Readonly<Record<string, string>>;
  readonly notCovered: Readonly<Record<string, string>>;
  readonly probes: { readonly reason: string; readonly types: readonly string[] };
}>("./lab-types.json");

const api = pkg as unknown as Record<string, (...args: unknown[]) => unknown>;
const outputOf = new Map(outputs.outputs.map((o) => [o.id, o]));
const refusalOf = new Map(outputs.refusals.map((o) => [o.id, o]));

/** Lab types whose every number is a float: there `1.0` and `1` read the same, so JSON.parse erases nothing. */
const FLOAT_TYPES = new Set(["f32", "f64", "Gauge"]);

/**
 * Cases where the package differs from serde on purpose, by reason (docs/idl.md, "Where the
 * TypeScript package differs from serde"), and how: it `refuses` what serde reads, or `writes`
 * other text. Each id must be a covered case that still differs in that way, on every path judged.
 */
const DIFFERENCES: readonly {
  readonly why: string;
  readonly way: "refuses" | "writes";
  readonly ids: readonly string[];
}[] = [
  {
    why: "a u64, i64, usize or isize beyond 2^53 is refused (unsafe-integer) rather than rounded; an untagged enum does not read it as a later variant either",
    way: "refuses",
    ids: [
      ...["i64", "u64", "usize", "isize"].flatMap((t) =>
        ["2^53+1", "2^63-1", ...(t.startsWith("u") ? ["2^63", "2^64-1"] : ["neg-2^63", "min"]), "max"].map(
          (c) => `scalars#${t}.${c}`,
        ),
      ),
      ...["clock_offset_ns.min", "clock_offset_ns.max", "open_fds.max", "credit_balance.min", "credit_balance.max"].map(
        (c) => `scalars#Counters.${c}`,
      ),
      "enums#Setting.big",
      "enums#Setting.neg-min",
    ],
  },
  {
    why: "a number with a point but no fraction digit (100000000000000000000.) is refused, as JSON and JSON.parse refuse it; serde_json 1.0.87 reads it where the integer part overflows u64",
    way: "refuses",
    ids: [
      ...["f32", "f64"].flatMap((t) =>
        ["long-int-dot", "long-int-dot-exp", "u64-over-dot"].map((c) => `scalars#${t}.${c}`),
      ),
      "raw#Value.long-int-dot",
      "raw#Value.long-int-dot-in-array",
    ],
  },
  {
    why: "an untagged enum's float variant after an integer variant: a float with an integral value (1.0, -0, 1e2) is a plain number in TypeScript, written as the first variant that takes it (the integer)",
    way: "writes",
    ids: ["enums#Setting.float-int", "enums#Setting.neg-zero", "enums#Setting.exp"],
  },
  {
    why: "an internally tagged enum written as an array ([tag, fields...]), a form serde reads but never writes, is not read",
    way: "refuses",
    ids: ["enums#Command.struct.seq", "enums#Command.seq.unit", "enums#Command.seq.newtype-flat"],
  },
  {
    why: 'a variant index as the tag ({"type": 0}), which serde reads only inside buffered content (here an untagged enum) and never writes, is not read',
    way: "refuses",
    ids: [
      "enums#Envelope.command-index",
      "enums#Envelope.command-index-4",
      "enums#Envelope.message-index",
      "enums#Envelope.message-index-unit",
    ],
  },
];

/**
 * Cases the JSON data path cannot judge although `erasedByJsonParse` finds nothing erased:
 * `JSON.parse` keeps the text's meaning for JavaScript, not serde's. Judged on the text path only;
 * the data path must still differ.
 */
const DATA_PATH_ERASED: Readonly<Record<string, readonly string[]>> = {
  "JSON.parse rounds a float correctly; serde_json 1.0.87 does not (serde lab §10.1)": ["scalars#f64.2^53+1-float"],
  'JSON.parse lists integer-like keys first ("80" before "080"), so which of two equal integer keys came last is lost':
    ["containers#PortMap.zero-key"],
};

/**
 * Refusals whose category differs from serde's on purpose, by reason (docs/idl.md, "Where the
 * TypeScript package differs from serde"): the case is refused on both sides, but serde's error is
 * of another category (and so at another place). Each rule names the cases it covers by serde's
 * error; how many each covers is pinned below, so none grows unnoticed.
 */
const REFUSAL_DIFFERENCES: readonly {
  readonly why: string;
  readonly covers: (c: LabCase, refusal: LabRefusal) => boolean;
}[] = [
  {
    why: "the package reads the whole text as JSON before reading the value; serde_json reads as it goes, so a text wrong for the type and malformed after that point (`null x`, `[`, `{1:2}` for an enum) is serde's data error and the package's invalid-json",
    covers: (c, refusal) => refusal.error_category === "data" && !isJson(c.input_text),
  },
  {
    why: "a JSON value of the wrong shape for an externally tagged enum (null, a number, an array, an object of no or two keys) is serde_json's syntax error `expected value`, though the text is JSON; the package's invalid-type",
    covers: (c, refusal) => refusal.error.startsWith("expected value") && isJson(c.input_text),
  },
  {
    why: "an array longer than a tuple (or a struct or variant written as an array) is serde_json's syntax error `trailing characters` (it stops reading after the elements it needs); the package's invalid-length",
    covers: (c, refusal) => refusal.error.startsWith("trailing characters") && isJson(c.input_text),
  },
  {
    why: "an internally or adjacently tagged enum written as an array: serde reads its first element as the tag (and refuses `[1]` there, at the element); the package reads no array form of an internally tagged enum, and of an adjacently tagged one only [tag, content], so refuses the array as a whole",
    covers: (c, refusal) =>
      TAGGED_ENUMS.has(c.type) && c.input_text.startsWith("[") && refusal.error.includes("expected variant identifier"),
  },
];

/** The lab's internally and adjacently tagged enums. */
const TAGGED_ENUMS = new Set(["Command", "StrictCommand", "Notice", "Message", "StrictMessage", "Signal"]);

/** Whether `JSON.parse` reads the text. */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The reason a refused case's category differs from serde's, or undefined. */
function refusalDifferenceOf(c: LabCase): string | undefined {
  const refusal = refusalOf.get(c.id);
  return refusal === undefined ? undefined : REFUSAL_DIFFERENCES.find((d) => d.covers(c, refusal))?.why;
}

const differenceOf = new Map(DIFFERENCES.flatMap((d) => d.ids.map((id) => [id, d] as const)));
const dataErasedOf = new Map(
  Object.entries(DATA_PATH_ERASED).flatMap(([why, ids]) => ids.map((id) => [id, why] as const)),
);

const covered = lab.cases.filter((c) => labTypes.covered[c.type] !== undefined);

/** A JSON Pointer (RFC 6901): "" or `/`-separated tokens with `~` escaped. */
const POINTER = /^(\/([^~/]|~[01])*)*$/;

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** What serde wrote for an ok case: compact and pretty (the BTree twin's output where serde's hash order is unspecified). */
function expectedOutput(c: LabCase): { canonical: string; pretty: string | { sha256: string } } {
  const o = outputOf.get(c.id);
  if (o === undefined) throw new Error(`no recorded output for ${c.id}`);
  if (o.order === "unspecified") return { canonical: o.canonical_sorted!, pretty: o.pretty_sorted! };
  return { canonical: o.canonical!, pretty: o.pretty_sha256 !== undefined ? { sha256: o.pretty_sha256 } : o.pretty! };
}

/** How the package's verdict and output differ from serde's on one case, by path (`text`, `data`); empty when they agree. */
function disagreements(c: LabCase, path: "text" | "data"): string[] {
  const T = labTypes.covered[c.type]!;
  const parse =
    path === "text" ? api[`parse${T}Json`]! : (text: unknown) => api[`parse${T}`]!(JSON.parse(text as string));
  let value: unknown;
  try {
    value = parse(c.input_text);
  } catch (error) {
    if (!(error instanceof pkg.ValidationError)) return [`threw ${String(error)} instead of a ValidationError`];
    const issues = error.issues;
    const bad = issues.filter((i) => typeof i.path !== "string" || !POINTER.test(i.path));
    if (issues.length === 0) return ["a ValidationError without issues"];
    if (bad.length > 0) return [`issues without a JSON Pointer: ${JSON.stringify(bad)}`];
    return c.ok
      ? [`refused what serde reads: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`]
      : refusalMismatch(c, issues);
  }
  if (!c.ok) return ["read what serde refuses"];
  const out: string[] = [];
  const expected = expectedOutput(c);
  const write = (pretty: boolean): string => {
    try {
      return api[`stringify${T}`]!(value, { pretty }) as string;
    } catch (error) {
      return `<threw ${String(error)}>`;
    }
  };
  const compact = write(false);
  if (compact !== expected.canonical) out.push(`wrote ${compact}, serde ${expected.canonical}`);
  const pretty = write(true);
  if (typeof expected.pretty === "string" ? pretty !== expected.pretty : sha256(pretty) !== expected.pretty.sha256) {
    out.push(
      `wrote pretty ${JSON.stringify(pretty.slice(0, 200))}, serde ${JSON.stringify(typeof expected.pretty === "string" ? expected.pretty : "(sha256)")}`,
    );
  }
  const display = outputOf.get(c.id)?.display;
  if (display !== undefined && api[`display${T}`]!(value) !== display)
    out.push(`displayed ${String(api[`display${T}`]!(value))}, serde ${display}`);
  return out;
}

/**
 * How the package's refusal differs from serde's: the category (a syntax or EOF error of serde's
 * is the package's `invalid-json`; a data error any other issue code) and, for a data error with a
 * position, where: some issue must sit at the value serde's position falls in, or inside it (serde
 * places some errors just before the value or at its end, the package at the field it names).
 */
function refusalMismatch(c: LabCase, issues: readonly { path: string; code: string }[]): string[] {
  const refusal = refusalOf.get(c.id);
  if (refusal === undefined) return [`no recorded refusal for ${c.id}`];
  if (refusalDifferenceOf(c) !== undefined) return [];
  const out: string[] = [];
  const syntax = refusal.error_category !== "data";
  const codes = issues.map((i) => i.code);
  const what = issues.map((i) => `${i.path} ${i.code}`).join("; ");
  if (syntax ? !codes.includes("invalid-json") : codes.every((code) => code === "invalid-json")) {
    out.push(`refused as ${what}; serde's error is a ${refusal.error_category} error`);
  }
  if (!syntax && refusal.error_line > 0) {
    const at = pointerAt(c.input_text, refusal.error_line, refusal.error_column);
    if (!issues.some((i) => i.path === at || i.path.startsWith(`${at}/`)))
      out.push(`refused at ${what}; serde at ${JSON.stringify(at)}`);
  }
  return out;
}

/**
 * The JSON Pointer of the innermost value of `text` holding serde's error position (line, and
 * column counted in UTF-8 bytes: the position of the byte at that column, column 0 being before
 * the line's first byte). A position on a member's key is that member's value; on a comma, colon,
 * bracket or space, the enclosing container. Reads only as far as the position (the text after it
 * may be anything).
 */
function pointerAt(text: string, line: number, column: number): string {
  const bytes = Buffer.from(text, "utf8");
  let start = 0;
  for (let l = 1; l < line; l++) start = bytes.indexOf(10, start) + 1;
  const target = start + column - 1;
  const token = (t: string): string => t.replace(/~/g, "~0").replace(/\//g, "~1");
  interface Frame {
    readonly path: string;
    readonly isArray: boolean;
    index: number;
    key: string;
    expectingKey: boolean;
  }
  const stack: Frame[] = [];
  const top = (): Frame | undefined => stack[stack.length - 1];
  const here = (): string => top()?.path ?? "";
  const slot = (): string => {
    const f = top();
    if (f === undefined) return "";
    return `${f.path}/${f.isArray ? String(f.index) : token(f.key)}`;
  };
  let i = 0;
  while (i < bytes.length && i <= target) {
    const b = bytes[i]!;
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x3a || b === 0x2c) {
      if (i === target) return here();
      const f = top();
      if (b === 0x2c && f !== undefined) {
        if (f.isArray) f.index++;
        else f.expectingKey = true;
      }
      if (b === 0x3a && f !== undefined) f.expectingKey = false;
      i++;
    } else if (b === 0x7b || b === 0x5b) {
      const path = slot();
      if (i === target) return path;
      stack.push({ path, isArray: b === 0x5b, index: 0, key: "", expectingKey: b === 0x7b });
      i++;
    } else if (b === 0x7d || b === 0x5d) {
      if (i === target) return here();
      stack.pop();
      i++;
    } else if (b === 0x22) {
      let end = i + 1;
      while (end < bytes.length && bytes[end] !== 0x22) end += bytes[end] === 0x5c ? 2 : 1;
      const f = top();
      if (f !== undefined && !f.isArray && f.expectingKey) {
        f.key = JSON.parse(bytes.subarray(i, end + 1).toString("utf8")) as string;
        if (target <= end) return slot();
      } else if (target <= end) return slot();
      i = end + 1;
    } else {
      let end = i;
      while (end < bytes.length && !" \t\n\r,:]}".includes(String.fromCharCode(bytes[end]!))) end++;
      if (target < end) return slot();
      i = end;
    }
  }
  return here();
}

/** Why the data path cannot judge a case (JSON.parse refuses or erases what serde sees), or undefined. */
function erased(c: LabCase): string | undefined {
  return erasedByJsonParse(c.input_text, { onlyFloats: FLOAT_TYPES.has(c.type) });
}

describe("the data-model fixture's TypeScript against serde's recorded behaviour", () => {
  it("covers every lab type it can, and lists the others with the reason", () => {
    const types = [...new Set(lab.cases.map((c) => c.type))];
    const listed = new Set([...Object.keys(labTypes.notCovered), ...labTypes.probes.types]);
    expect(
      types.filter((t) => labTypes.covered[t] === undefined && !listed.has(t)),
      "lab types neither covered nor listed",
    ).toEqual([]);
    expect(
      Object.keys(labTypes.covered).filter((t) => !types.includes(t)),
      "covered types without vectors",
    ).toEqual([]);
    expect(
      types.filter((t) => labTypes.covered[t] !== undefined && listed.has(t)),
      "both covered and listed",
    ).toEqual([]);
    for (const fixtureType of Object.values(labTypes.covered))
      expect(typeof api[`parse${fixtureType}Json`], fixtureType).toBe("function");
    expect(Object.keys(labTypes.notCovered).sort()).toEqual(
      [
        "BTreeMap<bool, u32>",
        "BorrowedStr",
        "CowStr",
        "GreedyFirst",
        "Health",
        "Occurrence",
        "Option<Option<u32>>",
        "Patch",
        "Payload",
        "Probe",
        "StrictOpen",
        "TaggedBorrowedStr",
        "i128",
        "u128",
      ].sort(),
    );
    expect(labTypes.probes.types).toHaveLength(105);
  });

  it("covers this many cases per lab type", () => {
    const counts: Record<string, number> = {};
    for (const c of covered) counts[c.type] = (counts[c.type] ?? 0) + 1;
    expect(counts).toEqual(CASES_PER_TYPE);
    expect(covered.length).toBe(Object.values(CASES_PER_TYPE).reduce((a, b) => a + b, 0));
    // Every case serde read has its recorded output.
    expect(covered.filter((c) => c.ok && !outputOf.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it("judges this many cases on the JSON data path; the rest JSON.parse erases, by reason", () => {
    const reasons: Record<string, number> = {};
    for (const c of covered) {
      const why = erased(c);
      const key =
        why === undefined
          ? "judged"
          : why.startsWith("nesting")
            ? "nested deeper than 127 levels"
            : why.replace(/ \(.*\)$| "[^"]*"$/, "");
      reasons[key] = (reasons[key] ?? 0) + 1;
    }
    expect(reasons).toEqual(DATA_PATH);
  });

  it.each(covered.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const difference = differenceOf.get(c.id);
    const dataErased = dataErasedOf.get(c.id);
    const text = disagreements(c, "text");
    const data = erased(c) === undefined ? disagreements(c, "data") : [];
    if (dataErased !== undefined) {
      expect(text.join("\n"), c.input_text).toBe("");
      expect(data, `listed as erased on the data path (${dataErased}) but agrees there`).not.toEqual([]);
      return;
    }
    const found = [...text.map((d) => `text: ${d}`), ...data.map((d) => `data: ${d}`)];
    if (difference === undefined) {
      expect(found.join("\n"), c.input_text).toBe("");
      return;
    }
    // A listed difference: still there on each path judged, and only of the listed kind.
    const expected = difference.way === "refuses" ? "refused what serde reads" : "wrote ";
    expect(text.length, `listed as a difference (${difference.why}) but agrees with serde`).toBeGreaterThan(0);
    expect(
      [...text, ...data].filter((d) => !d.startsWith(expected)),
      difference.why,
    ).toEqual([]);
  });

  it("every listed case is a covered case", () => {
    const ids = new Set(covered.map((c) => c.id));
    expect([...differenceOf.keys(), ...dataErasedOf.keys()].filter((id) => !ids.has(id))).toEqual([]);
    expect(differenceOf.size + dataErasedOf.size).toBe(47);
  });

  it("refuses in serde's category, but for these, by reason", () => {
    const counts: Record<string, number> = {};
    for (const c of covered) {
      if (c.ok) continue;
      const why = refusalDifferenceOf(c);
      if (why !== undefined) counts[why] = (counts[why] ?? 0) + 1;
    }
    expect(REFUSAL_DIFFERENCES.map((d) => counts[d.why] ?? 0)).toEqual(REFUSAL_DIFFERENCE_COUNTS);
    // Every refused case has serde's recorded category and position.
    expect(covered.filter((c) => !c.ok && !refusalOf.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it("gives the lab's Default::default() where the fixture type has a default", () => {
    const without: string[] = [];
    for (const d of outputs.defaults) {
      const T = labTypes.covered[d.type]!;
      const dflt = api[`default${T}`];
      if (dflt === undefined) {
        without.push(d.type);
        continue;
      }
      expect(api[`stringify${T}`]!(dflt()), d.type).toBe(d.canonical);
    }
    // Rust derives Default for these; the fixture declares no default for them (has_default is not needed on the wire).
    expect(without).toEqual(["Gauge", "KeyBinding"]);
  });
});

/** Covered cases per lab type (all of the lab's cases of the type, but those longer than 4,096 characters). */
const CASES_PER_TYPE: Record<string, number> = {
  i8: 76,
  i16: 76,
  i32: 76,
  i64: 76,
  u8: 76,
  u16: 76,
  u32: 76,
  u64: 76,
  usize: 76,
  isize: 76,
  f32: 96,
  f64: 96,
  char: 27,
  String: 32,
  "()": 10,
  bool: 10,
  "Option<u8>": 8,
  "Option<()>": 8,
  Counters: 120,
  Gauge: 47,
  KeyBinding: 45,
  Event: 92,
  Action: 46,
  Priority: 41,
  Task: 40,
  Color: 48,
  Command: 91,
  StrictCommand: 42,
  Notice: 40,
  Message: 79,
  StrictMessage: 39,
  Signal: 39,
  Setting: 50,
  Limit: 43,
  Envelope: 41,
  BootArgs: 1,
  Mount: 40,
  "Vec<Command>": 2,
  "Vec<Setting>": 1,
  Millis: 40,
  Weighted: 42,
  Marker: 39,
  TenantId: 38,
  Host: 48,
  ImageRef: 36,
  StrictPoint: 42,
  Ownership: 35,
  Resource: 46,
  MaybeOwned: 40,
  OpenRecord: 41,
  Layered: 3,
  Job: 39,
  StrictResource: 4,
  Session: 40,
  Sparse: 41,
  Limits: 42,
  Quota: 35,
  Tenant: 38,
  Retry: 35,
  "(u8, String)": 12,
  "(i32, i32)": 4,
  "(u8,)": 3,
  "[u8; 3]": 6,
  "[u8; 0]": 4,
  "Vec<u8>": 11,
  "Vec<Option<u32>>": 2,
  "BTreeSet<String>": 5,
  "HashSet<u32>": 4,
  "BTreeMap<String, u32>": 12,
  "HashMap<String, u32>": 3,
  "HashMap<u32, String>": 2,
  "BTreeMap<u16, String>": 27,
  "BTreeMap<i64, u32>": 27,
  "BTreeMap<u64, u32>": 2,
  "BTreeMap<i8, u32>": 3,
  "Box<u32>": 2,
  Geometry: 40,
  Membership: 37,
  PortMap: 38,
  Palette: 37,
  Keymap: 37,
  Environment: 35,
  Node: 41,
  Value: 77,
  Webhook: 47,
  "Map<String, Value>": 2,
  "Vec<Value>": 1,
};

/** Covered cases judged on the JSON data path, and those JSON.parse erases, by reason. */
const DATA_PATH: Record<string, number> = {
  judged: 1440,
  "JSON.parse refuses it": 1440,
  "an integer beyond 2^53": 203,
  "a float written for an integer": 120,
  "a repeated key": 25,
  "a number at f64's edge": 23,
  "a lone surrogate escape": 14,
  "nested deeper than 127 levels": 14,
};

/** Refused cases per entry of REFUSAL_DIFFERENCES, in its order. */
const REFUSAL_DIFFERENCE_COUNTS = [183, 68, 17, 6];

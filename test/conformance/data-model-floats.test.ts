/**
 * The data-model fixture against serde's float and write vectors (serde-lab-floats.json, recorded
 * from serde_json 1.0.87 / ryu 1.0.2): every float text of the lab's floats.json read as an f64
 * (F64Value) and as an f32 (F32Value) gives exactly serde's bits, or is refused where serde refuses
 * it; every f64 and f32 value of the lab's writes.json is written byte for byte as serde wrote it,
 * compact and pretty; every other writes.json case of a type the fixture declares (the value given
 * only as Rust's Debug) is checked through serde's output: read back, it is written again byte for
 * byte. The cases that cannot apply are listed with the reason.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as pkg from "../golden/fixtures/data-model/expected/src/index.js";

interface FloatRead {
  readonly id: string;
  readonly input_text: string;
  readonly ok: boolean;
  readonly f64_bits?: string;
  readonly f32_bits?: string;
}

interface FloatWrite {
  readonly id: string;
  readonly type: "f64" | "f32";
  readonly value_debug: string;
  readonly canonical: string;
  readonly pretty: string;
}

interface OtherWrite {
  readonly id: string;
  readonly type: string;
  readonly value_debug: string;
  readonly canonical: string | null;
  readonly pretty: string | null;
  readonly reread?: { readonly ok: boolean; readonly canonical?: string };
}

const lab = JSON.parse(readFileSync(new URL("./serde-lab-floats.json", import.meta.url), "utf8")) as {
  readonly reads: readonly FloatRead[];
  readonly writes: readonly FloatWrite[];
  readonly other_writes: readonly OtherWrite[];
};
const labTypes = JSON.parse(readFileSync(new URL("./lab-types.json", import.meta.url), "utf8")) as {
  readonly covered: Readonly<Record<string, string>>;
};
const api = pkg as unknown as Record<string, (...args: unknown[]) => unknown>;

/**
 * Other write cases that cannot be checked by reading serde's output back, by reason: serde's own
 * output does not read back as the value (serde's `reread` fails or gives other text), or the
 * package differs on purpose (docs/idl.md, "Where the TypeScript package differs from serde").
 */
const OTHER_WRITES_NOT_CHECKED: Readonly<Record<string, readonly string[]>> = {
  "serde's output does not read back (non-finite floats written null, a map entry or flattened key that repeats the tag or a field, skipped or omitted required fields, a chain written one level deeper than serde reads)":
    [
      "writes#Gauge.nan",
      "writes#Command.label-with-type-key",
      "writes#OpenRecord.extra-shadows-id",
      "writes#Session.full",
      "writes#Sparse.all-empty",
      "writes#Node.chain-127",
      "writes#Node.chain-128",
      "writes#Node.chain-200",
    ],
  "an integer beyond 2^53 is refused rather than rounded": ["writes#Counters.extremes"],
  "an untagged float variant after an integer variant: 2.0 is a plain number, written as the integer variant": [
    "writes#Setting.ratio-integral",
  ],
};
const otherNotChecked = new Map(
  Object.entries(OTHER_WRITES_NOT_CHECKED).flatMap(([why, ids]) => ids.map((id) => [id, why] as const)),
);

/**
 * Write cases the package cannot take, with the reason (docs/idl.md): a NaN, and an infinite f64,
 * are never read (serde_json refuses every text for them), so the package refuses them on write
 * too rather than write a `null` that does not read back. An infinite f32 is read (beyond f32's
 * range) and written `null`, as serde does.
 */
const NOT_WRITTEN: Readonly<Record<string, string>> = {
  "writes#f64.nan": "NaN is never read",
  "writes#f64.inf": "an infinite f64 is never read",
  "writes#f64.neg-inf": "an infinite f64 is never read",
  "writes#f32.nan": "NaN is never read",
};

/** Read cases where the package differs from serde on purpose (docs/idl.md, "Where the TypeScript package differs from serde"). */
const READ_DIFFERENCES: Readonly<Record<string, string>> = {
  "floats#f64.n099":
    "a number with a point but no fraction digit (100000000000000000000.) is refused, as JSON refuses it",
};

function f64Bits(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, "0");
}

function f32Bits(x: number): string {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, x);
  return view.getUint32(0).toString(16).padStart(8, "0");
}

/** A float as Rust's Debug prints it (`inf`, `NaN`, `1e16`, `0.1`), as a JavaScript number. */
function fromDebug(text: string): number {
  if (text === "NaN") return Number.NaN;
  if (text === "inf") return Infinity;
  if (text === "-inf") return -Infinity;
  return Number(text);
}

describe("f64 and f32 read and written as serde does", () => {
  it.each(lab.reads.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    if (READ_DIFFERENCES[c.id] !== undefined) {
      // Listed: serde reads it, the package refuses it.
      expect(pkg.safeParseF64ValueJson(c.input_text).ok, READ_DIFFERENCES[c.id]).toBe(false);
      expect(pkg.safeParseF32ValueJson(c.input_text).ok, READ_DIFFERENCES[c.id]).toBe(false);
      return;
    }
    if (!c.ok) {
      for (const T of ["F64Value", "F32Value"]) {
        const result = pkg[`safeParse${T}Json` as "safeParseF64ValueJson"](c.input_text);
        expect(result.ok, `${T} reads ${c.input_text}`).toBe(false);
        if (!result.ok) expect(result.error.issues.map((i) => i.code)).toContain("invalid-json");
      }
      return;
    }
    const f64 = pkg.parseF64ValueJson(c.input_text);
    expect(f64Bits(f64), `f64 of ${c.input_text}`).toBe(c.f64_bits);
    const f32 = pkg.parseF32ValueJson(c.input_text);
    expect(f32Bits(f32), `f32 of ${c.input_text}`).toBe(c.f32_bits);
  });

  it.each(lab.writes.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const value = fromDebug(c.value_debug);
    const stringify = c.type === "f64" ? pkg.stringifyF64Value : pkg.stringifyF32Value;
    if (NOT_WRITTEN[c.id] !== undefined) {
      expect(() => stringify(value), NOT_WRITTEN[c.id]).toThrow(pkg.ValidationError);
      return;
    }
    expect(stringify(value)).toBe(c.canonical);
    expect(stringify(value, { pretty: true })).toBe(c.pretty);
  });

  it.each(lab.other_writes.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const T = labTypes.covered[c.type]!;
    const why = otherNotChecked.get(c.id);
    const roundTrip = (): string[] => {
      const value = api[`parse${T}Json`]!(c.canonical);
      return [api[`stringify${T}`]!(value) as string, api[`stringify${T}`]!(value, { pretty: true }) as string];
    };
    if (why !== undefined) {
      // Listed: serde's output does not read back, or the package refuses or rewrites it.
      const rereads = c.reread?.ok === true && c.reread.canonical === c.canonical;
      let agrees = false;
      try {
        agrees = JSON.stringify(roundTrip()) === JSON.stringify([c.canonical, c.pretty]);
      } catch {
        agrees = false;
      }
      expect(rereads && agrees, why).toBe(false);
      return;
    }
    expect(c.reread, "serde reads its output back as the same text").toEqual(
      expect.objectContaining({ ok: true, canonical: c.canonical }),
    );
    expect(roundTrip()).toEqual([c.canonical, c.pretty]);
  });

  it("judges every case", () => {
    expect(lab.reads).toHaveLength(102);
    expect(lab.writes).toHaveLength(41);
    expect(lab.other_writes).toHaveLength(71);
    expect([...otherNotChecked.keys()].filter((id) => !lab.other_writes.some((c) => c.id === id))).toEqual([]);
    expect(Object.keys(NOT_WRITTEN).filter((id) => !lab.writes.some((c) => c.id === id))).toEqual([]);
    expect(Object.keys(READ_DIFFERENCES).filter((id) => !lab.reads.some((c) => c.id === id && c.ok))).toEqual([]);
  });
});

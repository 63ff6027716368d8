/**
 * Agreement with serde_json, case by case, as test/conformance/README.md defines it: values read
 * through JSON.parse and the generated parse<Type>, written back with stringify<Type>. Run on
 * any package generated from a pool model: the committed one, or one generated from IDL that
 * `idlc import rust` wrote from pool.rs.
 */
import { describe, expect, it } from "vitest";
import { isTextLevel, jsonParses, vectors, type VectorCase } from "../../conformance/vectors.js";

/** What the suite uses of a generated pool package. */
export interface PoolPackage {
  readonly ValidationError: abstract new (...args: never[]) => { readonly issues: readonly unknown[] };
  readonly [name: string]: unknown;
}

type Api = {
  parse: (input: unknown) => unknown;
  stringify: (value: never, options?: { pretty?: boolean }) => string;
};

/**
 * `ids: "checked"`: the path helpers apply upstream's id rule (the IDL types their parameters
 * `Id`), so ids that break it are refused. `ids: "segments"`: the parameters are plain strings
 * (as `idlc import rust` writes them), so every id that is one path segment gives the Rust string.
 */
export function serdeVectorsSuite(model: PoolPackage, options: { ids: "checked" | "segments" } = { ids: "checked" }): void {
  function api(type: string): Api {
    const m = model as unknown as Record<string, unknown>;
    const parse = m[`parse${type}`];
    const stringify = m[`stringify${type}`];
    if (typeof parse !== "function" || typeof stringify !== "function") throw new Error(`no API for ${type}`);
    return { parse: parse as Api["parse"], stringify: stringify as Api["stringify"] };
  }

  /**
   * Every case JSON.parse accepts, but those whose outcome hangs on text JSON.parse erases. serde's
   * other forms (a struct as an array, a unit variant as {"worker": null}) are read as serde reads them.
   */
  const agreed = vectors.cases.filter((c) => jsonParses(c.input_text) && !isTextLevel(c));

  describe("serde vectors: cases JSON.parse accepts", () => {
    it("covers most of the file", () => {
      expect(vectors.cases.length).toBe(347);
      expect(agreed.length).toBeGreaterThan(250);
    });

    it.each(agreed.filter((c) => c.ok).map((c) => [c.id, c] as const))(
      "%s is read and written back as serde does",
      (_id, c: VectorCase) => {
        const { parse, stringify } = api(c.type);
        const value = parse(JSON.parse(c.input_text));
        expect(stringify(value as never)).toBe(c.canonical);
        expect(stringify(value as never, { pretty: true })).toBe(c.pretty);
      },
    );

    it.each(agreed.filter((c) => !c.ok).map((c) => [c.id, c] as const))("%s is refused with a ValidationError", (_id, c: VectorCase) => {
      const { parse } = api(c.type);
      let thrown: unknown;
      try {
        parse(JSON.parse(c.input_text));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(model.ValidationError);
      expect((thrown as { issues: readonly unknown[] }).issues.length).toBeGreaterThan(0);
    });
  });

  describe("serde vectors: cases JSON.parse refuses", () => {
    it.each(vectors.cases.filter((c) => !jsonParses(c.input_text)).map((c) => [c.id, c] as const))(
      "%s is refused by serde too",
      (_id, c: VectorCase) => {
        expect(c.ok).toBe(false);
      },
    );
  });

  describe("serde vectors: Display, paths and defaults", () => {
    it.each(vectors.display.map((d) => [d.variant, d] as const))("Role %s", (_v, d) => {
      const fns = model as unknown as Record<string, (value: unknown) => unknown>;
      const role = fns["parseRole"]!(JSON.parse(d.serde_json));
      expect(fns["displayRole"]!(role)).toBe(d.display);
      expect(fns["stringifyRole"]!(role)).toBe(d.serde_json);
    });

    const fns = model as unknown as Record<string, (...args: string[]) => string>;
    const camel = (s: string): string => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    const upstreamId = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
    const segment = (a: string): boolean => a !== "" && a !== "." && a !== ".." && !/[/\\\0]/.test(a);
    const validId = options.ids === "checked" ? upstreamId : { test: segment };

    it.each(
      vectors.paths.filter((p) => p.args.every((a) => validId.test(a))).map((p) => [`${p.function}(${p.args.join(", ")})`, p] as const),
    )("%s gives the Rust string", (_name, p) => {
      expect(fns[camel(p.function)]!(...p.args)).toBe(p.result);
    });

    it.each(
      vectors.paths
        .filter((p) => !p.args.every((a) => validId.test(a)) && options.ids === "checked")
        .map((p) => [`${p.function}(${p.args.join(", ")})`, p] as const),
    )(`%s is refused: the ids break ${options.ids === "checked" ? "the upstream id rule" : "the single-segment rule"}`, (_name, p) => {
      expect(() => fns[camel(p.function)]!(...p.args)).toThrow(model.ValidationError);
    });

    it.each(vectors.defaults.map((d) => [d.type, d] as const))("default %s", (type, d) => {
      const m = model as unknown as Record<string, () => unknown>;
      const value = m[`default${type}`]!();
      expect(api(type).stringify(value as never)).toBe(d.canonical);
    });
  });

  /** serde accepts these u64 values; a JavaScript number cannot hold them, so they are refused, never rounded. */
  const BEYOND_2_53 = new Set([
    "RuntimePolicy.min_running_seconds.9007199254740993",
    "RuntimePolicy.min_running_seconds.18446744073709551615",
  ]);

  describe("serde vectors as JSON text: every case through parse<Type>Json", () => {
    const textApi = (type: string) => {
      const m = model as unknown as Record<string, (text: string) => unknown>;
      return m[`parse${type}Json`]!;
    };

    it("has exactly the documented exceptions", () => {
      for (const id of BEYOND_2_53) expect(vectors.cases.find((c) => c.id === id)?.ok).toBe(true);
    });

    it.each(vectors.cases.filter((c) => c.ok && !BEYOND_2_53.has(c.id)).map((c) => [c.id, c] as const))(
      "%s reads as serde reads it",
      (_id, c: VectorCase) => {
        const value = textApi(c.type)(c.input_text);
        expect(api(c.type).stringify(value as never)).toBe(c.canonical);
        expect(api(c.type).stringify(value as never, { pretty: true })).toBe(c.pretty);
      },
    );

    it.each(vectors.cases.filter((c) => !c.ok).map((c) => [c.id, c] as const))(
      "%s is refused as serde refuses it",
      (_id, c: VectorCase) => {
        let thrown: unknown;
        try {
          textApi(c.type)(c.input_text);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(model.ValidationError);
        expect((thrown as { issues: readonly unknown[] }).issues.length).toBeGreaterThan(0);
      },
    );

    it.each([...BEYOND_2_53].map((id) => [id, vectors.cases.find((c) => c.id === id)!] as const))(
      "%s is refused as unsafe-integer, not rounded",
      (_id, c: VectorCase) => {
        const safeParse = model["safeParseRuntimePolicyJson"] as (text: string) => { ok: boolean; error?: { issues: unknown[] } };
        const result = safeParse(c.input_text);
        expect(result.ok).toBe(false);
        if (!result.ok)
          expect(result.error!.issues).toEqual([expect.objectContaining({ path: "/min_running_seconds", code: "unsafe-integer" })]);
      },
    );
  });
}

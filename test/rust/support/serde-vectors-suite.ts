/**
 * The shared serde vectors (test/conformance/serde-vectors.json, recorded from serde_json on
 * pool.rs) through a crate's driver: every case read, written and refused as serde did, messages
 * included; Display, paths and defaults too. Used on generated-rust/ (conformance.test.ts) and on
 * the crate generated from the imported seed (import-seed.test.ts).
 */
import { describe, expect, it } from "vitest";
import { vectors } from "../../conformance/vectors.js";
import type { DefaultAnswer, Driver, PathAnswer, ReadAnswer } from "./driver.js";

/** The suite, over the driver `driver()` returns (built in the caller's beforeAll). */
export function serdeVectorsThroughCrate(driver: () => Driver): void {
  describe("serde vectors through the generated crate", () => {
    it("covers the whole file", () => {
      expect(vectors.cases.length).toBe(347);
      expect(vectors.display.length).toBe(4);
      expect(vectors.paths.length).toBeGreaterThan(20);
      expect(vectors.defaults.length).toBe(4);
    });

    it("reads, writes and refuses every case as serde did on pool.rs, messages included", () => {
      const answers = driver().run(vectors.cases.map((c) => ({ op: "read", type: c.type, text: c.input_text }))) as ReadAnswer[];
      const got = vectors.cases.map((c, i) => {
        const a = answers[i]!;
        return a.ok ? { id: c.id, ok: true, canonical: a.compact, pretty: a.pretty } : { id: c.id, ok: false, error: a.error };
      });
      const recorded = vectors.cases.map((c) =>
        c.ok ? { id: c.id, ok: true, canonical: c.canonical, pretty: c.pretty } : { id: c.id, ok: false, error: c.error },
      );
      expect(got).toEqual(recorded);
      expect(got.filter((g) => g.ok).length).toBeGreaterThan(40);
    });

    it("displays every Role variant as pool.rs does", () => {
      const answers = driver().run(vectors.display.map((d) => ({ op: "read", type: "Role", text: d.serde_json }))) as ReadAnswer[];
      expect(answers.map((a) => (a.ok ? [a.display, a.compact] : a.error))).toEqual(vectors.display.map((d) => [d.display, d.serde_json]));
    });

    it("formats every path as pool.rs does, ids upstream would not check included", () => {
      const answers = driver().run(vectors.paths.map((p) => ({ op: "path", helper: p.function, args: p.args }))) as PathAnswer[];
      expect(answers.map((a) => a.plain)).toEqual(vectors.paths.map((p) => p.result));
    });

    it("writes every default as pool.rs does", () => {
      const answers = driver().run(vectors.defaults.map((d) => ({ op: "default", type: d.type }))) as DefaultAnswer[];
      expect(answers.map((a) => a.compact)).toEqual(vectors.defaults.map((d) => d.canonical));
    });
  });
}

/**
 * The generated crate reproduces every shared serde vector exactly (test/conformance/): each
 * input read by `serde_json::from_str` on the generated type accepts or refuses as serde did on
 * pool.rs, writes the same `to_string` and `to_string_pretty`, and refuses with the same message
 * (naming the same types and fields, at the same line and column). Display, paths and defaults
 * too. Nothing is left out: text-level cases, serde's other forms and ids upstream would not
 * check are all serde's behaviour, and the crate is serde.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { vectors } from "../conformance/vectors.js";
import { requireToolchain } from "./support/cargo.js";
import { buildDriver, type DefaultAnswer, type Driver, type PathAnswer, type ReadAnswer } from "./support/driver.js";
import { projectModel } from "./support/models.js";

let driver: Driver;

beforeAll(() => {
  requireToolchain();
  const m = projectModel();
  driver = buildDriver(m.model, m.crateName, m.crateDir, "conformance");
});

describe("serde vectors through the generated crate", () => {
  it("covers the whole file", () => {
    expect(vectors.cases.length).toBe(347);
    expect(vectors.display.length).toBe(4);
    expect(vectors.paths.length).toBeGreaterThan(20);
    expect(vectors.defaults.length).toBe(4);
  });

  it("reads, writes and refuses every case as serde did on pool.rs, messages included", () => {
    const answers = driver.run(vectors.cases.map((c) => ({ op: "read", type: c.type, text: c.input_text }))) as ReadAnswer[];
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
    const answers = driver.run(vectors.display.map((d) => ({ op: "read", type: "Role", text: d.serde_json }))) as ReadAnswer[];
    expect(answers.map((a) => (a.ok ? [a.display, a.compact] : a.error))).toEqual(vectors.display.map((d) => [d.display, d.serde_json]));
  });

  it("formats every path as pool.rs does, ids upstream would not check included", () => {
    const answers = driver.run(vectors.paths.map((p) => ({ op: "path", helper: p.function, args: p.args }))) as PathAnswer[];
    expect(answers.map((a) => a.plain)).toEqual(vectors.paths.map((p) => p.result));
  });

  it("writes every default as pool.rs does", () => {
    const answers = driver.run(vectors.defaults.map((d) => ({ op: "default", type: d.type }))) as DefaultAnswer[];
    expect(answers.map((a) => a.compact)).toEqual(vectors.defaults.map((d) => d.canonical));
  });
});

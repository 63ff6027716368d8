/**
 * The IDL language's JSON Schema (generator/idl.schema.json) is assembled from the module shell
 * and one fragment per kind (generator/src/kinds/<kind>/idl-schema.json) by
 * generator/assemble-idl-schema.mjs: the committed file is what the fragments assemble to, and a
 * stale one is caught.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import idlSchema from "../../generator/idl.schema.json" with { type: "json" };
import { KINDS } from "../../generator/src/kinds/index.js";
import { kindNames } from "../../generator/src/parse/idl-validator.js";

const repo = new URL("../../", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "idl-schema-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the script, the committed schema and the fragments, to change without touching the repository. */
function copyGenerator(): string {
  const dir = join(work, `copy-${Math.random().toString(36).slice(2)}`);
  for (const path of ["assemble-idl-schema.mjs", "idl.schema.json", "src/parse/idl-schema-module.json", "src/kinds"]) {
    cpSync(join(repo, "generator", path), join(dir, path), { recursive: true });
  }
  return dir;
}

function check(dir: string): number {
  return spawnSync(process.execPath, [join(dir, "assemble-idl-schema.mjs"), "--check"], { encoding: "utf8" }).status ?? -1;
}

describe("generator/idl.schema.json", () => {
  it("is what its fragments assemble to", () => {
    expect(check(join(repo, "generator"))).toBe(0);
  });

  it("is found stale when a fragment changes, and rewritten by the script", () => {
    const dir = copyGenerator();
    const fragment = join(dir, "src/kinds/unit-struct/idl-schema.json");
    const data = JSON.parse(readFileSync(fragment, "utf8")) as { $defs: { unitStructDecl: { description: string } } };
    data.$defs.unitStructDecl.description = "Changed.";
    writeFileSync(fragment, JSON.stringify(data));
    expect(check(dir)).toBe(1);
    execFileSync(process.execPath, [join(dir, "assemble-idl-schema.mjs")]);
    expect(check(dir)).toBe(0);
    expect(readFileSync(join(dir, "idl.schema.json"), "utf8")).toContain('"description": "Changed."');
  });

  it("lists one declaration per kind the loader builds, and no other", () => {
    expect(kindNames(idlSchema).sort()).toEqual(Object.keys(KINDS).sort());
  });
});

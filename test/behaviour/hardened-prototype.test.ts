/**
 * Applications harden Object.prototype against prototype pollution (`Object.freeze`, Node's
 * `--frozen-intrinsics`). A map key Object.prototype has (`toString`, `constructor`) is then an
 * inherited read-only property, which a plain store cannot shadow: the package must still read
 * and write such a map as serde does, on every path, whether the prototype was frozen before the
 * package was loaded or in the middle of its use. Each case runs in a process of its own
 * (test/support/hardened-prototype.mjs), because freezing cannot be undone.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";

const REPO = join(import.meta.dirname, "..", "..");
const SCRIPT = join(REPO, "test", "support", "hardened-prototype.mjs");

// The reserved-words fixture's package as one module, for the script's $WORDS cases.
const BUNDLE_DIR = mkdtempSync(join(tmpdir(), "idlc-hardened-"));
const WORDS = join(BUNDLE_DIR, "words.mjs");
afterAll(() => rmSync(BUNDLE_DIR, { recursive: true, force: true }));
buildSync({
  entryPoints: [join(REPO, "test", "golden", "fixtures", "reserved-words", "expected", "src", "index.ts")],
  bundle: true,
  format: "esm",
  outfile: WORDS,
  logLevel: "silent",
});

/** What each path gave in a fresh process: `mode` none, before or after, and only `path` when given. */
function run(mode: string, path?: string, flags: string[] = []): Record<string, unknown> {
  const args = [...flags, SCRIPT, mode, ...(path === undefined ? [] : [path])];
  const env = { ...process.env, WORDS };
  return JSON.parse(execFileSync(process.execPath, args, { cwd: REPO, env, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })) as Record<
    string,
    unknown
  >;
}

const plain = run("none");
const paths = Object.keys(plain).filter((k) => k !== "frozen");

describe("a hardened Object.prototype", () => {
  it("is what the reference run has not: every path reads the map's keys", () => {
    expect(plain["frozen"]).toBe(false);
    expect(paths.length).toBe(17);
    for (const path of paths.filter((p) => p !== "refused" && !p.startsWith("stringify") && !p.startsWith("words")))
      expect(plain[path], path).toContain('"tags":{"toString":"a","constructor":"b","valueOf":"c","hasOwnProperty":"d","tier":"gold"}');
    // Written as serde writes a BTreeMap: keys in order.
    for (const path of ["stringify", "stringify unchecked"])
      expect(plain[path], path).toContain('"tags":{"constructor":"b","hasOwnProperty":"d","tier":"gold","toString":"a","valueOf":"c"}');
    expect(plain["stringify pretty"]).toContain('"tags": {\n      "constructor": "b",\n      "hasOwnProperty": "d",');
    expect(plain["refused"]).toContain('"ok":false');
    expect(plain["refused"]).toContain('"path":"/pool_id"');
    expect(plain["words: read fields"]).toBe('{"constructor":0,"valueOf":"alias","entries":{}}');
    expect(plain["words: read a map"]).toBe('{"constructor":7,"valueOf":"","entries":{"valueOf":1,"toString":2,"a":3}}');
    expect(plain["words: write a map unsorted"]).toBe('{"constructor":7,"toString":null,"valueOf":"","entries":{"a":3,"toString":2,"valueOf":1}}');
    expect(plain["words: sequence form"]).toBe('{"constructor":7,"toString":"s","valueOf":"v","entries":{"toString":1}}');
    expect(plain["words: tagged"]).toBe('{"constructor":"Sized","toString":3}');
    expect(plain["words: guard"]).toBe("[true,false]");
  });

  it.each(paths)("%s: the same when frozen before the package is loaded, and after it has read", (path) => {
    for (const mode of ["before", "after"]) {
      const frozen = run(mode, path);
      expect(frozen["frozen"]).toBe(true);
      expect(frozen[path], `${mode}: ${path}`).toBe(plain[path]);
    }
  });

  it("gives the same with Node's --frozen-intrinsics", () => {
    const frozen = run("none", undefined, ["--frozen-intrinsics"]);
    expect(frozen["frozen"]).toBe(true);
    expect(frozen).toStrictEqual({ ...plain, frozen: true });
  });
});

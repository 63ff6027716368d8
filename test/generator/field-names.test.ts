/**
 * The generated field-names module lists every name the package's code reads from an object by
 * name (`o["pool_id"]`): the runtime checks only those names for prototype pollution, so a name
 * read but not listed would be read from a polluted Object.prototype. Names every object inherits
 * are read with `own(o, ...)` instead, and are not listed (they would always be found).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const packages = [
  join(ROOT, "generated", "src"),
  ...readdirSync(join(ROOT, "test", "golden", "fixtures")).map((f) => join(ROOT, "test", "golden", "fixtures", f, "expected", "src")),
];

const matches = (text: string, pattern: RegExp): string[] => [...text.matchAll(pattern)].map((m) => JSON.parse(`"${m[1]!}"`) as string);

describe.each(packages.map((dir) => [dir.slice(ROOT.length + 1), dir] as const))("%s", (_label, dir) => {
  const listed = new Set(matches(readFileSync(join(dir, "field-names.ts"), "utf8"), /\bp\["((?:[^"\\]|\\.)*)"\] !== undefined/g));
  const modules = readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "runtime.ts" && f !== "field-names.ts" && f !== "index.ts");
  const source = modules.map((f) => readFileSync(join(dir, f), "utf8")).join("\n");

  it("lists every name read from an object by name", () => {
    // Reads, not the stores a wire function makes into the checked copy it owns (`o["x"] = ...`).
    const read = new Set(matches(source, /\bo\["((?:[^"\\]|\\.)*)"\](?!\s*=[^=])/g));
    expect(read.size).toBeGreaterThan(0);
    expect([...read].filter((name) => !listed.has(name))).toEqual([]);
  });

  it("lists none of the names read as own properties (those every object has)", () => {
    const own = matches(source, /\bown\(o, "((?:[^"\\]|\\.)*)"\)/g);
    for (const name of own) {
      expect(name in Object.prototype, name).toBe(true);
      expect(listed.has(name), name).toBe(false);
    }
    expect([...listed].filter((name) => name in Object.prototype)).toEqual([]);
  });
});

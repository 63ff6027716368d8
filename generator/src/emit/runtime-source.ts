/** Reads the runtime support module's source (generator/src/targets/ts/runtime/runtime.ts) once. */
import { existsSync, readFileSync } from "node:fs";

let cached: string | undefined;

export function runtimeSource(): string {
  if (cached !== undefined) return cached;
  // From generator/src/emit/ (sources) or generator/dist/ (the bundled CLI).
  for (const rel of ["../targets/ts/runtime/runtime.ts", "../src/targets/ts/runtime/runtime.ts"]) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(url)) return (cached = readFileSync(url, "utf8"));
  }
  throw new Error("the runtime support module (generator/src/targets/ts/runtime/runtime.ts) is not beside the generator");
}

/** The installed version of a dependency, for cache keys when running from source (the build inlines it). */
import { readFileSync } from "node:fs";

/** `version` of `name`'s package.json as Node resolves it from here, or "unknown". */
export function installedVersion(name: string): string {
  try {
    const url = import.meta.resolve(`${name}/package.json`);
    return (JSON.parse(readFileSync(new URL(url), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/**
 * Reading loader fixtures: test/loader/fixtures/<code>/[<case>/] holds IDL modules (*.yaml) and
 * expected.txt, the exact diagnostic lines loadIdl must report for them. Modules are read as
 * bytes and decoded as UTF-8, as the CLI does, and are given to the loader as `idl/<name>`.
 *
 * One directive exists, for sizes no one wants in the repository: a line `#@pad N` is replaced
 * by a comment that makes the file exactly N bytes long. A file `rust-target` in the folder
 * marks a fixture for the Rust target's own checks: the IDL loads, and the Rust target refuses it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { SourceFile } from "../../generator/src/load.js";

export const FIXTURES = new URL("./fixtures/", import.meta.url).pathname;

export interface FixtureCase {
  /** The code the fixture is for: its top folder. */
  readonly code: string;
  /** `code` or `code/case`. */
  readonly name: string;
  readonly dir: string;
  /** The diagnostics come from the Rust target's checks of a model that loads. */
  readonly rustTarget: boolean;
}

/** Every folder holding an expected.txt, at the top of a code's folder or one level below. */
export function fixtureCases(): FixtureCase[] {
  const out: FixtureCase[] = [];
  for (const code of readdirSync(FIXTURES).sort()) {
    const dir = join(FIXTURES, code);
    if (!statSync(dir).isDirectory()) continue;
    if (existsSync(join(dir, "expected.txt"))) out.push({ code, name: code, dir, rustTarget: existsSync(join(dir, "rust-target")) });
    for (const sub of readdirSync(dir).sort()) {
      const subDir = join(dir, sub);
      if (statSync(subDir).isDirectory() && existsSync(join(subDir, "expected.txt"))) {
        out.push({ code, name: `${code}/${sub}`, dir: subDir, rustTarget: existsSync(join(subDir, "rust-target")) });
      }
    }
  }
  return out;
}

/** The fixture's modules as the loader gets them from the CLI. */
export function readFixture(dir: string): SourceFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => ({ path: `idl/${name}`, text: pad(readFileSync(join(dir, name)).toString("utf8")) }));
}

/** The expected diagnostic lines (a trailing newline is not a line). */
export function readExpected(dir: string): string[] {
  const text = readFileSync(join(dir, "expected.txt"), "utf8");
  return text.split("\n").filter((line, i, all) => !(line === "" && i === all.length - 1));
}

function pad(text: string): string {
  const match = /^#@pad (\d+)\n/m.exec(text);
  if (match === null) return text;
  const target = Number(match[1]);
  const rest = Buffer.byteLength(text, "utf8") - match[0].length;
  const fill = target - rest - "#\n".length;
  if (fill < 0) throw new Error(`#@pad ${target}: the file is already ${rest} bytes`);
  return text.replace(match[0], `#${" ".repeat(fill)}\n`);
}

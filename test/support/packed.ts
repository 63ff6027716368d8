/**
 * @mvm/pool-model as a consumer gets it: `npm pack` of generated/, installed from the tarball into
 * a throw-away project, with chosen devDependencies of this repository linked beside it (nothing is
 * fetched). Shared by the consumer test and the browser test.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
export const PACKAGE = "@mvm/pool-model";
const GENERATED = join(REPO, "generated");

/** The strictest common compiler settings of a consumer; each configuration adds its module system. */
export const STRICTEST = {
  target: "ES2022",
  lib: ["ES2022"],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noPropertyAccessFromIndexSignature: true,
  noFallthroughCasesInSwitch: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  forceConsistentCasingInFileNames: true,
  resolveJsonModule: true,
  // The package's .d.ts files are checked under these settings too.
  skipLibCheck: false,
  // No @types/node: the package's types must not need it (and checking all of it is slow).
  types: [],
  rootDir: "src",
};

export interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Children see neither npm's lifecycle variables (from `npm test`) nor NODE_OPTIONS. */
const childEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== "NODE_OPTIONS"),
);

/** Runs a command to its end, collecting its output. */
export function run(command: string, args: readonly string[], cwd: string): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export function writeJson(file: string, data: unknown): void {
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

export interface Installed {
  /** The tarball, and the files it holds, sorted. */
  readonly tarball: string;
  readonly files: readonly string[];
  /** The throw-away project ("type": "module", with an empty src/). */
  readonly app: string;
  /** The package as installed there. */
  readonly installed: string;
}

/**
 * Packs generated/ into `tmp` and installs the tarball into `tmp/app`, offline, then links the
 * named packages of this repository's node_modules into the app's. Needs generated/dist, which
 * `npm run build` writes.
 */
export async function installPacked(tmp: string, link: readonly string[] = []): Promise<Installed> {
  if (!existsSync(join(GENERATED, "dist/index.js")) || !existsSync(join(GENERATED, "dist/index.d.ts"))) {
    throw new Error("generated/dist is missing: run `npm run build` first (`npm test` does).");
  }
  const pack = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", tmp], GENERATED);
  if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  const info = (JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[])[0]!;
  const tarball = join(tmp, info.filename);

  const app = join(tmp, "app");
  mkdirSync(join(app, "src"), { recursive: true });
  writeJson(join(app, "package.json"), { name: "consumer", version: "0.0.0", private: true, type: "module" });
  const install = await run(
    "npm",
    ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", tarball],
    app,
  );
  if (install.code !== 0) throw new Error(`npm install of the tarball failed:\n${install.stderr}`);
  for (const name of link) {
    mkdirSync(dirname(join(app, "node_modules", name)), { recursive: true });
    symlinkSync(join(REPO, "node_modules", name), join(app, "node_modules", name), "dir");
  }
  return { tarball, files: info.files.map((f) => f.path).sort(), app, installed: join(app, "node_modules", PACKAGE) };
}

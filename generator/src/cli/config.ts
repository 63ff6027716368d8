/**
 * Project settings: the `idlc` field of ./package.json, overridden by flags. It configures the
 * targets: the TypeScript package (`package`, `out`; always) and the Rust crate (`crate`, with
 * its own `out`; when present). A run generates every configured target, or the one `--target`
 * picks.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { PackageInfo } from "../emit/generate.js";
import type { CrateInfo } from "../targets/rust/crate.js";
import { UsageError } from "./args.js";

export const TARGET_NAMES = ["ts", "rust"] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

export interface TsTarget {
  readonly name: "ts";
  readonly outDir: string;
  readonly package: PackageInfo;
}

export interface RustTarget {
  readonly name: "rust";
  readonly outDir: string;
  readonly crate: CrateInfo;
}

export type Target = TsTarget | RustTarget;

export interface ProjectConfig {
  readonly idlDir: string;
  /** The targets of this run, TypeScript first. */
  readonly targets: readonly Target[];
}

interface IdlcField {
  idl?: string;
  out?: string;
  package?: Partial<PackageInfo>;
  crate?: Partial<CrateInfo> & { out?: string };
}

export interface ConfigFlags {
  readonly idl?: string | undefined;
  readonly out?: string | undefined;
  readonly target?: string | undefined;
}

/** A Cargo package name: letters, digits, `-` and `_`, starting with a letter. */
const CRATE_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export function readConfig(cwd: string, flags: ConfigFlags): ProjectConfig {
  let field: IdlcField = {};
  let license: string | undefined;
  const pkgPath = join(cwd, "package.json");
  if (existsSync(pkgPath)) {
    try {
      const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { idlc?: IdlcField; license?: string };
      field = pkg.idlc ?? {};
      license = pkg.license;
    } catch {
      field = {};
    }
  }
  const configured: TargetName[] = field.crate === undefined ? ["ts"] : ["ts", "rust"];
  const picked = flags.target as TargetName | undefined;
  if (flags.out !== undefined && picked === undefined && configured.length > 1) {
    throw new UsageError(`--out needs --target (${TARGET_NAMES.join(" or ")}): package.json configures several targets`);
  }
  const names = picked === undefined ? configured : [picked];
  const targets = names.map((name): Target => {
    if (name === "ts") {
      return {
        name,
        outDir: resolve(cwd, flags.out ?? field.out ?? "generated"),
        package: {
          name: field.package?.name ?? "generated-model",
          version: field.package?.version ?? "0.0.0",
          description: field.package?.description,
          license: field.package?.license ?? license,
        },
      };
    }
    const crate = field.crate ?? {};
    const crateName = crate.name ?? "generated-model";
    if (!CRATE_NAME.test(crateName)) throw new UsageError(`crate name '${crateName}' in package.json is not a valid Cargo package name`);
    return {
      name,
      outDir: resolve(cwd, flags.out ?? crate.out ?? "generated-rust"),
      crate: {
        name: crateName,
        version: crate.version ?? field.package?.version ?? "0.0.0",
        description: crate.description ?? field.package?.description,
        license: crate.license ?? field.package?.license ?? license,
      },
    };
  });
  return {
    idlDir: resolve(cwd, flags.idl ?? field.idl ?? "idl"),
    targets,
  };
}

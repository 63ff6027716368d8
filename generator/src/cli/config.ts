/** Project settings: the `idlc` field of ./package.json, overridden by flags. */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { PackageInfo } from "../emit/generate.js";

export interface ProjectConfig {
  readonly idlDir: string;
  readonly outDir: string;
  readonly package: PackageInfo;
}

interface IdlcField {
  idl?: string;
  out?: string;
  package?: Partial<PackageInfo>;
}

export function readConfig(cwd: string, flags: { idl?: string | undefined; out?: string | undefined }): ProjectConfig {
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
  const out = resolve(cwd, flags.out ?? field.out ?? "generated");
  return {
    idlDir: resolve(cwd, flags.idl ?? field.idl ?? "idl"),
    outDir: out,
    package: {
      name: field.package?.name ?? "generated-model",
      version: field.package?.version ?? "0.0.0",
      description: field.package?.description,
      license: field.package?.license ?? license,
    },
  };
}

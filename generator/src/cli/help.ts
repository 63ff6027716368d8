/** Help texts, with an example for every command. */
import generatorPackage from "../../package.json" with { type: "json" };

export const VERSION: string = generatorPackage.version;

const main = `idlc ${VERSION}: the YAML IDL compiler of the mvm pool model.

Usage: idlc <command> [options]

Commands:
  generate   Load idl/, check it, and write the TypeScript package (generated/) and the
             Rust crate (generated-rust/, when package.json configures it).
  check      Fail when an output folder differs from what idl/ generates (for CI).
  diff       Say what changed between two versions of the IDL and what it breaks.
  import     Write IDL modules from existing Rust serde code (idlc import rust ...).

Options:
  -h, --help     Show help (also after a command: idlc generate --help).
  -v, --version  Print the version.

Examples:
  idlc generate
  idlc check
  idlc diff --base origin/main
  idlc import rust src/model --out idl

Exit codes: 0 success; 1 errors in the IDL, drift, breaking changes or TODOs left; 2 usage errors.
Colour is used on a terminal only (FORCE_COLOR=1 forces it), never when NO_COLOR is set.
`;

const common = `  --idl DIR      IDL folder (default: idl, or "idlc.idl" in package.json)
  --target T     Only this target: ts (the TypeScript package) or rust (the Rust crate);
                 default: every target package.json configures ("idlc.package", "idlc.crate")
  --out DIR      Output folder of the target (default: generated for ts, generated-rust for
                 rust, or "idlc.out" and "idlc.crate.out" in package.json); needs --target
                 when package.json configures both targets
  --quiet        Print errors only
  -h, --help     Show this help
`;

const generate = `Usage: idlc generate [--idl DIR] [--target ts|rust] [--out DIR] [--watch] [--force] [--quiet]

Loads every *.yaml module of the IDL folder, checks it, and writes each target to its output
folder: the TypeScript package (types, validators, JSON writers, path helpers, JSON Schemas,
README) and the Rust crate (Cargo.toml, serde types, path helpers).
With any error nothing is written. Output is swapped in whole, so a failed or killed run
leaves the folder as it was. dist/ and node_modules/ (TypeScript), target/ and Cargo.lock
(Rust) inside it are kept. Files idlc did not write there (they are not in its
.idlc-manifest) stop the run instead of being deleted.

Options:
${common}  --watch        Regenerate on every change of the IDL folder; keep the last good output
  --force        Replace the output folder even if it holds files idlc did not write

Examples:
  idlc generate
  idlc generate --target rust
  idlc generate --idl test/golden/fixtures/minimal/idl --target ts --out /tmp/out
  idlc generate --watch
`;

const check = `Usage: idlc check [--idl DIR] [--target ts|rust] [--out DIR] [--quiet]

Generates every target in memory and compares each with its output folder: any changed,
missing or extra file (dist/, node_modules/, target/ and Cargo.lock aside) is drift, reported
per folder, and exits with 1.

Options:
${common}
Examples:
  idlc check
  idlc check --target rust
  idlc check --quiet || echo "run idlc generate"
`;

const diff = `Usage: idlc diff <base> [<head>] [options]
       idlc diff --base REV|DIR [--head REV|DIR] [options]

Compares two versions of the IDL on the wire and on disk and says what each change breaks:
breaking (existing files no longer read, old readers refuse new files, files move on disk),
dangerous (everything still reads, but meanings or old readers may change) or safe.
A side is an IDL folder, or else a git revision whose IDL folder is read with git (the
working tree is not touched). The head defaults to the IDL folder of the working tree.
The rules, their ids and the JSON shape are described in docs/diff-rules.md.

An intended break is accepted in accepted-changes.yaml of the head's IDL folder:
  accepted:
    - rule: FIELD_REMOVED
      path: PoolSpec.template_id
      reason: No stored pool.json ever set it.
Accepted findings are still listed but do not fail; an entry that matches nothing is a warning.

Options:
  --base REV|DIR     Base side (or the first argument)
  --head REV|DIR     Head side (or the second argument; default: the IDL folder)
  --idl DIR          IDL folder, also inside the repository for revisions (default: idl,
                     or "idlc.idl" in package.json)
  --format FORMAT    text (default), json, markdown (a pull-request comment) or github
                     (workflow annotations)
  --fail-on LEVEL    breaking (default) or dangerous
  --quiet            Text format: print only what fails
  -h, --help         Show this help

Examples:
  idlc diff --base origin/main
  idlc diff main my-branch --format markdown > diff.md
  idlc diff --base origin/main --format github --fail-on dangerous
  idlc diff /tmp/old-idl idl --format json

Exit codes: 0 nothing fails; 1 a breaking change (or, with --fail-on dangerous, a dangerous
one) that is not accepted; 2 usage errors, a side that does not load, or an invalid
accepted-changes.yaml.
`;

const importHelp = `Usage: idlc import rust <file-or-dir>... --out DIR [--force] [--quiet]

Reads Rust source files and writes one IDL module per file (named after it) to DIR, for every
type that derives Serialize or Deserialize: fields, variants, doc comments, serde attributes,
defaults (default functions and impl Default that return literals), Display strings of enums,
and path functions (format! of constants, parameters and other path functions) as roots and
paths. Names used across files become imports between the modules. A folder is searched for
*.rs files (not target/); its src/ is the crate root. Strings documented with their values
stay strings: the import does not guess open enums.

What the IDL cannot express (serialize_with, a default that computes, a type not in the files,
generics, macros) is reported at its Rust file:line:col with a code, and marked in the YAML with
a 'TODO(idlc import)' comment to finish by hand. The workflow: docs/import.md.

Options:
  --out DIR      Folder to write the modules to (created if missing)
  --force        Replace modules that already exist in DIR (otherwise nothing is written)
  --quiet        Print errors only
  -h, --help     Show this help

Examples:
  idlc import rust src/pool.rs src/tenant.rs --out idl
  idlc import rust crates/mvm-core/src --out idl
  idlc import rust src/model --out idl --force && idlc generate

Exit codes: 0 the import is complete; 1 something was left to finish (see the diagnostics and
the TODOs); 2 usage errors, or modules in DIR that would be replaced (without --force).
`;

export const HELP = { main, generate, check, diff, import: importHelp } as const;

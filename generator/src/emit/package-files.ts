/** The package scaffolding of the generated output: package.json and tsconfig.json. */

export interface PackageInfo {
  readonly name: string;
  readonly version: string;
  readonly description?: string | undefined;
  readonly license?: string | undefined;
}

export function packageJson(info: PackageInfo): string {
  const pkg = {
    name: info.name,
    version: info.version,
    ...(info.description ? { description: info.description } : {}),
    ...(info.license ? { license: info.license } : {}),
    type: "module",
    sideEffects: false,
    exports: {
      ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
      "./schema/*": "./schema/*",
      "./package.json": "./package.json",
    },
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    files: ["dist", "schema", "src", "README.md"],
    engines: { node: ">=20.19" },
    scripts: { build: "tsc -p tsconfig.json" },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export function tsconfigJson(): string {
  const config = {
    compilerOptions: {
      target: "ES2022",
      lib: ["ES2024"],
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      noPropertyAccessFromIndexSignature: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      declaration: true,
      declarationMap: true,
      sourceMap: true,
      stripInternal: true,
      types: [],
      rootDir: "src",
      outDir: "dist",
    },
    include: ["src"],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

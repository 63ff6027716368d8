/**
 * Stands for the package's generated field-names module (generator/src/targets/ts/field-names-file.ts
 * writes it into every package), so that runtime.ts type-checks here. Never copied.
 */
export function inheritsFieldName(): boolean {
  return false;
}

/** The manifest idlc writes into its output folder: which files are its own, so a later run never deletes others. */

export const MANIFEST = ".idlc-manifest";

export function manifestText(paths: readonly string[]): string {
  const lines = [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `# Written by idlc: the files it generated here. Other files make 'idlc generate' stop rather than delete them.\n${lines.join("\n")}\n`;
}

/** The paths listed in a manifest's text. */
export function readManifest(text: string): Set<string> {
  return new Set(text.split("\n").filter((line) => line !== "" && !line.startsWith("#")));
}

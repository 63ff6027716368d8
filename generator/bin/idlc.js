#!/usr/bin/env node
// idlc command line. The generator is bundled to ../dist/idlc.js by `npm run build` (and on `npm ci`).
import("../dist/idlc.js").catch((error) => {
  process.stderr.write(`idlc: cannot start (${error.message}). Run 'npm run build' first.\n`);
  process.exitCode = 2;
});

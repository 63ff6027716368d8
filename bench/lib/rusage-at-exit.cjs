// Preloaded with `node --require` when /usr/bin/time is missing (and for time-limited runs):
// writes this process's resource usage (CPU time, peak RSS) to $BENCH_RUSAGE_FILE at exit.
"use strict";
const file = process.env.BENCH_RUSAGE_FILE;
if (file) {
  delete process.env.BENCH_RUSAGE_FILE;
  process.on("exit", () => {
    try {
      require("node:fs").writeFileSync(file, JSON.stringify(process.resourceUsage()));
    } catch {}
  });
}

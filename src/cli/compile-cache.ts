import module from "node:module";

// Node keeps the compiled code of the command chunks on disk (in the system's temporary
// folder) and reuses it on the next start: compiling the bundle is most of what a short command
// costs. Absent before Node 22.1; a failure to use the cache only means compiling as before.
const cache = (module as { enableCompileCache?: () => unknown }).enableCompileCache;
try {
  cache?.();
} catch {
  // No cache: the commands still run.
}

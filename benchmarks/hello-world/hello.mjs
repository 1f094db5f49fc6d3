#!/usr/bin/env node
// Hello-world benchmark: needs nothing but Node.
// It hashes a fixed buffer with SHA-256 for a fixed number of rounds (real, deterministic
// CPU work) and reports two metrics:
//   - `ops_per_second=...` printed to the log, captured by the descriptor's `pattern`;
//   - `duration_ms` emitted through Maat's emit client (no pattern needed).
// Usage: node hello.mjs [--rounds N]
// HELLO_SLOWDOWN=K hashes K times per round while counting one: a stand-in for a change that
// makes the code under test K times slower (the README's walkthrough uses it).
import { createHash } from "node:crypto";
import { emit } from "../../clients/node/maat-emit.mjs";

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const rounds = Number.parseInt(arg("rounds", "150000"), 10);
if (!Number.isInteger(rounds) || rounds <= 0) {
  console.error(`--rounds must be a positive integer, got ${arg("rounds")}`);
  process.exit(2);
}

const slowdown = Number.parseInt(process.env.HELLO_SLOWDOWN ?? "1", 10);
if (!Number.isInteger(slowdown) || slowdown <= 0) {
  console.error(`HELLO_SLOWDOWN must be a positive integer, got ${process.env.HELLO_SLOWDOWN}`);
  process.exit(2);
}

let digest = Buffer.alloc(32, 7);
const start = process.hrtime.bigint();
for (let i = 0; i < rounds; i++) {
  for (let k = 0; k < slowdown; k++) digest = createHash("sha256").update(digest).digest();
}
const durationMs = Number(process.hrtime.bigint() - start) / 1e6;
const opsPerSecond = rounds / (durationMs / 1000);

console.log(`hashed ${rounds} rounds, final digest ${digest.toString("hex").slice(0, 16)}`);
console.log(`ops_per_second=${opsPerSecond.toFixed(1)}`);
emit("duration_ms", Number(durationMs.toFixed(3)), "ms");

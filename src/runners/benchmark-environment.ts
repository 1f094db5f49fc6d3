import picomatch from "picomatch";

/**
 * Which environment a benchmark inherits. In CI (the Action) it is the runner's environment
 * minus its credentials: the token inputs, the Actions runtime tokens, GITHUB_TOKEN and every
 * name that looks like a secret. On a laptop (the CLI) it is the user's environment as it is.
 * `maat.toml` passes named variables through (`run.pass_env`) or drops more (`run.drop_env`).
 * Any runner (local, docker, kubernetes) calls this before it hands an environment on.
 */
export interface EnvironmentPolicy {
  mode: "ci" | "local";
  /** Names (or globs) passed through even when they look like secrets. */
  passEnv?: readonly string[];
  /** Names (or globs) never passed, in either mode. */
  dropEnv?: readonly string[];
}

/**
 * Names that carry credentials in CI, whatever their value: a word of the name (between `_`) is
 * TOKEN, SECRET, PASSWORD, ... so `HF_TOKEN` goes but `TOKENIZERS_PARALLELISM` and
 * `GIT_AUTHOR_NAME` stay. Dropped unless `pass_env` names them.
 */
const SECRET_NAME =
  /(?:^|_)(?:TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|CREDENTIALS?|AUTH|COOKIE|SESSION|APIKEY)S?(?:_|$)|(?:^|_)(?:PRIVATE|API|ACCESS)_?KEY(?:_|$)/i;
const CI_CREDENTIALS = ["GITHUB_TOKEN", "ACTIONS_*", "INPUT_*", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];
/** What toolchains need, kept even if a name happens to match the pattern above. */
const TOOLCHAIN = [
  "PATH",
  "HOME",
  "USER",
  "LANG",
  "LC_*",
  "TMPDIR",
  "CUDA_*",
  "NVIDIA_*",
  "PYTHON*",
  "CONDA*",
  "VIRTUAL_ENV",
  "LD_LIBRARY_PATH",
];

export interface BenchmarkEnvironment {
  env: Record<string, string>;
  /** Names left out, sorted (for a log line that says what was dropped, never their values). */
  dropped: string[];
  /** Values that must never appear in a log: every dropped credential's, and passed ones that look secret. */
  secrets: string[];
}

export function benchmarkEnvironment(
  base: Record<string, string | undefined>,
  policy: EnvironmentPolicy,
): BenchmarkEnvironment {
  const passed = picomatch([...(policy.passEnv ?? [])]);
  const dropped = picomatch([...(policy.dropEnv ?? [])]);
  const credential = picomatch(CI_CREDENTIALS);
  const toolchain = picomatch(TOOLCHAIN);
  const env: Record<string, string> = {};
  const left: string[] = [];
  const secrets = new Set<string>();
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined) continue;
    const looksSecret = credential(name) || (SECRET_NAME.test(name) && !toolchain(name));
    if (looksSecret && value.length >= 4) secrets.add(value);
    const keep =
      !(policy.dropEnv !== undefined && dropped(name)) &&
      (policy.mode === "local" || passed(name) || !looksSecret);
    if (keep) env[name] = value;
    else left.push(name);
  }
  return { env, dropped: left.sort(), secrets: [...secrets].sort((a, b) => b.length - a.length) };
}

/** Replaces every known secret value in a text with `***`. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) if (secret !== "") masked = masked.split(secret).join("***");
  return masked;
}

/**
 * A streaming mask for output chunks: a secret split across two chunks is still caught, because
 * the last (longest secret - 1) bytes wait for the next chunk.
 */
export function createSecretMasker(secrets: readonly string[]): {
  push(chunk: Buffer): Buffer;
  end(): Buffer;
} {
  const needles = secrets.filter((s) => s !== "").map((s) => Buffer.from(s));
  if (needles.length === 0) return { push: (chunk) => chunk, end: () => Buffer.alloc(0) };
  const keep = Math.max(...needles.map((n) => n.length)) - 1;
  let carry = Buffer.alloc(0);
  const mask = (data: Buffer): Buffer => {
    let out = data;
    for (const needle of needles) {
      if (out.indexOf(needle) === -1) continue;
      const parts: Buffer[] = [];
      let from = 0;
      for (let at = out.indexOf(needle); at !== -1; at = out.indexOf(needle, from)) {
        parts.push(out.subarray(from, at), STARS);
        from = at + needle.length;
      }
      parts.push(out.subarray(from));
      out = Buffer.concat(parts);
    }
    return out;
  };
  return {
    push(chunk) {
      const data = mask(Buffer.concat([carry, chunk]));
      // Keep a tail that could be the start of a secret; never split a masked "***".
      const cut = Math.max(0, data.length - keep);
      carry = Buffer.from(data.subarray(cut));
      return data.subarray(0, cut);
    },
    end() {
      const rest = mask(carry);
      carry = Buffer.alloc(0);
      return rest;
    },
  };
}

const STARS = Buffer.from("***");

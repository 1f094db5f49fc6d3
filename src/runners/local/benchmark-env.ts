/** The environment of a local process: the caller's base, then each layer on top, undefined dropped. */
export function composeEnv(
  base: Record<string, string | undefined>,
  ...layers: Array<Record<string, string>>
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) if (value !== undefined) env[name] = value;
  for (const layer of layers) Object.assign(env, layer);
  return env;
}

/** INFERENCE_SERVER_HOST, INFERENCE_SERVER_PORT (first port) and INFERENCE_SERVER_PORT_<n> (1-based). */
export function inferenceServerEnv(ports: number[]): Record<string, string> {
  const env: Record<string, string> = { INFERENCE_SERVER_HOST: "127.0.0.1" };
  if (ports[0] !== undefined) env.INFERENCE_SERVER_PORT = String(ports[0]);
  for (const [index, port] of ports.entries()) env[`INFERENCE_SERVER_PORT_${index + 1}`] = String(port);
  return env;
}

/** The command line the shell runs: `<benchmark_code> <args>`, so `${VARS}` in args expand. */
export function commandLine(code: string, args: string | undefined): string {
  const trimmedArgs = args?.trim() ?? "";
  return trimmedArgs === "" ? code.trim() : `${code.trim()} ${trimmedArgs}`;
}

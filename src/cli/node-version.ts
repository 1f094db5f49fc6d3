/** The oldest Node.js major the CLI runs on; package.json's `engines.node` says the same (a test checks). */
export const MIN_NODE_MAJOR = 22;

/**
 * Why this Node.js cannot run Maat, or undefined when it can. Maat uses APIs added in
 * Node.js 21-22 (Map.groupBy, Promise.withResolvers, ...) that fail deep inside a command
 * on older versions, so the CLI checks before doing anything.
 *
 * @example unsupportedNode("20.11.1") // "maat needs Node.js 22 or newer; this is Node.js 20.11.1. ..."
 */
export function unsupportedNode(version: string): string | undefined {
  const major = Number.parseInt(version.replace(/^v/, ""), 10);
  if (Number.isFinite(major) && major >= MIN_NODE_MAJOR) return undefined;
  return (
    `maat needs Node.js ${MIN_NODE_MAJOR} or newer; this is Node.js ${version.replace(/^v/, "")}. ` +
    "Install a current release from https://nodejs.org (or run 'nvm install 24'), then try again."
  );
}

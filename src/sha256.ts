import { builtinModule } from "./builtin-module.js";

/**
 * sha256 (hex) of a text or bytes. node:crypto is loaded on the first call, not at import: loading it costs
 * a short command (`maat validate`) a tenth of its start, and most such commands hash nothing.
 */
export function sha256Hex(text: string | Uint8Array): string {
  return builtinModule("node:crypto").createHash("sha256").update(text).digest("hex");
}

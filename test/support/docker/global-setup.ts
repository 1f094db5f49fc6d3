/**
 * Builds the Docker test image once, before the test files run in parallel (several workers
 * importing the same tag at once would leave dangling images). Without an engine: nothing.
 */
import { dockerUnavailable, ensureTestImage } from "./engine.js";

export default async function setup(): Promise<void> {
  if (dockerUnavailable === undefined) await ensureTestImage();
}

import { randomBytes } from "node:crypto";

/** A fresh run id: UTC time and random hex, e.g. "20250101T120000-3f9a1c2e". */
export function newRunId(): string {
  const time = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
  return `${time}-${randomBytes(4).toString("hex")}`;
}

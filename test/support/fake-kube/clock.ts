/** A Kubernetes timestamp (RFC 3339, whole seconds), as metadata and statuses carry them. */
export function timestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The RFC 3339 timestamp with nanoseconds that `timestamps=true` prefixes log lines with. */
export function nanoTimestamp(date: Date): string {
  return date.toISOString().replace(/Z$/, "000000Z");
}

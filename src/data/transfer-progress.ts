import { formatDuration } from "../run/progress.js";

/** Bytes as people read them: "312 MiB", "1.5 GiB". */
export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/**
 * One progress line for a transfer: "312 MiB of 1.0 GiB (30%), 95 MiB/s, ETA 8.0 s".
 * `total` may be unknown (no Content-Length), and so then is the ETA.
 */
export function formatTransfer(done: number, total: number | undefined, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (done / elapsedMs) * 1000 : 0;
  const parts = [
    total === undefined
      ? formatBytes(done)
      : `${formatBytes(done)} of ${formatBytes(total)} (${total > 0 ? Math.floor((done / total) * 100) : 100}%)`,
    `${formatBytes(rate)}/s`,
  ];
  if (total !== undefined && rate > 0 && done < total)
    parts.push(`ETA ${formatDuration(((total - done) / rate) * 1000)}`);
  return parts.join(", ");
}

/**
 * Tracks bytes of a source's downloads and says, at most once per `everyMs`, how far along
 * they are; small transfers (under `minBytes`) stay quiet.
 */
export class TransferProgress {
  #done = 0;
  #started = performance.now();
  #lastShown = this.#started;
  #shown = false;
  readonly #total: number | undefined;
  readonly #report: (line: string) => void;
  readonly #everyMs: number;
  readonly #quiet: boolean;

  constructor(
    total: number | undefined,
    report: (line: string) => void,
    options: { everyMs?: number; minBytes?: number } = {},
  ) {
    this.#total = total;
    this.#report = report;
    this.#everyMs = options.everyMs ?? 1000;
    this.#quiet = total !== undefined && total < (options.minBytes ?? 64 * 1024 * 1024);
  }

  add(bytes: number): void {
    this.#done += bytes;
    const now = performance.now();
    if (this.#quiet || now - this.#lastShown < this.#everyMs) return;
    this.#lastShown = now;
    this.#shown = true;
    this.#report(formatTransfer(this.#done, this.#total, now - this.#started));
  }

  finish(): void {
    if (!this.#shown) return;
    this.#report(formatTransfer(this.#done, this.#total, performance.now() - this.#started));
  }
}

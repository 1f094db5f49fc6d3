import type { MetricDefinition } from "../descriptor/types.js";
import type { MetricObservation } from "../results/receipt-types.js";
import { classifyCapturedText } from "./classify-value.js";
import { EMIT_PREFIX, type EmitRecord, parseEmitRecord } from "./emit-record.js";
import { compileMetricPattern } from "./linear-pattern.js";
import { DEFAULT_SERIES_LIMIT, MetricAccumulator } from "./metric-accumulator.js";
import { requiredLiteral } from "./required-literal.js";

export const DEFAULT_MAX_LINE_BYTES = 64 * 1024;

export interface ExtractorOptions {
  /** Values kept per metric in `series` (count stays exact). Default 10,000. */
  seriesLimit?: number;
  /** Bytes of a line that are examined; the rest of a longer line is skipped. Default 64 KiB. */
  maxLineBytes?: number;
}

export interface ExtractionResult {
  /** Declared metrics in declaration order, then metrics that were only emitted. */
  metrics: Record<string, MetricObservation>;
  /** Emitted metrics the descriptor does not declare: unit from their first record, direction unknown. */
  undeclared: Record<string, { unit: string }>;
  /** Emit lines that could not be read: how many, and the first one. */
  malformedEmits: { count: number; example?: string };
  /** Lines longer than maxLineBytes, of which only the start was examined (at least this many). */
  truncatedLines: number;
  bytes: number;
}

export interface MetricExtractor {
  /** Output bytes in any chunking; each channel (stdout, stderr, ...) keeps its own partial line. */
  write(chunk: Buffer | string, channel?: string): void;
  /** Content of the MAAT_METRICS_FILE: one emit record per line, no prefix needed. */
  writeEmitFile(chunk: Buffer | string): void;
  finish(): ExtractionResult;
}

interface PatternMatcher {
  name: string;
  regex: RegExp;
  literal: Buffer | undefined;
  accumulator: MetricAccumulator;
}

interface PendingEmit {
  lineStart: number;
  record: EmitRecord;
}

interface LineState {
  pieces: Buffer[];
  length: number;
  /** The carried line passed maxLineBytes: drop bytes until its newline. */
  dropping: boolean;
}

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const EMIT_FILE_CHANNEL = "\0emit-file";
const EMIT_LITERAL = Buffer.from(EMIT_PREFIX);
const HAS_DIGIT = /\d/;

/**
 * Extracts metric values from benchmark output as it streams, line by line, in memory bounded
 * by maxLineBytes and seriesLimit. Each metric's `pattern` (one capture group) is applied to
 * every line, all matches in order; lines holding an emit record (`maat:metric {...}`) feed
 * the same per-metric series.
 *
 * @example
 * const extractor = createMetricExtractor(descriptor.output.metrics);
 * child.stdout.on("data", (chunk) => extractor.write(chunk, "stdout"));
 * const { metrics } = extractor.finish();
 */
export function createMetricExtractor(
  definitions: MetricDefinition[],
  options: ExtractorOptions = {},
): MetricExtractor {
  return new StreamingExtractor(definitions, options);
}

class StreamingExtractor implements MetricExtractor {
  private readonly maxLineBytes: number;
  private readonly seriesLimit: number;
  private readonly accumulators = new Map<string, MetricAccumulator>();
  private readonly declared: MetricDefinition[];
  private readonly matchers: PatternMatcher[] = [];
  private readonly undeclared: Record<string, { unit: string }> = {};
  private readonly lines = new Map<string, LineState>();
  private malformedCount = 0;
  private malformedExample: string | undefined;
  private truncatedLines = 0;
  private bytes = 0;

  constructor(definitions: MetricDefinition[], options: ExtractorOptions) {
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.seriesLimit = options.seriesLimit ?? DEFAULT_SERIES_LIMIT;
    this.declared = definitions;
    for (const definition of definitions) {
      const accumulator = new MetricAccumulator(this.seriesLimit);
      this.accumulators.set(definition.name, accumulator);
      if (definition.pattern === undefined) continue;
      const literal = requiredLiteral(definition.pattern);
      this.matchers.push({
        name: definition.name,
        regex: compileMetricPattern(definition.pattern),
        literal: literal === undefined ? undefined : Buffer.from(literal),
        accumulator,
      });
    }
  }

  write(chunk: Buffer | string, channel = "output"): void {
    this.feed(typeof chunk === "string" ? Buffer.from(chunk) : chunk, channel);
  }

  writeEmitFile(chunk: Buffer | string): void {
    this.feed(typeof chunk === "string" ? Buffer.from(chunk) : chunk, EMIT_FILE_CHANNEL);
  }

  finish(): ExtractionResult {
    for (const [channel, state] of this.lines) {
      if (state.length > 0 || state.dropping) this.processLines(this.takeCarriedLine(state), channel);
    }
    this.lines.clear();
    const metrics: Record<string, MetricObservation> = {};
    for (const definition of this.declared) {
      metrics[definition.name] = (this.accumulators.get(definition.name) as MetricAccumulator).observe(
        definition.aggregate,
      );
    }
    for (const name of Object.keys(this.undeclared)) {
      metrics[name] = (this.accumulators.get(name) as MetricAccumulator).observe("last");
    }
    const malformedEmits: ExtractionResult["malformedEmits"] = { count: this.malformedCount };
    if (this.malformedExample !== undefined) malformedEmits.example = this.malformedExample;
    return {
      metrics,
      undeclared: this.undeclared,
      malformedEmits,
      truncatedLines: this.truncatedLines,
      bytes: this.bytes,
    };
  }

  /** Splits a chunk into complete lines (processed in place) and a partial tail (carried). */
  private feed(chunk: Buffer, channel: string): void {
    this.bytes += chunk.length;
    let state = this.lines.get(channel);
    let offset = 0;
    if (state !== undefined && (state.length > 0 || state.dropping)) {
      const newline = chunk.indexOf(NEWLINE);
      if (newline < 0) {
        this.carry(state, chunk);
        return;
      }
      this.carry(state, chunk.subarray(0, newline + 1));
      this.processLines(this.takeCarriedLine(state), channel);
      offset = newline + 1;
    }
    const lastNewline = chunk.lastIndexOf(NEWLINE);
    if (lastNewline >= offset) {
      this.processLines(chunk.subarray(offset, lastNewline + 1), channel);
      offset = lastNewline + 1;
    }
    if (offset < chunk.length) {
      if (state === undefined) {
        state = { pieces: [], length: 0, dropping: false };
        this.lines.set(channel, state);
      }
      this.carry(state, chunk.subarray(offset));
    }
  }

  private carry(state: LineState, piece: Buffer): void {
    if (state.dropping) return;
    const room = this.maxLineBytes - state.length;
    if (piece.length > room) {
      state.dropping = true;
      this.truncatedLines++;
    }
    // Copied: a caller may reuse its read buffer.
    const kept = Buffer.from(piece.subarray(0, Math.min(room, piece.length)));
    state.pieces.push(kept);
    state.length += kept.length;
  }

  private takeCarriedLine(state: LineState): Buffer {
    const line = Buffer.concat([...state.pieces, Buffer.from([NEWLINE])]);
    const ended = line.length >= 2 && line[line.length - 2] === NEWLINE;
    state.pieces = [];
    state.length = 0;
    state.dropping = false;
    return ended ? line.subarray(0, line.length - 1) : line;
  }

  /** `region` holds complete lines, each ending with a newline. */
  private processLines(region: Buffer, channel: string): void {
    if (channel === EMIT_FILE_CHANNEL) {
      this.readEmitFileLines(region);
      return;
    }
    const pending = this.findEmitLines(region);
    for (const matcher of this.matchers) {
      const mine = pending?.filter((emit) => emit.record.name === matcher.name) ?? [];
      if (matcher.literal === undefined) this.matchEveryLine(matcher, region, mine);
      else this.matchLinesWithLiteral(matcher, matcher.literal, region, mine);
    }
    if (pending === undefined) return;
    for (const emit of pending) if (!this.hasMatcher(emit.record.name)) this.record(emit.record);
  }

  private hasMatcher(name: string): boolean {
    return this.matchers.some((matcher) => matcher.name === name);
  }

  /** The hot path: search bytes for the pattern's literal, decode and run the regex only on those lines. */
  private matchLinesWithLiteral(
    matcher: PatternMatcher,
    literal: Buffer,
    region: Buffer,
    pending: PendingEmit[],
  ): void {
    let from = 0;
    for (;;) {
      const hit = region.indexOf(literal, from);
      if (hit < 0) break;
      const lineStart = region.lastIndexOf(NEWLINE, hit) + 1;
      const lineEnd = region.indexOf(NEWLINE, hit);
      this.matchLine(matcher, region, lineStart, lineEnd, pending);
      from = lineEnd + 1;
    }
    this.flushPending(pending, Number.POSITIVE_INFINITY);
  }

  private matchEveryLine(matcher: PatternMatcher, region: Buffer, pending: PendingEmit[]): void {
    for (let lineStart = 0; lineStart < region.length; ) {
      const lineEnd = region.indexOf(NEWLINE, lineStart);
      this.matchLine(matcher, region, lineStart, lineEnd, pending);
      lineStart = lineEnd + 1;
    }
    this.flushPending(pending, Number.POSITIVE_INFINITY);
  }

  private matchLine(
    matcher: PatternMatcher,
    region: Buffer,
    start: number,
    end: number,
    pending: PendingEmit[],
  ): void {
    const text = region.toString("utf8", start, this.viewEnd(region, start, end));
    const { regex, accumulator } = matcher;
    regex.lastIndex = 0;
    let flushed = pending.length === 0;
    for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
      if (match[0].length === 0) regex.lastIndex++;
      if (!flushed) {
        this.flushPending(pending, start);
        flushed = true;
      }
      const captured = match[1] ?? "";
      const value = +captured;
      // `+""` and `+" "` are 0: a zero must show a digit to count as one.
      if (Number.isFinite(value) && (value !== 0 || HAS_DIGIT.test(captured)))
        accumulator.addNumber(value, "pattern");
      else accumulator.add(classifyCapturedText(captured), "pattern");
    }
  }

  /** Where the examined part of a line ends: before a CR of a CRLF, or at maxLineBytes. */
  private viewEnd(region: Buffer, start: number, end: number): number {
    if (end - start > this.maxLineBytes) {
      this.truncatedLines++;
      return start + this.maxLineBytes;
    }
    return end > start && region[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
  }

  /** Emit records that precede `before` are recorded first, so a metric fed both ways keeps its order. */
  private flushPending(pending: PendingEmit[], before: number): void {
    while (pending.length > 0 && (pending[0] as PendingEmit).lineStart < before) {
      this.record((pending.shift() as PendingEmit).record);
    }
  }

  private findEmitLines(region: Buffer): PendingEmit[] | undefined {
    let found: PendingEmit[] | undefined;
    let from = 0;
    for (;;) {
      const hit = region.indexOf(EMIT_LITERAL, from);
      if (hit < 0) return found;
      const lineStart = region.lastIndexOf(NEWLINE, hit) + 1;
      const lineEnd = region.indexOf(NEWLINE, hit);
      from = lineEnd + 1;
      const viewEnd = this.viewEnd(region, lineStart, lineEnd);
      if (hit + EMIT_LITERAL.length > viewEnd) continue;
      const record = this.parseEmit(region.toString("utf8", hit + EMIT_LITERAL.length, viewEnd));
      if (record === undefined) continue;
      found ??= [];
      found.push({ lineStart, record });
    }
  }

  private readEmitFileLines(region: Buffer): void {
    for (let lineStart = 0; lineStart < region.length; ) {
      const lineEnd = region.indexOf(NEWLINE, lineStart);
      let text = region.toString("utf8", lineStart, this.viewEnd(region, lineStart, lineEnd)).trim();
      lineStart = lineEnd + 1;
      if (text.startsWith(EMIT_PREFIX)) text = text.slice(EMIT_PREFIX.length);
      if (text === "") continue;
      const record = this.parseEmit(text);
      if (record !== undefined) this.record(record);
    }
  }

  private parseEmit(json: string): EmitRecord | undefined {
    const parsed = parseEmitRecord(json);
    if ("record" in parsed) return parsed.record;
    this.malformedCount++;
    this.malformedExample ??= parsed.malformed;
    return undefined;
  }

  private record(record: EmitRecord): void {
    let accumulator = this.accumulators.get(record.name);
    if (accumulator === undefined) {
      accumulator = new MetricAccumulator(this.seriesLimit);
      this.accumulators.set(record.name, accumulator);
      this.undeclared[record.name] = { unit: record.unit ?? "" };
    }
    accumulator.add(record.value, "emit");
  }
}

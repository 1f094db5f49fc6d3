// Extraction speed: Maat's streaming extractor, alone and through `maat run`, against
// `grep -E -o '<pattern>' log | tail -1` as people run it, on a generated training log.
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { type CommandCost, describeCost, measureCommand } from "../measure-command.js";
import type { BenchRow, BenchSuite } from "../row.js";

const PATTERNS = ["loss=([0-9.]+)", "throughput=([0-9.]+) samples/s", "accuracy=([0-9.]+)"];
const MIB = 1024 * 1024;
/** The pattern people grep for: the training loss. */
const LOSS = PATTERNS[0]!;

export const extractionSuite: BenchSuite = {
  name: "extraction",
  async run(): Promise<BenchRow[]> {
    const sizeMiB = Number(process.env.MAAT_BENCH_LOG_MB ?? 1024);
    const dir = await mkdtemp(join(tmpdir(), "maat-bench-extraction-"));
    const log = join(dir, "training.log");
    try {
      const bytes = await writeTrainingLog(log, sizeMiB * MIB);
      const env = { PATH: process.env.PATH ?? "" };
      const grepC = measureCommand(
        3,
        ["sh", "-c", `LC_ALL=C grep -E -o '${LOSS}' "$1" | tail -1`, "sh", log],
        {
          cwd: dir,
          env,
        },
      );
      const grepLocale = measureCommand(3, ["sh", "-c", `grep -E -o '${LOSS}' "$1" | tail -1`, "sh", log], {
        cwd: dir,
        env: { ...env, LANG: "C.UTF-8", LC_ALL: "C.UTF-8" },
      });
      // The extractor alone, in a process that loads nothing else (bench/extract-child.ts).
      const childScript = join(process.cwd(), "build/extract-child.js");
      const child = (patterns: number) => [
        process.execPath,
        childScript,
        log,
        ...PATTERNS.slice(0, patterns),
      ];
      const direct = measureCommand(3, child(1), { cwd: dir, env });
      const directAll = measureCommand(3, child(PATTERNS.length), { cwd: dir, env });
      const grepAll = measureCommand(
        3,
        [
          "sh",
          "-c",
          `LC_ALL=C grep -E -o ${PATTERNS.map((p) => `-e '${p}'`).join(" ")} "$1" | tail -1`,
          "sh",
          log,
        ],
        { cwd: dir, env },
      );
      const throughRun = await measureMaatRun(dir, log);
      // The floor of any Node program reading the same output: a bare pipe, counting bytes. Its
      // peak memory is mostly pipe buffers the collector has not freed yet (little JS allocation).
      const barePipe = measureCommand(
        3,
        [
          process.execPath,
          "-e",
          'const c=require("child_process").spawn("cat",[process.argv[1]]);let n=0;c.stdout.on("data",b=>{n+=b.length});',
          log,
        ],
        { cwd: dir, env },
      );
      const mbps = (ms: number) => `${(bytes / 1e6 / (ms / 1000)).toFixed(0)} MB/s`;
      const label = `${sizeMiB} MiB log`;
      const row = (
        name: string,
        cost: CommandCost,
        reference: CommandCost,
        refName: string,
        target: number,
      ): BenchRow => ({
        suite: "extraction",
        case: `${name} (${label})`,
        value: `${mbps(cost.wallMs)}, ${describeCost(cost)}`,
        reference: `${refName}: ${mbps(reference.wallMs)}, ${describeCost(reference)}`,
        ratio: cost.wallMs / reference.wallMs,
        target: `<= ${target}x, < 150 MiB`,
        met: cost.wallMs / reference.wallMs <= target && cost.maxRssMiB < 150,
      });
      const runRatio = throughRun.wallMs / grepC.wallMs;
      return [
        row("Maat extractor, one pattern", direct, grepC, "LC_ALL=C grep -E -o | tail -1", 1.2),
        {
          suite: "extraction",
          case: `maat run of \`cat log\`, one pattern (${label})`,
          value: `${mbps(throughRun.wallMs)}, ${describeCost(throughRun)}`,
          reference: `LC_ALL=C grep -E -o | tail -1: ${mbps(grepC.wallMs)}; a bare Node pipe reader: ${describeCost(barePipe)}`,
          ratio: runRatio,
          target: "<= 1.5x grep; memory < 150 MiB or <= 1.5x the bare pipe",
          met:
            runRatio <= 1.5 &&
            (throughRun.maxRssMiB < 150 || throughRun.maxRssMiB <= 1.5 * barePipe.maxRssMiB),
        },
        {
          suite: "extraction",
          case: `grep in a UTF-8 locale (${label})`,
          value: `${mbps(grepLocale.wallMs)}, ${describeCost(grepLocale)}`,
          reference: `LC_ALL=C: ${mbps(grepC.wallMs)}`,
          ratio: grepLocale.wallMs / grepC.wallMs,
          target: "-",
          met: null,
        },
        row("Maat extractor, three patterns", directAll, grepAll, "LC_ALL=C grep -E -o -e x3 | tail -1", 1.2),
      ];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

/** `maat run` of a benchmark that prints the log (`cat`), one repetition, under GNU time. */
async function measureMaatRun(dir: string, log: string): Promise<CommandCost> {
  const project = join(dir, "project");
  await mkdir(join(project, "benchmarks/cat"), { recursive: true });
  await writeFile(
    join(project, "benchmarks/cat/descriptor.toml"),
    [
      'spec_version = "0.1.0"',
      "[info]",
      'task_name = "cat"',
      'description = "prints a training log"',
      "[hardware]",
      'instance_type = "local"',
      'strategy = "single_node"',
      "[env]",
      'docker_image = "busybox"',
      "[ml]",
      `benchmark_code = "cat ${log}"`,
      "[run]",
      "repetitions = 1",
      "warmup = 0",
      "[[output.metrics]]",
      'name = "loss"',
      'units = ""',
      `pattern = "${LOSS}"`,
      'direction = "lower_is_better"',
      "",
    ].join("\n"),
  );
  const cli = join(process.cwd(), "dist/cli.js");
  return measureCommand(3, [process.execPath, cli, "run", "benchmarks/cat", "--quiet"], {
    cwd: project,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/root" },
  });
}

/** A log shaped like a training run: loss and throughput on most lines, accuracy every 50th, noise. */
async function writeTrainingLog(path: string, size: number): Promise<number> {
  const out = createWriteStream(path);
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  let written = 0;
  let step = 0;
  while (written < size) {
    let block = "";
    while (block.length < MIB) {
      step++;
      const time = `2024-05-01 12:${String(Math.floor(step / 60) % 60).padStart(2, "0")}:${String(step % 60).padStart(2, "0")},123`;
      if (step % 50 === 0)
        block += `${time} INFO eval epoch=${Math.floor(step / 1000)} accuracy=${random().toFixed(4)}\n`;
      else if (step % 7 === 0)
        block += `${time} DEBUG data loader worker ${step % 8} fetched batch ${step} from shard /data/train-${String(step % 1000).padStart(5, "0")}.tar\n`;
      else {
        block += `${time} INFO epoch=${Math.floor(step / 1000)} step=${step} loss=${random().toFixed(5)} lr=${(random() / 1000).toFixed(6)} throughput=${(1000 + random() * 500).toFixed(1)} samples/s\n`;
      }
    }
    written += Buffer.byteLength(block);
    if (!out.write(block)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  out.end();
  await finished(out);
  return written;
}

/**
 * A real Docker engine for the tests, and the images they run, built here: a busybox-static
 * rootfs plus this Node binary and its libraries, imported with `docker import`. Nothing is
 * ever pulled from a registry. `.ci/run` installs Debian's docker.io and busybox-static and
 * starts dockerd; elsewhere the suites are skipped and say why.
 */
import { execFile, execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The test image: busybox (sh, wget, nc, ...) and node at /usr/local/bin/node. */
export const TEST_IMAGE = "maat-test/node:24";
const BUSYBOX = "/bin/busybox";
const VERSION_LABEL = "maat.test/node-version";

/** Why Docker tests cannot run here, or undefined when they can. Checked once, synchronously at import. */
export const dockerUnavailable: string | undefined = (() => {
  if (process.env.MAAT_TEST_NO_DOCKER === "1") return "MAAT_TEST_NO_DOCKER=1";
  try {
    const output = execFileSync("docker", ["version", "--format", "{{.Server.Version}}"], {
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 60_000,
    });
    if (String(output).trim() === "") return "the Docker engine did not answer";
  } catch {
    return "no Docker engine answers (.ci/run installs docker.io and starts dockerd)";
  }
  if (!isStaticBusybox()) return `${BUSYBOX} is missing or not static (apt-get install busybox-static)`;
  return undefined;
})();

function isStaticBusybox(): boolean {
  if (!existsSync(BUSYBOX)) return false;
  // A dynamic 64-bit ELF executable has a PT_INTERP (type 3) program header naming its loader.
  const elf = readFileSync(BUSYBOX);
  if (elf.readUInt32BE(0) !== 0x7f454c46 || elf[4] !== 2) return false;
  const offset = Number(elf.readBigUInt64LE(0x20));
  const size = elf.readUInt16LE(0x36);
  for (let i = 0; i < elf.readUInt16LE(0x38); i++) {
    if (elf.readUInt32LE(offset + i * size) === 3) return false;
  }
  return true;
}

let building: Promise<string> | undefined;

/** Builds TEST_IMAGE unless an image of this Node version is there already; returns its name. */
export function ensureTestImage(): Promise<string> {
  building ??= (async () => {
    const label = await run("docker", [
      "image",
      "inspect",
      "--format",
      `{{index .Config.Labels "${VERSION_LABEL}"}}`,
      TEST_IMAGE,
    ]).catch(() => undefined);
    if (label?.stdout.trim() === process.version) return TEST_IMAGE;
    await importImage(TEST_IMAGE);
    return TEST_IMAGE;
  })();
  return building;
}

async function importImage(tag: string): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), "maat-test-rootfs-"));
  try {
    await mkdir(join(root, "bin"), { recursive: true });
    await copyFile(BUSYBOX, join(root, "bin/busybox"));
    await chmod(join(root, "bin/busybox"), 0o755);
    const applets = (await run(BUSYBOX, ["--list"])).stdout.split("\n").filter((a) => a && a !== "busybox");
    for (const applet of applets) await symlink("busybox", join(root, "bin", applet));
    for (const dir of ["tmp", "etc", "root", "usr/local/bin", "workspace"]) {
      await mkdir(join(root, dir), { recursive: true });
    }
    await chmod(join(root, "tmp"), 0o1777);
    await writeFile(
      join(root, "etc/passwd"),
      "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n",
    );
    await writeFile(join(root, "etc/group"), "root:x:0:\nnogroup:x:65534:\n");
    await copyFile(process.execPath, join(root, "usr/local/bin/node"));
    await chmod(join(root, "usr/local/bin/node"), 0o755);
    for (const library of await sharedLibraries(process.execPath)) {
      await mkdir(join(root, dirname(library)), { recursive: true });
      await copyFile(library, join(root, library));
    }
    await new Promise<void>((resolve, reject) => {
      const tar = spawn("tar", ["-C", root, "-c", "."], { stdio: ["ignore", "pipe", "inherit"] });
      const docker = spawn(
        "docker",
        [
          "import",
          "--change",
          `LABEL ${VERSION_LABEL}=${process.version}`,
          "--change",
          "ENV PATH=/usr/local/bin:/bin",
          "-",
          tag,
        ],
        { stdio: ["pipe", "ignore", "pipe"] },
      );
      let stderr = "";
      docker.stderr.on("data", (chunk) => {
        stderr += chunk;
      });
      tar.stdout.pipe(docker.stdin);
      docker.once("close", (code) =>
        code === 0 ? resolve() : reject(new Error(`docker import failed: ${stderr}`)),
      );
    });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The shared libraries a binary loads, and its loader, from `ldd`. */
async function sharedLibraries(binary: string): Promise<string[]> {
  const { stdout } = await run("ldd", [binary]);
  const libraries: string[] = [];
  for (const line of stdout.split("\n")) {
    const found = /=>\s*(\/\S+)/.exec(line) ?? /^\s*(\/\S+)\s/.exec(line);
    if (found?.[1] !== undefined) libraries.push(found[1]);
  }
  return libraries;
}

/** Containers and networks Maat left behind for these benchmarks (files run in parallel, so each checks its own). */
export async function maatLeftovers(
  ...benchmarks: string[]
): Promise<{ containers: string[]; networks: string[] }> {
  const list = async (args: string[]) =>
    (await run("docker", args)).stdout
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "");
  const found = { containers: [] as string[], networks: [] as string[] };
  for (const benchmark of benchmarks) {
    const label = `label=maat.dev/benchmark=${benchmark}`;
    found.containers.push(...(await list(["ps", "-a", "--filter", label, "--format", "{{.Names}}"])));
    found.networks.push(...(await list(["network", "ls", "--filter", label, "--format", "{{.Name}}"])));
  }
  return found;
}

/** `docker ...args` to the end; rejects on a non-zero exit. */
export async function docker(...args: string[]): Promise<string> {
  return (await run("docker", args, { maxBuffer: 16 * 1024 * 1024 })).stdout.trim();
}

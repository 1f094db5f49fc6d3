import type { PullPolicy } from "../../config/types.js";
import { RunnerError } from "../runner.js";
import { type DockerCli, firstLines, hintFor } from "./docker-cli.js";

/** What the receipt says about an image: the tag asked for and what it was at run time. */
export interface ImageFacts {
  reference: string;
  /** The image id (`sha256:...`): what actually ran, whatever the tag points at later. */
  id: string;
  /** Registry digests (`repo@sha256:...`); empty for an image built or imported locally. */
  digests: string[];
}

/** Makes images available per the pull policy, once per image for the runner's lifetime. */
export interface ImageStore {
  ensure(reference: string): Promise<ImageFacts>;
}

/**
 * `missing` pulls only an absent image, `always` pulls before the first use, `never` refuses
 * an absent image. Each image is resolved once per runner, so every repetition of a run uses
 * the same image id even when the tag moves meanwhile.
 */
export function createImageStore(cli: DockerCli, policy: PullPolicy): ImageStore {
  const resolved = new Map<string, Promise<ImageFacts>>();
  return {
    ensure(reference) {
      let facts = resolved.get(reference);
      if (facts === undefined) {
        facts = resolve(cli, reference, policy);
        resolved.set(reference, facts);
        facts.catch(() => resolved.delete(reference));
      }
      return facts;
    },
  };
}

async function resolve(cli: DockerCli, reference: string, policy: PullPolicy): Promise<ImageFacts> {
  if (reference.trim() === "" || reference === "undefined") {
    throw new RunnerError("env.docker_image is empty: the Docker runner needs an image", {
      phase: "prepare",
      hint: "set env.docker_image (and server.env.docker_image for inference) to the image that runs the benchmark",
    });
  }
  if (policy !== "always") {
    const present = await inspect(cli, reference);
    if (present !== undefined) return present;
    if (policy === "never") {
      throw new RunnerError(`image ${reference} is not on this machine and docker.pull is "never"`, {
        phase: "prepare",
        hint: `pull or build it first (docker pull ${reference}), or set docker.pull = "missing" in maat.toml`,
      });
    }
  }
  const pulled = await cli.exec(["pull", "--quiet", reference]);
  if (pulled.code !== 0) {
    throw new RunnerError(`could not pull image ${reference}: ${firstLines(pulled.stderr)}`, {
      phase: "prepare",
      hint: 'check the image name and tag and the registry login (docker login); a local image needs docker.pull = "never" or "missing"',
    });
  }
  const facts = await inspect(cli, reference);
  if (facts === undefined) {
    throw new RunnerError(`image ${reference} was pulled but cannot be inspected`, { phase: "prepare" });
  }
  return facts;
}

async function inspect(cli: DockerCli, reference: string): Promise<ImageFacts | undefined> {
  const result = await cli.exec(["image", "inspect", "--format", "{{json .}}", reference]);
  if (result.code !== 0) {
    if (/no such image/i.test(result.stderr)) return undefined;
    const hint = hintFor(result.stderr);
    throw new RunnerError(`docker image inspect ${reference} failed: ${firstLines(result.stderr)}`, {
      phase: "prepare",
      ...(hint === undefined ? {} : { hint }),
    });
  }
  const image = JSON.parse(result.stdout) as { Id: string; RepoDigests?: string[] | null };
  return { reference, id: image.Id, digests: image.RepoDigests ?? [] };
}

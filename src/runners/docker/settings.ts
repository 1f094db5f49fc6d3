import type { RepositoryConfig } from "../../config/types.js";
import type { DataSettings } from "../../data/data-settings.js";
import type { ExtractorOptions } from "../../metrics/metric-extractor.js";
import type { CheckoutInfo } from "../code-placement.js";
import type { DockerCli } from "./docker-cli.js";
import type { ImageStore } from "./images.js";

/** Settings shared by every repetition of a Docker runner. */
export interface DockerSettings {
  cli: DockerCli;
  docker: RepositoryConfig["docker"];
  checkout: CheckoutInfo | undefined;
  readinessAllowanceProbes: number;
  extractor: ExtractorOptions;
  newRunId: () => string;
  images: ImageStore;
  data: DataSettings | undefined;
}

import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateKubernetesObject } from "../kube-schemas.js";
import { ApiServer, type RecordedRequest } from "./api/server.js";
import { WatchHub } from "./api/watch.js";
import type { AutopilotOptions } from "./cluster/autopilot.js";
import { FakeCluster } from "./cluster/cluster.js";
import { deploymentController } from "./cluster/deployment-controller.js";
import { jobController } from "./cluster/job-controller.js";
import { LogBook } from "./cluster/logbook.js";
import { mpiJobController } from "./cluster/mpijob-controller.js";
import { DEFAULT_NODES, type NodeSeed } from "./cluster/nodes.js";
import { pyTorchJobController } from "./cluster/pytorchjob-controller.js";
import { Faults } from "./faults.js";
import { writeKubeconfig } from "./kubeconfig.js";
import type { ForbidRule } from "./rbac.js";
import { Store } from "./store.js";
import type { SchemaValidator } from "./validation.js";

export type { AutopilotOptions } from "./cluster/autopilot.js";
export type { DriveOptions, FakeCluster, PodRef } from "./cluster/cluster.js";
export type { NodeSeed } from "./cluster/nodes.js";
export type { Failure } from "./cluster/pod-lifecycle.js";
export type { FailNext, Faults } from "./faults.js";
export type { ForbidRule } from "./rbac.js";
export type { Store } from "./store.js";
export type { KubeObject } from "./types.js";
export type { RecordedRequest };

export interface FakeKubeOptions {
  /** Namespaces that exist at start (default `["default"]`); creating into a missing one is a 404. */
  namespaces?: string[];
  /** Nodes at start (default: one CPU node and two GPU nodes, see DEFAULT_NODES). */
  nodes?: NodeSeed[];
  /** Which Kubeflow CRDs are installed (default both); the others answer 404 like a cluster without the operator. */
  installedCrds?: Array<"mpijobs" | "pytorchjobs">;
  /** Requests the user may not make; they get RBAC's 403. */
  forbid?: ForbidRule[];
  /** The user named in 403 messages. */
  user?: string;
  /** The bearer token the kubeconfig carries (random by default). */
  token?: string;
  /** Schema check for created and updated objects; defaults to the official schemas (kube-schemas.ts). */
  validate?: SchemaValidator;
  /** How many changes watches can resume from before they get 410 Gone (default 1000). */
  watchWindow?: number;
  /** How often watches with `allowWatchBookmarks=true` get a BOOKMARK (default 1000 ms). */
  bookmarkIntervalMs?: number;
  /** Runs every new pod to the end on its own. */
  autopilot?: AutopilotOptions;
}

export interface FakeKube {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** A kubeconfig file whose current context points at `url` with the token; namespace is the first of `namespaces`. */
  kubeconfigPath: string;
  token: string;
  /** The stored objects: `state.get("jobs", "bench", "train")`, `state.list("pods", "bench")`. */
  state: Store;
  /** The scheduler and kubelets: drive pod lifecycles, add nodes, run the autopilot. */
  cluster: FakeCluster;
  faults: Faults;
  /** RBAC denials in force; push to add one mid-test. */
  forbid: ForbidRule[];
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * Starts a fake Kubernetes API server on 127.0.0.1 (random port) with the Job, Deployment,
 * MPIJob and PyTorchJob controllers simulated and pods driven by the test.
 *
 * @example
 * const kube = await startFakeKube({ namespaces: ["bench"] });
 * const config = new KubeConfig();
 * config.loadFromFile(kube.kubeconfigPath);
 * // ... the code under test creates Job "train" ...
 * const [pod] = await kube.cluster.waitForPods("job-name=train");
 * kube.cluster.run(pod.metadata.name, { logs: ["step 1 loss=0.5"] });
 * kube.cluster.succeed(pod.metadata.name);
 * await kube.close();
 */
export async function startFakeKube(options: FakeKubeOptions = {}): Promise<FakeKube> {
  const store = new Store({ watchWindow: options.watchWindow ?? 1000 });
  const logs = new LogBook();
  const ctx = { store, logs };
  store.onChange((event) => {
    if (event.plural === "pods" && event.type === "ADDED")
      logs.reset(event.object.metadata.namespace ?? "", event.object.metadata.name);
  });
  for (const controller of [jobController, mpiJobController, pyTorchJobController, deploymentController]) {
    store.onChange(controller(ctx));
  }
  const cluster = new FakeCluster(ctx, { ...(options.autopilot && { autopilot: options.autopilot }) });
  const namespaces = options.namespaces ?? ["default"];
  for (const name of namespaces) {
    store.create("namespaces", {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: {
        name,
        uid: "",
        resourceVersion: "",
        creationTimestamp: "",
        labels: { "kubernetes.io/metadata.name": name },
      },
      spec: { finalizers: ["kubernetes"] },
      status: { phase: "Active" },
    });
  }
  for (const node of options.nodes ?? DEFAULT_NODES) cluster.addNode(node);

  const watches = new WatchHub(store, {
    ...(options.bookmarkIntervalMs && { bookmarkIntervalMs: options.bookmarkIntervalMs }),
  });
  const faults = new Faults({ expire: () => watches.expire(), drop: () => watches.drop() });
  const token = options.token ?? randomBytes(16).toString("hex");
  const forbid = [...(options.forbid ?? [])];
  const api = new ApiServer({
    store,
    logs,
    watches,
    faults,
    validate: options.validate ?? validateKubernetesObject,
    token,
    user: options.user ?? "system:serviceaccount:ci:maat",
    forbid,
    installedCrds: new Set(options.installedCrds ?? ["mpijobs", "pytorchjobs"]),
  });
  const http = createServer((req, res) => {
    api.handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const dir = await mkdtemp(join(tmpdir(), "fake-kube-"));
  const kubeconfigPath = await writeKubeconfig(dir, { url, token, namespace: namespaces[0] ?? "default" });
  return {
    url,
    kubeconfigPath,
    token,
    state: store,
    cluster,
    faults,
    forbid,
    requests: api.requests,
    close: async () => {
      cluster.stop();
      watches.closeAll();
      await new Promise<void>((resolve, reject) => {
        http.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets and follow streams would otherwise hold close() open.
        http.closeAllConnections();
      });
      await rm(dir, { recursive: true, force: true });
    },
  };
}

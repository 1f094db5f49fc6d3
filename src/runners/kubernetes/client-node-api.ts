import type { Writable } from "node:stream";
import {
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  Log,
  type V1ConfigMap,
  type V1Deployment,
  type V1Job,
  type V1Service,
  Watch,
} from "@kubernetes/client-node";
import type { ClusterApi, KubeObject, ObjectList, Selector } from "./cluster-api.js";
import { collectionPath, type ResourceType, resourceType } from "./resources.js";

/**
 * The ClusterApi over @kubernetes/client-node: typed clients for built-in kinds, the
 * custom-objects client for the Kubeflow kinds, `Watch` and `Log` for streams.
 * Errors are thrown as the client throws them (ApiException); callers explain them.
 */
export function createClusterApi(kubeConfig: KubeConfig): ClusterApi {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const batch = kubeConfig.makeApiClient(BatchV1Api);
  const apps = kubeConfig.makeApiClient(AppsV1Api);
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  const watcher = new Watch(kubeConfig);
  const logs = new Log(kubeConfig);
  const group = (type: ResourceType) => ({ group: type.group, version: type.version, plural: type.plural });

  return {
    async create(object, namespace) {
      switch (object.kind) {
        case "Job":
          return asObject(await batch.createNamespacedJob({ namespace, body: object as V1Job }));
        case "Deployment":
          return asObject(await apps.createNamespacedDeployment({ namespace, body: object as V1Deployment }));
        case "Service":
          return asObject(await core.createNamespacedService({ namespace, body: object as V1Service }));
        case "ConfigMap":
          return asObject(await core.createNamespacedConfigMap({ namespace, body: object as V1ConfigMap }));
        default: {
          const type = resourceType(object.apiVersion, object.kind);
          return asObject(
            await custom.createNamespacedCustomObject({ ...group(type), namespace, body: object }),
          );
        }
      }
    },

    async delete(type, namespace, name, propagationPolicy) {
      try {
        if (type.plural === "jobs") await batch.deleteNamespacedJob({ name, namespace, propagationPolicy });
        else if (type.plural === "deployments")
          await apps.deleteNamespacedDeployment({ name, namespace, propagationPolicy });
        else if (type.plural === "services")
          await core.deleteNamespacedService({ name, namespace, propagationPolicy });
        else if (type.plural === "configmaps")
          await core.deleteNamespacedConfigMap({ name, namespace, propagationPolicy });
        else
          await custom.deleteNamespacedCustomObject({ ...group(type), namespace, name, propagationPolicy });
      } catch (error) {
        if ((error as { code?: number }).code !== 404) throw error;
      }
    },

    async list(type, namespace, selector) {
      const query = { namespace, ...selector };
      switch (type.plural) {
        case "pods":
          return asList(await core.listNamespacedPod(query));
        case "events":
          return asList(await core.listNamespacedEvent(query));
        case "services":
          return asList(await core.listNamespacedService(query));
        case "jobs":
          return asList(await batch.listNamespacedJob(query));
        case "deployments":
          return asList(await apps.listNamespacedDeployment(query));
        default:
          return asList(await custom.listNamespacedCustomObject({ ...group(type), ...query }));
      }
    },

    async watch(type, namespace, options, onEvent, onDone) {
      const query: Selector & Record<string, string | boolean> = {
        ...options,
        allowWatchBookmarks: true,
      };
      const controller = await watcher.watch(
        collectionPath(type, namespace),
        query,
        (phase, object) => onEvent(phase, object as KubeObject),
        onDone,
      );
      return { stop: () => controller.abort() };
    },

    async followLog(namespace, pod, container, sink: Writable) {
      // The client pipes the response into `sink` without an error listener on the response, so
      // stopping (abort) or a dropped connection would be an uncaught error: the log just ends.
      sink.once("pipe", (source: NodeJS.ReadableStream) => {
        source.on("error", () => sink.end());
      });
      const controller = await logs.log(namespace, pod, container, sink, { follow: true });
      return { stop: () => controller.abort() };
    },

    async readNode(name) {
      return asObject(await core.readNode({ name }));
    },
  };
}

function asObject(value: unknown): KubeObject {
  return value as KubeObject;
}

function asList(value: unknown): ObjectList {
  const list = value as { items?: KubeObject[]; metadata?: { resourceVersion?: string } };
  return { items: list.items ?? [], resourceVersion: list.metadata?.resourceVersion ?? "" };
}

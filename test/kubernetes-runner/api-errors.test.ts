import { ApiException } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { explainApiError } from "../../src/runners/kubernetes/api-errors.js";
import { KubernetesApiError } from "../../src/runners/kubernetes/kubernetes-error.js";
import { resourceType } from "../../src/runners/kubernetes/resources.js";

const JOB = resourceType("batch/v1", "Job");
const MPIJOB = resourceType("kubeflow.org/v2beta1", "MPIJob");

function apiException(code: number, status: object | string) {
  const body =
    typeof status === "string"
      ? status
      : JSON.stringify({ kind: "Status", apiVersion: "v1", status: "Failure", code, ...status });
  return new ApiException(code, "Unknown API Status Code!", body, {});
}

describe("explainApiError", () => {
  it("says the MPIJob CRD is missing and which operator installs it", () => {
    const error = explainApiError(apiException(404, "404 page not found"), {
      verb: "create",
      type: MPIJOB,
      namespace: "bench",
      name: "hvd-3f9a1c2e",
    });
    expect(error).toBeInstanceOf(KubernetesApiError);
    expect(error.status).toBe(404);
    expect(error.message).toMatch(
      /^the MPIJob CRD \(kubeflow\.org\/v2beta1\) is not installed: install the Kubeflow MPI operator/,
    );
  });

  it("names the verb, the resource and the namespace of a 403", () => {
    const error = explainApiError(
      apiException(403, {
        reason: "Forbidden",
        message:
          'jobs.batch is forbidden: User "system:serviceaccount:ci:maat" cannot create resource "jobs" in API group "batch" in the namespace "bench"',
        details: { group: "batch", kind: "jobs" },
      }),
      { verb: "create", type: JOB, namespace: "bench" },
    );
    expect(error.message).toMatch(
      /^the cluster forbids create on jobs\.batch in namespace "bench" for User "system:serviceaccount:ci:maat"/,
    );
    expect(error.hint).toContain("create/get/list/watch/delete on jobs.batch");
  });

  it("says so when the namespace does not exist", () => {
    const error = explainApiError(
      apiException(404, {
        reason: "NotFound",
        message: 'namespaces "bench" not found',
        details: { name: "bench", kind: "namespaces" },
      }),
      { verb: "create", type: JOB, namespace: "bench", name: "x" },
    );
    expect(error.message).toBe('the namespace "bench" does not exist');
  });

  it("explains a connection failure as an unreachable API server", () => {
    const error = explainApiError(new TypeError("fetch failed"), {
      verb: "create",
      type: JOB,
      namespace: "bench",
    });
    expect(error.status).toBeUndefined();
    expect(error.message).toContain(
      "cannot reach the Kubernetes API server to create jobs.batch: fetch failed",
    );
  });
});

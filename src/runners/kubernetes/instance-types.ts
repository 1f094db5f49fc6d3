/**
 * Accelerators per AWS EC2 instance type, so a descriptor's `instance_type` becomes a
 * `nvidia.com/gpu` (NVIDIA device plugin) or `aws.amazon.com/neuron` (AWS Neuron device
 * plugin) limit. Source: the "Accelerated computing" tables of the Amazon EC2 instance
 * types page (https://aws.amazon.com/ec2/instance-types/, GPUs / Trainium / Inferentia
 * chips per instance), checked 2025. Instance types not listed (t3.medium, c5.*, m5.*, ...)
 * get no accelerator limit; `hardware.gpus_per_instance` covers the rest.
 */

export type AcceleratorResource = "nvidia.com/gpu" | "aws.amazon.com/neuron";

export interface Accelerators {
  resource: AcceleratorResource;
  count: number;
}

const NVIDIA: Record<string, number> = {
  // P3 (V100)
  "p3.2xlarge": 1,
  "p3.8xlarge": 4,
  "p3.16xlarge": 8,
  "p3dn.24xlarge": 8,
  // P4 (A100)
  "p4d.24xlarge": 8,
  "p4de.24xlarge": 8,
  // P5 (H100 / H200)
  "p5.48xlarge": 8,
  "p5e.48xlarge": 8,
  "p5en.48xlarge": 8,
  // G4dn (T4)
  "g4dn.xlarge": 1,
  "g4dn.2xlarge": 1,
  "g4dn.4xlarge": 1,
  "g4dn.8xlarge": 1,
  "g4dn.16xlarge": 1,
  "g4dn.12xlarge": 4,
  "g4dn.metal": 8,
  // G5 (A10G)
  "g5.xlarge": 1,
  "g5.2xlarge": 1,
  "g5.4xlarge": 1,
  "g5.8xlarge": 1,
  "g5.16xlarge": 1,
  "g5.12xlarge": 4,
  "g5.24xlarge": 4,
  "g5.48xlarge": 8,
  // G6 (L4)
  "g6.xlarge": 1,
  "g6.2xlarge": 1,
  "g6.4xlarge": 1,
  "g6.8xlarge": 1,
  "g6.16xlarge": 1,
  "g6.12xlarge": 4,
  "g6.24xlarge": 4,
  "g6.48xlarge": 8,
  // G6e (L40S)
  "g6e.xlarge": 1,
  "g6e.2xlarge": 1,
  "g6e.4xlarge": 1,
  "g6e.8xlarge": 1,
  "g6e.16xlarge": 1,
  "g6e.12xlarge": 4,
  "g6e.24xlarge": 4,
  "g6e.48xlarge": 8,
};

/** Neuron devices (Trainium / Inferentia chips) as the Neuron device plugin counts them. */
const NEURON: Record<string, number> = {
  "trn1.2xlarge": 1,
  "trn1.32xlarge": 16,
  "trn1n.32xlarge": 16,
  "trn2.48xlarge": 16,
  "inf1.xlarge": 1,
  "inf1.2xlarge": 1,
  "inf1.6xlarge": 4,
  "inf1.24xlarge": 16,
  "inf2.xlarge": 1,
  "inf2.8xlarge": 1,
  "inf2.24xlarge": 6,
  "inf2.48xlarge": 12,
};

/**
 * The accelerators one pod on `instanceType` asks for. An explicit `gpusPerInstance`
 * (the descriptor's extension field) wins over the table; 0 means "none".
 *
 * Example: `acceleratorsFor("p3.8xlarge")` is `{ resource: "nvidia.com/gpu", count: 4 }`.
 */
export function acceleratorsFor(instanceType: string, gpusPerInstance?: number): Accelerators | undefined {
  const neuron = NEURON[instanceType];
  if (gpusPerInstance !== undefined) {
    if (gpusPerInstance <= 0) return undefined;
    return {
      resource: neuron === undefined ? "nvidia.com/gpu" : "aws.amazon.com/neuron",
      count: gpusPerInstance,
    };
  }
  if (neuron !== undefined) return { resource: "aws.amazon.com/neuron", count: neuron };
  const gpus = NVIDIA[instanceType];
  return gpus === undefined ? undefined : { resource: "nvidia.com/gpu", count: gpus };
}

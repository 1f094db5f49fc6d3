// A seeded synthetic suite shaped like real benchmark histories: AR(1) noise (runs on one machine
// correlate), build-dependent two-level values, isolated spikes, slow drifts, and steps of 1-20%.
import { createRandom, type Random } from "../../src/stats/rng.js";
import type { LabelledSeries } from "./labelled-series.js";

const KINDS = ["steps", "bimodal", "spikes", "drift", "stable", "mixed"] as const;
type Kind = (typeof KINDS)[number];

interface Shape {
  steps: number;
  bimodal: boolean;
  spikes: number;
  drift: boolean;
}

const SHAPES: Record<Kind, (r: Random) => Shape> = {
  steps: (r) => ({ steps: 1 + r.int(2), bimodal: false, spikes: 0, drift: false }),
  bimodal: (r) => ({ steps: r.int(2), bimodal: true, spikes: 0, drift: false }),
  spikes: (r) => ({ steps: r.int(2), bimodal: false, spikes: 3 + r.int(4), drift: false }),
  drift: () => ({ steps: 0, bimodal: false, spikes: 0, drift: true }),
  stable: () => ({ steps: 0, bimodal: false, spikes: 0, drift: false }),
  mixed: (r) => ({
    steps: 1 + r.int(2),
    bimodal: r.uniform() < 0.5,
    spikes: 2 + r.int(3),
    drift: r.uniform() < 0.5,
  }),
};

export function syntheticSuite(seed = 11, perKind = 30): LabelledSeries[] {
  const random = createRandom(seed);
  const suite: LabelledSeries[] = [];
  for (const kind of KINDS) {
    for (let s = 0; s < perKind; s++) {
      const shape = SHAPES[kind](random);
      suite.push({
        id: `synthetic/${kind}-${s}`,
        source: `synthetic-${kind}`,
        domain: "synthetic",
        ...generate(random, shape),
      });
    }
  }
  return suite;
}

function generate(random: Random, shape: Shape): { values: number[]; changePoints: number[] } {
  const length = 250 + random.int(151);
  const sd = 0.005 + random.uniform() * 0.015;
  const rho = random.uniform() * 0.6;
  const level = new Array<number>(length).fill(1);
  const changePoints: number[] = [];
  let at = 30 + random.int(60);
  for (let k = 0; k < shape.steps && at < length - 30; k++) {
    const size = (0.01 + random.uniform() * 0.19) * (random.uniform() < 0.5 ? -1 : 1);
    for (let i = at; i < length; i++) level[i]! *= 1 + size;
    changePoints.push(at);
    at += 60 + random.int(80);
  }
  if (shape.drift) {
    const total = (0.03 + random.uniform() * 0.07) * (random.uniform() < 0.5 ? -1 : 1);
    for (let i = 0; i < length; i++) level[i]! *= 1 + (total * i) / length;
  }
  const modeShare = 0.2 + random.uniform() * 0.3;
  const modeOffset = 0.02 + random.uniform() * 0.04;
  let noise = random.normal();
  const values = level.map((l) => {
    noise = rho * noise + Math.sqrt(1 - rho * rho) * random.normal();
    const mode = shape.bimodal && random.uniform() < modeShare ? 1 + modeOffset : 1;
    return 100 * l * mode * (1 + sd * noise);
  });
  for (let k = 0; k < shape.spikes; k++) {
    const i = 5 + random.int(length - 10);
    const factor = 1.2 + random.uniform() * 0.6;
    values[i]! *= factor;
    if (random.uniform() < 0.3) values[i + 1]! *= factor;
  }
  return { values, changePoints };
}

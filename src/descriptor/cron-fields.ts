/** The five fields of a cron expression and the values each takes (day of week 7 is Sunday too). */
const FIELDS = [
  { name: "minute", min: 0, max: 59, maxStep: 60, names: [] as string[] },
  { name: "hour", min: 0, max: 23, maxStep: 24, names: [] as string[] },
  { name: "day of month", min: 1, max: 31, maxStep: 31, names: [] as string[] },
  {
    name: "month",
    min: 1,
    max: 12,
    maxStep: 12,
    names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
  },
  {
    name: "day of week",
    min: 0,
    max: 7,
    maxStep: 7,
    names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"],
  },
];

/**
 * Why five cron fields are not a schedule Kubernetes and GitHub accept (a value out of its
 * range, a range backwards, a step of 0), or undefined. Checked here, without a cron library,
 * so validating descriptors loads nothing it does not need; the plan uses croner to find fires.
 */
export function cronFieldsProblem(fields: readonly string[]): string | undefined {
  for (let i = 0; i < FIELDS.length; i++) {
    const field = FIELDS[i]!;
    for (const item of (fields[i] ?? "").split(",")) {
      const problem = itemProblem(item, field);
      if (problem !== undefined) return problem;
    }
  }
  return undefined;
}

function itemProblem(item: string, field: (typeof FIELDS)[number]): string | undefined {
  const [range = "", step, extra] = item.split("/");
  if (extra !== undefined || range === "") return `Invalid value for ${field.name}: ${item}`;
  if (step !== undefined && !(/^\d+$/.test(step) && Number(step) > 0 && Number(step) <= field.maxStep)) {
    return `Invalid step for ${field.name}: ${step}`;
  }
  if (range === "*" || (range === "?" && field.min !== 0 && field.name !== "month")) return undefined;
  if (range === "?" && field.name === "day of week") return undefined;
  const [from = "", to, more] = range.split("-");
  if (more !== undefined) return `Invalid value for ${field.name}: ${range}`;
  const low = parseFieldValue(from, field);
  if (low === undefined) return `Invalid value for ${field.name}: ${from}`;
  if (to === undefined) return undefined;
  const high = parseFieldValue(to, field);
  if (high === undefined) return `Invalid value for ${field.name}: ${to}`;
  if (high < low) return `Invalid range for ${field.name}: ${range}`;
  return undefined;
}

function parseFieldValue(text: string, field: (typeof FIELDS)[number]): number | undefined {
  const named = field.names.indexOf(text.toLowerCase());
  if (named >= 0) return named + (field.name === "month" ? 1 : 0);
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= field.min && value <= field.max ? value : undefined;
}

import { describe, expect, test } from "vitest";
import { FILE, MINIMAL, problemsOf, warningsOf } from "./helpers.js";

describe("parseDescriptor reports", () => {
  test("a bad strategy at the line and column of its value, with a suggestion", () => {
    const text = `# Resnet-50 training benchmark
spec_version = "0.1.0"

[info]
task_name = "resnet"
description = "ResNet-50 on ImageNet"

[info.labels]
team = "vision"

[hardware]
instance_type = "p3.8xlarge"
# the strategy below has a typo
strategy = "horovd"

[env]
docker_image = "user/repo:tag"
`;
    expect(problemsOf(text)).toEqual([
      `${FILE}:14:12: hardware.strategy: must be one of single_node, horovod, inference, mxnet_parameter_server, pytorch_ddp (got "horovd"; did you mean "horovod"?)`,
    ]);
  });

  test("a missing required field at the header of its table", () => {
    const text = MINIMAL.replace('description = "A benchmark"\n', "");
    expect(problemsOf(text)).toEqual([`${FILE}:2:1: info.description: is required (add it under [info])`]);
  });

  test("a missing required table, saying which table to add", () => {
    const text = MINIMAL.replace('[env]\ndocker_image = "user/repo:tag"\n', "");
    expect(problemsOf(text)).toEqual([`${FILE}:1:1: env: is required (add the [env] table)`]);
  });

  test("a value of the wrong type", () => {
    expect(problemsOf(`${MINIMAL}privileged = "no"\n`)).toEqual([
      `${FILE}:9:14: env.privileged: must be true or false (got "no")`,
    ]);
  });

  test("an unknown key at the key, with the closest known key", () => {
    const text = MINIMAL.replace("instance_type", "instance_typ");
    expect(problemsOf(text)).toEqual([
      `${FILE}:4:1: hardware.instance_type: is required (add it under [hardware])`,
      `${FILE}:5:1: hardware.instance_typ: unknown key (did you mean "instance_type"?)`,
    ]);
  });

  test("an unknown table at its name in the header", () => {
    expect(problemsOf(`${MINIMAL}[hardwre.distributed]\nnum_instances = 2\n`)).toEqual([
      `${FILE}:9:2: hardwre: unknown key (did you mean "hardware"?)`,
    ]);
  });

  test("an unknown key without a close match, listing the allowed keys", () => {
    expect(problemsOf(`${MINIMAL}[ml]\nzzz = "x"\n`)).toEqual([
      `${FILE}:10:1: ml.zzz: unknown key (allowed keys: benchmark_code, args, framework, framework_version)`,
    ]);
  });

  test("a label value that breaks the Kubernetes label rules", () => {
    expect(problemsOf(`${MINIMAL}[info.labels]\nteam = "-vision-"\n`)).toEqual([
      `${FILE}:10:8: info.labels.team: must be a label value of at most 63 characters, alphanumeric at both ends with -, _ or . inside (got "-vision-")`,
    ]);
  });

  test("a label value longer than 63 characters", () => {
    const long = "a".repeat(64);
    expect(problemsOf(`${MINIMAL}[info.labels]\nteam = "${long}"\n`)).toEqual([
      `${FILE}:10:8: info.labels.team: must be a label value of at most 63 characters, alphanumeric at both ends with -, _ or . inside (got "${"a".repeat(57)}...")`,
    ]);
  });

  test("a cron expression with a value out of range", () => {
    const text = MINIMAL.replace("[info]\n", '[info]\nscheduling = "61 * * * *"\n');
    expect(problemsOf(text)).toEqual([
      `${FILE}:3:14: info.scheduling: is not a valid cron expression (Invalid value for minute: 61): "61 * * * *"\n  hint: examples: "0 3 * * *" (every day at 03:00), "*/30 * * * 1-5" (every 30 minutes on weekdays), "@daily"`,
    ]);
  });

  test("a cron expression with a seconds field, which Kubernetes does not take", () => {
    const text = MINIMAL.replace("[info]\n", '[info]\nscheduling = "0 */5 * * * *"\n');
    expect(problemsOf(text)[0]).toContain(
      `${FILE}:3:14: info.scheduling: must be "single_run" or a cron expression with 5 fields (minute hour day-of-month month day-of-week), got 6 in "0 */5 * * * *"`,
    );
  });

  test("an unknown schedule macro", () => {
    const text = MINIMAL.replace("[info]\n", '[info]\nscheduling = "@reboot"\n');
    expect(problemsOf(text)[0]).toContain(
      `${FILE}:3:14: info.scheduling: unknown schedule macro "@reboot"; use one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, a 5-field cron expression or "single_run"`,
    );
  });

  test("a pattern in Python syntax, with a hint that quotes it exactly and rewrites it", () => {
    const text = `${MINIMAL}[[output.metrics]]\nname = "accuracy"\nunits = "ratio"\npattern = '(?P<acc>\\d+)'\n`;
    expect(problemsOf(text)).toEqual([
      `${FILE}:12:11: output.metrics[0].pattern: is not a valid JavaScript regular expression: Invalid group\n  hint: this looks like Python syntax: '(?P<acc>\\d+)' in JavaScript is '(?<acc>\\d+)'`,
    ]);
  });

  test("a pattern with a Python inline flag, every time it is checked", () => {
    const text = `${MINIMAL}[[output.metrics]]\nname = "accuracy"\nunits = "ratio"\npattern = '(?i)acc=(\\d+)'\n`;
    const expected = `${FILE}:12:11: output.metrics[0].pattern: is not a valid JavaScript regular expression: Invalid group\n  hint: this looks like Python syntax: '(?i)acc=(\\d+)' in JavaScript is 'acc=(\\d+)'; JavaScript has no inline flags such as (?i), so spell out both cases ([Aa]ccuracy)`;
    expect(problemsOf(text)).toEqual([expected]);
    expect(problemsOf(text)).toEqual([expected]);
  });

  test("a pattern without a capture group", () => {
    const text = `${MINIMAL}[[output.metrics]]\nname = "accuracy"\nunits = "ratio"\npattern = 'accuracy=\\d+'\n`;
    expect(problemsOf(text)).toEqual([
      `${FILE}:12:11: output.metrics[0].pattern: must have exactly one capture group around the value (found none)\n  hint: put parentheses around the number, for example "accuracy=([0-9.]+)"`,
    ]);
  });

  test("a pattern with two capture groups, at its index among the metrics", () => {
    const metric = (name: string, pattern: string) =>
      `[[output.metrics]]\nname = "${name}"\nunits = "ms"\npattern = '${pattern}'\n`;
    const text = `${MINIMAL}${metric("latency", "latency=(\\d+)")}${metric("p99", "(p99)=(\\d+)")}`;
    expect(problemsOf(text)).toEqual([
      `${FILE}:16:11: output.metrics[1].pattern: must have exactly one capture group around the value (found 2)\n  hint: make the other groups non-capturing: (?:...) instead of (...)`,
    ]);
  });

  test("an environment variable name that is not safe", () => {
    expect(problemsOf(`${MINIMAL}[env.vars]\nOK_NAME = "x"\n1BAD = "x"\n"MY VAR" = "y"\n`)).toEqual([
      `${FILE}:11:1: env.vars.1BAD: invalid name: must be an environment variable name: letters, digits and _, not starting with a digit (got "1BAD")`,
      `${FILE}:12:1: env.vars."MY VAR": invalid name: must be an environment variable name: letters, digits and _, not starting with a digit (got "MY VAR")`,
    ]);
  });

  test("a docker image with shell characters", () => {
    const text = MINIMAL.replace('"user/repo:tag"', '"user/repo:tag; rm -rf /"');
    expect(problemsOf(text)).toEqual([
      `${FILE}:8:16: env.docker_image: must be a docker image reference like "user/repo:tag" (no spaces or shell characters) (got "user/repo:tag; rm -rf /")`,
    ]);
  });

  test("an instance type with whitespace", () => {
    const text = MINIMAL.replace('"p3.8xlarge"', '"p3 8xlarge"');
    expect(problemsOf(text)[0]).toBe(
      `${FILE}:5:17: hardware.instance_type: must be an instance type or runner label: letters, digits and . _ : / + - without spaces (like "p3.8xlarge") (got "p3 8xlarge")`,
    );
  });

  test("a data path that climbs out with ..", () => {
    const text = `${MINIMAL}[[data.sources]]\nsrc = "s3://bucket/x"\npath = "/data/../../etc"\n`;
    expect(problemsOf(text)).toEqual([
      `${FILE}:11:8: data.sources[0].path: must be a path without '..' segments or NUL characters (got "/data/../../etc")`,
    ]);
  });

  test("a data source without src or uri, and one with both", () => {
    const text = `${MINIMAL}[[data.sources]]\npath = "/data/a"\n[[data.sources]]\nsrc = "s3://a"\nuri = "s3://a"\npath = "/data/b"\n`;
    expect(problemsOf(text)).toEqual([
      `${FILE}:9:1: data.sources[0].src: is required: where to fetch from (s3://, http(s)://, file:// or a path); older descriptors call it uri`,
      `${FILE}:13:1: data.sources[1].uri: is the older name of src; keep only one of them`,
    ]);
  });

  test("two metrics with the same name in one section", () => {
    const metric = `[[output.metrics]]\nname = "latency"\nunits = "ms"\n`;
    expect(problemsOf(`${MINIMAL}${metric}${metric}`)).toEqual([
      `${FILE}:13:8: output.metrics[1].name: duplicates the name of output.metrics[0] ("latency"); metric names must be unique within a section`,
    ]);
  });

  test("a metric name that is not safe as a file name", () => {
    const text = `${MINIMAL}[[output.metrics]]\nname = "../latency"\nunits = "ms"\n`;
    expect(problemsOf(text)[0]).toBe(
      `${FILE}:10:8: output.metrics[0].name: must be a name of letters, digits, '_', '.' or '-' starting with a letter or digit (at most 128 characters) (got "../latency")`,
    );
  });

  test("an inference strategy without a server", () => {
    const text = MINIMAL.replace('"single_node"', '"inference"');
    expect(problemsOf(text)).toEqual([
      `${FILE}:6:12: hardware.strategy: "inference" needs a [server] table describing the inference server (with [server.hardware] and [server.env])`,
    ]);
  });

  test("a server port out of range and a probe of the wrong shape", () => {
    const text = `${MINIMAL.replace('"single_node"', '"inference"')}[server.hardware]
instance_type = "p3.2xlarge"
[server.env]
docker_image = "user/server:1"
start_command = "serve"
ports = [8080, 70000]
readiness_probe = 5
`;
    expect(problemsOf(text)).toEqual([
      `${FILE}:14:16: server.env.ports[1]: must be a port number between 1 and 65535 (got 70000)`,
      `${FILE}:15:19: server.env.readiness_probe: must be a URL like "http://localhost:8080/ready" or a table with at least path (got 5)`,
    ]);
  });

  test("an empty start_command and an empty [server.output], as Anubis rejects them", () => {
    const text = `${MINIMAL.replace('"single_node"', '"inference"')}[server.hardware]
instance_type = "p3.2xlarge"
[server.env]
docker_image = "user/server:1"
start_command = "  "
ports = [8080]
[server.output]
`;
    expect(problemsOf(text)).toEqual([
      `${FILE}:13:17: server.env.start_command: is empty: give the command that starts the inference server, like "python3 server.py"`,
      `${FILE}:15:1: server.output: declares no metrics: add [[server.output.metrics]] entries, or remove [server.output]`,
    ]);
  });

  test("a server metric without a pattern (a warning), with hints that name [[server.output.metrics]]", () => {
    const text = `${MINIMAL.replace('"single_node"', '"inference"')}[server.hardware]
instance_type = "p3.2xlarge"
[server.env]
docker_image = "user/server:1"
start_command = "serve"
ports = [8080]
[[server.output.metrics]]
name = "queue"
units = "items"
`;
    expect(problemsOf(text)).toEqual([]);
    expect(warningsOf(text)).toEqual([
      `${FILE}:16:8: warning: server.output.metrics[0].name: has no pattern: Maat reads "queue" only from the server's emit protocol, and the Anubis format requires a pattern for server metrics\n  hint: add pattern = '...' (one capture group around the value) so other Anubis tools can read it too`,
      `${FILE}:16:8: warning: server.output.metrics[0].name: cannot tell whether higher or lower is better for metric "queue" (units "items"); changes will be compared in both directions\n  hint: set direction = "higher_is_better" or direction = "lower_is_better" in this [[server.output.metrics]] entry`,
    ]);
  });

  test("the errors of the probe table form, not of its URL form", () => {
    const text = `${MINIMAL.replace('"single_node"', '"inference"')}[server.hardware]
instance_type = "p3.2xlarge"
[server.env]
docker_image = "user/server:1"
start_command = "serve"
ports = [8080]
[server.env.readiness_probe]
path = "/ready"
sheme = "https"
`;
    expect(problemsOf(text)).toEqual([
      `${FILE}:17:1: server.env.readiness_probe.sheme: unknown key (did you mean "scheme"?)`,
    ]);
  });

  test("Maat's run settings with wrong values", () => {
    const text = `${MINIMAL}[run]\nrepetitions = "autoo"\ntimeout = "10 minutes"\nwarmup = -1\n[run.thresholds]\nsigma = 0\n`;
    expect(problemsOf(text)).toEqual([
      `${FILE}:10:15: run.repetitions: must be a whole number >= 1 or "auto" (got "autoo")`,
      `${FILE}:11:11: run.timeout: must be a duration like "90s", "10m" or "1h30m", or whole seconds >= 1 (got "10 minutes")`,
      `${FILE}:12:10: run.warmup: must be a whole number >= 0 (got -1)`,
      `${FILE}:14:9: run.thresholds.sigma: must be a number > 0 (got 0)`,
    ]);
  });

  test("a TOML syntax error at the parser's line and column", () => {
    const text = 'spec_version = "0.1.0"\n[info]\ndescription = "unterminated\n';
    expect(problemsOf(text)).toEqual([
      `${FILE}:3:28: TOML syntax error: unterminated string (a string in double or single quotes ends on its line)\n  hint: see https://toml.io for the syntax; strings need quotes, tables are written [name]`,
    ]);
  });

  test("every problem of a file at once, in file order", () => {
    const text = `spec_version = "0.1.0"
[info]
task_nme = "x"
[hardware]
instance_type = "p3.8xlarge"
strategy = "horovd"
[env]
docker_image = "user/repo:tag"
privileged = 1
`;
    expect(problemsOf(text)).toEqual([
      `${FILE}:2:1: info.description: is required (add it under [info])`,
      `${FILE}:3:1: info.task_nme: unknown key (did you mean "task_name"?)`,
      `${FILE}:6:12: hardware.strategy: must be one of single_node, horovod, inference, mxnet_parameter_server, pytorch_ddp (got "horovd"; did you mean "horovod"?)`,
      `${FILE}:9:14: env.privileged: must be true or false (got 1)`,
    ]);
  });

  test("an empty file as its four missing parts", () => {
    expect(problemsOf("")).toEqual([
      `${FILE}:1:1: spec_version: is required (add it at the top of the file, before any [table])`,
      `${FILE}:1:1: info: is required (add the [info] table)`,
      `${FILE}:1:1: hardware: is required (add the [hardware] table)`,
      `${FILE}:1:1: env: is required (add the [env] table)`,
    ]);
  });
});

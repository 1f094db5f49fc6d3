// A stand-in benchmark client: one request to the server the runner announces in the env.
const { INFERENCE_SERVER_HOST: host, INFERENCE_SERVER_PORT: port } = process.env;
const started = performance.now();
const answer = await (await fetch(`http://${host}:${port}/infer`)).text();
console.log(`answer=${answer} latency=${performance.now() - started} ms`);
console.log(`ports=${process.env.INFERENCE_SERVER_PORT_1},${process.env.INFERENCE_SERVER_PORT_2}`);

// Times one request to the URL it is given.
const started = performance.now();
const answer = await (await fetch(process.argv[2])).text();
console.log(`answer=${answer} latency_ms=${(performance.now() - started).toFixed(3)}`);

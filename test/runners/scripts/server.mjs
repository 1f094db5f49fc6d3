// A stand-in inference server. Usage: server.mjs PORT READY_AFTER_MS (-1: never ready).
// Answers /ready with 200 once ready (503 before), anything else with "ok"; writes its pid.
// Listens where the runner says (INFERENCE_SERVER_BIND_HOST).
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";

const [port, readyAfter] = process.argv.slice(2).map(Number);
writeFileSync("server.pid", String(process.pid));
const start = Date.now();
let served = 0;
createServer((request, response) => {
  if (request.url === "/ready") {
    response.statusCode = readyAfter >= 0 && Date.now() - start >= readyAfter ? 200 : 503;
    response.end();
    return;
  }
  served++;
  console.log(`served=${served}`);
  response.end("ok");
}).listen(port, process.env.INFERENCE_SERVER_BIND_HOST);
console.log(`bind=${process.env.INFERENCE_SERVER_BIND_HOST}`);

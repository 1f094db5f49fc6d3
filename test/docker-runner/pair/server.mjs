// Answers /ready and anything else; prints served=N per answered request. Listens where Maat says.
import { createServer } from "node:http";

const option = (name) => process.argv[process.argv.indexOf(`--${name}`) + 1];
let served = 0;
createServer((request, response) => {
  if (request.url !== "/ready") console.log(`served=${++served}`);
  response.end("ok");
}).listen(Number(option("port")), option("host"));
process.on("SIGTERM", () => process.exit(0));

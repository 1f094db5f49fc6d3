import { startBenchmarkPage } from "./benchmark-page.js";
import { startIndexPage } from "./index-page.js";

// The dashboard's only script: each page says which it is in <body data-page>.
const page = document.body.dataset.page;
if (page === "index") startIndexPage();
else if (page === "benchmark") startBenchmarkPage();

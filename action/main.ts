// The GitHub Action entry: a thin adapter over the library (see issue 4).
import * as core from "@actions/core";

core.setFailed("The Maat action is not built yet: use the maat CLI (dist/cli.js).");

// Copies the front-end files the pages use from node_modules into wwwroot/lib (git-ignored).
// Run by the build (AgentP.Web.csproj) after `npm ci`; nothing under wwwroot/lib is hand-copied.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const lib = join(root, "wwwroot", "lib");
const files = {
  "bootstrap/dist/css/bootstrap.min.css": "bootstrap/bootstrap.min.css",
  "bootstrap/dist/js/bootstrap.bundle.min.js": "bootstrap/bootstrap.bundle.min.js",
  "htmx.org/dist/htmx.min.js": "htmx/htmx.min.js",
  "chart.js/dist/chart.umd.min.js": "chart.js/chart.umd.min.js",
};

rmSync(lib, { recursive: true, force: true });
for (const [from, to] of Object.entries(files)) {
  mkdirSync(dirname(join(lib, to)), { recursive: true });
  cpSync(join(root, "node_modules", from), join(lib, to));
}
console.log(`copied ${Object.keys(files).length} front-end files into wwwroot/lib`);

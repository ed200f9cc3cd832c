/**
 * `npm run build:server`: bundles the Node entry (src/server/node.ts) into dist/server/node.mjs so
 * `npm start` runs it with plain `node`, one process, no TypeScript loader. Packages stay external
 * (`npm install` puts them in node_modules; libSQL's native driver cannot be bundled anyway). The
 * bundle sits two folders below the project, as the source does, so paths relative to it hold.
 */
import { resolve } from "node:path";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "../..");

await build({
  entryPoints: [resolve(root, "src/server/node.ts")],
  outfile: resolve(root, "dist/server/node.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
});

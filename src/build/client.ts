/**
 * Bundles the browser code in src/client and copies its stylesheets and images to
 * dist/public/assets, every file under a content-hashed name (so it can be cached for a year),
 * each text file beside its gzip and brotli forms (served as they are on Node). The names are
 * listed in dist/assets.json, which the pages import.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, extname, join, relative, resolve } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "../..");
const source = join(root, "src/client");
const out = join(root, "dist/public/assets");

/** Entry points are the files a page loads: the .ts files directly in src/client (shared code
 * lives in api.ts and in subfolders). */
const SHARED = new Set(["api.ts"]);

const contentHash = (bytes: Buffer) =>
  createHash("sha256").update(bytes).digest("base64url").slice(0, 10);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const files = readdirSync(source);
const bundled = await build({
  entryPoints: files.filter((f) => f.endsWith(".ts") && !SHARED.has(f)).map((f) => join(source, f)),
  outdir: out,
  entryNames: "[name]-[hash]",
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: false,
  metafile: true,
  logLevel: "warning",
});

/** Source name (learn.js, app.css) -> the file served under /assets. */
const manifest: Record<string, string> = {};
for (const [output, { entryPoint }] of Object.entries(bundled.metafile.outputs)) {
  if (entryPoint) manifest[`${basename(entryPoint, ".ts")}.js`] = basename(output);
}
for (const file of files.filter((f) => /\.(css|svg)$/.test(f))) {
  const bytes = readFileSync(join(source, file));
  const hashed = `${basename(file, extname(file))}-${contentHash(bytes)}${extname(file)}`;
  writeFileSync(join(out, hashed), bytes);
  manifest[file] = hashed;
}
for (const file of Object.values(manifest)) {
  const bytes = readFileSync(join(out, file));
  writeFileSync(join(out, `${file}.gz`), gzipSync(bytes, { level: 9 }));
  writeFileSync(join(out, `${file}.br`), brotliCompressSync(bytes));
}
writeFileSync(join(root, "dist/assets.json"), `${JSON.stringify(manifest, null, 2)}\n`);

// Workers serve dist/public themselves: a year of caching for the hashed files, and no upload
// of the precompressed copies (Cloudflare compresses on its own).
const publicDir = join(root, "dist/public");
writeFileSync(
  join(publicDir, "_headers"),
  "/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n",
);
writeFileSync(join(publicDir, ".assetsignore"), "*.gz\n*.br\n");
console.log(`${relative(root, out)}: ${Object.keys(manifest).length} files, hashed`);

import manifest from "../../dist/assets.json" with { type: "json" };

/** How long browsers keep a built asset: its name changes whenever its content does. */
export const IMMUTABLE_ASSET_CACHE = "public, max-age=31536000, immutable";

const hashed: Record<string, string | undefined> = manifest;

/** The URL of a built asset by its source name (`learn.js`, `app.css`): content-hashed. */
export function assetUrl(name: string): string {
  const file = hashed[name];
  if (!file) throw new Error(`${name} is not a built asset (run npm run build)`);
  return `/assets/${file}`;
}

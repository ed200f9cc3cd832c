import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { assetUrl } from "./assets";

export type LayoutProps = {
  title: string;
  children: Child;
  /** Bundled scripts under /assets, loaded as modules. */
  scripts?: string[];
  /** Extra stylesheets under /assets, after the shared one. */
  styles?: string[];
  /** Shown as the current section in the header. */
  section?: "learn" | "teach" | "calculator";
};

export function Layout({ title, children, scripts = [], styles = [], section }: LayoutProps) {
  return (
    <>
      {raw("<!doctype html>")}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} · Scale Tutor`}</title>
          <link rel="icon" href={assetUrl("favicon.svg")} type="image/svg+xml" />
          <link rel="stylesheet" href={assetUrl("app.css")} />
          {styles.map((name) => (
            <link rel="stylesheet" href={assetUrl(name)} />
          ))}
          {scripts.map((name) => (
            <script type="module" src={assetUrl(name)} />
          ))}
        </head>
        <body>
          <a class="skip-link" href="#main">
            Skip to content
          </a>
          <header class="site-header">
            <a class="brand" href="/">
              Scale Tutor
            </a>
            <nav aria-label="Main">
              <a href="/learn" aria-current={section === "learn" ? "page" : undefined}>
                Learn
              </a>
              <a href="/calculator" aria-current={section === "calculator" ? "page" : undefined}>
                Calculator
              </a>
              <a href="/teach" aria-current={section === "teach" ? "page" : undefined}>
                Teachers
              </a>
            </nav>
          </header>
          <main id="main">{children}</main>
        </body>
      </html>
    </>
  );
}

import { bodyLimit } from "hono/body-limit";
import { csrf } from "hono/csrf";
import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";
import { ApiError } from "./errors";

export const MAX_BODY_BYTES = 64 * 1024;

export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    referrerPolicy: "same-origin",
  });

const bodyLimitOf = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(413, "body_too_large", `The request body is over ${maxSize} bytes.`);
    },
  });

/** Bodies of at most MAX_BODY_BYTES, except on paths given a limit of their own. */
export const limitBody = (larger: { path: RegExp; maxSize: number }[] = []) => {
  const standard = bodyLimitOf(MAX_BODY_BYTES);
  const exceptions = larger.map(({ path, maxSize }) => ({ path, check: bodyLimitOf(maxSize) }));
  return createMiddleware((c, next) =>
    (exceptions.find(({ path }) => path.test(c.req.path))?.check ?? standard)(c, next),
  );
};

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * State-changing API calls must be JSON. Browsers cannot send a cross-site JSON request with
 * cookies without a CORS preflight (which we never grant), so together with SameSite cookies and
 * the Origin check below this closes cross-site request forgery.
 */
export const requireJsonBody = () =>
  createMiddleware(async (c, next) => {
    if (unsafeMethods.has(c.req.method) && c.req.header("content-length") !== "0") {
      const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
      if (c.req.raw.body && type !== "application/json") {
        throw new ApiError(
          415,
          "unsupported_media_type",
          "Send the request body as application/json.",
        );
      }
      // Decoding would turn bad bytes into U+FFFD silently; refuse them instead of storing a guess.
      const bytes = await c.req.arrayBuffer();
      try {
        strictUtf8.decode(bytes);
      } catch {
        throw new ApiError(400, "bad_encoding", "The request body is not valid UTF-8.");
      }
    }
    await next();
  });

/** Rejects cross-origin form posts (Origin / Sec-Fetch-Site check). */
export const rejectCrossSite = () => csrf();

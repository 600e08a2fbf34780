import path from 'node:path';

/** The renderer is served from this origin only; everything else is off the network or foreign. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'planner';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // AG Grid and AG Charts inject their theme <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The app never uses the network: only its own scheme, devtools and in-memory URLs may load. */
export function isAllowedRequest(url: string): boolean {
  return /^(app:\/\/planner\/|devtools:|data:|blob:|chrome-extension:)/.test(url);
}

/**
 * A link the user clicked that may open in their own browser: https only, parsed and re-serialised,
 * no user name or password in it (a source link in the catalog). Anything else stays closed.
 */
export function externalLink(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || !parsed.hostname) return null;
  return parsed.href;
}

/** Resolves a request path inside `root`, refusing `..` escapes and absolute paths. */
export function resolveInside(root: string, requestPath: string): string | null {
  const decoded = decodeURIComponent(requestPath.replace(/^\/+/, ''));
  const resolved = path.resolve(root, decoded || 'index.html');
  const rel = path.relative(root, resolved);
  return rel.startsWith('..') || path.isAbsolute(rel) ? null : resolved;
}

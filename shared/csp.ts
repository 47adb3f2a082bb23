// One Content-Security-Policy for every page we serve, from the Electron `app://` protocol and
// from the web mode's HTTP server alike, so both transports run the renderer under the same rules.
// Nothing inline, nothing remote: the renderer is a bundle of same-origin files.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

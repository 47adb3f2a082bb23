declare const __APP_VERSION__: string | undefined

/** Injected by the build (scripts/build-node.mjs); tests run unbundled and see the dev marker. */
export const appVersion: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev'

// js-yaml ships no types and is reached through electron-builder's dependencies; the config test
// needs only `load`.
declare module 'js-yaml' {
  export function load(text: string): unknown
}

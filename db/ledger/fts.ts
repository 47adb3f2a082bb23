/** Escapes LIKE wildcards so typed text matches literally (use with `ESCAPE '\\'`). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/**
 * Turns what someone typed into an FTS5 trigram query: every whitespace-separated term of three
 * or more characters must appear (as a quoted phrase, so no FTS syntax leaks through). Returns
 * null when no term is long enough for the trigram index.
 */
export function ftsQuery(input: string): string | null {
  // FTS5 reads a query up to its first NUL, even inside a quoted phrase: NUL separates terms here.
  const terms = input
    .replace(/\0/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((term) => [...term].length >= 3)
    .map((term) => `"${term.replace(/"/g, '""')}"`)
  return terms.length > 0 ? terms.join(' AND ') : null
}

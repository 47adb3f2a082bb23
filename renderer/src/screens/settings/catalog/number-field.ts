/** A whole number typed into a text box, or null when it is not one (the caller names the rule). */
export function wholeNumber(text: string): number | null {
  const trimmed = text.trim()
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null
}

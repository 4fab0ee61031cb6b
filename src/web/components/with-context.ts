/**
 * The accessible name of a button repeated per row ("Wijzigen: CLB Gent"). It starts with the
 * visible text, so speech-input users can say what they see (WCAG 2.5.3, label in name).
 */
export function withContext(visibleText: string, context: string): string {
  return `${visibleText}: ${context}`;
}

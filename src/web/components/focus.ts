const FOCUSABLE = 'input:not([type=hidden]), select, textarea, button, [tabindex]:not([tabindex="-1"])';

/** Focuses a form field by id, or the first focusable control inside it (checkbox groups, selects). */
export function focusField(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  const target = element.matches(FOCUSABLE) ? element : element.querySelector<HTMLElement>(FOCUSABLE);
  (target ?? element).focus();
  element.scrollIntoView({ block: 'center' });
}

/** Focuses an element after React has rendered it (e.g. a row that was just added). */
export function focusSoon(id: string): void {
  requestAnimationFrame(() => focusField(id));
}

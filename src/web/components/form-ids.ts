/** DOM ids for a form's fields: `postcodes.2.municipality` → `settings-postcodes-2-municipality`. */
export function formIds(prefix: string) {
  return (field: string) => `${prefix}-${field.replaceAll('.', '-')}`;
}

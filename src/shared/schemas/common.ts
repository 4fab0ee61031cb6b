import { z } from 'zod';
import { LOCALES } from '../locales.ts';

export const Uuid = z.uuid();
export const LocaleSchema = z.enum(LOCALES);
export const Email = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const Name = z.string().trim().min(1).max(120);
export const OptionalText = (max: number) =>
  z.string().trim().max(max).transform((v) => (v === '' ? null : v)).nullable().optional();
export const Timestamp = z.iso.datetime({ offset: true });

export const IdParams = z.object({ id: Uuid });
export const CollaborationParams = z.object({ collaborationId: Uuid });

export const PageQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

/**
 * A PATCH body: every field of the create body optional, and without the create's defaults, so a
 * field left out stays as it is instead of being reset (zod's own `.partial()` keeps defaults).
 */
export function patchOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>): ReturnType<z.ZodObject<T>['partial']> {
  const shape = Object.fromEntries(Object.entries(schema.shape).map(([key, field]) => {
    const bare = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
    return [key, bare.optional()];
  }));
  // The runtime shape matches `.partial()` field by field, minus the defaults; its type is the same.
  return z.object(shape) as unknown as ReturnType<z.ZodObject<T>['partial']>;
}

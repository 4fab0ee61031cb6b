import { writeFile } from 'node:fs/promises';
import { governmentFiguresJsonSchema } from '../src/shared/schemas/figures.ts';

/** Writes the JSON Schema of the government figures export into docs/ (a test checks it is current). */
await writeFile(new URL('../docs/government-figures.schema.json', import.meta.url), `${JSON.stringify(governmentFiguresJsonSchema(), null, 2)}\n`);

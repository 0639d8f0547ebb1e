// A Prisma generator that writes the schema's DMMF (models, fields, native types, defaults,
// indexes, relations) as JSON. The drift test compares it with the migrated database, because
// `prisma migrate diff` needs the schema engine, which cannot be downloaded here.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import generatorHelper from '@prisma/generator-helper';

generatorHelper.generatorHandler({
  onManifest: () => ({ prettyName: 'DMMF JSON', defaultOutput: '../src/generated/dmmf.json' }),
  onGenerate: async (options) => {
    const output = options.generator.output?.value;
    if (!output) throw new Error('dmmf generator needs an output path');
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, `${JSON.stringify(options.dmmf.datamodel, null, 2)}\n`);
  },
});

import fs from 'node:fs';
import path from 'node:path';
import { ALL_MODULES } from '../../../shared/modules';
import { generateTenant } from '../../simulator/generator';
import { expectedRecords, simulatorServes } from '../../support/expectedRecords';

/**
 * ADR 0004 "Adding a module": each catalogue module must be in every place the ADR lists. What
 * can be derived (the full-backup expectations, the schema check's type map, the round trips) is
 * derived from these; what cannot is checked here, and a miss names the file to add.
 */

const REPO_ROOT = path.resolve(__dirname, '../../..');
const demo = generateTenant({ preset: 'demo' });

describe('every catalogue module is in each place ADR 0004 lists', () => {
  it.each(ALL_MODULES.map((m) => [m.id, m] as const))('%s', (id, module) => {
    const missing: string[] = [];
    if (!fs.existsSync(path.join(REPO_ROOT, 'shared/modules', `${id}.ts`)))
      missing.push(`shared/modules/${id}.ts (the module file is named after its id)`);
    if (!simulatorServes(module, demo)) {
      missing.push(
        `a descriptor serving ${module.listPath} in test/simulator/resources/ and its line in ` +
          'test/simulator/resources/index.ts (singletons: resources/catalogueSingletons.ts)',
      );
    } else {
      let records: unknown[] = [];
      try {
        records = expectedRecords(demo, id);
      } catch (error) {
        missing.push(`the simulator descriptor: ${(error as Error).message}`);
      }
      if (records.length === 0 && missing.length === 0) {
        missing.push(
          `demo-preset objects in test/simulator/generator/catalogue/ (a backup of ${id} ` +
            'would prove nothing)',
        );
      }
    }
    const docs = fs.readFileSync(path.join(REPO_ROOT, 'docs/modules.md'), 'utf8');
    if (!new RegExp(`^\\| \`${id}\` +\\|`, 'm').test(docs))
      missing.push('docs/modules.md: run npm run docs:modules');
    expect({ id, missing }).toEqual({ id, missing: [] });
  });

  it('says what is missing when a module has no simulator support', () => {
    const unknown = { ...ALL_MODULES[0], id: 'notServed', listPath: '/noSuchCollection' };
    expect(simulatorServes(unknown, demo)).toBe(false);
  });
});

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { TABLE_NAMES } from '../../../shared/state/tables';
import { DEFAULT_SNAPSHOT_CONTAINER } from '../../../shared/snapshots/snapshotStore';

/**
 * No Bicep compiler is available here, so the template is checked textually: the wiring between
 * azure.yaml, main.bicep, its modules and main.parameters.json, and the settings the app reads.
 */

const ROOT = path.resolve(__dirname, '../../..');
const INFRA = path.join(ROOT, 'infra');

interface BicepParam {
  name: string;
  type: string;
  hasDefault: boolean;
}

interface BicepModuleRef {
  symbol: string;
  path: string;
  params: string[];
}

interface BicepFile {
  text: string;
  params: BicepParam[];
  outputs: string[];
  modules: BicepModuleRef[];
}

/**
 * Two same-length views of the source: comments blanked, and comments plus string contents
 * blanked (so braces inside '${…}' strings or comments never confuse brace matching).
 */
function mask(source: string): { noComments: string; masked: string } {
  const noComments = source.split('');
  const masked = source.split('');
  let i = 0;
  const blank = (from: number, to: number, both: boolean): void => {
    for (let k = from; k < to; k++) {
      if (source[k] === '\n') continue;
      masked[k] = ' ';
      if (both) noComments[k] = ' ';
    }
  };
  while (i < source.length) {
    if (source.startsWith('//', i)) {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      blank(i, stop, true);
      i = stop;
    } else if (source.startsWith('/*', i)) {
      const stop = source.indexOf('*/', i) + 2;
      blank(i, stop, true);
      i = stop;
    } else if (source[i] === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== "'") j += source[j] === '\\' ? 2 : 1;
      blank(i + 1, j, false);
      i = j + 1;
    } else {
      i++;
    }
  }
  return { noComments: noComments.join(''), masked: masked.join('') };
}

/** Index of the brace that closes the one at `open`. */
function closingBrace(masked: string, open: number): number {
  let depth = 0;
  for (let i = open; i < masked.length; i++) {
    if (masked[i] === '{') depth++;
    else if (masked[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced brace at offset ${open}`);
}

/** Property names declared directly inside the object whose braces are at open..close. */
function topLevelKeys(masked: string, open: number, close: number): string[] {
  const keys: string[] = [];
  let depth = 0;
  let lineStart = true;
  for (let i = open + 1; i < close; i++) {
    const c = masked[i];
    if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') depth--;
    if (c === '\n') {
      lineStart = true;
      continue;
    }
    if (lineStart && depth === 0 && /\S/.test(c)) {
      const key = /^([A-Za-z_]\w*)\s*:/.exec(masked.slice(i, close));
      if (key) keys.push(key[1]);
      lineStart = false;
    }
  }
  return keys;
}

function parseBicepText(text: string): BicepFile {
  const { noComments, masked } = mask(text);
  const params = [...masked.matchAll(/^\s*param\s+(\w+)\s+(\w+)(\s*=)?/gm)].map((m) => ({
    name: m[1],
    type: m[2],
    hasDefault: Boolean(m[3]),
  }));
  const outputs = [...masked.matchAll(/^\s*output\s+(\w+)\s+/gm)].map((m) => m[1]);
  const modules = [...noComments.matchAll(/^\s*module\s+(\w+)\s+'([^']+)'\s*=[^{\n]*\{/gm)].map(
    (m) => {
      const open = (m.index ?? 0) + m[0].length - 1;
      const close = closingBrace(masked, open);
      const paramsAt = /\n\s*params\s*:\s*\{/.exec(masked.slice(open, close));
      let passed: string[] = [];
      if (paramsAt) {
        const paramsOpen = open + paramsAt.index + paramsAt[0].length - 1;
        passed = topLevelKeys(masked, paramsOpen, closingBrace(masked, paramsOpen));
      }
      return { symbol: m[1], path: m[2], params: passed };
    },
  );
  return { text, params, outputs, modules };
}

function parseBicep(file: string): BicepFile {
  return parseBicepText(readFileSync(file, 'utf8'));
}

const main = parseBicep(path.join(INFRA, 'main.bicep'));
const moduleFile = (ref: BicepModuleRef): string => path.resolve(INFRA, ref.path);

describe('the textual Bicep reader', () => {
  it('sees params, outputs and module params past comments and braces inside strings', () => {
    const parsed = parseBicepText(
      [
        "param a string = '${b}{'",
        '// param commented string',
        'param b int',
        "module m 'modules/x.bicep' = {",
        "  name: 'm'",
        '  params: {',
        "    first: '}${a}'",
        '    second: {',
        '      nested: 1',
        '    }',
        '    /* third: 3 */',
        '  }',
        '}',
        'output c string = m.outputs.d',
      ].join('\n'),
    );
    expect(parsed.params).toEqual([
      { name: 'a', type: 'string', hasDefault: true },
      { name: 'b', type: 'int', hasDefault: false },
    ]);
    expect(parsed.outputs).toEqual(['c']);
    expect(parsed.modules).toEqual([
      { symbol: 'm', path: 'modules/x.bicep', params: ['first', 'second'] },
    ]);
  });
});

describe('azure.yaml', () => {
  const yaml = readFileSync(path.join(ROOT, 'azure.yaml'), 'utf8');

  it('names the infra folder and its main module, which exist', () => {
    const infra = /^infra:\n((?:[ \t]+.*\n)+)/m.exec(yaml)?.[1] ?? '';
    expect(infra).toMatch(/^\s+provider:\s*bicep\s*$/m);
    const infraPath = /^\s+path:\s*(\S+)\s*$/m.exec(infra)?.[1];
    const moduleName = /^\s+module:\s*(\S+)\s*$/m.exec(infra)?.[1];
    expect(infraPath).toBe('infra');
    expect(existsSync(path.join(ROOT, infraPath!, `${moduleName}.bicep`))).toBe(true);
    expect(existsSync(path.join(ROOT, infraPath!, `${moduleName}.parameters.json`))).toBe(true);
  });

  it('declares the api service as a TypeScript Function App built from the repository root', () => {
    const api = /^ {2}api:\n((?: {4,}.*\n)+)/m.exec(yaml)?.[1] ?? '';
    expect(api).toMatch(/^\s+project:\s*['"]?\.['"]?\s*$/m);
    expect(api).toMatch(/^\s+language:\s*ts\s*$/m);
    expect(api).toMatch(/^\s+host:\s*function\s*$/m);
  });

  it('matches the azd-service-name tag the Function App carries', () => {
    const functions = main.modules.find((m) => m.path.endsWith('functions.bicep'));
    expect(main.text).toMatch(/serviceName:\s*'api'/);
    expect(readFileSync(moduleFile(functions!), 'utf8')).toMatch(
      /'azd-service-name':\s*serviceName/,
    );
  });
});

describe('main.bicep modules', () => {
  it('references the expected modules, and every referenced file exists', () => {
    expect(main.modules.map((m) => m.path).sort()).toEqual(
      [
        'modules/functions.bicep',
        'modules/keyvault.bicep',
        'modules/monitoring.bicep',
        'modules/rbac.bicep',
        'modules/staticWebApp.bicep',
        'modules/storage.bicep',
      ].sort(),
    );
    for (const ref of main.modules) expect(existsSync(moduleFile(ref))).toBe(true);
  });

  it('leaves no module file unused', () => {
    const used = new Set(main.modules.map((m) => path.basename(m.path)));
    const files = readdirSync(path.join(INFRA, 'modules')).filter((f) => f.endsWith('.bicep'));
    expect(files.filter((f) => !used.has(f))).toEqual([]);
  });

  it.each(main.modules.map((m) => [m.symbol, m] as const))(
    '%s: every passed param is declared and every required param is passed',
    (_symbol, ref) => {
      const module = parseBicep(moduleFile(ref));
      const declared = new Set(module.params.map((p) => p.name));
      expect(ref.params.length).toBeGreaterThan(0);
      expect(ref.params.filter((p) => !declared.has(p))).toEqual([]);
      const required = module.params.filter((p) => !p.hasDefault).map((p) => p.name);
      expect(required.filter((p) => !ref.params.includes(p))).toEqual([]);
    },
  );

  it('only reads module outputs that the modules declare', () => {
    const outputsBySymbol = new Map(
      main.modules.map((m) => [m.symbol, new Set(parseBicep(moduleFile(m)).outputs)]),
    );
    const reads = [...main.text.matchAll(/\b(\w+)\.outputs\.(\w+)/g)];
    expect(reads.length).toBeGreaterThan(0);
    for (const [, symbol, output] of reads) {
      expect({ symbol, output, declared: outputsBySymbol.get(symbol)?.has(output) }).toEqual({
        symbol,
        output,
        declared: true,
      });
    }
  });

  it('declares the documented parameters and outputs the function app name and URL', () => {
    const names = main.params.map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['environmentName', 'location', 'apiAudience', 'apiIssuer']),
    );
    expect(main.outputs).toEqual(expect.arrayContaining(['FUNCTION_APP_NAME', 'FUNCTION_APP_URL']));
  });
});

describe('main.parameters.json', () => {
  const parameters = JSON.parse(readFileSync(path.join(INFRA, 'main.parameters.json'), 'utf8')) as {
    parameters: Record<string, { value: unknown }>;
  };

  it('only sets parameters main.bicep declares, and sets every required one', () => {
    const declared = new Set(main.params.map((p) => p.name));
    const set = Object.keys(parameters.parameters);
    expect(set.filter((name) => !declared.has(name))).toEqual([]);
    const required = main.params.filter((p) => !p.hasDefault).map((p) => p.name);
    expect(required.filter((name) => !set.includes(name))).toEqual([]);
  });

  it('gives numeric parameters a default so azd never passes an empty string', () => {
    for (const param of main.params.filter((p) => p.type === 'int')) {
      const value = parameters.parameters[param.name]?.value;
      if (typeof value === 'string') expect(value).toMatch(/^\$\{[A-Z0-9_]+=\d+\}$/);
    }
  });
});

describe('resources and settings', () => {
  // Comments blanked: prose about a setting must not satisfy (or fail) an assertion.
  const read = (name: string): string =>
    mask(readFileSync(path.join(INFRA, 'modules', name), 'utf8')).noComments;

  it('creates the snapshot container and state tables the app uses', () => {
    expect(main.text).toContain(`snapshotContainerName = '${DEFAULT_SNAPSHOT_CONTAINER}'`);
    const tables = /var stateTableNames = \[([^\]]*)\]/.exec(main.text)?.[1] ?? '';
    const listed = [...tables.matchAll(/'(\w+)'/g)].map((m) => m[1]).sort();
    expect(listed).toEqual(Object.values(TABLE_NAMES).sort());
  });

  it('protects snapshots: versioning, soft delete and an unlocked time-based immutability policy', () => {
    const storage = read('storage.bicep');
    expect(storage).toMatch(/isVersioningEnabled:\s*true/);
    expect(storage).toMatch(/deleteRetentionPolicy:\s*\{\s*enabled:\s*true/);
    expect(storage).toMatch(/containers\/immutabilityPolicies@/);
    expect(storage).toMatch(/immutabilityPeriodSinceCreationInDays:\s*snapshotImmutabilityDays/);
    expect(storage).toMatch(/allowSharedKeyAccess:\s*false/);
  });

  it('runs on Flex Consumption, Node 20, with a system-assigned identity', () => {
    const functions = read('functions.bicep');
    expect(functions).toMatch(/name:\s*'FC1'/);
    expect(functions).toMatch(/tier:\s*'FlexConsumption'/);
    expect(functions).toMatch(/name:\s*'node'/);
    expect(functions).toMatch(/param nodeVersion string = '20'/);
    expect(functions).toMatch(/type:\s*'SystemAssigned'/);
  });

  it('sets the app settings the app reads, identity-based storage included', () => {
    const settings = `${read('functions.bicep')}\n${mask(main.text).noComments}`;
    for (const name of [
      'AzureWebJobsStorage__accountName',
      'APPLICATIONINSIGHTS_CONNECTION_STRING',
      'GRAPH_BASE_URL',
      'AUTH_ISSUER',
      'AUTH_AUDIENCE',
      'AUTH_JWKS_URI',
      'GRAPH_CREDENTIAL',
    ]) {
      expect(settings).toMatch(new RegExp(`^\\s+${name}:`, 'm'));
    }
    expect(settings).not.toMatch(/AzureWebJobsStorage:\s/);
    expect(settings).not.toMatch(/FUNCTIONS_WORKER_RUNTIME/);
  });

  it("reads a Graph client secret only as a Key Vault reference to the deployment's vault", () => {
    const text = mask(main.text).noComments;
    expect(text).toMatch(
      /GRAPH_CLIENT_SECRET: '@Microsoft\.KeyVault\(VaultName=\$\{keyVaultName\};SecretName=\$\{graphClientSecretName\}\)'/,
    );
    const keyVault = /module keyVault [^{]*\{([\s\S]*?)\n\}/.exec(text)?.[1] ?? '';
    expect(keyVault).toMatch(/^\s+name: keyVaultName$/m);
  });

  it('grants the Function identity the storage data roles and Key Vault Secrets User', () => {
    const rbac = read('rbac.bicep');
    expect(rbac).toContain("'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'"); // Storage Blob Data Owner
    expect(rbac).toContain("'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'"); // Storage Table Data Contributor
    expect(rbac).toContain("'974c5e8b-45b9-4653-ba55-5f855dd0fb88'"); // Storage Queue Data Contributor
    const keyVault = read('keyvault.bicep');
    expect(keyVault).toMatch(/enableRbacAuthorization:\s*true/);
    expect(keyVault).toContain("'4633458b-17de-408a-b874-0445c86b69e6'"); // Key Vault Secrets User
  });
});

describe('admin portal hosting', () => {
  const yaml = readFileSync(path.join(ROOT, 'azure.yaml'), 'utf8');
  const functions = readFileSync(path.join(INFRA, 'modules/functions.bicep'), 'utf8');
  const site = readFileSync(path.join(INFRA, 'modules/staticWebApp.bicep'), 'utf8');

  it('deploys dist/portal to a Static Web App tagged for the azd portal service', () => {
    const portal = /^ {2}portal:\n((?: {4,}.*\n)+)/m.exec(yaml)?.[1] ?? '';
    expect(portal).toMatch(/^\s+host:\s*staticwebapp\s*$/m);
    expect(portal).toMatch(/^\s+dist:\s*dist\/portal\s*$/m);
    expect(site).toMatch(/Microsoft\.Web\/staticSites@/);
    expect(site).toMatch(/'azd-service-name':\s*serviceName/);
    expect(main.text).toMatch(/serviceName:\s*'portal'/);
    expect(main.outputs).toEqual(expect.arrayContaining(['PORTAL_URL']));
  });

  it("lets only the portal's origin call the API from a browser, without cookies", () => {
    expect(main.text).toMatch(/corsAllowedOrigins:\s*\[portal\.outputs\.uri\]/);
    expect(functions).toMatch(/allowedOrigins:\s*corsAllowedOrigins/);
    expect(functions).toMatch(/supportCredentials:\s*false/);
  });

  it('gives the API the settings /api/portal-config reads, and the portal where the API is', () => {
    expect(main.text).toMatch(/PORTAL_CLIENT_ID:\s*portalClientId/);
    expect(main.text).toMatch(/PORTAL_AUTHORITY:/);
    expect(yaml).toMatch(/postprovision:[\s\S]*infra\/hooks\/writePortalConfig\.mjs/);
    expect(existsSync(path.join(INFRA, 'hooks/writePortalConfig.mjs'))).toBe(true);
  });
});

// azd postprovision hook: writes portal/public/portal-config.json from the FUNCTION_APP_URL
// output, so the portal built at deploy time calls the Function App (public values only).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const apiBaseUrl = process.env.FUNCTION_APP_URL;
if (!apiBaseUrl) {
  console.error('FUNCTION_APP_URL is not set: run this as an azd hook after provisioning.');
  process.exit(1);
}
const file = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../portal/public/portal-config.json',
);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify({ apiBaseUrl }, null, 2)}\n`);
console.log(`portal-config.json: API at ${apiBaseUrl}`);

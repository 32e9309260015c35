import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import selfsigned from 'selfsigned';

export interface SimulatorCertificate {
  keyPem: string;
  certPem: string;
  certFile: string;
}

/**
 * A self-signed certificate for 127.0.0.1 / localhost, generated per start; its PEM is what
 * clients trust. Each gets its own subject name: with several loopback servers trusted at once
 * (two tenants' simulators, a fake Key Vault), OpenSSL finds an issuer by subject, and equal
 * names would make it check one server's certificate against another's key.
 */
export function generateCertificate(label = 'Graph simulator'): SimulatorCertificate {
  const commonName = `${label} (127.0.0.1) ${crypto.randomBytes(4).toString('hex')}`;
  const pems = selfsigned.generate([{ name: 'commonName', value: commonName }], {
    keySize: 2048,
    days: 30,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', keyCertSign: true, digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  const certFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'graph-simulator-')), 'ca.pem');
  fs.writeFileSync(certFile, pems.cert);
  return { keyPem: pems.private, certPem: pems.cert, certFile };
}

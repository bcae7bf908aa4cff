import { execFileSync } from 'node:child_process';
import { createSign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A self-made stand-in for Amazon's request signing, for the server tests and
 * the soak (never the internet): a root CA, an intermediate, and a signing
 * certificate for echo-api.amazon.com, made with the openssl CLI (node:crypto
 * verifies certificates but cannot issue them), plus a TLS certificate for
 * s3.amazonaws.com. The server is given `root` as its only trusted root, and
 * downloads `chain` from a loopback stand-in for S3.
 */
export interface TestSigning {
  /** The trusted root, PEM. */
  readonly root: string;
  /** Signing certificate then intermediate, PEM: what Amazon's URL serves. */
  readonly chain: string;
  /** A chain whose signing certificate names another host (refused by the SAN rule). */
  readonly wrongNameChain: string;
  /** The Signature-256 header for these exact body bytes. */
  sign(body: string | Buffer): string;
  /** A TLS certificate chain and key for s3.amazonaws.com, under the same root: a stand-in S3 on loopback. */
  readonly s3: { readonly cert: string; readonly key: string };
}

export function makeTestSigning(): TestSigning {
  const dir = mkdtempSync(join(tmpdir(), 'fmg-signing-'));
  const at = (name: string): string => join(dir, name);
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { stdio: 'pipe' });
  };
  try {
    writeFileSync(at('ca.cnf'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
    writeFileSync(at('leaf.cnf'), 'basicConstraints=critical,CA:FALSE\nsubjectAltName=DNS:echo-api.amazon.com\n');
    writeFileSync(at('other.cnf'), 'basicConstraints=critical,CA:FALSE\nsubjectAltName=DNS:echo-api.example.com\n');
    writeFileSync(at('s3.cnf'), 'basicConstraints=critical,CA:FALSE\nsubjectAltName=DNS:s3.amazonaws.com\n');
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      at('root.key'),
      '-out',
      at('root.pem'),
      '-days',
      '30',
      '-subj',
      '/CN=Test Root CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    );
    const issue = (name: string, subject: string, issuer: string, extensions: string): void => {
      openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', at(`${name}.key`), '-out', at(`${name}.csr`), '-subj', subject);
      openssl(
        'x509',
        '-req',
        '-in',
        at(`${name}.csr`),
        '-CA',
        at(`${issuer}.pem`),
        '-CAkey',
        at(`${issuer}.key`),
        '-set_serial',
        String(Date.now()),
        '-days',
        '20',
        '-extfile',
        at(extensions),
        '-out',
        at(`${name}.pem`),
      );
    };
    issue('intermediate', '/CN=Test Intermediate CA', 'root', 'ca.cnf');
    issue('leaf', '/CN=echo-api.amazon.com', 'intermediate', 'leaf.cnf');
    issue('other', '/CN=echo-api.example.com', 'intermediate', 'other.cnf');
    issue('s3', '/CN=s3.amazonaws.com', 'intermediate', 's3.cnf');
    const read = (name: string): string => readFileSync(at(name), 'utf8');
    const key = read('leaf.key');
    return {
      root: read('root.pem'),
      chain: read('leaf.pem') + read('intermediate.pem'),
      wrongNameChain: read('other.pem') + read('intermediate.pem'),
      sign: (body) => createSign('RSA-SHA256').update(body).sign(key, 'base64'),
      s3: { cert: read('s3.pem') + read('intermediate.pem'), key: read('s3.key') },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

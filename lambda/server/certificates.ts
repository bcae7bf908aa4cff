import { X509Certificate, type KeyObject } from 'node:crypto';
import { get, type RequestOptions } from 'node:https';
import { rootCertificates } from 'node:tls';
import { LIMITS } from './limits';

/**
 * Amazon's signing certificate chain, downloaded from a request's
 * SignatureCertChainUrl (already checked by certificateUrl()), validated with
 * node:crypto, and cached: a good chain until its first certificate expires,
 * a failure (bad chain, slow or failed download) for a minute, so forged
 * requests cannot make the server download on each one. A download that
 * takes longer than the fetch bound is abandoned and counts as a failure.
 */

/** Downloads a chain as PEM text; gives up when `signal` aborts. */
export type CertificateFetcher = (url: string, signal: AbortSignal) => Promise<string>;

export interface CertificateOptions {
  /** Defaults to an HTTPS GET (httpsCertificateFetcher). */
  readonly fetch?: CertificateFetcher;
  /** Trusted roots as PEM; defaults to node's bundled Mozilla roots (tls.rootCertificates). */
  readonly roots?: readonly string[];
  readonly fetchTimeoutMs?: number;
  readonly failureTtlMs?: number;
  readonly now?: () => number;
}

/** The name Amazon's signing certificate must carry among its subject alternative names. */
const SIGNING_NAME = 'echo-api.amazon.com';
/** A chain is a handful of certificates; more is not Amazon's. */
const MAX_CHAIN = 6;
/** PEM chains are a few kilobytes. */
const MAX_PEM_BYTES = 64 * 1024;
/** Distinct URLs remembered at once; the oldest goes first. Alexa uses one or two. */
const MAX_ENTRIES = 64;
/**
 * Downloads in flight at once. Forged requests naming ever new URLs under
 * /echo.api/ would each start one; past this they are refused without one
 * (Alexa's own URL is cached after its first download).
 */
const MAX_DOWNLOADS = 4;

/** A chain that failed validation or download; the message is for our log, never for the client. */
export class CertificateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificateError';
  }
}

type Entry = { readonly key: KeyObject; readonly until: number } | { readonly failure: string; readonly until: number };

export class SigningCertificates {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry>>();
  private readonly fetch: CertificateFetcher;
  private readonly fetchTimeoutMs: number;
  private readonly failureTtlMs: number;
  private readonly now: () => number;
  private readonly rootPems: readonly string[] | undefined;
  private roots: readonly X509Certificate[] | undefined;

  constructor(options: CertificateOptions = {}) {
    this.fetch = options.fetch ?? httpsCertificateFetcher();
    this.fetchTimeoutMs = options.fetchTimeoutMs ?? LIMITS.certificateFetchMs;
    this.failureTtlMs = options.failureTtlMs ?? LIMITS.certificateFailureMs;
    this.now = options.now ?? Date.now;
    this.rootPems = options.roots;
  }

  /** The signing public key for a (checked, normalised) certificate URL, or a CertificateError. */
  async keyFor(url: string): Promise<KeyObject> {
    let entry = this.entries.get(url);
    if (!entry || entry.until <= this.now()) {
      this.entries.delete(url);
      // Concurrent requests with one URL share one download.
      let load = this.pending.get(url);
      if (!load && this.pending.size >= MAX_DOWNLOADS) throw new CertificateError('too many certificate downloads at once');
      if (!load) {
        load = this.load(url).finally(() => this.pending.delete(url));
        this.pending.set(url, load);
      }
      entry = await load;
    }
    if ('failure' in entry) throw new CertificateError(entry.failure);
    return entry.key;
  }

  private async load(url: string): Promise<Entry> {
    let entry: Entry;
    try {
      const pem = await this.download(url);
      const chain = validateChain(pem, this.trusted(), this.now());
      entry = { key: chain.key, until: chain.until };
    } catch (error) {
      entry = { failure: error instanceof CertificateError ? error.message : 'download failed', until: this.now() + this.failureTtlMs };
    }
    this.entries.set(url, entry);
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    return entry;
  }

  /** The fetcher, bounded: it is asked to stop at the deadline, and is not waited for past it even if it does not. */
  private download(url: string): Promise<string> {
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        reject(new CertificateError(`certificate download took longer than ${this.fetchTimeoutMs} ms`));
      }, this.fetchTimeoutMs);
    });
    return Promise.race([this.fetch(url, abort.signal), deadline]).finally(() => clearTimeout(timer));
  }

  private trusted(): readonly X509Certificate[] {
    // Parsed once, on the first download (about 20 ms for node's roots), not at start-up.
    this.roots ??= (this.rootPems ?? rootCertificates).flatMap((pem) => {
      try {
        return [new X509Certificate(pem)];
      } catch {
        return [];
      }
    });
    return this.roots;
  }
}

/**
 * Amazon's rules for the chain: every certificate within its validity dates
 * now; the first (the signing certificate) names echo-api.amazon.com among its
 * subject alternative names; each is signed by the next, and the last one by
 * a trusted root (or is one). Returns the signing key and when the first
 * certificate of the chain stops being valid.
 */
function validateChain(pem: string, roots: readonly X509Certificate[], now: number): { key: KeyObject; until: number } {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0 || blocks.length > MAX_CHAIN) throw new CertificateError('not a certificate chain');
  let chain: X509Certificate[];
  try {
    chain = blocks.map((block) => new X509Certificate(block));
  } catch {
    throw new CertificateError('unreadable certificate');
  }
  let until = Number.POSITIVE_INFINITY;
  for (const certificate of chain) {
    const from = Date.parse(certificate.validFrom);
    const to = Date.parse(certificate.validTo);
    if (!(from <= now && now <= to)) throw new CertificateError('certificate expired or not yet valid');
    until = Math.min(until, to);
  }
  const signing = chain[0];
  const names = (signing.subjectAltName ?? '').split(/,\s*/);
  // Exact entries: node quotes a name holding a comma, so one crafted name cannot pose as two.
  if (!names.some((name) => name.toLowerCase() === `dns:${SIGNING_NAME}`)) throw new CertificateError(`${SIGNING_NAME} missing from the certificate`);

  for (let i = 0; i < chain.length; i += 1) {
    const certificate = chain[i];
    if (roots.some((root) => root.fingerprint256 === certificate.fingerprint256 || issuedBy(certificate, root))) return { key: signing.publicKey, until };
    const issuer = chain.at(i + 1);
    if (!issuer || !issuer.ca || !issuedBy(certificate, issuer)) break;
  }
  throw new CertificateError('certificate chain does not reach a trusted root');
}

function issuedBy(certificate: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/**
 * The real download: HTTPS GET, status 200, at most MAX_PEM_BYTES.
 * `options` overrides where it connects (tests and the soak point it at loopback).
 * @public the test and the soak import it from source they build on the fly, which knip cannot see.
 */
export function httpsCertificateFetcher(options: RequestOptions = {}): CertificateFetcher {
  return (url, signal) =>
    new Promise<string>((resolve, reject) => {
      const request = get(url, { ...options, signal }, (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(new CertificateError(`certificate download answered ${response.statusCode}`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_PEM_BYTES) {
            request.destroy();
            reject(new CertificateError('certificate download too large'));
          } else chunks.push(chunk);
        });
        response.on('end', () => resolve(Buffer.concat(chunks).toString('ascii')));
        response.on('error', () => reject(new CertificateError('certificate download failed')));
      });
      request.on('error', () => reject(new CertificateError('certificate download failed')));
    });
}

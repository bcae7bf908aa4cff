import { createVerify } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { CertificateError, type SigningCertificates } from './certificates';
import { Refusal } from './errors';
import { certificateUrl } from './verify';

/**
 * Alexa's request signature: the `Signature-256` header is an RSA-SHA256
 * signature of the exact body bytes, by the certificate the
 * `SignatureCertChainUrl` header names (as ask-sdk-express-adapter checks;
 * the older SHA-1 `Signature` header is not accepted on its own).
 */

/** The certificate URL of a request, checked and normalised; refused when missing or not Amazon's shape. */
export function signingUrlOf(headers: IncomingHttpHeaders): string {
  const url = headers.signaturecertchainurl;
  const signature = headers['signature-256'];
  if (typeof url !== 'string' || url === '' || typeof signature !== 'string' || signature === '') throw new Refusal(400, 'missing signature');
  return certificateUrl(url);
}

/** Downloads (or recalls) the certificate and checks the body's signature; a Refusal when anything fails. */
export async function checkSignature(headers: IncomingHttpHeaders, raw: Buffer, url: string, certificates: SigningCertificates): Promise<void> {
  let key;
  try {
    key = await certificates.keyFor(url);
  } catch (error) {
    if (error instanceof CertificateError) throw new Refusal(400, 'certificate refused', error.message);
    throw error;
  }
  const signature = Buffer.from(String(headers['signature-256']), 'base64');
  let valid = false;
  try {
    valid = createVerify('RSA-SHA256').update(raw).verify(key, signature);
  } catch {
    valid = false;
  }
  if (!valid) throw new Refusal(400, 'bad signature');
}

import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/** RFC 6238 with the parameters every authenticator app understands: SHA-1, 6 digits, 30 seconds. */
const PERIOD_S = 30;
const ISSUER = 'Gezinsplan';

const totpFor = (secretBase32: string, label: string) =>
  new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD_S, secret: Secret.fromBase32(secretBase32) });

/** A fresh 160-bit secret (RFC 4226's recommended length), as base32 for apps that take it typed. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

export const timeStep = (at: Date) => Math.floor(at.getTime() / 1000 / PERIOD_S);

/** The otpauth:// address an authenticator app reads from the QR code, and that code as SVG. */
export async function enrolmentPicture(secretBase32: string, label: string) {
  const uri = totpFor(secretBase32, label).toString();
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { uri, svg };
}

/**
 * The time step a code belongs to, or null when it fits none. One step either side is accepted
 * because phone clocks drift; the caller refuses steps already used, so each code works once.
 */
export function matchingStep(secretBase32: string, code: string, at: Date): number | null {
  const delta = totpFor(secretBase32, ISSUER).validate({ token: code, timestamp: at.getTime(), window: 1 });
  return delta === null ? null : timeStep(at) + delta;
}

/** The code for a moment: for the demo's documented secret and for tests. */
export const codeAt = (secretBase32: string, at: Date) => totpFor(secretBase32, ISSUER).generate({ timestamp: at.getTime() });

import type { Config } from '../../config.ts';
import { decryptSecret, encryptSecret, secondFactorKey } from '../second-factor/crypto.ts';

export type SecretConfig = Pick<Config, 'NODE_ENV' | 'DATA_DIR' | 'SECOND_FACTOR_KEY'>;

/**
 * A provider's client secret, encrypted at rest with the same key as the authenticator-app secrets.
 * The associated data names the table as well as the row, so a ciphertext copied from a TOTP row (or
 * another provider) does not decrypt here.
 */
const boundTo = (providerId: string) => `identity_provider:${providerId}`;

export const sealClientSecret = (config: SecretConfig, providerId: string, secret: string) =>
  encryptSecret(secondFactorKey(config), secret, boundTo(providerId));

export const openClientSecret = (config: SecretConfig, providerId: string, stored: string) =>
  decryptSecret(secondFactorKey(config), stored, boundTo(providerId));

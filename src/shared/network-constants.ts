/** The fixed vocabularies of the network, the help overview and the social map. */

/** Ring 1: the family as a system; ring 2: the informal network; ring 3: the professionals. */
export const RINGS = [1, 2, 3] as const;
export type Ring = (typeof RINGS)[number];

/**
 * What a person can do for the family: the "roles" on the network and the needs the
 * "who can we call?" list is grouped by. One person can hold several.
 */
export const HELP_KINDS = [
  'driving', 'childcare', 'listening', 'homework', 'paperwork', 'household', 'shopping', 'finances', 'health', 'emergency', 'other',
] as const;
export type HelpKind = (typeof HELP_KINDS)[number];

/** Whether the person takes part: someone who declined stays recorded as such. */
export const NETWORK_STATUSES = ['involved', 'asked', 'declined'] as const;
export type NetworkStatus = (typeof NETWORK_STATUSES)[number];

export const TIE_KINDS = ['strong', 'weak', 'stressful'] as const;
export type TieKind = (typeof TIE_KINDS)[number];

/** ISO weekdays: 1 Monday … 7 Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const SERVICE_STATUSES = ['active', 'waiting', 'ended'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** A waiting time confirmed longer ago than this is shown as stale (months), unless the server is set otherwise. */
export const DEFAULT_STALE_MONTHS = 6;

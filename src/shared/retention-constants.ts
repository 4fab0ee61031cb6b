/** Why a family file was erased: its retention term ended, or a family member asked and the coordinator agreed. */
export const ERASURE_CAUSES = ['retention', 'request'] as const;
export type ErasureCause = (typeof ERASURE_CAUSES)[number];

export const ERASURE_REQUEST_STATUSES = ['pending', 'refused'] as const;
export type ErasureRequestStatus = (typeof ERASURE_REQUEST_STATUSES)[number];

/** Years a closed file is kept when the collaboration sets nothing else (the method's texts set no term). */
export const DEFAULT_RETENTION_YEARS = 5;
export const MAX_RETENTION_YEARS = 30;
/** The coordinator sees a file this many days before the retention job erases it. */
export const ERASURE_NOTICE_DAYS = 30;

import type { Role } from '../../db/schema/index.js';

/** Who decides report lines (verify, query, reject). Admins and viewers read reports but do not decide. */
export const verifiers = ['contract_manager', 'officer'] as const satisfies readonly Role[];

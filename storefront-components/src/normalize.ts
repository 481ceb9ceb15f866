/** The store's canonical form of a code (it matches "summer-10 " to SUMMER-10): shown and sent this way. */
export const normalizeCode = (code: string): string => code.normalize("NFKC").trim().toUpperCase()

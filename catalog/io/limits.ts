/**
 * What an import accepts before it even parses: a catalog table is thousands of rows at most,
 * so anything far larger is a wrong file (or an attack) and is refused with a message.
 */
export const MAX_IMPORT_CHARS = 20_000_000;
export const MAX_IMPORT_ROWS = 100_000;
/** Problems listed per import; the count of the rest is given, so the list stays readable. */
export const MAX_REPORTED_PROBLEMS = 1000;

/** Maat's version, recorded in every receipt. Kept in step with package.json by a test. */
export const MAAT_VERSION = "0.1.0";

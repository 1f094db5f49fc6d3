import type { DataSource } from "../descriptor/types.js";
import { DataError } from "./data-error.js";

/** The digests a source promises, lower-case hex; either may be absent. */
export interface ExpectedDigests {
  md5?: string;
  sha256?: string;
}

/** What was actually seen. */
export interface Digests {
  md5: string;
  sha256: string;
}

const HEX_LENGTH = { md5: 32, sha256: 64 } as const;

/**
 * The digests a source declares: `md5` (the spec's field, 32 hex digits or `algo:hex`, where
 * algo is md5 or sha256) and `sha256` (Maat's extension).
 */
export function expectedDigests(source: DataSource): ExpectedDigests {
  const expected: ExpectedDigests = {};
  const add = (algorithm: string, hex: string, field: string) => {
    const name = algorithm.toLowerCase();
    if (name !== "md5" && name !== "sha256") {
      throw new DataError(
        source.src,
        `${field} = "${algorithm}:${hex}" uses ${algorithm}, which Maat cannot check`,
        {
          hint: "write an md5 (32 hex digits) or sha256:<64 hex digits>",
        },
      );
    }
    if (!new RegExp(`^[0-9a-f]{${HEX_LENGTH[name]}}$`, "i").test(hex)) {
      throw new DataError(
        source.src,
        `${field} "${hex}" is not a ${name} digest (${HEX_LENGTH[name]} hex digits)`,
      );
    }
    const value = hex.toLowerCase();
    if (expected[name] !== undefined && expected[name] !== value) {
      throw new DataError(source.src, `the source declares two different ${name} digests`);
    }
    expected[name] = value;
  };
  for (const [field, text] of [
    ["md5", source.md5],
    ["sha256", source.sha256],
  ] as const) {
    if (text === undefined || text === "") continue;
    const colon = text.indexOf(":");
    if (colon >= 0) add(text.slice(0, colon), text.slice(colon + 1), field);
    else add(field, text, field);
  }
  return expected;
}

/** Throws naming expected and actual when what was seen is not what was promised. */
export function checkDigests(src: string, expected: ExpectedDigests, actual: Digests, what: string): void {
  for (const algorithm of ["md5", "sha256"] as const) {
    const want = expected[algorithm];
    if (want !== undefined && want !== actual[algorithm]) {
      throw new DataError(
        src,
        `checksum mismatch for ${what}: expected ${algorithm} ${want}, got ${actual[algorithm]}`,
        { hint: "the data changed or the descriptor's checksum is stale; the cache was left untouched" },
      );
    }
  }
}

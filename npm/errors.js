/**
 * True when `error` was thrown by dangjian-forms: an `Error` named
 * "DangjianError" with a stable `code` (and `diagnostics` for a bad spec).
 * @param {unknown} error
 * @returns {boolean}
 */
export function isDangjianError(error) {
  return error instanceof Error && error.name === "DangjianError" && typeof error.code === "string";
}

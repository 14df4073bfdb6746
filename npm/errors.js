/**
 * True when `error` was thrown by dangjian-forms: an `Error` named
 * "DangjianError" with a stable `code` (and `diagnostics` for a bad spec).
 * @param {unknown} error
 * @returns {boolean}
 */
export function isDangjianError(error) {
  return error instanceof Error && error.name === "DangjianError" && typeof error.code === "string";
}

/**
 * A DangjianError made on the JavaScript side of the package (the engine makes
 * the others): `code`, the message, and any further properties.
 * @param {string} code
 * @param {string} message
 * @param {Record<string, unknown>} [extra]
 * @returns {Error}
 */
export function dangjianError(code, message, extra) {
  const error = new Error(message);
  error.name = "DangjianError";
  error.code = code;
  if (extra) Object.assign(error, extra);
  return error;
}

// dangjian-forms/headless — the validation engine, no UI code.
export * from "./common.js";

/** What `init` accepts: where the .wasm is, or its bytes, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/**
 * Loads the engine. Without an argument it fetches the .wasm that sits next
 * to the module (bundlers such as Vite rewrite that URL). Call once, await it,
 * then use the rest synchronously.
 */
declare function init(
  moduleOrPath?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<unknown>;
export default init;
export { init };

/** Loads the engine synchronously from the .wasm bytes (or a compiled module). */
export function initSync(module: { module: BufferSource | WebAssembly.Module }): unknown;

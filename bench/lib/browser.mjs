// Hook for the browser measurements of issue 6 (time to first render of the
// 200-item checklist; keystroke → updated score), which need the UI entry of
// the package. Filled in by lib/browser-run.mjs when the full entry carries the UI.

import fs from 'node:fs';
import path from 'node:path';

/** True when the package has its full entry, the UI's (index.js and `wasm/full/`). */
export function packageHasUi(dir) {
  // The full entry's module (the package's scripts are minified: their text says little).
  return fs.existsSync(path.join(dir || '', 'index.js')) && fs.existsSync(path.join(dir || '', 'wasm', 'full', 'dangjian_bg.wasm'));
}

/** Runs the browser measurements when possible; else says why not. */
export async function browserHook(ours, log = () => {}) {
  if (!ours.ready) return { hasUi: false, note: 'package not built' };
  const hasUi = packageHasUi(ours.dir);
  if (!hasUi) return { hasUi, note: 'the package has no UI entry yet' };
  try {
    const { measureBrowser } = await import('./browser-run.mjs');
    log('\n== headless Chromium: checklist-200 first render and keystroke → score');
    return { hasUi, ...(await measureBrowser(ours.dir, log)) };
  } catch (e) {
    return { hasUi, note: `browser measurement failed: ${String(e && e.message ? e.message : e).split('\n')[0]}` };
  }
}

// `vite build` needs nothing for the package. The dev server needs it left out
// of its dependency pre-bundling (`optimizeDeps.exclude`): pre-bundled, the
// entry's script moves to node_modules/.vite/deps, away from the package's
// forms/ and wasm/ files. `server.fs.allow` is for this repository's layout only:
// `dangjian-forms` is linked from ../../target/npm, outside the project folder,
// and the dev server serves files from there only when told.
import { defineConfig, searchForWorkspaceRoot } from "vite";

export default defineConfig({
  optimizeDeps: { exclude: ["dangjian-forms"] },
  server: {
    fs: { allow: [searchForWorkspaceRoot(process.cwd()), "../../target/npm"] },
  },
});

// Nothing is needed for the package itself. The one line here is for this
// repository's layout: `dangjian-forms` is linked from ../../target/npm, outside
// the project folder, and the dev server serves files from there only when told.
import { defineConfig, searchForWorkspaceRoot } from "vite";

export default defineConfig({
  server: {
    fs: { allow: [searchForWorkspaceRoot(process.cwd()), "../../target/npm"] },
  },
});

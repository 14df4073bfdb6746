// The package's main entry: the same engine API as the headless one.
import init, { compile, forms } from "dangjian-forms";
import type { Report } from "dangjian-forms";

export async function first(): Promise<Report | undefined> {
  await init();
  const info = forms()[0];
  return info ? compile(info.id).validate({}) : undefined;
}

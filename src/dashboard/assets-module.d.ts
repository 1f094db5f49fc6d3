/** Built by scripts/dashboard-assets.mjs: file name in the site's assets/ folder -> content. */
declare module "maat:dashboard-assets" {
  const assets: Readonly<Record<string, string>>;
  export default assets;
}

export declare const DASHBOARD_ASSETS_MODULE: string;
export declare function buildDashboardAssets(root: string): Promise<Record<string, string>>;
export declare function esbuildDashboardAssets(root: string): unknown;
export declare function viteDashboardAssets(root: string): {
  name: string;
  resolveId: (id: string) => string | undefined;
  load: (id: string) => Promise<string> | undefined;
};

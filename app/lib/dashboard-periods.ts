/** The dashboard's period choices (`?days=`), shared by its filter form and the server. */
export const DASHBOARD_PERIODS = ["7", "30", "90", "all"] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];
export const DEFAULT_PERIOD: DashboardPeriod = "30";

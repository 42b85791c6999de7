/** Chart colours: the brand's sky blue and sun gold, with darker steps for contrast on white. */
export const CHART_COLORS = {
  sky700: "#006e85",
  sky500: "#00afca",
  sky300: "#6fd9ea",
  gold500: "#fec50c",
  /** Gold dark enough for a line on white. */
  gold700: "#b98a00",
  ink: "#0f3d4d",
  grey: "#8a9aab",
  grid: "#dde4ea",
} as const;

/** Ordinal scale for the startup stages, idea (gold) to growth (deep blue). */
export const STAGE_COLORS = ["#fec50c", "#8fe1ee", "#00afca", "#006e85", "#0f3d4d"] as const;

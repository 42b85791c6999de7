export const DAY_MS = 86_400_000;

export function now(): number {
  return Date.now();
}

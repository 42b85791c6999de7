/**
 * Money comparison across the marketplace's two currencies. Matching compares a startup's ask with
 * an investor's ticket range, which may be stated in different currencies, so both are converted at
 * one fixed rate. A fixed rate keeps scores reproducible (the same profiles always match the same
 * way); it is a planning figure, not a market quote — update it here when it drifts by more than a
 * few percent, and every score moves together.
 */

/** Tenge per US dollar: the National Bank's 2025 average, rounded. */
export const KZT_PER_USD = 500;

const PER_USD: Readonly<Record<string, number>> = { USD: 1, KZT: KZT_PER_USD };

export function isKnownCurrency(currency: string): boolean {
  return currency in PER_USD;
}

/** `amount` in `from` expressed in `to`; undefined when either currency is unknown. */
export function convertMoney(amount: number, from: string, to: string): number | undefined {
  if (from === to) return amount;
  const fromRate = PER_USD[from];
  const toRate = PER_USD[to];
  if (fromRate === undefined || toRate === undefined) return undefined;
  return (amount / fromRate) * toRate;
}

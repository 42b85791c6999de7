import { useEffect, useState } from "react";

/** False during server rendering and before hydration, so forms can show their no-JavaScript layout. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** Marketplace queries: startups, investors, agencies, challenges. */
export {};

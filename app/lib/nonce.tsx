import { createContext, useContext } from "react";

/** The per-request CSP nonce for inline scripts, provided by entry.server. */
export const NonceContext = createContext<string>("");
export const useNonce = () => useContext(NonceContext);

/** Per-client token buckets, stored in the database so limits hold across replicas. */
import { clientAddress } from "./auth.server";
import { getDb, throttle } from "./db.server";

/** Returns 0 when the request may proceed, else the seconds to wait. */
export async function limitPerMinute(request: Request, bucket: string, perMinute: number): Promise<number> {
  const waitMs = await throttle.takeToken(await getDb(), `${bucket}:${clientAddress(request)}`, perMinute, 60_000);
  return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
}

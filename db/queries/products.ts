/**
 * A startup's products, edited by the startup's owner. Descriptions and customer lists are stored
 * per language like the profile's texts; every change counts as activity on the profile (it bumps
 * the startup's `updated_at`, which keeps it from going stale).
 */
import type { Kysely } from "kysely";
import type { Database, Product } from "../schema";
import { newId } from "../ids";
import { mergeLocalized } from "../localized";

type Db = Kysely<Database>;

export const MAX_PRODUCTS = 20;

export interface ProductInput {
  name: string;
  description: string;
  pricingModel: string;
  customers?: string;
  demoUrl?: string;
}

/** The products of the owner's startup, in display order; undefined when the startup is not theirs. */
export async function listOwnedProducts(db: Db, ownerId: string, startupId: string): Promise<Product[] | undefined> {
  const startup = await db
    .selectFrom("startups")
    .select("id")
    .where("id", "=", startupId)
    .where("owner_id", "=", ownerId)
    .executeTakeFirst();
  if (!startup) return undefined;
  return db
    .selectFrom("products")
    .selectAll()
    .where("startup_id", "=", startupId)
    .orderBy("position", "asc")
    .orderBy("created_at", "asc")
    .execute();
}

/** One product of one of the owner's startups. */
export async function getOwnedProduct(db: Db, ownerId: string, productId: string): Promise<Product | undefined> {
  return db
    .selectFrom("products")
    .innerJoin("startups", "startups.id", "products.startup_id")
    .selectAll("products")
    .where("products.id", "=", productId)
    .where("startups.owner_id", "=", ownerId)
    .executeTakeFirst();
}

export type CreateProductResult = { ok: true; product: Product } | { ok: false; reason: "not-found" | "too-many" };

export async function createProduct(
  db: Db,
  params: { ownerId: string; startupId: string; lang: string; input: ProductInput; now?: number },
): Promise<CreateProductResult> {
  const now = params.now ?? Date.now();
  return db.transaction().execute(async (trx) => {
    const existing = await listOwnedProducts(trx, params.ownerId, params.startupId);
    if (!existing) return { ok: false, reason: "not-found" } as const;
    if (existing.length >= MAX_PRODUCTS) return { ok: false, reason: "too-many" } as const;
    const product: Product = {
      id: newId(),
      startup_id: params.startupId,
      name: params.input.name,
      description: mergeLocalized(undefined, params.lang, params.input.description),
      pricing_model: params.input.pricingModel,
      customers: mergeLocalized(undefined, params.lang, params.input.customers),
      demo_url: params.input.demoUrl ?? null,
      position: existing.reduce((max, p) => Math.max(max, p.position + 1), 0),
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto("products").values(product).execute();
    await trx.updateTable("startups").set({ updated_at: now }).where("id", "=", params.startupId).execute();
    return { ok: true, product } as const;
  });
}

/** Saves an edit in `lang`; undefined when the product is not the owner's. */
export async function updateProduct(
  db: Db,
  params: { ownerId: string; productId: string; lang: string; input: ProductInput; now?: number },
): Promise<Product | undefined> {
  const now = params.now ?? Date.now();
  return db.transaction().execute(async (trx) => {
    const previous = await getOwnedProduct(trx, params.ownerId, params.productId);
    if (!previous) return undefined;
    const fields = {
      name: params.input.name,
      description: mergeLocalized(previous.description, params.lang, params.input.description),
      pricing_model: params.input.pricingModel,
      customers: mergeLocalized(previous.customers, params.lang, params.input.customers),
      demo_url: params.input.demoUrl ?? null,
      updated_at: now,
    };
    await trx.updateTable("products").set(fields).where("id", "=", previous.id).execute();
    await trx.updateTable("startups").set({ updated_at: now }).where("id", "=", previous.startup_id).execute();
    return { ...previous, ...fields };
  });
}

/** Deletes one of the owner's products; false when it is not theirs (or already gone). */
export async function deleteProduct(
  db: Db,
  params: { ownerId: string; productId: string; now?: number },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const product = await getOwnedProduct(trx, params.ownerId, params.productId);
    if (!product) return false;
    await trx.deleteFrom("products").where("id", "=", product.id).execute();
    await trx
      .updateTable("startups")
      .set({ updated_at: params.now ?? Date.now() })
      .where("id", "=", product.startup_id)
      .execute();
    return true;
  });
}

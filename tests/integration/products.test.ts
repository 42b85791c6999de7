// A startup's products: only the owner lists, adds, edits and deletes them; texts stay per language.
import { afterAll, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import {
  createProduct,
  deleteProduct,
  getOwnedProduct,
  listOwnedProducts,
  MAX_PRODUCTS,
  updateProduct,
} from "../../db/queries/products";
import { getStartupBySlug } from "../../db/queries/marketplace";
import { createTestDatabase } from "../helpers/db";
import { createOwnedStartup } from "../helpers/agency-factories";

const handle = await createTestDatabase();
const db: Kysely<Database> = handle.db;
afterAll(() => handle.close());

const input = {
  name: "Smoke Eye",
  description: "Finds smoke on camera images.",
  pricingModel: "subscription",
  customers: "Three forestry offices",
};

describe("products", () => {
  it("adds, edits in another language and deletes the owner's products", async () => {
    const { owner, startup } = await createOwnedStartup(db, { updatedDaysAgo: 300 });
    const created = await createProduct(db, { ownerId: owner.id, startupId: startup.id, lang: "en", input });
    if (!created.ok) throw new Error(created.reason);
    const second = await createProduct(db, {
      ownerId: owner.id,
      startupId: startup.id,
      lang: "en",
      input: { ...input, name: "Fire Map", demoUrl: "https://demo.example.kz" },
    });
    expect(second.ok && second.product.position).toBe(1);

    await updateProduct(db, {
      ownerId: owner.id,
      productId: created.product.id,
      lang: "ru",
      input: { ...input, description: "Находит дым на снимках камер.", customers: undefined },
    });
    const stored = (await getOwnedProduct(db, owner.id, created.product.id))!;
    expect(JSON.parse(stored.description)).toEqual({
      en: "Finds smoke on camera images.",
      ru: "Находит дым на снимках камер.",
    });
    expect(JSON.parse(stored.customers)).toEqual({ en: "Three forestry offices" });

    const profile = (await getStartupBySlug(db, startup.slug))!;
    expect(profile.products.map((p) => p.name)).toEqual(["Smoke Eye", "Fire Map"]);
    // Editing products is activity: the profile is no longer stale.
    expect(profile.stale).toBe(false);

    expect(await deleteProduct(db, { ownerId: owner.id, productId: created.product.id })).toBe(true);
    expect((await listOwnedProducts(db, owner.id, startup.id))?.map((p) => p.name)).toEqual(["Fire Map"]);
  });

  it("refuses everything on someone else's startup", async () => {
    const { owner, startup } = await createOwnedStartup(db);
    const { owner: stranger } = await createOwnedStartup(db);
    const created = await createProduct(db, { ownerId: owner.id, startupId: startup.id, lang: "en", input });
    if (!created.ok) throw new Error(created.reason);
    expect(await listOwnedProducts(db, stranger.id, startup.id)).toBeUndefined();
    expect(await createProduct(db, { ownerId: stranger.id, startupId: startup.id, lang: "en", input })).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect(await getOwnedProduct(db, stranger.id, created.product.id)).toBeUndefined();
    expect(
      await updateProduct(db, { ownerId: stranger.id, productId: created.product.id, lang: "en", input }),
    ).toBeUndefined();
    expect(await deleteProduct(db, { ownerId: stranger.id, productId: created.product.id })).toBe(false);
    expect(await getOwnedProduct(db, owner.id, created.product.id)).toBeDefined();
  });

  it("caps the number of products", async () => {
    const { owner, startup } = await createOwnedStartup(db);
    for (let i = 0; i < MAX_PRODUCTS; i++)
      await createProduct(db, {
        ownerId: owner.id,
        startupId: startup.id,
        lang: "en",
        input: { ...input, name: `P${i}` },
      });
    expect(await createProduct(db, { ownerId: owner.id, startupId: startup.id, lang: "en", input })).toEqual({
      ok: false,
      reason: "too-many",
    });
  });
});

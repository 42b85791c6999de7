import { randomBytes } from "node:crypto";

/** A random, URL-safe, sortable-enough id (time prefix + 64 random bits). */
export function newId(): string {
  return Date.now().toString(36) + randomBytes(8).toString("base64url");
}

export function slugify(text: string): string {
  const map: Record<string, string> = {
    а: "a", ә: "a", б: "b", в: "v", г: "g", ғ: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "i",
    к: "k", қ: "q", л: "l", м: "m", н: "n", ң: "n", о: "o", ө: "o", п: "p", р: "r", с: "s", т: "t", у: "u",
    ұ: "u", ү: "u", ф: "f", х: "h", һ: "h", ц: "ts", ч: "ch", ш: "sh", щ: "sh", ъ: "", ы: "y", і: "i", ь: "",
    э: "e", ю: "yu", я: "ya",
  };
  const latin = [...text.toLowerCase()].map((ch) => map[ch] ?? ch).join("");
  return latin.normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "item";
}

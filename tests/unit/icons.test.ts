import * as lucide from "lucide-react";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import * as icons from "~/components/icons";

const names = Object.keys(icons).filter((name) => name !== "staticIcon") as (keyof typeof icons)[];
const lucideIcons = lucide as unknown as Record<string, lucide.LucideIcon>;

describe("prebuilt icons", () => {
  it("cover the icons the app uses", () => {
    expect(names.length).toBeGreaterThan(50);
    for (const name of names) expect(lucideIcons[name], name).toBeDefined();
  });

  it.each(names)("%s renders lucide's markup at every size, with and without a class", (name) => {
    const ours = icons[name] as (props: icons.IconProps) => React.ReactElement;
    for (const size of [14, 16, 18, 20, 22, 24, 32, 40]) {
      for (const props of [{ size, "aria-hidden": "true" as const }, { size, "aria-hidden": "true" as const, className: "spin lucide" }, { size }]) {
        expect(renderToStaticMarkup(createElement(ours, props)), `${name} ${JSON.stringify(props)}`).toBe(
          renderToStaticMarkup(createElement(lucideIcons[name]!, props)),
        );
      }
    }
    // Built once, then reused: lucide's drawing was found (no fallback to its component).
    expect(ours({ size: 18 })).toBe(ours({ size: 18 }));
  });
});

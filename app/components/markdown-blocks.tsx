/**
 * Plain rendering of a corpus section's text (the Markdown subset the corpus uses: paragraphs,
 * "-"/"*" bullets and numbered items), as React elements — never as HTML — so an editor's preview
 * cannot inject markup.
 */
type Block = { kind: "p"; lines: string[] } | { kind: "ul" | "ol"; items: string[] };

export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const bullet = /^[-*•]\s+(.*)$/.exec(line);
    const numbered = /^\d+[.)]\s+(.*)$/.exec(line);
    if (!line) {
      current = undefined;
    } else if (bullet || numbered) {
      const kind = bullet ? "ul" : "ol";
      if (current?.kind !== kind) blocks.push((current = { kind, items: [] }));
      current.items.push((bullet ?? numbered)![1]!);
    } else if (current?.kind === "ul" || current?.kind === "ol") {
      // A continuation line of the last item.
      current.items[current.items.length - 1] += ` ${line}`;
    } else {
      if (current?.kind !== "p") blocks.push((current = { kind: "p", lines: [] }));
      current.lines.push(line);
    }
  }
  return blocks;
}

export function MarkdownBlocks({ text }: { text: string }) {
  return (
    <>
      {textBlocks(text).map((block, i) =>
        block.kind === "p" ? (
          <p key={i}>{block.lines.join(" ")}</p>
        ) : block.kind === "ul" ? (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ) : (
          <ol key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ol>
        ),
      )}
    </>
  );
}

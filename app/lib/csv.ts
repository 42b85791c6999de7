/**
 * CSV as RFC 4180 describes it: CRLF line ends, a header row, and a field quoted (its quotes
 * doubled) when it holds a comma, a quote, CR or LF. null and undefined are empty fields.
 */
export type CsvValue = string | number | boolean | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, CsvValue>[]): string {
  const lines = [columns.map(csvField).join(","), ...rows.map((row) => columns.map((c) => csvField(row[c])).join(","))];
  return lines.join("\r\n") + "\r\n";
}

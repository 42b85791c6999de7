/**
 * Reading forms with repeatable rows (a challenge's criteria, a pilot's KPIs). Each row submits the
 * same set of fields, so `getAll` returns them aligned by position; rows left entirely empty are
 * ignored, which is what lets the form work without JavaScript (a fixed number of rows, some blank).
 * A row's `from` field is the index of the stored item it was edited from, so translations follow it.
 */
export interface RawRow {
  /** Position among the submitted rows (what the form shows), for error keys. */
  position: number;
  fields: Record<string, string>;
  from?: number;
}

/** Aligned rows of `fields` (form names), the blank ones dropped. `fromField` names the hidden index. */
export function readRows(form: FormData, fields: readonly string[], fromField: string): RawRow[] {
  const columns = fields.map((name) => form.getAll(name).map((v) => (typeof v === "string" ? v.trim() : "")));
  const froms = form.getAll(fromField).map((v) => (typeof v === "string" ? v : ""));
  const count = Math.max(0, ...columns.map((c) => c.length));
  const rows: RawRow[] = [];
  for (let position = 0; position < count; position++) {
    const values = Object.fromEntries(fields.map((name, i) => [name, columns[i]![position] ?? ""]));
    if (Object.values(values).every((v) => v === "")) continue;
    const from = Number(froms[position]);
    rows.push({
      position,
      fields: values,
      from: froms[position] !== "" && Number.isInteger(from) && from >= 0 && from < 100 ? from : undefined,
    });
  }
  return rows;
}

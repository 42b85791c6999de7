import { Plus } from "~/components/icons";
import { useState, type ReactNode } from "react";
import { useHydrated } from "~/lib/use-hydrated";

interface RepeatableRowsProps<Row> {
  /** Every row the server rendered: the filled ones and the blank ones offered without JavaScript. */
  rows: Row[];
  isBlank: (row: Row) => boolean;
  blank: Row;
  max: number;
  addLabel: string;
  /** `remove` is set once JavaScript runs; without it a row is removed by clearing its fields. */
  renderRow: (row: Row, position: number, remove: (() => void) | undefined) => ReactNode;
}

/**
 * A list of form rows that works without JavaScript (a fixed number of rows; the server ignores blank
 * ones) and, once hydrated, shows only the filled rows with "add" and "remove" buttons. Removed rows
 * leave the form, so the rows submitted stay aligned field by field.
 */
export function RepeatableRows<Row>({ rows, isBlank, blank, max, addLabel, renderRow }: RepeatableRowsProps<Row>) {
  const hydrated = useHydrated();
  const [state, setState] = useState(() => {
    const filled = rows.filter((row) => !isBlank(row));
    const initial = filled.length ? filled : [blank];
    return { next: initial.length, items: initial.map((row, key) => ({ key, row })) };
  });

  if (!hydrated)
    return (
      <>
        {rows.map((row, position) => (
          <div key={position}>{renderRow(row, position, undefined)}</div>
        ))}
      </>
    );

  const add = () => setState((s) => ({ next: s.next + 1, items: [...s.items, { key: s.next, row: blank }] }));
  const remove = (key: number) => setState((s) => ({ ...s, items: s.items.filter((item) => item.key !== key) }));
  return (
    <>
      {state.items.map((item, position) => (
        <div key={item.key}>
          {renderRow(item.row, position, state.items.length > 1 ? () => remove(item.key) : undefined)}
        </div>
      ))}
      {state.items.length < max ? (
        <button type="button" className="button button--secondary button--small" onClick={add}>
          <Plus size={16} aria-hidden="true" /> {addLabel}
        </button>
      ) : null}
    </>
  );
}

/** A form value that may be one string or several, as a list. */
export function asList(value: string | string[] | undefined): string[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === "" ? [] : [value];
}

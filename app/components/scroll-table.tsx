import type { ReactNode } from "react";

/**
 * A data table that scrolls sideways on a phone: the scrolling box is a focusable region named by
 * the table's caption (keyboard users can scroll it; WCAG 2.1.1), with a row of column headers.
 * `children` are the body's rows.
 */
export function ScrollTable({ captionId, caption, columns, children }: { captionId: string; caption: ReactNode; columns: readonly ReactNode[]; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="audit">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th scope="col" key={index}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

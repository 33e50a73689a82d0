/**
 * The bordered, horizontally scrollable table every list screen uses: header cells from `headers`, rows as
 * children, and a centred message when there are none.
 */
export function DataTable({
  headers,
  empty,
  isEmpty,
  children,
  testId,
}: {
  headers: React.ReactNode[];
  empty: string;
  isEmpty: boolean;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            {headers.map((header, i) => (
              <th key={i} scope="col" className="px-3 py-2">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {children}
          {isEmpty && (
            <tr>
              <td colSpan={headers.length} className="px-3 py-6 text-center text-slate-500">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

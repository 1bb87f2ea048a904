import { PANEL_LIMITS } from '../panels/panels';
import { CANVAS_HELP } from '../inspector/help';

/**
 * The designer's frame, in the server's HTML: the toolbar's place, the palette's and inspector's
 * columns at their default widths and the inspector's first words are on screen while the designer's
 * code is still loading (it runs in the browser only: the diagram lives in local storage). Nothing
 * here is interactive, and it says it is loading.
 */
export function DesignerShell() {
  const columns = `${PANEL_LIMITS.palette.initial.size}px minmax(0,1fr) ${PANEL_LIMITS.inspector.initial.size}px`;
  return (
    <div className="grid h-screen grid-rows-[auto_1fr] overflow-hidden" aria-busy="true">
      <header className="flex items-center gap-1 border-b border-slate-200 bg-white px-3 py-1.5">
        <h1 className="mr-3 text-base font-bold text-slate-900">Eventform</h1>
        <p role="status" className="py-1 text-sm text-slate-500">
          Loading the designer…
        </p>
      </header>
      <div className="grid min-h-0" style={{ gridTemplateColumns: columns }}>
        <div className="border-r border-slate-200 bg-white p-3">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Services</p>
        </div>
        <div className="bg-slate-50" />
        <div className="border-l border-slate-200 bg-white p-4">
          <h2 className="text-base font-semibold">Diagram</h2>
          <p className="mt-3 text-sm text-slate-600">{CANVAS_HELP}</p>
        </div>
      </div>
    </div>
  );
}

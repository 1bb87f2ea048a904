'use client';

import dynamic from 'next/dynamic';

/** The designer lives on local storage and the canvas measures the window: render it in the browser only. */
const Designer = dynamic(() => import('./Designer').then((m) => m.Designer), {
  ssr: false,
  loading: () => <p className="p-6 text-slate-500">Loading the designer…</p>,
});

export function DesignerLoader() {
  return <Designer />;
}

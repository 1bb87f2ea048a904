'use client';

import { Fragment } from 'react';
import { ACTIONS, type Action } from '../actions/actions';
import { ActionButton } from '../actions/ActionButton';
import { useDesigner } from '../designer/store-context';
import { ExportMenu } from './ExportMenu';

const GROUPS: NonNullable<Action['toolbar']>[] = ['file', 'history', 'edit', 'view', 'diagram', 'share', 'export'];

/** The designer's verbs, rendered from the action registry; a read-only shared diagram shows those that change nothing. */
export function Toolbar() {
  const name = useDesigner((s) => s.graph.name);
  const readOnly = useDesigner((s) => s.readOnly);
  const groups = GROUPS.map((group) => ACTIONS.filter((a) => a.toolbar === group && (!readOnly || a.readOnly))).filter((g) => g.length > 0);
  return (
    <header className="flex items-center gap-1 border-b border-slate-200 bg-white px-3 py-1.5">
      <h1 className="mr-3 text-base font-bold text-slate-900">Eventform</h1>
      <span className="mr-2 hidden max-w-56 truncate text-sm text-slate-500 2xl:inline" title={name}>
        {name}
      </span>
      <nav aria-label="Diagram actions" className="flex flex-wrap items-center gap-1">
        {groups.map((group, i) => (
          <Fragment key={group[0].id}>
            {i > 0 && <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden="true" />}
            {group[0].toolbar === 'export' ? <ExportMenu actions={group} /> : group.map((action) => <ActionButton key={action.id} id={action.id} />)}
          </Fragment>
        ))}
      </nav>
    </header>
  );
}

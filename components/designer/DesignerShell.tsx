import { PANEL_LIMITS } from '../panels/panels';
import { CANVAS_HELP } from '../inspector/help';
import styles from './DesignerShell.module.css';

/**
 * The designer's frame, in the server's HTML: the toolbar's place, the palette's and inspector's
 * columns at their default widths and the inspector's first words are on screen while the designer's
 * code is still loading (it runs in the browser only: the diagram lives in local storage). Nothing
 * here is interactive, and it says it is loading. Its styles are its own, in the page: the
 * designer's stylesheet arrives with the designer's code.
 */
export function DesignerShell() {
  const columns = `${PANEL_LIMITS.palette.initial.size}px minmax(0,1fr) ${PANEL_LIMITS.inspector.initial.size}px`;
  return (
    <div className={styles.frame} aria-busy="true">
      <header className={styles.toolbar}>
        <h1 className={styles.title}>Eventform</h1>
        <p role="status" className={styles.status}>
          Loading the designer…
        </p>
      </header>
      <div className={styles.columns} style={{ gridTemplateColumns: columns }}>
        <div className={styles.palette}>
          <p className={styles.paletteTitle}>Services</p>
        </div>
        <div className={styles.canvas} />
        <div className={styles.inspector}>
          <h2 className={styles.inspectorTitle}>Diagram</h2>
          <p className={styles.help}>{CANVAS_HELP}</p>
        </div>
      </div>
    </div>
  );
}

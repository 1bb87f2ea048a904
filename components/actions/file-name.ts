/** The file a diagram is saved as: its name made safe for every file system. */
export const fileNameFor = (diagramName: string) => `${diagramName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'diagram'}.eventform.json`;

/** Short random ids for nodes and edges; random so that pasted or merged diagrams never collide. */
export function createId(prefix: 'n' | 'e'): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  return `${prefix}_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

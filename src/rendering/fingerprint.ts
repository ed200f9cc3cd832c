/** A short, stable fingerprint of a paragraph, case and spacing aside (FNV-1a, 32 bits). */
export function fingerprint(paragraph: string): string {
  const text = paragraph.toLowerCase().replace(/\s+/g, " ").trim();
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** `SHA256SUMS` text (the format `sha256sum -c` reads): "<hex>  <path>" per file, sorted by path. Pure. */
export function sha256sums(files: { path: string; sha256: string }[]): string {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => `${f.sha256}  ${f.path}\n`)
    .join('');
}

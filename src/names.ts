/**
 * Derives a readable `metadata.name` from a construct id: words split at case changes and separators, lowercased
 * and joined by hyphens, at most 63 characters (`ImageProcessor` → `image-processor`, `admin_UI` → `admin-ui`).
 *
 * The result depends on the id alone, so it is deterministic; two constructs with the same id in one namespace get
 * the same name, which the `object-duplicate` rule reports at synth.
 *
 * @internal
 */
export function nameFromId(id: string): string {
  const words = id
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return words.slice(0, 63).replace(/-+$/, '');
}

/**
 * The MTUS index (stub: the real one is being written). See docs in ARCHITECTURE.md.
 */
export class MtusIndex {}

export function loadMtusIndex(): MtusIndex {
  return new MtusIndex();
}

/** The prepared map (scripts/prepare-map.ts): projected polygons in a fixed drawing space. */
export interface MapRegion {
  id: string;
  kind: "state" | "neighbour" | "context";
  name: string;
  label: [number, number] | null;
  rings: [number, number][][];
}

export interface MapData {
  width: number;
  height: number;
  seaLabels: Record<string, [number, number]>;
  regions: MapRegion[];
}

/** Even-odd point-in-polygon test over all rings of a region. */
export function regionContains(region: MapRegion, x: number, y: number): boolean {
  let inside = false;
  for (const ring of region.rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * Prepares the board's map at build time: Natural Earth country shapes (world-atlas, 1:50m) projected with
 * d3-geo into a fixed drawing space and written to assets/map/central-asia.json, so the browser loads plain
 * polygons and needs no projection code. Run: npx tsx scripts/prepare-map.ts
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { geoConicEqualArea, geoPath, type GeoPermissibleObjects } from "d3-geo";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const out = resolve(root, "assets/map/central-asia.json");
export const WIDTH = 1000;
export const HEIGHT = 640;

/** Natural Earth names to board regions. The five states are seats; the others are context. */
const REGIONS: Record<string, { id: string; kind: "state" | "neighbour" | "context"; label?: [number, number] }> = {
  Kazakhstan: { id: "kazakhstan", kind: "state", label: [67.5, 48.2] },
  Kyrgyzstan: { id: "kyrgyzstan", kind: "state", label: [74.6, 41.6] },
  Tajikistan: { id: "tajikistan", kind: "state", label: [70.8, 38.6] },
  Turkmenistan: { id: "turkmenistan", kind: "state", label: [58.8, 39.2] },
  Uzbekistan: { id: "uzbekistan", kind: "state", label: [63.6, 41.8] },
  Russia: { id: "russia-region", kind: "neighbour", label: [66, 54.6] },
  China: { id: "xinjiang", kind: "neighbour", label: [86.5, 45.2] },
  Afghanistan: { id: "afghanistan", kind: "neighbour", label: [65.5, 33.6] },
  Iran: { id: "iran", kind: "context", label: [55.5, 34.2] },
  Pakistan: { id: "pakistan", kind: "context", label: [70.5, 30.8] },
  Mongolia: { id: "mongolia", kind: "context", label: [93, 47.5] },
  India: { id: "india", kind: "context" },
  Azerbaijan: { id: "azerbaijan", kind: "context" },
  Georgia: { id: "georgia", kind: "context" },
  Armenia: { id: "armenia", kind: "context" },
  Nepal: { id: "nepal", kind: "context" },
};

type Ring = [number, number][];

/** Collects a projected path as rings of integer points, dropping repeated points. */
function ringsOf(path: (o: GeoPermissibleObjects) => void, ctx: { rings: Ring[] }, object: GeoPermissibleObjects): Ring[] {
  ctx.rings = [];
  path(object);
  return ctx.rings.filter((r) => r.length >= 3);
}

function main(): void {
  if (process.argv.includes("--if-missing") && existsSync(out)) return;
  const topo = JSON.parse(readFileSync(resolve(root, "node_modules/world-atlas/countries-50m.json"), "utf8")) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(topo, topo.objects.countries);
  const frame: GeoPermissibleObjects = {
    type: "Polygon",
    coordinates: [[[46, 31], [46, 55.5], [88, 55.5], [88, 31], [46, 31]]],
  };
  const projection = geoConicEqualArea().parallels([37, 50]).rotate([-67, 0]).fitExtent([[10, 10], [WIDTH - 10, HEIGHT - 10]], frame);
  projection.clipExtent([[0, 0], [WIDTH, HEIGHT]]);
  const ctx = { rings: [] as Ring[] };
  const sink = {
    moveTo(x: number, y: number) { ctx.rings.push([[Math.round(x * 10) / 10, Math.round(y * 10) / 10]]); },
    lineTo(x: number, y: number) {
      const ring = ctx.rings[ctx.rings.length - 1]!;
      const p: [number, number] = [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
      const last = ring[ring.length - 1]!;
      if (Math.abs(last[0] - p[0]) + Math.abs(last[1] - p[1]) >= 1.2) ring.push(p);
    },
    closePath() {},
    arc() {},
    rect() {},
  };
  const path = geoPath(projection, sink as never);
  const regions = [];
  for (const f of countries.features) {
    const def = REGIONS[f.properties.name];
    if (!def) continue;
    const rings = ringsOf(path as never, ctx, f as GeoPermissibleObjects);
    if (rings.length === 0) continue;
    const label = def.label ? projection(def.label)!.map((v) => Math.round(v)) : null;
    regions.push({ id: def.id, kind: def.kind, name: f.properties.name, label, rings });
  }
  const rivers = { caspian: projection([51, 42])!.map(Math.round), aral: projection([59.6, 45.2])!.map(Math.round) };
  const data = {
    source: "Natural Earth 1:50m via world-atlas 2, d3-geo conic equal-area projection",
    width: WIDTH,
    height: HEIGHT,
    seaLabels: rivers,
    regions,
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(data));
  console.log(`wrote ${out}: ${regions.length} regions, ${JSON.stringify(data).length} bytes`);
}

main();

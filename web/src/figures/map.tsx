import { useEffect, useRef, useState } from 'preact/hooks';
import type { GeoPermissibleObjects } from 'd3-geo';
import statesUrl from 'us-atlas/states-10m.json?url';
import countiesUrl from 'us-atlas/counties-10m.json?url';
import { formatRow, formatValue, StatsAnswer, StatsRow, valueOf, Filters } from '../stats';

export interface Place {
  code: string;
  name: string;
  fipsCode: string | null;
}

interface Props {
  answer: StatsAnswer;
  percent: boolean;
  filters: Filters;
  states: Place[];
  /** The state drilled into (its USPS code), or none for the whole country. */
  state?: string;
  onPick: (code: string) => void;
}

interface Shape {
  id: string;
  name: string;
  d: string;
}

const WIDTH = 960;
const HEIGHT = 600;

/**
 * A choropleth of the states, or of one state's counties, from us-atlas geometry (served by this application).
 * The geometry and d3-geo load on first use, outside the initial download.
 */
export function ChoroplethMap({ answer, percent, filters, states, state, onPick }: Props) {
  const [shapes, setShapes] = useState<Shape[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // One tab stop for the whole map: the active area takes focus, arrow keys move between areas in name order.
  const [active, setActive] = useState<string | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const stateFips = state ? states.find((s) => s.code === state)?.fipsCode ?? null : null;
  useEffect(() => {
    let current = true;
    setShapes(null);
    loadShapes(stateFips).then((s) => current && setShapes(s), (e: Error) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [stateFips]);

  const key = state ? 'county' : 'state';
  const fipsOf = new Map(states.map((s) => [s.code, s.fipsCode]));
  const values = new Map<string, number | null>();
  const rowsOf = new Map<string, StatsRow>();
  const codes = new Map<string, string>();
  for (const row of answer.rows) {
    const code = row.group[key];
    if (code == null) continue;
    const fips = state ? String(code) : fipsOf.get(String(code));
    if (fips) {
      values.set(fips, valueOf(row, percent, filters));
      rowsOf.set(fips, row);
      codes.set(fips, String(code));
    }
  }
  const max = Math.max(1, ...[...values.values()].map((v) => v ?? 0));
  if (error) return <p role="alert" class="error">The map could not load: {error}</p>;
  if (!shapes) return <p role="status">Loading the map…</p>;
  const codeOf = (id: string) => (state ? id : codes.get(id) ?? states.find((s) => s.fipsCode === id)?.code);
  const order = shapes.filter((shape) => codeOf(shape.id)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const current = order.find((shape) => shape.id === active) ?? order[0];
  const move = (from: string, key: string) => {
    const at = order.findIndex((shape) => shape.id === from);
    const to = key === 'Home' ? 0 : key === 'End' ? order.length - 1
      : key === 'ArrowRight' || key === 'ArrowDown' ? Math.min(order.length - 1, at + 1) : Math.max(0, at - 1);
    setActive(order[to].id);
    svg.current?.querySelector<SVGPathElement>(`path[data-shape="${order[to].id}"]`)?.focus();
  };
  return (
    <>
      <p class="hint">Tab to the map, then use the arrow keys to move between {state ? 'counties' : 'states'} and Enter to choose one.</p>
      <svg ref={svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} class="map" role="group" aria-label={state ? `Counties of ${state}` : 'States of the United States'}>
        {shapes.map((shape) => {
          const value = values.get(shape.id) ?? null;
          const code = codeOf(shape.id);
          const row = rowsOf.get(shape.id);
          const label = `${shape.name}: ${row ? formatRow(row, percent, filters, answer.total) : 'no detainers'}`;
          const pick = () => code && onPick(code);
          return (
            <path
              key={shape.id}
              d={shape.d}
              fill={values.has(shape.id) ? shade((value ?? 0) / max) : '#f4f4f4'}
              class={filters.county === shape.id ? 'area selected' : 'area'}
              tabindex={code && shape.id === current?.id ? 0 : -1}
              role={code ? 'button' : undefined}
              aria-label={label}
              data-code={code}
              data-shape={shape.id}
              onClick={pick}
              onFocus={() => code && setActive(shape.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  pick();
                } else if (code && ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Home', 'End'].includes(e.key)) {
                  e.preventDefault();
                  move(shape.id, e.key);
                }
              }}
            >
              <title>{label}</title>
            </path>
          );
        })}
      </svg>
      <p class="legend">
        <span class="swatch" style={{ background: shade(0) }} /> 0 <span class="swatch" style={{ background: shade(1) }} /> {formatValue(max, percent)}
      </p>
    </>
  );
}

/** White to dark blue, by the share of the largest value. */
function shade(t: number): string {
  const from = [239, 243, 255];
  const to = [8, 48, 107];
  const c = from.map((f, i) => Math.round(f + (to[i] - f) * Math.min(1, Math.max(0, t))));
  return `rgb(${c.join(',')})`;
}

async function loadShapes(stateFips: string | null): Promise<Shape[]> {
  const [{ geoAlbersUsa, geoPath }, { feature }, topology] = await Promise.all([
    import('d3-geo'),
    import('topojson-client'),
    fetch(stateFips ? countiesUrl : statesUrl).then((r) => {
      if (!r.ok) throw new Error(`atlas: HTTP ${r.status}`);
      return r.json();
    }),
  ]);
  const collection = feature(topology, topology.objects[stateFips ? 'counties' : 'states']) as unknown as {
    features: { id: string; properties: { name: string } }[];
  };
  const features = collection.features.filter((f) => !stateFips || f.id.startsWith(stateFips));
  const projection = geoAlbersUsa();
  if (stateFips) {
    projection.fitSize([WIDTH, HEIGHT], { type: 'FeatureCollection', features } as unknown as GeoPermissibleObjects);
  } else {
    projection.scale(1280).translate([WIDTH / 2, HEIGHT / 2]);
  }
  const path = geoPath(projection);
  return features
    .map((f) => ({ id: String(f.id), name: f.properties.name, d: path(f as unknown as GeoPermissibleObjects) ?? '' }))
    .filter((s) => s.d);
}

import { useEffect, useState } from 'preact/hooks';
import type { GeoPermissibleObjects } from 'd3-geo';
import statesUrl from 'us-atlas/states-10m.json?url';
import countiesUrl from 'us-atlas/counties-10m.json?url';
import { formatValue, StatsAnswer, valueOf, Filters } from '../stats';

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
  const codes = new Map<string, string>();
  for (const row of answer.rows) {
    const code = row.group[key];
    if (code == null) continue;
    const fips = state ? String(code) : fipsOf.get(String(code));
    if (fips) {
      values.set(fips, valueOf(row, percent, filters));
      codes.set(fips, String(code));
    }
  }
  const max = Math.max(1, ...[...values.values()].map((v) => v ?? 0));
  if (error) return <p role="alert" class="error">The map could not load: {error}</p>;
  if (!shapes) return <p role="status">Loading the map…</p>;
  return (
    <>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} class="map" role="group" aria-label={state ? `Counties of ${state}` : 'States of the United States'}>
        {shapes.map((shape) => {
          const value = values.get(shape.id) ?? null;
          const code = state ? shape.id : codes.get(shape.id) ?? states.find((s) => s.fipsCode === shape.id)?.code;
          const label = `${shape.name}: ${values.has(shape.id) ? formatValue(value, percent) : 'no detainers'}`;
          const pick = () => code && onPick(code);
          return (
            <path
              key={shape.id}
              d={shape.d}
              fill={values.has(shape.id) ? shade((value ?? 0) / max) : '#f4f4f4'}
              class={filters.county === shape.id ? 'area selected' : 'area'}
              tabindex={code ? 0 : -1}
              role="button"
              aria-label={label}
              data-code={code}
              onClick={pick}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), pick())}
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

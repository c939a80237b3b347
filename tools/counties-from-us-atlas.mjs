// Regenerates core/src/main/resources/db/data/counties.csv from the us-atlas npm package (ISC licence,
// U.S. Census Bureau cartographic boundaries):
//   npm pack us-atlas@3.0.1 && tar xzf us-atlas-3.0.1.tgz
//   node tools/counties-from-us-atlas.mjs package/counties-10m.json > core/src/main/resources/db/data/counties.csv
//   cp package/counties-10m.json core/src/main/resources/places/counties-10m.json
//   cp package/LICENSE core/src/main/resources/places/us-atlas-LICENSE.txt
// (the second copy is the geometry in which facility coordinates are placed by point in polygon).
// The county's 5-digit FIPS code is its jurisdiction code; its first two digits name the state.
import { readFileSync } from "node:fs";

const topology = JSON.parse(readFileSync(process.argv[2], "utf8"));
const counties = topology.objects.counties.geometries
    .map((g) => ({ code: g.id, name: g.properties.name }))
    .sort((a, b) => a.code.localeCompare(b.code));

// Independent cities share a name with a county of the same state (Baltimore, St. Louis, Richmond, VA...).
// Census county codes 500 and above are those cities; the suffix keeps names unique within a state.
const seen = new Map();
for (const c of counties) {
    const key = c.code.slice(0, 2) + "|" + c.name.toUpperCase();
    seen.set(key, (seen.get(key) ?? 0) + 1);
}
const lines = ["code;name"];
for (const c of counties) {
    if (!/^\d{5}$/.test(c.code) || /[;"\n]/.test(c.name)) {
        throw new Error("unexpected county " + JSON.stringify(c));
    }
    const shared = seen.get(c.code.slice(0, 2) + "|" + c.name.toUpperCase()) > 1;
    lines.push(c.code + ";" + (shared && Number(c.code.slice(2)) >= 500 ? c.name + " (city)" : c.name));
}
process.stdout.write(lines.join("\n") + "\n");

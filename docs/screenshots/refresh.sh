#!/bin/sh
# Refreshes the screenshots in this folder from the front end as it is now. The browser tests (Playwright with the
# machine's Chromium) photograph every page they check at 1280 and 390 px into api/target/screenshots/; this runs
# the ones that take the pictures the docs show and copies those here, so nothing here is made by hand.
#   docs/screenshots/refresh.sh              run the browser tests, then copy
#   docs/screenshots/refresh.sh --copy-only  copy what an earlier run of those tests left in api/target/screenshots/
set -eu
cd "$(dirname "$0")/../.."

TESTS=ExplorePageTest,ClaimsPageTest,TimelinePageTest,CasePageTest,DetainersPageTest,AnnotationsPageTest,ReleasesPageTest
# Each name is taken at both widths: name-1280.png and name-390.png.
PAGES="explore figure-percent timeline timeline-conflict case claim detainers detainer-row annotations releases
releases-history"

if [ "${1:-}" != "--copy-only" ]; then
  ./mvnw -B -pl api -am verify -Dtest="$TESTS" -Dsurefire.failIfNoSpecifiedTests=false
fi

missing=0
for page in $PAGES; do
  for width in 1280 390; do
    shot="api/target/screenshots/$page-$width.png"
    if [ -f "$shot" ]; then
      cp "$shot" docs/screenshots/
    else
      echo "missing: $shot (run $TESTS first)" >&2
      missing=1
    fi
  done
done
# The README's drifted figure is only seen on a phone: the figure is saved at 1280 px and read at 390 px.
cp api/target/screenshots/figure-drifted-390.png docs/screenshots/ 2>/dev/null || { echo "missing: figure-drifted-390.png" >&2; missing=1; }
exit $missing

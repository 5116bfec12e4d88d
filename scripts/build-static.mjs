// Builds placezero's front end without any CDN: compiles our Sass (which uses govuk-frontend)
// and copies the third-party browser files out of node_modules into the Django static tree.
// Outputs are git-ignored; run `make static` (npm ci, then this) on every fresh clone.
import { cpSync, mkdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const staticDir = join(root, "src", "placezero", "web", "static");
const vendorDir = join(staticDir, "vendor");

function copy(from, to) {
  const source = join(modules, from);
  if (!existsSync(source)) {
    throw new Error(`${source} is missing: run \`npm ci\` (or \`make static\`) first.`);
  }
  const target = join(vendorDir, to);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(source, target, { recursive: true });
}

function compileStyles() {
  const entry = join(root, "src", "placezero", "web", "static_src", "placezero.scss");
  const result = sass.compile(entry, {
    loadPaths: [modules],
    style: "compressed",
    sourceMap: false,
    // govuk-frontend still uses a few Sass features dart-sass marks as deprecated.
    quietDeps: true,
    silenceDeprecations: ["import", "global-builtin"],
  });
  const target = join(staticDir, "css", "placezero.css");
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, result.css);
  return target;
}

rmSync(vendorDir, { recursive: true, force: true });
copy("govuk-frontend/dist/govuk/govuk-frontend.min.js", "govuk/govuk-frontend.min.js");
copy("govuk-frontend/dist/govuk/govuk-frontend.min.js.map", "govuk/govuk-frontend.min.js.map");
copy("govuk-frontend/dist/govuk/assets", "govuk/assets");
copy("leaflet/dist", "leaflet");
copy("@geoman-io/leaflet-geoman-free/dist", "geoman");
copy("htmx.org/dist/htmx.min.js", "htmx/htmx.min.js");
copy("chart.js/dist/chart.umd.min.js", "chartjs/chart.umd.min.js");
copy("chart.js/dist/chart.umd.min.js.map", "chartjs/chart.umd.min.js.map");
// Arimo (SIL Open Font License 1.1) for the plan-on-a-page PDF: WeasyPrint embeds these files,
// so the PDF's layout never depends on the fonts a server happens to have installed.
for (const subset of ["latin", "latin-ext"]) {
  for (const weight of ["400", "700"]) {
    const file = `arimo-${subset}-${weight}-normal.woff2`;
    copy(`@fontsource/arimo/files/${file}`, `fonts/arimo/${file}`);
  }
}
copy("@fontsource/arimo/LICENSE", "fonts/arimo/OFL.txt");
const css = compileStyles();
console.log(`placezero static: wrote ${css} and ${vendorDir}`);

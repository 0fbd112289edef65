// Renders build/icon.svg to the 512x512 build/icon.png electron-builder packages.
// Run after editing the SVG: node build/render-icon.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const here = new URL('.', import.meta.url);
const svg = readFileSync(new URL('icon.svg', here), 'utf8');
const png = new Resvg(svg, { fitTo: { mode: 'width', value: 512 } }).render().asPng();
writeFileSync(new URL('icon.png', here), png);
console.log(`build/icon.png: ${png.length} bytes`);

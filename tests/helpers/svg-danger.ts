// What in an SVG document could run script or make the browser fetch something, found by parsing
// it as XML (as a browser opening an .svg does) with jsdom and looking at every node. Written
// independently of src/lib/images/svg-sanitise.ts, so a test can hold the sanitiser to it.
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('');
const ACTIVE = new Set(['script', 'foreignobject', 'iframe', 'object', 'embed', 'animate', 'set', 'handler', 'listener', 'meta', 'link']);
const RASTER_DATA = /^data:image\/(png|jpeg|gif|webp);base64,/i;

/** Every dangerous part of `svg`, in words; empty for a harmless file. */
export function dangerousParts(svg: string): string[] {
  const doc = new window.DOMParser().parseFromString(svg, 'image/svg+xml');
  const found: string[] = [];
  if (doc.getElementsByTagName('parsererror').length) return ['not well-formed XML'];
  // Entities: the browser's XML parser expands markup in an internal DTD, jsdom's does not.
  if (/<!ENTITY/i.test(svg)) found.push('entity declaration');
  for (const node of doc.childNodes) if (node.nodeType === window.Node.PROCESSING_INSTRUCTION_NODE) found.push(`<?${(node as ProcessingInstruction).target}?>`);
  for (const el of doc.querySelectorAll('*')) {
    const name = el.localName.toLowerCase();
    if (ACTIVE.has(name)) found.push(`<${el.localName}>`);
    if (el.namespaceURI !== 'http://www.w3.org/2000/svg') found.push(`<${el.localName}> in ${el.namespaceURI}`);
    if (name === 'style' && /@import|url\s*\(\s*['"]?(?!#)|\\/i.test(el.textContent ?? '')) found.push(`<style> ${el.textContent}`);
    for (const a of el.attributes) {
      const v = a.value.trim();
      if (/^on/i.test(a.localName)) found.push(`${a.name}=`);
      else if (a.localName === 'href' && !v.startsWith('#') && !RASTER_DATA.test(v)) found.push(`${a.name}="${v}"`);
      else if (a.name === 'xml:base') found.push('xml:base');
      else if (/url\s*\(\s*['"]?(?!#)|\\|@import/i.test(v)) found.push(`${a.name}="${v}"`);
    }
  }
  return found;
}

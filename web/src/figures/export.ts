/**
 * A chart as a file: SVG with the page's styles written onto its elements (a saved SVG has no style sheet), or PNG
 * drawn from that SVG at twice its size. Both carry the figure's title and provenance line as text.
 */
const STYLED = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size', 'font-family', 'font-weight', 'text-anchor'];

export function chartSvg(svg: SVGSVGElement, title: string, caption: string): string {
  const width = svg.clientWidth || Number(svg.getAttribute('width')) || 800;
  const height = svg.clientHeight || Number(svg.getAttribute('height')) || 400;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((element, i) => {
    const style = getComputedStyle(element);
    const inline = STYLED.map((name) => `${name}:${style.getPropertyValue(name)}`).join(';');
    copies[i].setAttribute('style', inline);
  });
  const top = 28;
  const bottom = 22;
  const out = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  out.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height + top + bottom));
  out.setAttribute('viewBox', `0 0 ${width} ${height + top + bottom}`);
  out.setAttribute('font-family', 'system-ui, sans-serif');
  const background = document.createElementNS(out.namespaceURI, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#fff');
  out.append(background, text(title, 8, 18, 15, 'bold'));
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(top));
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  out.append(clone, text(caption, 8, height + top + 15, 11, 'normal'));
  return new XMLSerializer().serializeToString(out);
}

function text(content: string, x: number, y: number, size: number, weight: string): SVGTextElement {
  const element = document.createElementNS('http://www.w3.org/2000/svg', 'text');
  element.setAttribute('x', String(x));
  element.setAttribute('y', String(y));
  element.setAttribute('font-size', String(size));
  element.setAttribute('font-weight', weight);
  element.setAttribute('fill', '#1d2733');
  element.textContent = content;
  return element;
}

export function saveBlob(blob: Blob, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

export function downloadSvg(svg: SVGSVGElement, title: string, caption: string, fileName: string): void {
  saveBlob(new Blob([chartSvg(svg, title, caption)], { type: 'image/svg+xml' }), fileName);
}

export async function downloadPng(svg: SVGSVGElement, title: string, caption: string, fileName: string): Promise<void> {
  const source = chartSvg(svg, title, caption);
  const image = new Image();
  const url = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml' }));
  try {
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width * 2;
    canvas.height = image.height * 2;
    const context = canvas.getContext('2d')!;
    context.scale(2, 2);
    context.drawImage(image, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the browser could not draw the chart as PNG');
    saveBlob(blob, fileName);
  } finally {
    URL.revokeObjectURL(url);
  }
}

import { PDFBool, PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';

/** A structure element read back from a tagged PDF: its role (H1, P, Table, Figure, ...), alternative text and children. */
export interface StructNode {
  role: string;
  alt?: string;
  children: StructNode[];
}

export interface PdfReading {
  /** the text of every page, joined */
  text: string;
  pages: number;
  /** the logical structure of page by page, as pdf.js reads it */
  structure: StructNode[];
  catalog: { marked: boolean; lang: string | undefined; displayDocTitle: boolean; hasStructTreeRoot: boolean };
  title: string | undefined;
}

type PdfJsNode = { role?: string; alt?: string; children?: (PdfJsNode | { type: string })[] };

function toNode(node: PdfJsNode): StructNode {
  const children = (node.children ?? []).filter((c): c is PdfJsNode => 'role' in c || 'children' in c).map(toNode);
  return { role: node.role ?? '', ...(node.alt ? { alt: node.alt } : {}), children };
}

/** Every node of a structure (depth first). */
export function structNodes(nodes: StructNode[]): StructNode[] {
  return nodes.flatMap((n) => [n, ...structNodes(n.children)]);
}

/**
 * Reads a PDF back as a reader would: the catalogue (pdf-lib) for MarkInfo, Lang, the title and whether viewers show
 * it, and with pdf.js the extracted text and the structure tree that assistive technology follows.
 */
export async function readPdf(bytes: Buffer): Promise<PdfReading> {
  const lib = await PDFDocument.load(bytes, { updateMetadata: false });
  const catalog = lib.catalog;
  const markInfo = catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  const prefs = catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
  const lang = catalog.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const texts: string[] = [];
  const structure: StructNode[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    const tree = (await page.getStructTree()) as PdfJsNode | null;
    if (tree) structure.push(toNode(tree));
  }
  await doc.destroy();
  return {
    text: texts.join('\n'),
    pages: lib.getPageCount(),
    structure,
    catalog: {
      marked: markInfo?.lookupMaybe(PDFName.of('Marked'), PDFBool)?.asBoolean() ?? false,
      lang: lang?.decodeText(),
      displayDocTitle: prefs?.lookupMaybe(PDFName.of('DisplayDocTitle'), PDFBool)?.asBoolean() ?? false,
      hasStructTreeRoot: catalog.has(PDFName.of('StructTreeRoot')),
    },
    title: lib.getTitle(),
  };
}

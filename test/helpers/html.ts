/** The rows of the table with this caption, each as the text of its cells. */
export function table(html: string, caption: string): string[][] {
  const start = html.indexOf(`>${caption}</caption>`);
  if (start < 0) return [];
  const body = html.slice(start, html.indexOf('</table>', start));
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
      cell[1]!
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );
}

/** The figures shown as a description list (headline figures): label -> value. */
export function headlines(html: string): Record<string, string> {
  const text = (s: string) =>
    s
      .replace(/<[^>]+>/g, '')
      .replace(/&#39;|&rsquo;/g, '’')
      .replace(/\s+/g, ' ')
      .trim();
  return Object.fromEntries([...html.matchAll(/<dt[^>]*>([\s\S]*?)<\/dt>\s*<dd[^>]*>([\s\S]*?)<\/dd>/g)].map((m) => [text(m[1]!), text(m[2]!)]));
}

/**
 * A case study's story is Markdown written by officers and suppliers. It is rendered with markdown-it with raw HTML
 * turned off (any tag typed in the story is shown as text), and the result is then cleaned by sanitize-html against
 * a short allowlist of elements and attributes, so that nothing in a story can run a script, load something from
 * elsewhere or change the page around it, whatever markdown-it lets through.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true });

/** Headings start at level 3: the page's own title is h1 and its sections h2. */
const HEADING_SHIFT: Readonly<Record<string, string>> = { h1: 'h3', h2: 'h3', h3: 'h4', h4: 'h4', h5: 'h4', h6: 'h4' };

const GOVUK_CLASSES: Readonly<Record<string, string>> = {
  p: 'govuk-body',
  h3: 'govuk-heading-s',
  h4: 'govuk-heading-s',
  ul: 'govuk-list govuk-list--bullet',
  ol: 'govuk-list govuk-list--number',
  a: 'govuk-link',
  blockquote: 'govuk-inset-text',
  hr: 'govuk-section-break govuk-section-break--m govuk-section-break--visible',
};

const withClass = (tagName: string, attribs: sanitizeHtml.Attributes = {}) => ({
  tagName,
  attribs: { ...attribs, ...(GOVUK_CLASSES[tagName] ? { class: GOVUK_CLASSES[tagName] } : {}) },
});

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'blockquote', 'hr', 'code'],
  allowedAttributes: { a: ['href', 'class'], '*': ['class'] },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    ...Object.fromEntries(
      Object.entries(HEADING_SHIFT).map(([from, to]) => [from, (_tag: string, attribs: sanitizeHtml.Attributes) => withClass(to, attribs)]),
    ),
    ...Object.fromEntries(Object.keys(GOVUK_CLASSES).map((tag) => [tag, (_tag: string, attribs: sanitizeHtml.Attributes) => withClass(tag, attribs)])),
  },
};

/** The story as safe HTML for the page, with GOV.UK classes on its paragraphs, lists and links. */
export function storyHtml(story: string): string {
  return sanitizeHtml(markdown.render(story), sanitizeOptions);
}

/** The story as plain paragraphs of text (for the PDF and for search snippets): Markdown and any tags taken out. */
export function storyText(story: string): string[] {
  const text = sanitizeHtml(markdown.render(story).replace(/<\/(p|h[1-6]|li|blockquote)>/g, '$&\n\n'), { allowedTags: [], allowedAttributes: {} });
  return text
    .split(/\n{2,}/)
    .map((p) => decodeEntities(p.replace(/\s+/g, ' ').trim()))
    .filter((p) => p !== '');
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

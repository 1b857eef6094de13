import { describe, expect, it } from 'vitest';
import { storyHtml, storyText } from './story.js';

describe('a case study story', () => {
  it('renders Markdown with GOV.UK classes, headings below the page sections', () => {
    const html = storyHtml('# Planting day\n\nOur **volunteers** planted [trees](https://example.org/trees).\n\n- one\n- two');
    expect(html).toContain('<h3 class="govuk-heading-s">Planting day</h3>');
    expect(html).toContain('<strong>volunteers</strong>');
    expect(html).toContain('<a href="https://example.org/trees" class="govuk-link">trees</a>');
    expect(html).toContain('<ul class="govuk-list govuk-list--bullet">');
  });

  it('keeps scripts, event handlers, frames and javascript: links inert', () => {
    const story = [
      '<script>alert("x")</script>',
      '<img src="x" onerror="alert(1)">',
      '<iframe src="https://evil.example"></iframe>',
      '[click](javascript:alert(1))',
      '[data](data:text/html;base64,PHNjcmlwdD4=)',
      '<a href="javascript:alert(2)">raw link</a>',
    ].join('\n\n');
    const html = storyHtml(story);
    expect(html).not.toMatch(/<(script|img|iframe)\b/i);
    expect(html).not.toMatch(/<[^>]*\son\w+=/i); // no event handler on any element
    expect(html).not.toMatch(/href="(javascript|data):/i);
    expect(html).toContain('&lt;script&gt;'); // shown as the text that was typed
  });

  it('gives the story as plain paragraphs for print', () => {
    expect(storyText('# Title\n\nA <b>bold</b> & *brave* step.\n\n- item')).toEqual(['Title', 'A <b>bold</b> & brave step.', 'item']);
  });
});

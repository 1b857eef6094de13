import { createViewEnvironment } from '../../platform/views.js';

const items = [
  { text: 'Overview', href: '/transparency' },
  { text: 'Contracts', href: '/transparency/contracts' },
  { text: 'Case studies', href: '/transparency/case-studies' },
  { text: 'Community needs', href: '/transparency/needs' },
  { text: 'Open data', href: '/transparency/data' },
];

/**
 * Renders the transparency site's pages. They are the same for everyone (no user, no CSRF token, no cookie), so a
 * CDN may keep them; the site has its own navigation and header (views/layout.njk).
 */
export function publicRenderer(): (template: string, path: string, context: Record<string, unknown>) => string {
  const views = createViewEnvironment();
  return (template, path, context) => {
    const current = [...items].reverse().find((item) => path === item.href || path.startsWith(`${item.href}/`));
    return views.render(template, { ...context, navigation: items.map((item) => ({ ...item, active: item === current })) });
  };
}

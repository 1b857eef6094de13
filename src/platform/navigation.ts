import type { Role } from '../db/schema/index.js';
import { hasAnyRole, staffRoles, type CurrentUser } from './current-user.js';

interface NavItem {
  text: string;
  href: string;
  roles: readonly Role[] | 'all';
}

const items: NavItem[] = [
  { text: 'Home', href: '/', roles: 'all' },
  { text: 'Dashboard', href: '/dashboard', roles: staffRoles },
  { text: 'Reports', href: '/reports', roles: staffRoles },
  { text: 'Requirements', href: '/requirements', roles: staffRoles },
  { text: 'Tenders', href: '/tenders', roles: staffRoles },
  { text: 'Contracts', href: '/contracts', roles: staffRoles },
  { text: 'Verification', href: '/verification', roles: ['contract_manager', 'officer'] },
  { text: 'Database', href: '/database', roles: staffRoles },
  { text: 'Report subscriptions', href: '/reports/subscriptions', roles: ['officer', 'admin'] },
  { text: 'Case studies', href: '/case-studies', roles: [...staffRoles, 'supplier'] },
  { text: 'Directory', href: '/directory', roles: staffRoles },
  { text: 'Local spend', href: '/spend', roles: staffRoles },
  { text: 'Needs board', href: '/needs', roles: [...staffRoles, 'supplier'] },
  { text: 'Community organisations', href: '/needs/registrations', roles: ['officer', 'admin'] },
  { text: 'Your needs', href: '/community', roles: ['community'] },
  { text: 'Your pledges', href: '/needs/pledges', roles: ['supplier'] },
  { text: 'Your profile', href: '/directory/profile', roles: ['supplier', 'community'] },
  { text: 'Your contracts', href: '/supplier', roles: ['supplier'] },
  { text: 'Your tenders', href: '/supplier/tenders', roles: ['supplier'] },
  { text: 'Framework', href: '/framework', roles: staffRoles },
  { text: 'Thresholds', href: '/thresholds', roles: staffRoles },
  { text: 'Users', href: '/admin/users', roles: ['admin'] },
  { text: 'Organisations', href: '/admin/organisations', roles: ['admin'] },
  { text: 'Audit trail', href: '/admin/audit', roles: ['admin'] },
  { text: 'Settings', href: '/admin/settings', roles: ['admin'] },
  { text: 'Jobs', href: '/admin/jobs', roles: ['admin'] },
  { text: 'API tokens', href: '/admin/api-tokens', roles: ['admin'] },
];

/** The service navigation for a user: only the sections their roles can open, with the current one marked. */
export function navigationFor(user: CurrentUser | null, url: string): { text: string; href: string; active?: boolean }[] {
  if (!user) return [{ text: 'Sign in', href: '/sign-in', active: url.startsWith('/sign-in') }];
  const path = url.split('?')[0] ?? '/';
  const visible = items.filter((item) => item.roles === 'all' || hasAnyRole(user, item.roles));
  const contains = (href: string) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`));
  // The most specific section wins: /supplier/tenders is "Your tenders", not also "Your contracts" (/supplier).
  const current = visible.filter((item) => contains(item.href)).sort((a, b) => b.href.length - a.href.length)[0];
  return visible.map((item) => ({ text: item.text, href: item.href, active: item === current }));
}

import { describe, expect, it } from 'vitest';
import { invitationEmail } from './invitation-email.js';

const invitation = {
  to: 'sam@supplier.example',
  name: 'Sam Fletcher',
  organisationName: 'Charnwood Care Services Ltd',
  inviterName: 'Asha Patel',
  link: 'https://socialvalue.example/invitations/abc',
  expiresAt: new Date('2026-11-29T15:05:00Z'),
};

describe('invitation email', () => {
  it('invites a new person, with the link, the organisation and when the link expires', () => {
    const mail = invitationEmail({ ...invitation, reset: false });
    expect(mail.to).toBe('sam@supplier.example');
    expect(mail.subject).toBe('You are invited to the social value service');
    expect(mail.text).toContain('Dear Sam Fletcher,');
    expect(mail.text).toContain(
      "Asha Patel has invited you to use Leicestershire County Council's social value service, as a member of Charnwood Care Services Ltd.",
    );
    expect(mail.text).toContain('\nhttps://socialvalue.example/invitations/abc\n');
    expect(mail.text).toContain('The link works once, until 29 November 2026 at 3:05pm.');
    expect(mail.text).not.toContain('current password');
  });

  it('offers a new password to someone who has one', () => {
    const mail = invitationEmail({ ...invitation, reset: true });
    expect(mail.subject).toBe('Set a new password for the social value service');
    expect(mail.text).toContain('Asha Patel has sent you a link to set a new password');
    expect(mail.text).toContain('Your current password keeps working until you set a new one.');
  });
});

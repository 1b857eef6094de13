import { formatDateTime } from '../../domain/dates.js';
import type { MailMessage } from '../../platform/mail.js';
import { COUNCIL_NAME, SERVICE_NAME } from '../../platform/views.js';

export interface InvitationEmail {
  to: string;
  name: string;
  organisationName: string;
  inviterName: string;
  link: string;
  expiresAt: Date;
  /** true when the person already has a password: the link sets a new one */
  reset: boolean;
}

/** The email with an invitation link: to set up a new account, or to set a new password for an existing one. */
export function invitationEmail(invitation: InvitationEmail): MailMessage {
  const service = `${COUNCIL_NAME}'s ${SERVICE_NAME.toLowerCase()} service`;
  const opening = invitation.reset
    ? [`${invitation.inviterName} has sent you a link to set a new password for ${service}.`, '', 'Open this link and choose a new password:']
    : [
        `${invitation.inviterName} has invited you to use ${service}, as a member of ${invitation.organisationName}.`,
        '',
        'To accept, open this link and choose a password:',
      ];
  const text = [
    `Dear ${invitation.name},`,
    '',
    ...opening,
    '',
    invitation.link,
    '',
    `The link works once, until ${formatDateTime(invitation.expiresAt)}. If it has expired, ask ${invitation.inviterName} or another administrator for a new one.`,
    ...(invitation.reset ? ['', 'Your current password keeps working until you set a new one.'] : []),
    '',
    'If you did not expect this email, you can ignore it: nothing changes unless the link is used.',
    '',
    COUNCIL_NAME,
  ].join('\n');
  return {
    to: invitation.to,
    subject: invitation.reset
      ? `Set a new password for the ${SERVICE_NAME.toLowerCase()} service`
      : `You are invited to the ${SERVICE_NAME.toLowerCase()} service`,
    text,
  };
}

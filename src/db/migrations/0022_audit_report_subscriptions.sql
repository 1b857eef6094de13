-- Report subscriptions are audited row by row. report_sends is operational (like mail_outbox): what was sent, when,
-- and why not is its own log, shown on the send log pages.
SELECT sv_audit_table('report_subscriptions');

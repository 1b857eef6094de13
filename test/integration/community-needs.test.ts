import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, communityNeeds, needPledges, organisations, users } from '../../src/db/schema/index.js';
import { PENDING_COMMUNITY_EMAIL } from '../../src/seed/demo-needs.js';
import { Client, createTestApp, signedInClient, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';
import { demoNeedId, needForm, PASSWORD, pledgeContract, pledgesOf, postNeed, registrationForm } from './community-needs-fixtures.js';

describe.each(databaseKinds)('the community needs board on %s', (kind) => {
  let t: TestApp;
  let officer: Client;
  let community: Client;
  let supplier: Client;
  const db = () => t.services.database.db;

  beforeAll(async () => {
    t = await createTestApp(kind);
    [officer, community, supplier] = await Promise.all([
      signedInClient(t.app, 'officer@council.example'),
      signedInClient(t.app, 'community@community.example'),
      signedInClient(t.app, 'supplier@supplier.example'),
    ]);
  });
  afterAll(async () => t?.close());

  const actions = async (pattern: string) => [
    ...new Set((await db().select({ action: auditEvents.action }).from(auditEvents).where(like(auditEvents.action, pattern))).map((a) => a.action)),
  ];

  it('registers a community organisation from the public form, pending until an officer approves it', async () => {
    const visitor = new Client(t.app);
    const form = await visitor.get('/community/register');
    expect(form.statusCode).toBe(200);

    // bad input: every problem named, what was typed kept, nothing saved
    const bad = await visitor.post(
      '/community/register',
      registrationForm({ organisationName: '', postcode: 'LE1', email: 'not an email', confirmPassword: 'other' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is a problem');
    for (const message of [
      'Enter the name of your organisation',
      'Enter a full UK postcode',
      'Enter an email address in the correct format',
      'Enter the same password in both boxes',
    ]) {
      expect(bad.body).toContain(message);
    }
    expect(bad.body).toContain('value="LE1"');
    expect(bad.body).toContain('We mend things.');
    expect(bad.body).not.toContain(PASSWORD);
    const taken = await visitor.post('/community/register', registrationForm({ email: 'SUPPLIER@supplier.example' }));
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('There is already an account with this email address');
    expect(await db().select().from(organisations).where(eq(organisations.name, 'Wigston Repair Café'))).toHaveLength(0);

    const done = await visitor.post('/community/register', registrationForm());
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/community?done=registered');
    const [org] = await db().select().from(organisations).where(eq(organisations.name, 'Wigston Repair Café'));
    expect(org).toMatchObject({ kind: 'community', communityType: 'community_group', approvalStatus: 'pending', postcode: 'LE18 4AA', isVcse: true });
    const [person] = await db().select().from(users).where(eq(users.email, 'dana@repaircafe.example'));
    expect(person).toMatchObject({ organisationId: org!.id, roles: ['community'] });
    expect(await actions('Registered Wigston Repair Café as a community organisation')).toHaveLength(1);

    // signed in, but it cannot post a need until approved
    const home = await visitor.get('/community');
    expect(home.body).toContain('Awaiting approval');
    expect((await visitor.get('/community/needs/new')).statusCode).toBe(403);
    await visitor.get('/community');
    expect((await visitor.post('/community/needs', needForm())).statusCode).toBe(403);

    // the officer's home counts it, and only officers and admins decide
    expect((await officer.get('/')).body).toMatch(/<span[^>]*>\d+<\/span> community organisations? awaiting approval/);
    expect((await supplier.get('/needs/registrations')).statusCode).toBe(403);
    expect((await community.get(`/needs/registrations/${org!.id}`)).statusCode).toBe(403);
    await officer.get(`/needs/registrations/${org!.id}`);
    const noReason = await officer.post(`/needs/registrations/${org!.id}`, { decision: 'decline', reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Enter why the registration is declined');
    const approved = await officer.post(`/needs/registrations/${org!.id}`, { decision: 'approve', reason: '' });
    expect(approved.headers.location).toBe('/needs/registrations?done=approved');
    expect(await actions('Approved the registration of Wigston Repair Café on the community needs board')).toHaveLength(1);
    // a second decision changes nothing
    expect((await officer.post(`/needs/registrations/${org!.id}`, { decision: 'decline', reason: 'Too late' })).headers.location).toContain('already-decided');
    expect((await db().select().from(organisations).where(eq(organisations.id, org!.id)))[0]!.approvalStatus).toBe('approved');

    const needId = await postNeed(visitor, { title: 'Volunteers who can fix bicycles', district: 'Oadby and Wigston', postcode: '' });
    expect((await visitor.get(`/community/needs/${needId}`)).body).toContain('Volunteers who can fix bicycles');
  });

  it('declines a registration with the reason the organisation then sees', async () => {
    const youth = await signedInClient(t.app, PENDING_COMMUNITY_EMAIL);
    const [club] = await db().select().from(organisations).where(eq(organisations.name, 'Hinckley Juniors Football Club'));
    // Until an officer approves it, it is not in the staff directory (nor after a decline).
    expect((await officer.get('/directory?q=Hinckley+Juniors')).body).not.toContain('Hinckley Juniors Football Club');
    expect((await officer.get(`/directory/${club!.id}`)).statusCode).toBe(404);
    await officer.get(`/needs/registrations/${club!.id}`);
    const declined = await officer.post(`/needs/registrations/${club!.id}`, { decision: 'decline', reason: 'Please register through the county FA' });
    expect(declined.headers.location).toBe('/needs/registrations?done=declined');
    const page = await youth.get('/community');
    expect(page.body).toContain('Declined');
    expect(page.body).toContain('Please register through the county FA');
    expect((await youth.get('/community/needs/new')).statusCode).toBe(403);
    expect((await officer.get(`/directory/${club!.id}`)).statusCode).toBe(404);
  });

  it('checks a need as typed, and keeps each organisation to its own needs', async () => {
    await community.get('/community/needs/new');
    const bad = await community.post(
      '/community/needs',
      needForm({
        title: '',
        needType: 'rockets',
        postcode: 'LE13 XYZ',
        outcome: 'ZZ',
        'neededBy-day': '31',
        'neededBy-month': '2',
        howUsed: '',
        contactEmail: 'nope',
      }),
    );
    expect(bad.statusCode).toBe(400);
    for (const message of [
      'Enter a short title for what you need',
      'Select what kind of help you need',
      'Enter a full UK postcode, like LE13 1AB, or leave it blank',
      'Select the strategic outcome the need serves',
      'The date it is needed by must be a real date',
      'Say how the help will be used',
      'Enter an email address in the correct format',
    ]) {
      expect(bad.body).toContain(message);
    }
    expect(bad.body).toContain('value="LE13 XYZ"');
    expect(bad.body).toContain('href="#neededBy-day"');

    const needId = await postNeed(community, { title: 'A minibus driver for Saturday trips' });
    const [need] = await db().select().from(communityNeeds).where(eq(communityNeeds.id, needId));
    expect(need).toMatchObject({ postcode: 'LE13 1AB', district: 'Melton', outcomeCode: 'GC', neededBy: '2030-06-01', publishContact: false, status: 'open' });
    expect(await actions('Posted the need “A minibus driver for Saturday trips” on the community needs board')).toHaveLength(1);

    // another organisation (the café approved above, or a fresh one) cannot see, change or close it
    const other = new Client(t.app);
    await other.get('/community/register');
    await other.post('/community/register', registrationForm({ organisationName: 'Other Group', email: 'other@group.example' }));
    const [otherOrg] = await db().select().from(organisations).where(eq(organisations.name, 'Other Group'));
    await db().update(organisations).set({ approvalStatus: 'approved' }).where(eq(organisations.id, otherOrg!.id));
    expect((await other.get(`/community/needs/${needId}`)).statusCode).toBe(404);
    expect((await other.get(`/community/needs/${needId}/edit`)).statusCode).toBe(404);
    await other.get('/community');
    expect((await other.post(`/community/needs/${needId}/edit`, needForm({ title: 'Taken over' }))).statusCode).toBe(404);
    expect((await other.post(`/community/needs/${needId}/close`)).statusCode).toBe(404);
    // a supplier is not a community organisation at all
    expect((await supplier.get('/community/needs/new')).statusCode).toBe(403);
    expect((await supplier.post(`/community/needs/${needId}/edit`, needForm({ title: 'Taken over' }))).statusCode).toBe(403);
    expect((await db().select().from(communityNeeds).where(eq(communityNeeds.id, needId)))[0]!.title).toBe('A minibus driver for Saturday trips');

    // its own organisation changes and closes it
    await community.get(`/community/needs/${needId}/edit`);
    const changed = await community.post(`/community/needs/${needId}/edit`, needForm({ title: 'A minibus driver for Saturday outings' }));
    expect(changed.headers.location).toBe(`/community/needs/${needId}?done=changed`);
    expect((await community.post(`/community/needs/${needId}/close`)).headers.location).toBe(`/community/needs/${needId}?done=closed`);
    expect((await db().select().from(communityNeeds).where(eq(communityNeeds.id, needId)))[0]).toMatchObject({
      title: 'A minibus driver for Saturday outings',
      status: 'closed',
    });
    expect(await actions('Closed the need “A minibus driver for Saturday outings” on the community needs board')).toHaveLength(1);
    // a closed need is off the board and takes no pledge
    expect((await supplier.get('/needs?q=minibus')).body).toContain('No open needs found');
    await supplier.get(`/needs/${needId}`);
    expect((await supplier.post(`/needs/${needId}/pledge`, { target: 'x', quantity: '1', offer: 'x' })).statusCode).toBe(400);
  });

  it('lets suppliers search the board and pledge on their own contracts only, and only the organisation confirm', async () => {
    const mine = await pledgeContract(db(), 'supplier@supplier.example');
    const theirs = await pledgeContract(db(), 'supplier2@midlands.example');
    const needId = await demoNeedId(db(), 'Volunteers to sort and pack food parcels');

    // search by words, district, outcome and type
    expect((await supplier.get('/needs?q=parcels')).body).toContain('Volunteers to sort and pack food parcels');
    expect((await supplier.get('/needs?q=parcels&district=Blaby')).body).not.toContain('Volunteers to sort and pack food parcels');
    expect((await supplier.get('/needs?district=Melton&outcome=GC&type=volunteers')).body).toContain('Volunteers to sort and pack food parcels');
    expect((await supplier.get('/needs?type=goods')).body).not.toContain('Volunteers to sort and pack food parcels');
    const badFilter = await supplier.get('/needs?district=Atlantis&type=rockets');
    expect(badFilter.statusCode).toBe(400);
    expect(badFilter.body).toContain('Select a district from the list');
    expect(badFilter.body).toContain('Select a kind of need from the list');
    // the organisation's contact is not shown to a supplier before it pledges (the organisation did not publish it)
    expect((await supplier.get(`/needs/${needId}`)).body).not.toContain('community@community.example');

    // a pledge against another supplier's commitment is refused, and so is another supplier's contract
    const form = await supplier.get(`/needs/${needId}/pledge`);
    expect(form.body).toContain(`commitment:${mine.commitmentId}`);
    expect(form.body).not.toContain(theirs.commitmentId);
    for (const target of [`commitment:${theirs.commitmentId}`, `additional:${theirs.id}`]) {
      const refused = await supplier.post(`/needs/${needId}/pledge`, { target, measure: theirs.measures.valued.id, quantity: '10', offer: 'Ten hours' });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('Select one of your own contracts’ commitments, or additional social value on one of your contracts');
    }
    const missing = await supplier.post(`/needs/${needId}/pledge`, { target: `additional:${mine.id}`, measure: '', quantity: '-1', offer: '' });
    expect(missing.statusCode).toBe(400);
    for (const message of ['Select the measure of the additional social value', 'greater than 0', 'Describe what you will provide'])
      expect(missing.body).toContain(message);
    expect(await pledgesOf(db(), needId)).toHaveLength(0);

    // a community organisation cannot pledge
    expect((await community.get(`/needs/${needId}/pledge`)).statusCode).toBe(403);

    const made = await supplier.post(`/needs/${needId}/pledge`, {
      target: `commitment:${mine.commitmentId}`,
      measure: '',
      quantity: '16',
      offer: 'Two staff, two mornings',
    });
    expect(made.headers.location).toBe(`/needs/${needId}?done=pledged`);
    const [pledge] = await pledgesOf(db(), needId);
    expect(pledge).toMatchObject({ contractId: mine.id, commitmentId: mine.commitmentId, measureId: mine.measures.valued.id, status: 'pledged' });
    expect(await actions('Pledged to meet the need “Volunteers to sort and pack food parcels” of Melton Community Larder')).toHaveLength(1);
    // now it has pledged, the supplier sees whom to contact
    expect((await supplier.get(`/needs/${needId}`)).body).toContain('community@community.example');

    // the organisation's home counts the pledge to confirm; the supplier and another organisation cannot confirm it
    expect((await community.get('/')).body).toMatch(/<span[^>]*>1<\/span> pledge to confirm/);
    expect((await supplier.get(`/community/pledges/${pledge!.id}/confirm`)).statusCode).toBe(403);
    expect(
      (
        await supplier.post(`/community/pledges/${pledge!.id}/confirm`, {
          quantity: '16',
          delivered: 'x',
          'metOn-day': '1',
          'metOn-month': '1',
          'metOn-year': '2026',
        })
      ).statusCode,
    ).toBe(403);
    const dana = new Client(t.app);
    await dana.signIn('dana@repaircafe.example', PASSWORD);
    expect((await dana.get(`/community/pledges/${pledge!.id}/confirm`)).statusCode).toBe(404);
    expect((await db().select().from(needPledges).where(eq(needPledges.id, pledge!.id)))[0]!.status).toBe('pledged');

    // the organisation confirms; a date in the future is refused
    await community.get(`/community/pledges/${pledge!.id}/confirm`);
    const future = await community.post(`/community/pledges/${pledge!.id}/confirm`, {
      quantity: '16',
      delivered: 'Sorted',
      'metOn-day': '1',
      'metOn-month': '1',
      'metOn-year': '2099',
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('The date it was met must be today or in the past');
    const confirmed = await community.post(`/community/pledges/${pledge!.id}/confirm`, {
      quantity: '16',
      delivered: 'Sorted 200 parcels',
      'metOn-day': '2',
      'metOn-month': '3',
      'metOn-year': '2026',
    });
    expect(confirmed.headers.location).toBe(`/community/needs/${needId}?done=confirmed`);
    expect(await actions('Confirmed that Charnwood Care Services Ltd met its pledge to the need “Volunteers to sort and pack food parcels”')).toHaveLength(1);
    const listed = await supplier.get('/needs/pledges');
    expect(listed.body).toContain('Met on 2 March 2026');
  });

  it('publishes open needs and met pledges without personal details, unless the organisation chose to publish its contact', async () => {
    const privateNeed = await postNeed(community, {
      title: 'Tables and chairs for the hall',
      needType: 'goods',
      contactName: 'Pat Private',
      contactEmail: 'pat.private@larder.example',
    });
    const publicNeed = await postNeed(community, {
      title: 'A room for our Tuesday drop-in',
      needType: 'space',
      contactName: 'Sam Public',
      contactEmail: 'hello@larder.example',
      contactPhone: '01664 000000',
      publishContact: 'yes',
    });
    void privateNeed;
    void publicNeed;
    const visitor = new Client(t.app);
    const page = await visitor.get('/transparency/needs');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Tables and chairs for the hall');
    expect(page.body).toContain('A room for our Tuesday drop-in');
    expect(page.body).toContain('hello@larder.example');
    expect(page.body).toContain('01664 000000');
    expect(page.body).toContain('Sam Public');
    // nothing about people who did not choose to be published: the private contact, the demo people, the suppliers' people
    const people = await db().select({ name: users.name, email: users.email }).from(users);
    for (const text of ['Pat Private', 'pat.private@larder.example', ...people.flatMap((p) => [p.name, p.email])]) expect(page.body).not.toContain(text);
    // the pledge met in the test above is listed, by supplier organisation only
    expect(page.body).toContain('Charnwood Care Services Ltd');
    expect(page.body).toContain('Sorted 200 parcels');
    expect(page.headers['set-cookie']).toBeUndefined();
    // a pending or declined organisation's needs are not on the board
    const [club] = await db().select().from(organisations).where(eq(organisations.name, 'Hinckley Juniors Football Club'));
    expect(page.body).not.toContain(club!.name);
  });

  it('shows officers the districts and outcomes whose open needs have no pledge', async () => {
    const gaps = await officer.get('/needs/gaps');
    expect(gaps.statusCode).toBe(200);
    // the freezer (Melton, Wellbeing and opportunity) has no pledge; the parcels (pledged above) are not counted
    expect(gaps.body).toMatch(/Melton<\/th>\s*<td class="govuk-table__cell">Wellbeing and opportunity/);
    const rowsFor = async () =>
      db()
        .select({ id: communityNeeds.id })
        .from(communityNeeds)
        .where(and(eq(communityNeeds.district, 'Melton'), eq(communityNeeds.outcomeCode, 'WO'), eq(communityNeeds.status, 'open')));
    expect((await rowsFor()).length).toBeGreaterThan(0);
    expect((await supplier.get('/needs/gaps')).statusCode).toBe(403);
    expect((await community.get('/needs/gaps')).statusCode).toBe(403);
    expect((await new Client(t.app).get('/needs/gaps')).statusCode).toBe(302);
  });
});

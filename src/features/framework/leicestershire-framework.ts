/**
 * Seeded default social value framework for Leicestershire County Council.
 *
 * The five outcomes follow the strategic outcomes named in the council's
 * Social Value Policy (taken from its Strategic Plan). All wording here is
 * original to this project.
 *
 * "Leicestershire" and "Leicestershire resident" mean the area served by
 * Leicestershire County Council (this does not include Leicester city or
 * Rutland), unless a contract sets a different local area.
 *
 * Proxy values
 * - Only figures published by UK government under the Open Government
 *   Licence v3.0 are used, each with its source, web address and price year.
 *   See docs/framework-sources.md.
 * - National TOMs (Social Value Portal) and HACT / Social Value Bank values
 *   are not used, copied or adapted: their licences do not allow it.
 * - Where no trustworthy open government figure exists the proxy fields are
 *   null. That measure is counted in its own unit and never turned into £.
 * - Measures counted in £ (spend, donations, in-kind value) have no proxy:
 *   a pound spent is not a pound of social value.
 *
 * Deadweight and attribution
 * - Every default is 0. We have no cited, open government default for how
 *   much of this activity would have happened anyway (deadweight) or is owed
 *   to others (attribution). The HM Treasury Green Book explains both ideas
 *   but sets no default for supplier social value commitments.
 * - Additionality is handled in each measure's counting guidance instead:
 *   count only activity that goes beyond business as usual and beyond what
 *   the contract specification or planning conditions already require.
 * - Contract managers can set deadweight and attribution per contract when
 *   they have evidence for a figure.
 */

export interface SeedOutcome {
  code: string;
  title: string;
  description: string;
}
export interface SeedMeasure {
  code: string; // e.g. "SE01" — prefix = outcome code, 2-digit number, unique
  outcomeCode: string; // one of the five outcome codes
  title: string; // short, plain English, what is counted
  unit: string; // one of: "people", "FTE years", "weeks", "hours", "£", "tonnes CO2e", "homes", "organisations", "sessions", "items", "kilometres", "trees"
  countingGuidance: string; // 1-3 sentences: what counts, what does not, how to count
  evidenceExpected: string; // 1-2 sentences: what a supplier must upload to prove delivery
  proxyPencePerUnit: number | null; // integer pence per unit, or null when no trustworthy OPEN GOVERNMENT figure exists
  proxySource: string | null; // full citation: publisher, title, table/section, edition
  proxySourceUrl: string | null; // the gov.uk / ons.gov.uk / legislation.gov.uk page
  proxyYear: number | null; // price year of the figure
  proxyLicence: string | null; // e.g. "Open Government Licence v3.0"
  deadweightBps: number; // default deadweight in basis points (1250 = 12.5%); 0..10000
  attributionBps: number; // default attribution in basis points; 0..10000
}

// Proxy and default blocks, spread into the measures below.

/** Counted in its own unit only, never turned into £. Deadweight and attribution 0 (see note above). */
const countedNotValued = {
  proxyPencePerUnit: null,
  proxySource: null,
  proxySourceUrl: null,
  proxyYear: null,
  proxyLicence: null,
  deadweightBps: 0,
  attributionBps: 0,
} as const;

/**
 * Replacement cost of an hour of unpaid time: the National Living Wage for
 * workers aged 21 and over, £12.71 an hour from 1 April 2026. This is a
 * floor, not a market rate, so it understates skilled or professional time.
 */
const nationalLivingWagePerHour = {
  proxyPencePerUnit: 1271,
  proxySource:
    'GOV.UK, "National Minimum Wage and National Living Wage rates", National Living Wage rate for workers aged 21 and over, rate in force from 1 April 2026 (£12.71 an hour). Used as the replacement cost of one hour of unpaid time.',
  proxySourceUrl: 'https://www.gov.uk/national-minimum-wage-rates',
  proxyYear: 2026,
  proxyLicence: 'Open Government Licence v3.0',
  deadweightBps: 0,
  attributionBps: 0,
} as const;

/**
 * Government carbon value for appraisal: central series, emissions in 2026,
 * £264 per tonne CO2e in 2020 prices (low £132, high £396). Published in the
 * Annex 1 table of the 2021 policy paper. The value rises each year, so the
 * council should move to the next year's figure when the reporting year changes.
 */
const carbonValuePerTonne = {
  proxyPencePerUnit: 26400,
  proxySource:
    'Department for Business, Energy and Industrial Strategy (now Department for Energy Security and Net Zero), "Valuation of greenhouse gas emissions: for policy appraisal and evaluation", policy paper published 2 September 2021, Annex 1 carbon values, central series, value for emissions in 2026: £264 per tonne CO2e in 2020 prices.',
  proxySourceUrl:
    'https://www.gov.uk/government/publications/valuing-greenhouse-gas-emissions-in-policy-appraisal/valuation-of-greenhouse-gas-emissions-for-policy-appraisal-and-evaluation',
  proxyYear: 2020,
  proxyLicence: 'Open Government Licence v3.0',
  deadweightBps: 0,
  attributionBps: 0,
} as const;

export const leicestershireOutcomes: SeedOutcome[] = [
  {
    code: 'SE',
    title: 'A strong economy',
    description:
      'A growing county economy that can withstand shocks, where local people and businesses can do well. Measures cover jobs for local people, apprenticeships, skills and training, and spending with Leicestershire small businesses and voluntary organisations.',
  },
  {
    code: 'WO',
    title: 'Wellbeing and opportunity',
    description:
      'People in Leicestershire get the chances and the help they need to look after their own health and wellbeing. Measures cover jobs and placements for people who find it harder to get work, first steps into work for young people, and support for health, wellbeing, digital skills and unpaid carers.',
  },
  {
    code: 'KS',
    title: 'Keeping people safe',
    description:
      'People in Leicestershire are kept safe and protected from harm. Measures cover safeguarding and abuse awareness training for staff, community safety work with residents, and checks for exploitation in supply chains.',
  },
  {
    code: 'GC',
    title: 'Great communities',
    description:
      'Communities across Leicestershire are thriving places where people help each other and are proud of where they live. Measures cover volunteering, practical help for voluntary and community groups, and care for the local environment, including cutting carbon.',
  },
  {
    code: 'AH',
    title: 'Affordable and quality homes',
    description:
      'People in Leicestershire can choose good quality homes that they can afford. Measures cover new affordable homes, empty homes brought back into use, and making homes warmer, safer and cheaper to run.',
  },
];

export const leicestershireMeasures: SeedMeasure[] = [
  // ---------------------------------------------------------------- A strong economy
  {
    code: 'SE01',
    outcomeCode: 'SE',
    title: 'Leicestershire residents employed on the contract',
    unit: 'FTE years',
    countingGuidance:
      'Count staff whose home postcode is in Leicestershire, for the share of their working time spent on this contract. One FTE year is the supplier’s standard full-time hours for 52 weeks (use 37.5 hours a week if there is no standard); count part-time and part-year work pro rata. Do not count apprentices here (use SE02) and count each person once, however many roles they hold.',
    evidenceExpected:
      'An anonymised payroll extract for the period showing employee reference, home postcode, contracted hours, start and end dates, and the share of time on this contract.',
    ...countedNotValued,
  },
  {
    code: 'SE02',
    outcomeCode: 'SE',
    title: 'Apprenticeship weeks for Leicestershire residents',
    unit: 'weeks',
    countingGuidance:
      'Count each week an apprentice who lives in Leicestershire spends on an approved apprenticeship standard while working on this contract. Count new and existing apprentices, but only the weeks in the reporting period; part weeks count as fractions of a week. Do not count the same apprentice under SE01.',
    evidenceExpected:
      'An anonymised list of apprentices with home postcode, apprenticeship standard and level, training provider and start date, plus the apprenticeship agreement or training provider confirmation for each.',
    ...countedNotValued,
  },
  {
    code: 'SE03',
    outcomeCode: 'SE',
    title: 'Hours of training for staff and residents',
    unit: 'hours',
    countingGuidance:
      'Count hours of structured training given to staff working on this contract or to Leicestershire residents, such as job skills, digital, English or maths courses. Do not count induction, health and safety or other training the law or the contract already requires. Count each learner’s hours once (10 learners on a 3-hour course is 30 hours).',
    evidenceExpected:
      'A training log showing course title, date, length, provider and number of learners, with signed attendance sheets or training system records.',
    ...countedNotValued,
  },
  {
    code: 'SE04',
    outcomeCode: 'SE',
    title: 'Staff and residents gaining a recognised qualification',
    unit: 'people',
    countingGuidance:
      'Count people who achieved a recognised qualification during the reporting period with training paid for or arranged by the supplier, where they work on this contract or live in Leicestershire. Count each qualification achieved once, and only when it is awarded, not when the course starts.',
    evidenceExpected: 'Copies of certificates or awarding body results, with names removed or replaced by a reference number.',
    ...countedNotValued,
  },
  {
    code: 'SE05',
    outcomeCode: 'SE',
    title: 'Spend with Leicestershire small and medium-sized businesses',
    unit: '£',
    countingGuidance:
      'Count money paid during the reporting period to businesses with fewer than 250 staff that have a trading address in Leicestershire, for goods, works or services used on this contract. Exclude VAT, and exclude payments to companies in the supplier’s own group. Count voluntary and community organisations under SE06, not here.',
    evidenceExpected:
      'A supply chain spend report listing each supplier’s name, trading postcode, size band and amount paid, backed by invoices or an accounts payable extract.',
    ...countedNotValued,
  },
  {
    code: 'SE06',
    outcomeCode: 'SE',
    title: 'Spend with Leicestershire voluntary, community and social enterprise organisations',
    unit: '£',
    countingGuidance:
      'Count money paid during the reporting period to charities, community interest companies, social enterprises, co-operatives and community groups based in Leicestershire, for goods, works or services used on this contract. Exclude VAT, grants and donations (donations go under GC06).',
    evidenceExpected:
      'A spend report listing each organisation’s name, registered number (charity, company or society), postcode and amount paid, backed by invoices or an accounts payable extract.',
    ...countedNotValued,
  },
  {
    code: 'SE07',
    outcomeCode: 'SE',
    title: 'Supply chain events for Leicestershire businesses',
    unit: 'sessions',
    countingGuidance:
      'Count meet-the-buyer events, supplier briefings or workshops that help Leicestershire small businesses and voluntary organisations win work in the supplier’s supply chain. Each event counts once, however many attend.',
    evidenceExpected: 'The event invitation or advert, the agenda and an attendance list showing the organisations that took part.',
    ...countedNotValued,
  },
  {
    code: 'SE08',
    outcomeCode: 'SE',
    title: 'Free expert support for Leicestershire small businesses',
    unit: 'hours',
    countingGuidance:
      'Count hours of free mentoring or expert advice given by the supplier’s staff to Leicestershire small businesses or social enterprises, for example on finance, marketing or meeting public sector standards. Do not count time spent managing the supplier’s own subcontractors, and do not count the same hours under GC01 or GC02.',
    evidenceExpected: 'A support log showing the business supported, date, hours, topic and staff member, confirmed by the business (email or signed note).',
    ...countedNotValued,
  },
  {
    code: 'SE09',
    outcomeCode: 'SE',
    title: 'Free bid-writing training for voluntary and community organisations',
    unit: 'sessions',
    countingGuidance:
      'Count free training sessions of at least 2 hours that help Leicestershire voluntary, community and social enterprise organisations write bids and tenders or apply for funding. Count each session once; record the number of organisations attending in the evidence. One-to-one support on a single bid counts as a session if it lasts at least 2 hours.',
    evidenceExpected: 'The session agenda or course outline, the trainer’s name, and an attendance list showing the organisations that took part.',
    ...countedNotValued,
  },

  // ---------------------------------------------------------------- Wellbeing and opportunity
  {
    code: 'WO01',
    outcomeCode: 'WO',
    title: 'Jobs for long-term unemployed people',
    unit: 'FTE years',
    countingGuidance:
      'Count Leicestershire residents who had been out of work for 12 months or more (6 months or more if aged under 25) when they started, for the share of their time on this contract. Count FTE years as in SE01 and only in the first 2 years after each person starts. Count each person under one barrier measure only (WO01 to WO05).',
    evidenceExpected:
      'An anonymised payroll extract with start date and home postcode, plus a referral from Jobcentre Plus or an employment support provider, or a signed self-declaration kept by the supplier.',
    ...countedNotValued,
  },
  {
    code: 'WO02',
    outcomeCode: 'WO',
    title: 'Jobs for disabled people',
    unit: 'FTE years',
    countingGuidance:
      'Count Leicestershire residents who tell the supplier they are disabled (as defined in the Equality Act 2010) and who were recruited for work on this contract, for the share of their time on it. Count FTE years as in SE01 and only in the first 2 years after each person starts. Count each person under one barrier measure only (WO01 to WO05).',
    evidenceExpected:
      'An anonymised payroll extract with start date and home postcode, and a statement from the supplier that a self-declaration or referral is held for each person. Do not upload health information.',
    ...countedNotValued,
  },
  {
    code: 'WO03',
    outcomeCode: 'WO',
    title: 'Jobs for care leavers',
    unit: 'FTE years',
    countingGuidance:
      'Count people aged up to 25 who have left local authority care and live in Leicestershire, for the share of their time on this contract. Count FTE years as in SE01 and only in the first 2 years after each person starts. Count each person under one barrier measure only (WO01 to WO05).',
    evidenceExpected:
      'An anonymised payroll extract with start date and home postcode, plus confirmation of referral from the council’s leaving care service or another local authority. Do not upload care records.',
    ...countedNotValued,
  },
  {
    code: 'WO04',
    outcomeCode: 'WO',
    title: 'Jobs for people with convictions',
    unit: 'FTE years',
    countingGuidance:
      'Count Leicestershire residents with a criminal conviction who were recruited for work on this contract, including people referred by the probation service or a prison, for the share of their time on it. Count FTE years as in SE01 and only in the first 2 years after each person starts. Count each person under one barrier measure only (WO01 to WO05).',
    evidenceExpected:
      'An anonymised payroll extract with start date and home postcode, plus a referral record or signed self-declaration kept by the supplier. Do not upload details of offences.',
    ...countedNotValued,
  },
  {
    code: 'WO05',
    outcomeCode: 'WO',
    title: 'Jobs for young people not in education, employment or training',
    unit: 'FTE years',
    countingGuidance:
      'Count Leicestershire residents aged 16 to 24 who were not in education, employment or training when recruited for work on this contract, for the share of their time on it. Count FTE years as in SE01 and only in the first 2 years after each person starts. Count each person under one barrier measure only (WO01 to WO05).',
    evidenceExpected:
      'An anonymised payroll extract with start date, age band and home postcode, plus a referral record or signed self-declaration kept by the supplier.',
    ...countedNotValued,
  },
  {
    code: 'WO06',
    outcomeCode: 'WO',
    title: 'Work placements for children in care and care leavers',
    unit: 'weeks',
    countingGuidance:
      'Count weeks of unpaid or paid work placement given to children in the council’s care or to care leavers, arranged with the council. One week is 5 days or 30 hours; count part weeks as fractions. Do not count the same weeks as paid employment under WO03.',
    evidenceExpected:
      'A placement agreement or confirmation from the council’s children in care or leaving care service, plus signed timesheets or an attendance record. Use a reference number, not the young person’s name.',
    ...countedNotValued,
  },
  {
    code: 'WO07',
    outcomeCode: 'WO',
    title: 'Work experience placements for school and college students',
    unit: 'weeks',
    countingGuidance:
      'Count weeks of work experience given to students at Leicestershire schools and colleges, including T Level industry placements and supported internships. One week is 5 days or 30 hours; count part weeks as fractions. Count each student’s weeks once.',
    evidenceExpected: 'Confirmation from the school or college for each placement, with dates and length, and signed attendance records.',
    ...countedNotValued,
  },
  {
    code: 'WO08',
    outcomeCode: 'WO',
    title: 'Careers talks, mock interviews and workplace visits for schools',
    unit: 'hours',
    countingGuidance:
      'Count hours of staff time spent delivering careers activities for Leicestershire schools and colleges, such as careers talks, mock interviews, CV workshops and workplace visits. Count delivery time only, not travel or preparation, and do not count the same hours under GC01.',
    evidenceExpected: 'An activity log with school or college name, date, activity, hours and number of students, confirmed by the school or college.',
    ...countedNotValued,
  },
  {
    code: 'WO09',
    outcomeCode: 'WO',
    title: 'Employment support for unemployed Leicestershire residents',
    unit: 'hours',
    countingGuidance:
      'Count hours of free one-to-one or group support given to unemployed Leicestershire residents to help them find work, such as job search help, interview practice or employability courses. Count each participant’s hours (5 people at a 2-hour workshop is 10 hours).',
    evidenceExpected:
      'A session log with date, content, hours and number of participants, and signed attendance sheets or a partner organisation’s confirmation.',
    ...countedNotValued,
  },
  {
    code: 'WO10',
    outcomeCode: 'WO',
    title: 'Staff taking part in health and wellbeing programmes',
    unit: 'people',
    countingGuidance:
      'Count staff working on this contract who take part in a structured health and wellbeing programme offered by the supplier, such as health checks, stop smoking support, physical activity or financial wellbeing schemes. Count each person once per reporting year, however many programmes they join.',
    evidenceExpected: 'A description of each programme and an anonymised count of participants from the provider or HR records.',
    ...countedNotValued,
  },
  {
    code: 'WO11',
    outcomeCode: 'WO',
    title: 'Health and wellbeing sessions for residents',
    unit: 'sessions',
    countingGuidance:
      'Count free sessions for Leicestershire residents that help them look after their health and wellbeing, such as activity groups, healthy eating or cooking courses, or social groups that reduce loneliness. Each session counts once, however many attend; do not count sessions the contract already pays for.',
    evidenceExpected: 'A session log with date, venue, content and number of attendees, and photographs, flyers or a partner organisation’s confirmation.',
    ...countedNotValued,
  },
  {
    code: 'WO12',
    outcomeCode: 'WO',
    title: 'Trained mental health first aiders',
    unit: 'people',
    countingGuidance:
      'Count staff working on this contract who completed an accredited mental health first aid course during the reporting period. Count each person once, and do not count refresher courses as new first aiders.',
    evidenceExpected: 'Course certificates or the training provider’s completion list, with names replaced by a reference number.',
    ...countedNotValued,
  },
  {
    code: 'WO13',
    outcomeCode: 'WO',
    title: 'Digital inclusion sessions for residents',
    unit: 'sessions',
    countingGuidance:
      'Count free sessions that help Leicestershire residents get online and use the internet safely, such as help with devices, online forms, video calls or avoiding online scams. Each session counts once; donated devices are counted under GC03, not here.',
    evidenceExpected: 'A session log with date, venue, content and number of attendees, confirmed by the host venue or partner organisation.',
    ...countedNotValued,
  },
  {
    code: 'WO14',
    outcomeCode: 'WO',
    title: 'Staff who are unpaid carers given paid carer’s leave',
    unit: 'people',
    countingGuidance:
      'Count staff working on this contract who look after a family member or friend and were given paid carer’s leave or flexible working beyond what the law requires. Count each person once per reporting year.',
    evidenceExpected: 'The supplier’s carer’s leave or carers policy, and an anonymised HR count of staff who used it during the period.',
    ...countedNotValued,
  },
  {
    code: 'WO15',
    outcomeCode: 'WO',
    title: 'Support sessions for unpaid carers in Leicestershire',
    unit: 'sessions',
    countingGuidance:
      'Count free sessions that support unpaid carers living in Leicestershire, such as carers’ groups, advice sessions or activities that give carers a break. Each session counts once, however many carers attend.',
    evidenceExpected: 'A session log with date, venue, content and number of carers attending, confirmed by a carers’ organisation or the host venue.',
    ...countedNotValued,
  },

  // ---------------------------------------------------------------- Keeping people safe
  {
    code: 'KS01',
    outcomeCode: 'KS',
    title: 'Staff trained in safeguarding children and adults',
    unit: 'people',
    countingGuidance:
      'Count staff working on this contract who completed safeguarding training for children or adults at risk during the reporting period, where the contract does not already require it. Count each person once per reporting year.',
    evidenceExpected: 'Training records or certificates showing course name, provider, date and number of staff, with names replaced by a reference number.',
    ...countedNotValued,
  },
  {
    code: 'KS02',
    outcomeCode: 'KS',
    title: 'Staff trained to recognise domestic abuse',
    unit: 'people',
    countingGuidance:
      'Count staff working on this contract who completed domestic abuse awareness training during the reporting period, including how to respond and where to refer people. Count each person once per reporting year.',
    evidenceExpected: 'Training records or certificates showing course name, provider, date and number of staff.',
    ...countedNotValued,
  },
  {
    code: 'KS03',
    outcomeCode: 'KS',
    title: 'Staff given dementia awareness training',
    unit: 'people',
    countingGuidance:
      'Count staff who deal with the public on this contract and completed dementia awareness training during the reporting period. Count each person once.',
    evidenceExpected: 'Training records showing course, date and number of staff, or confirmation from the session provider.',
    ...countedNotValued,
  },
  {
    code: 'KS04',
    outcomeCode: 'KS',
    title: 'Supply chain organisations checked for modern slavery',
    unit: 'organisations',
    countingGuidance:
      'Count suppliers and subcontractors in this contract’s supply chain that were checked for modern slavery and labour exploitation risk during the reporting period, through an audit, questionnaire or site visit. Count each organisation once per reporting year.',
    evidenceExpected: 'A list of organisations checked with date and method, the checklist or audit template used, and a summary of any actions taken.',
    ...countedNotValued,
  },
  {
    code: 'KS05',
    outcomeCode: 'KS',
    title: 'Community safety sessions',
    unit: 'sessions',
    countingGuidance:
      'Count free sessions that help Leicestershire residents stay safe, run with or approved by a partner such as the police, fire service, trading standards or a community safety partnership. Examples include scam and doorstep crime awareness, road safety, fire safety and home security. Each session counts once.',
    evidenceExpected: 'A session log with date, venue, topic, partner organisation and number of attendees, with the partner’s confirmation.',
    ...countedNotValued,
  },
  {
    code: 'KS06',
    outcomeCode: 'KS',
    title: 'Drivers trained in safety around people walking and cycling',
    unit: 'people',
    countingGuidance:
      'Count drivers of vans, lorries or buses working on this contract who completed training on the safety of people walking, cycling and riding horses during the reporting period, where the contract does not already require it. Count each driver once per reporting year.',
    evidenceExpected: 'Training records or certificates showing course, provider, date and number of drivers.',
    ...countedNotValued,
  },

  // ---------------------------------------------------------------- Great communities
  {
    code: 'GC01',
    outcomeCode: 'GC',
    title: 'Staff volunteering hours in Leicestershire communities',
    unit: 'hours',
    countingGuidance:
      'Count hours staff spend volunteering for charities, community groups, schools or public bodies in Leicestershire, in paid work time or with the supplier’s organised support. Do not count work the contract pays for, and do not count hours already reported under SE08, WO08 or GC02.',
    evidenceExpected:
      'A volunteering log with date, organisation helped, activity and hours, confirmed by each organisation (email, letter or signed timesheet).',
    ...nationalLivingWagePerHour,
  },
  {
    code: 'GC02',
    outcomeCode: 'GC',
    title: 'Free professional help for voluntary and community organisations',
    unit: 'hours',
    countingGuidance:
      'Count hours of free professional help given by staff to Leicestershire voluntary, community and social enterprise organisations, such as legal, finance, HR, IT or marketing advice, or serving as a trustee. Count only time spent on the organisation’s work, and do not count the same hours under GC01, SE08 or SE09. The proxy uses the National Living Wage, so the £ figure is a minimum.',
    evidenceExpected: 'A log with date, organisation helped, type of help and hours, confirmed by each organisation (email, letter or signed timesheet).',
    ...nationalLivingWagePerHour,
  },
  {
    code: 'GC03',
    outcomeCode: 'GC',
    title: 'Goods and services given free to community groups',
    unit: '£',
    countingGuidance:
      'Count the value of goods, equipment, materials or services given free to Leicestershire voluntary and community organisations, valued at what the supplier would normally charge or at cost for used items. Count office space under GC04 and advertising space under GC05, not here, and do not count staff time (use GC01 or GC02).',
    evidenceExpected: 'A list of items or services given, with the value and how it was worked out, and a letter or email of receipt from each organisation.',
    ...countedNotValued,
  },
  {
    code: 'GC04',
    outcomeCode: 'GC',
    title: 'Free office, meeting or storage space for the voluntary sector',
    unit: '£',
    countingGuidance:
      'Count the rent the supplier would normally charge for office, meeting or storage space given free to Leicestershire voluntary and community organisations. Use the supplier’s published rate or a local market rate per day or per square metre, and count only the time the space was used.',
    evidenceExpected: 'A booking record or licence agreement showing the organisation, dates and space used, and the rate used to work out the value.',
    ...countedNotValued,
  },
  {
    code: 'GC05',
    outcomeCode: 'GC',
    title: 'Free advertising space for community groups',
    unit: '£',
    countingGuidance:
      'Count the value of advertising space given free to Leicestershire community groups, such as space in a magazine, newsletter, website, vehicle livery or poster site. Value it at the supplier’s published rate card price.',
    evidenceExpected: 'A copy or screenshot of each advert, the rate card used for the value, and confirmation from the community group.',
    ...countedNotValued,
  },
  {
    code: 'GC06',
    outcomeCode: 'GC',
    title: 'Money donated to Leicestershire community groups',
    unit: '£',
    countingGuidance:
      'Count money given by the supplier to Leicestershire charities and community groups during the reporting period, including matched staff fundraising. Do not count money the supplier collects from customers or the public, or sponsorship that buys advertising.',
    evidenceExpected: 'Bank transfer records or receipts from each organisation showing the amount and date.',
    ...countedNotValued,
  },
  {
    code: 'GC07',
    outcomeCode: 'GC',
    title: 'Voluntary and community organisations supported',
    unit: 'organisations',
    countingGuidance:
      'Count the number of different Leicestershire voluntary, community and social enterprise organisations that received any support reported under SE09 or GC01 to GC06 in the reporting period. Count each organisation once, however much support it received.',
    evidenceExpected: 'A list of the organisations supported, with registered number where there is one and the measures their support is reported under.',
    ...countedNotValued,
  },
  {
    code: 'GC08',
    outcomeCode: 'GC',
    title: 'Carbon emissions saved in delivering the contract',
    unit: 'tonnes CO2e',
    countingGuidance:
      'Count the reduction in greenhouse gas emissions from delivering this contract in the reporting year, compared with a baseline agreed at the start of the contract, worked out using the UK government greenhouse gas conversion factors for company reporting. Count savings for the reporting year only, not over the life of an asset, and do not count carbon offsets or savings reported under AH04.',
    evidenceExpected:
      'A carbon calculation showing the agreed baseline, the reporting year figures and the conversion factors used, backed by activity data such as fuel receipts, energy bills and mileage records.',
    ...carbonValuePerTonne,
  },
  {
    code: 'GC09',
    outcomeCode: 'GC',
    title: 'Distance travelled in zero-emission vehicles',
    unit: 'kilometres',
    countingGuidance:
      'Count kilometres driven in fully electric or hydrogen fuel cell vehicles while delivering this contract. Do not count hybrid vehicles. Carbon saved by this travel may also be reported under GC08, as this measure is not turned into £.',
    evidenceExpected:
      'Telematics reports or mileage logs for each zero-emission vehicle, with its registration number and the journeys linked to this contract.',
    ...countedNotValued,
  },
  {
    code: 'GC10',
    outcomeCode: 'GC',
    title: 'Items kept out of landfill through reuse, repair or recycling',
    unit: 'items',
    countingGuidance:
      'Count items from this contract that would otherwise have gone to landfill but were reused, repaired, donated or recycled, such as furniture, IT equipment, pallets or uniforms. Count each item once and do not count waste the contract already requires the supplier to recycle.',
    evidenceExpected:
      'Waste transfer notes, reuse or recycling certificates, or receipts from the organisations that took the items, showing item types and numbers.',
    ...countedNotValued,
  },
  {
    code: 'GC11',
    outcomeCode: 'GC',
    title: 'Trees planted in Leicestershire',
    unit: 'trees',
    countingGuidance:
      'Count trees planted in Leicestershire with the landowner’s agreement, beyond any planting required by the contract or planning conditions. Replace trees that die in the first 2 years without counting them again; hedging plants count only where the planting plan calls them trees.',
    evidenceExpected: 'Invoices for the trees, the landowner’s agreement, a planting plan or map showing location and species, and photographs.',
    ...countedNotValued,
  },

  // ---------------------------------------------------------------- Affordable and quality homes
  {
    code: 'AH01',
    outcomeCode: 'AH',
    title: 'Affordable homes delivered',
    unit: 'homes',
    countingGuidance:
      'Count homes in Leicestershire completed in the reporting period that meet the National Planning Policy Framework definition of affordable housing. Count only homes beyond those required by planning obligations or by the contract specification; count each home once, at completion.',
    evidenceExpected:
      'Completion certificates and a schedule of the homes with address, tenure and rent or price, plus the planning obligation showing the required number.',
    ...countedNotValued,
  },
  {
    code: 'AH02',
    outcomeCode: 'AH',
    title: 'Empty homes brought back into use',
    unit: 'homes',
    countingGuidance:
      'Count homes in Leicestershire that had been empty for 6 months or more and were lived in again during the reporting period because of the supplier’s work. Count each home once, when it is occupied.',
    evidenceExpected:
      'The address, evidence of how long it was empty (such as council tax records provided by the owner), a record of the work done and confirmation that it is now occupied.',
    ...countedNotValued,
  },
  {
    code: 'AH03',
    outcomeCode: 'AH',
    title: 'Homes improved to use less energy',
    unit: 'homes',
    countingGuidance:
      'Count homes in Leicestershire given energy efficiency improvements free or at reduced cost to the household, such as insulation, heating upgrades, draught-proofing or solar panels. Count each home once per reporting year and do not count work the contract already pays for.',
    evidenceExpected:
      'A schedule of homes with postcode and measures installed, installer certificates or handover records, and Energy Performance Certificates from before and after where available.',
    ...countedNotValued,
  },
  {
    code: 'AH04',
    outcomeCode: 'AH',
    title: 'Carbon emissions saved by home energy improvements',
    unit: 'tonnes CO2e',
    countingGuidance:
      'Count the estimated yearly reduction in greenhouse gas emissions from the homes reported under AH03, taken from before and after Energy Performance Certificates or energy assessments. Count one year of savings for each reporting year, not lifetime savings, and do not count the same tonnes under GC08.',
    evidenceExpected:
      'Before and after Energy Performance Certificates or energy assessment reports for each home, and a calculation summing the yearly savings.',
    ...carbonValuePerTonne,
  },
  {
    code: 'AH05',
    outcomeCode: 'AH',
    title: 'Homes adapted or repaired so older or disabled people can live safely',
    unit: 'homes',
    countingGuidance:
      'Count homes of older or disabled Leicestershire residents given free or reduced-cost minor adaptations or repairs that help them stay safe and independent, such as grab rails, fixing trip hazards or small repairs. Count each home once per reporting year and do not count work funded by a disabled facilities grant.',
    evidenceExpected: 'A job record for each home showing postcode, work done, date and the resident’s signed confirmation.',
    ...countedNotValued,
  },
  {
    code: 'AH06',
    outcomeCode: 'AH',
    title: 'Households given advice to cut energy bills',
    unit: 'homes',
    countingGuidance:
      'Count Leicestershire households given free one-to-one advice on cutting energy bills or getting help with them, such as switching tariffs, using heating controls or applying for grants. Count each household once per reporting year.',
    evidenceExpected: 'An advice log with date, postcode and type of advice given, and the adviser’s name or organisation.',
    ...countedNotValued,
  },
  {
    code: 'AH07',
    outcomeCode: 'AH',
    title: 'People helped to find or keep a home',
    unit: 'people',
    countingGuidance:
      'Count Leicestershire residents at risk of homelessness who were helped by the supplier to find or keep a home, for example through tenancy support, help with rent arrears or referral to housing advice. Count each person once per reporting year, and only where the help goes beyond what the contract pays for.',
    evidenceExpected:
      'An anonymised case log with date, type of help and outcome, confirmed by a referral partner or the district council housing options team.',
    ...countedNotValued,
  },
];

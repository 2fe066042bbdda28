/** English: what every page says (its frame, sign-in, statuses, the links between areas); see lib/i18n.js. */
export default {
  'app.name': 'Emtihan',
  'app.language': 'Language',
  'app.noscript': 'This page needs JavaScript to work.',
  'app.skip': 'Skip to content',
  'app.loading': 'Loading…',
  'app.logout': 'Log out',
  'app.logoutAll': 'Log out everywhere',
  'app.signedInAs': 'Signed in as {name}',

  'login.title': 'Sign in — Emtihan',
  'login.heading': 'Sign in',
  'login.intro': 'Sign in with the username and password your university gave you.',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.busy': 'Signing in…',
  'login.missing': 'Enter both your username and password.',
  'login.expired': 'Your session has ended. Please sign in again.',
  'login.loggedOut': 'You have signed out.',
  'login.wait': 'Too many failed attempts. Try again in {seconds} s.',

  'exams.heading': 'My exams',

  'status.not-started': 'Not started',
  'status.in-progress': 'In progress',
  'status.submitted': 'Submitted',
  'status.timed-out': 'Timed out',
  'status.terminated': 'Terminated',

  'duration.minutes.one': '{n} minute',
  'duration.minutes.other': '{n} minutes',

  'staff.nav.label': 'Staff pages',
  'staff.nav.home': 'Banks and exams',
  'staff.nav.users': 'Users',
  'staff.nav.exams': 'Exams',
  'staff.traditional.excellent': 'Excellent',
  'staff.traditional.good': 'Good',
  'staff.traditional.satisfactory': 'Satisfactory',
  'staff.traditional.unsatisfactory': 'Unsatisfactory',

  'registry.nav': 'Registry',
  'registry.link.exam': 'Ratings and grade sheet in the registry',
  'registry.link.sitting': 'Export for the registry',
  'registry.users.groupHint':
    "An optional group column gives a student's academic group (such as IS-21-1): the registry's exports and grade sheets are made by group (5.33). An empty cell keeps the stored group.",
  'registry.users.colGroup': 'Group',

  'sitting.nav': 'Oral attestation',
  'sitting.examsLink': 'My oral final attestation',

  'statement.nav': 'Extensions',
  'statement.examsLink': 'Extensions and individual statements',
  'statement.startHint': 'Your personal window is open until {until}.',
  'lti.nav': 'LMS', // issue 16: the administrator's LMS platforms
};

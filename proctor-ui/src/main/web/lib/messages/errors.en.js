/**
 * English: what the API's error codes mean, for codes that always mean one thing (`api.<code>`; lib/api.js errorText).
 * Codes whose message says which field or step (bad-field, invalid-*) keep the server's own words.
 */
export default {
    'api.wrong-order': 'Not yet: the steps go in order (admission, identity, room, draw, preparation, answer, scores).',
    'api.photo-missing': 'Take the photos of this check first.',
    'api.already': 'That has been done already.',
    'api.sitting-closed': 'The sitting is closed.',
    'api.sitting-open': 'The sitting is still open.',
    'api.not-confirmed': 'Confirm the check first.',
    'api.checklist': 'Tick every item of the checklist.',
    'api.bad-photo': 'A photo must be a JPEG or PNG image of at most 1 MB.',
    'api.read-only-photo': 'The enrolment photo is changed on the users page, not here.',
    'api.bad-document': 'The document must be a PDF, JPEG or PNG file of at most 700 KB.',
    'api.reason-required': 'Give the reason.',
    'api.comment-required': 'Write a comment.',
    'api.decided': 'This has been decided already.',
    'api.not-decided': 'This has not been decided yet.',
    'api.graded': 'The exam already has a result.',
    'api.tickets-drawn': 'The tickets cannot change after the first draw.',
    'api.no-tickets': 'The sitting has no tickets yet.',
    'api.identity-pending': 'A proctor has not checked your identity yet.',
    'api.attempt-closed': 'This attempt is over.',
    'api.attempt-finished': 'This attempt is already finished.',
    'api.exam-not-open': 'The exam is not open now.',
    'api.too-many-uploads': 'Too many uploads at once; the page will try again.',
    'api.storage-full': 'The server has no room for recordings now. Your answers are still saved.',
    'api.unsupported-media-type': 'This kind of file is not accepted here.',
    'api.bad-credentials': 'Wrong username or password.',
    'api.account-disabled': 'This account is disabled. Ask an administrator.',
    'api.too-many-attempts': 'Too many failed attempts. Wait a little and try again.',
    'api.busy': 'Someone else changed this at the same moment. Try again.',
};

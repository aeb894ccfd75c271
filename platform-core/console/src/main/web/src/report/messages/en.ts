import type zh from './zh-CN'
import { shared } from '../../i18n/shared'

const en: typeof zh = {
  app: {
    title: 'Report a problem', brand: 'Snap & report', skip: 'Skip to main content', language: 'Language', loading: 'Loading…', retry: 'Retry',
    noDistrict: 'Resident reporting is not open in this district', noDistrictHint: 'Check the QR code or link, or ask your community office.',
    chooseHeading: 'Resident reporting', chooseBody: 'Scan the QR code posted in your estate or building, or open the reporting link your district published.',
  },
  nav: { report: 'Report', mine: 'My reports', signOut: 'Sign out', signedIn: 'Signed in as {phone}', main: 'Main navigation' },
  signIn: {
    heading: 'Sign in with your phone', intro: 'No account needed: enter your mobile number and the code we text you to report and follow your reports.',
    phone: 'Mobile number', phonePlaceholder: '11 digits', badPhone: 'Enter an 11-digit mainland mobile number',
    getCode: 'Get a code', resend: 'New code in {n} s', sent: 'Code sent to {phone}; valid for {minutes} min',
    code: 'Code from the text message', codePlaceholder: '6 digits', badCode: 'Enter the 6-digit code from the text message', submit: 'Sign in',
    privacy: 'Your number is only used to handle your report and tell you about it; it is never published.', expired: 'Your sign-in has ended; sign in again.',
  },
  form: {
    heading: 'Report a problem', category: 'Kind of problem', search: 'Search kinds of problem', searchPlaceholder: 'e.g. rubbish, street light, noise', noMatch: 'No kind matches; try another word',
    chosen: 'Chosen: {name}', change: 'Change',
    photos: 'Photos', addPhoto: 'Take / choose photos', photoHint: 'Optional, up to {max}', photoCount: '{n} of {max} added',
    photoOf: 'Photo {n}', remove: 'Remove photo {n}', retry: 'Upload photo {n} again', uploading: 'Uploading {p}%', uploaded: 'Uploaded', failed: 'Upload failed',
    tooMany: 'At most {max} photos; {n} of those chosen were left out',
    location: 'Where is it?', locate: 'Use my location', locating: 'Locating…', located: 'Marked at {lon}, {lat}', inGrid: 'Grid: {name}',
    outside: 'This point is outside the district’s grids; check it or give an address', tapMap: 'Tap the map to mark the place', zoomIn: 'Zoom in', zoomOut: 'Zoom out', whole: 'Whole district',
    map: 'Grid map of {district}', clearPoint: 'Clear the mark',
    address: 'Address or directions', addressPlaceholder: 'e.g. outside No. 12, by building 3 of the estate',
    qrGrid: 'Grid of the QR code', qrUnknown: 'The QR code names a grid that does not exist: mark the place on the map or give an address.',
    description: 'What is wrong?', descriptionPlaceholder: 'Describe what you see, e.g. the bin at the crossing has been overflowing for two days',
    consents: 'Consent', publicConsent: 'Publish: the handling of this report may be shown publicly in the district, without my number or other personal data',
    keepCapture: 'Keep when and where my photos were taken, as facts of this case (otherwise both are removed)',
    submit: 'Send', submitting: 'Sending…',
    missing: { category: 'Choose the kind of problem', description: 'Describe the problem', location: 'Mark the place, use your location or give an address', uploading: 'Wait until the photos are uploaded' },
    geoDenied: 'No position ({reason}); mark the place on the map or give an address', geoUnsupported: 'This browser cannot locate you; mark the place on the map or give an address',
  },
  done: { heading: 'Sent', number: 'Case number {number}', body: 'We will handle it soon; follow it and see the result under “My reports”.', mine: 'My reports', another: 'Report another' },
  mine: { heading: 'My reports', empty: 'You have not reported anything yet', reportedAt: 'Reported {time}', more: 'More', total: '{n} reports', open: 'Open {title}', rateNow: 'Rate it' },
  detail: {
    heading: 'Report', back: 'Back to my reports', number: 'Case number', status: 'Status', category: 'Kind', reportedAt: 'Reported', closedAt: 'Closed',
    address: 'Address', grid: 'Grid', description: 'Description', notes: 'Progress', noNotes: 'Nothing yet', photos: 'Photos',
    reportPhotos: 'Your photos', resultPhotos: 'Photos of the result', photoAlt: '{stage}, photo {n}', photoFailed: 'The photo cannot be shown',
    rate: 'Rate the result', rateLabel: 'Satisfaction (1–5 stars)', comment: 'Comment (optional)', rateSubmit: 'Send rating', rated: 'Your rating: {n} stars', thanks: 'Thank you for your rating!',
    pickScore: 'Choose the stars first',
    reopen: 'Still not solved? Ask to handle it again', reopenUntil: 'You may ask until {time}', reason: 'Why it needs handling again', reasonPlaceholder: 'What is still wrong',
    reopenSubmit: 'Send', reopened: 'Asked: it will be handled again', cancel: 'Cancel', notFound: 'No such report, or not yours',
    needReason: 'Give a reason',
  },
  rate: ['Very unsatisfied', 'Unsatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
  status: { submitted: 'Waiting', accepted: 'Accepted', handling: 'Being handled', closed: 'Done', evaluated: 'Rated', rejected: 'Not accepted' },
  channel: shared.en.channel,
  error: { ...shared.en.error, tooMany: 'Too many tries; try again in {n} s', busy: 'Too many tries; try again later' },
}

export default en

/**
 * Help resources shown on every student screen. The National Human Trafficking Hotline is confidential,
 * free, open 24/7 and answers in over 200 languages.
 */
export const HOTLINE = {
  name: 'National Human Trafficking Hotline',
  phone: '1-888-373-7888',
  phoneHref: 'tel:+18883737888',
  text: '233733',
  smsHref: 'sms:233733',
} as const;

export const EMERGENCY = { phone: '911', phoneHref: 'tel:911' } as const;

/** Where the quick exit sends a student: a neutral page that gives nothing away. */
export const QUICK_EXIT_URL = 'https://www.weather.gov/';

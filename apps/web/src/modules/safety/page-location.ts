/**
 * The one place the web app leaves the page. Kept as an object so tests can observe the call:
 * jsdom's window.location cannot be spied on.
 */
export const pageLocation = {
  replace(url: string): void {
    window.location.replace(url);
  },
};

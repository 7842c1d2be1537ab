import { act, fireEvent, screen, within } from '@testing-library/react';
import { HOTLINE, QUICK_EXIT_URL } from '@haven/domain';
import { i18n } from '../../../i18n/i18n';
import { renderApp, signedInAs, viewer } from '../../../testing/render-app';
import { pageLocation } from '../page-location';

function escape(target: Element | Window = window) {
  fireEvent.keyDown(target, { key: 'Escape', code: 'Escape' });
}

describe('student safety bar', () => {
  let replace: jest.SpyInstance;

  beforeEach(() => {
    replace = jest.spyOn(pageLocation, 'replace').mockImplementation(() => undefined);
  });

  afterEach(() => {
    replace.mockRestore();
    jest.useRealTimers();
  });

  it('is the first thing in tab order on the student sign-in page', () => {
    renderApp('/student/signin', { Me: signedInAs(null) });
    const focusable = Array.from(
      document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex="0"]'),
    );
    expect(focusable[0]).toBe(screen.getByTestId('quick-exit'));
    expect(focusable[1]).toBe(screen.getByTestId('help-toggle'));
    expect(screen.getByRole('button', { name: 'Quick exit' })).toBe(screen.getByTestId('quick-exit'));
  });

  it('quick exit replaces the page with the neutral site and clears session data', () => {
    renderApp('/student/signin', { Me: signedInAs(null) });
    window.sessionStorage.setItem('draft', 'something private');

    fireEvent.click(screen.getByTestId('quick-exit'));

    expect(replace).toHaveBeenCalledTimes(1);
    expect(replace).toHaveBeenCalledWith(QUICK_EXIT_URL);
    expect(window.sessionStorage.length).toBe(0);
    expect(document.documentElement.classList.contains('haven-exiting')).toBe(true);
  });

  it('signs the student out on the way (best effort) when signed in', async () => {
    const fetchMock = jest.fn().mockResolvedValue({ ok: true });
    const originalFetch = globalThis.fetch;
    globalThis.fetch = fetchMock;
    try {
      const { client } = renderApp('/student', {
        Me: signedInAs(viewer()),
        MyClasses: () => ({ data: { myClasses: [] } }),
      });
      await screen.findByRole('heading', { level: 1, name: 'Hi, Maya!' });

      fireEvent.click(screen.getByTestId('quick-exit'));

      expect(replace).toHaveBeenCalledWith(QUICK_EXIT_URL);
      expect(fetchMock).toHaveBeenCalledTimes(1);
      const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
      expect(url).toBe('/graphql');
      expect(init.keepalive).toBe(true);
      expect(init.headers).toEqual({ 'content-type': 'application/json' });
      expect(String(init.body)).toContain('signOut');
      // The cached viewer is gone.
      await act(async () => undefined);
      expect(client.cache.extract()).toEqual({});
    } finally {
      globalThis.fetch = originalFetch;
    }
  });

  it('pressing Escape twice within a second leaves, wherever focus is', () => {
    jest.useFakeTimers({ now: new Date('2026-11-26T10:00:00Z') });
    renderApp('/student/signin', { Me: signedInAs(null) });
    const input = screen.getByLabelText('Username');
    input.focus();

    escape(input);
    act(() => jest.advanceTimersByTime(400));
    expect(replace).not.toHaveBeenCalled();
    escape(input);

    expect(replace).toHaveBeenCalledTimes(1);
    expect(replace).toHaveBeenCalledWith(QUICK_EXIT_URL);
  });

  it('does not leave on a single Escape', () => {
    jest.useFakeTimers({ now: new Date('2026-11-26T10:00:00Z') });
    renderApp('/student/signin', { Me: signedInAs(null) });
    escape();
    act(() => jest.advanceTimersByTime(5000));
    expect(replace).not.toHaveBeenCalled();
  });

  it('does not leave on two Escapes more than a second apart', () => {
    jest.useFakeTimers({ now: new Date('2026-11-26T10:00:00Z') });
    renderApp('/student/signin', { Me: signedInAs(null) });
    escape();
    act(() => jest.advanceTimersByTime(1500));
    escape();
    expect(replace).not.toHaveBeenCalled();
    // ...but the second press starts a new pair.
    act(() => jest.advanceTimersByTime(300));
    escape();
    expect(replace).toHaveBeenCalledTimes(1);
  });

  it('does not count a held-down Escape key as a second press', () => {
    jest.useFakeTimers({ now: new Date('2026-11-26T10:00:00Z') });
    renderApp('/student/signin', { Me: signedInAs(null) });
    escape();
    fireEvent.keyDown(window, { key: 'Escape', repeat: true });
    expect(replace).not.toHaveBeenCalled();
  });

  it('is not on staff pages', () => {
    renderApp('/signin', { Me: signedInAs(null) });
    expect(screen.queryByTestId('quick-exit')).toBeNull();
    escape();
    escape();
    expect(replace).not.toHaveBeenCalled();
  });

  it('help panel shows the hotline, 911 and trusted adults, with an honest note about quick exit (English)', () => {
    renderApp('/student/signin', { Me: signedInAs(null) });
    const toggle = screen.getByTestId('help-toggle');
    const panel = screen.getByTestId('help-panel');
    expect(toggle).toHaveProperty('textContent', 'Need help now?');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(panel.hidden).toBe(true);

    fireEvent.click(toggle);

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    const help = within(panel);
    expect(help.getByRole('heading', { name: 'National Human Trafficking Hotline' })).toBeTruthy();
    expect(help.getByRole('link', { name: `Call ${HOTLINE.phone}` }).getAttribute('href')).toBe(
      'tel:+18883737888',
    );
    expect(help.getByRole('link', { name: `Text ${HOTLINE.text}` }).getAttribute('href')).toBe('sms:233733');
    expect(help.getByRole('link', { name: 'Call 911' }).getAttribute('href')).toBe('tel:911');
    expect(panel.textContent).toContain('1-888-373-7888');
    expect(panel.textContent).toContain('233733');
    expect(panel.textContent).toMatch(/24\/7/);
    expect(panel.textContent).toMatch(/confidential/i);
    expect(panel.textContent).toMatch(/200 languages/);
    expect(panel.textContent).toMatch(/teacher, counselor or school nurse/);
    expect(panel.textContent).toMatch(/cannot clear your browser history/);
    expect(panel.textContent).toMatch(/monitors this device/);

    // Non-modal: the page behind stays usable and the panel closes from its own button.
    expect(screen.getByLabelText('School code')).toBeTruthy();
    fireEvent.click(help.getByRole('button', { name: 'Close help' }));
    expect(panel.hidden).toBe(true);
    expect(document.activeElement).toBe(toggle);
  });

  it('help panel shows the same numbers in Spanish', async () => {
    await i18n.changeLanguage('es');
    renderApp('/student/signin', { Me: signedInAs(null) });
    const toggle = screen.getByRole('button', { name: '¿Necesitas ayuda ahora?' });
    expect(toggle).toBe(screen.getByTestId('help-toggle'));
    expect(screen.getByRole('button', { name: 'Salida rápida' })).toBe(screen.getByTestId('quick-exit'));

    fireEvent.click(toggle);

    const help = within(screen.getByTestId('help-panel'));
    expect(
      help.getByRole('heading', { name: 'Línea Directa Nacional contra la Trata de Personas' }),
    ).toBeTruthy();
    expect(help.getByRole('link', { name: 'Llama al 1-888-373-7888' }).getAttribute('href')).toBe(
      'tel:+18883737888',
    );
    expect(help.getByRole('link', { name: 'Envía un mensaje de texto al 233733' }).getAttribute('href')).toBe(
      'sms:233733',
    );
    expect(help.getByRole('link', { name: 'Llama al 911' }).getAttribute('href')).toBe('tel:911');
    expect(screen.getByTestId('help-panel').textContent).toMatch(/24 horas/);
    expect(screen.getByTestId('help-panel').textContent).toMatch(/No puede borrar tu historial/);
    expect(document.documentElement.lang).toBe('es');
  });
});

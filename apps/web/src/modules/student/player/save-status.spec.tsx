import { render, screen } from '@testing-library/react';
import { SaveStatus } from './save-status';

const OFFLINE = "Offline: your answers are kept on this device and will be sent when you're back online";

const visible = (): HTMLElement => document.querySelector('.save-status') as HTMLElement;

describe('SaveStatus', () => {
  it('shows every state but announces only going offline and coming back', () => {
    const { rerender } = render(<SaveStatus status="saved" />);
    const live = screen.getByRole('status');
    expect(visible().textContent).toBe('Saved');
    expect(visible().getAttribute('role')).toBeNull();
    expect(visible().getAttribute('aria-live')).toBeNull();
    expect(live.className).toBe('visually-hidden');
    expect(live.textContent).toBe('');

    // The ordinary rhythm after each choice: seen, not announced.
    rerender(<SaveStatus status="saving" />);
    expect(visible().textContent).toBe('Saving…');
    expect(live.textContent).toBe('');
    rerender(<SaveStatus status="saved" />);
    expect(live.textContent).toBe('');

    rerender(<SaveStatus status="offline" />);
    expect(visible().textContent).toBe(OFFLINE);
    expect(live.textContent).toBe(OFFLINE);

    // Retrying while still offline says nothing new.
    rerender(<SaveStatus status="saving" />);
    expect(live.textContent).toBe(OFFLINE);
    rerender(<SaveStatus status="offline" />);
    expect(live.textContent).toBe(OFFLINE);

    rerender(<SaveStatus status="saving" />);
    rerender(<SaveStatus status="saved" />);
    expect(visible().textContent).toBe('Saved');
    expect(live.textContent).toBe('Back online: your answers are saved');

    // Back to the ordinary rhythm: the region empties and stays quiet.
    rerender(<SaveStatus status="saving" />);
    expect(live.textContent).toBe('');
    rerender(<SaveStatus status="saved" />);
    expect(live.textContent).toBe('');
    expect(screen.getAllByRole('status')).toHaveLength(1);
  });

  it('announces being offline when the page opens offline', () => {
    render(<SaveStatus status="offline" />);
    expect(screen.getByRole('status').textContent).toBe(OFFLINE);
  });
});

// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLocale } from '@/tests/unit/support/i18n';
import { ListStorage } from './ListStorage';

afterEach(cleanup);

describe('ListStorage', () => {
  it('says how much the lists take and drops the oldest down to the number typed', async () => {
    useLocale('en');
    const onDrop = vi.fn(async (keep: number) => 1_000_000 - keep);
    render(<ListStorage usage={{ items: 1_000_000, bytes: 312_400_000 }} locale="en" onDrop={onDrop} />);
    expect(screen.getByText('The lists hold 1,000,000 fact-checks; Sanad stores 312.4 MB on this device.')).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Drop the oldest' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true); // keeping them all drops nothing
    fireEvent.input(screen.getByLabelText('Fact-checks to keep (the newest)'), { target: { value: '250000' } });
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Dropped the 750,000 oldest fact-checks.'));
    expect(onDrop).toHaveBeenCalledWith(250_000);
  });

  it('in Arabic, and without a storage figure when the browser gives none', () => {
    useLocale('ar');
    render(<ListStorage usage={{ items: 3, bytes: null }} locale="ar" onDrop={async () => 0} />);
    expect(document.querySelector('[data-list-usage]')!.textContent).toMatch(/^في القوائم (3|٣) تحققات\.$/);
  });
});

// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DateTimeFilter, FilterText } from './form-controls.tsx';
import { localInputToIso } from './time.tsx';

describe('filter controls', () => {
  afterEach(cleanup);

  it('DateTimeFilter applies a complete date at once, a half-typed year or an emptied field on blur', () => {
    const onChange = vi.fn();
    const { rerender } = render(<DateTimeFilter label="Since" value="" onChange={onChange} />);
    const input = screen.getByLabelText('Since');
    fireEvent.change(input, { target: { value: '0002-03-14T09:26' } });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: '2026-03-14T09:26' } });
    expect(onChange).toHaveBeenLastCalledWith(localInputToIso('2026-03-14T09:26'));

    rerender(<DateTimeFilter label="Since" value={localInputToIso('2026-03-14T09:26')} onChange={onChange} />);
    expect(input).toHaveValue('2026-03-14T09:26');
    onChange.mockClear();
    fireEvent.change(input, { target: { value: '' } });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.blur(input);
    expect(onChange).toHaveBeenCalledWith('');

    // Cleared from outside (e.g. "Clear filters").
    rerender(<DateTimeFilter label="Since" value="" onChange={onChange} />);
    expect(input).toHaveValue('');
  });

  it('FilterText applies on Enter or blur, trimmed, and only when it changed', () => {
    const onChange = vi.fn();
    render(<FilterText label="Target id" value="" onChange={onChange} />);
    const input = screen.getByLabelText('Target id');
    fireEvent.change(input, { target: { value: ' wh_1 ' } });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledWith('wh_1');
    onChange.mockClear();
    fireEvent.change(input, { target: { value: '' } });
    fireEvent.blur(input);
    expect(onChange).not.toHaveBeenCalled();
  });
});

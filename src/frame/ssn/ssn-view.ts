/**
 * The SSN page: nine digits shown `000-00-0000`, judged by `validateSsn` (SSA rules, ITIN
 * awareness) and previewed by `previewSsn` — the rules live in `src/validate/ssn.ts`, not here.
 *
 * Imports `validate/ssn.js` directly, not the validate index: the index pulls `ibantools`, which
 * this page has no use for.
 *
 * @module
 */
import type { FieldConfig } from '../../protocol/messages.js'
import { ErrorCodes, SecureFieldsError } from '../../errors.js'
import { normalizeDigits, sanitizeDigits } from '../../validate/digits.js'
import { previewSsn, SSN_LENGTH, validateSsn, type SsnOptions } from '../../validate/ssn.js'
import { createSingleInputView, type FormattedInput, type SingleInputRules } from '../runtime/single-input-view.js'
import type { FieldView } from '../runtime/view.js'

/**
 * Three, two and four digits, `123-45-6789`, in any digit script and with any separators typed;
 * the dashes are display only (never sealed). A tenth digit is shown, for the validator to call
 * the number too long, and a letter is left where it was typed, to be reported.
 */
export function formatSsnInput(raw: string): FormattedInput {
  const { digits, hadInvalid } = sanitizeDigits(raw)
  if (hadInvalid) return { display: normalizeDigits(raw), complete: false, fits: false }
  const groups = [digits.slice(0, 3), digits.slice(3, 5), digits.slice(5)].filter((g) => g !== '')
  return { display: groups.join('-'), complete: digits.length >= 9, fits: true }
}

/** Reads the options the host sent: only `allowItin` (a boolean) is known. */
function parseSsnOptions(options: FieldConfig['options']): Required<SsnOptions> {
  for (const name of Object.keys(options)) {
    if (name !== 'allowItin') throw new SecureFieldsError(ErrorCodes.INPUT_INVALID, `options.${name} does not apply to an SSN field.`)
  }
  const allowItin = options.allowItin ?? false
  // validateSsn checks the option's type (and throws ERR_INPUT_INVALID) before it reads any input.
  validateSsn('', { allowItin: allowItin as boolean })
  return { allowItin: allowItin as boolean }
}

/** The SSN field's rules for {@link createSingleInputView}. */
export const ssnRules: SingleInputRules<Required<SsnOptions>> = {
  fallbackKind: 'ssn',
  parse(config) {
    return {
      options: parseSsnOptions(config.options),
      setup: {
        labelKey: 'ssn.label',
        placeholderKey: 'ssn.placeholder',
        // Arabic-Indic and full-width digits (the `ar` locale, CJK input methods) count as digits.
        format: formatSsnInput,
        formatKey: 'ssn',
        inputMode: 'numeric',
        // A browser must not offer to save or fill an SSN.
        autocomplete: 'off',
      },
    }
  },
  evaluate({ display }, options) {
    const result = validateSsn(display, options)
    return {
      empty: result.digits === '',
      complete: result.complete,
      valid: result.valid,
      // Reported like a card brand, so the page can say "ITIN" without learning more digits.
      ...(result.itin ? { brand: 'itin', note: 'ssn.itin-recognised' } : {}),
      preview: result.valid ? previewSsn(result.digits, options) : '',
      // Nine digits are all an SSN has: a valid one cannot grow, its preview is final.
      final: result.valid,
      ...(result.code ? { code: result.code } : {}),
      // An ITIN is sealed as kind `ssn` too (docs/envelope.md): its 9xx area tells it apart.
      kind: 'ssn',
    }
  },
  plaintext({ display }, options) {
    // The nine digits, without separators (docs/envelope.md).
    return validateSsn(display, options).digits
  },
  maxBytes: () => SSN_LENGTH,
}

/** Creates the SSN view. */
export function createSsnView(): FieldView {
  return createSingleInputView('sf-ssn', ssnRules)
}

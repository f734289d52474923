/**
 * The SSN page: nine digits masked `000-00-0000`, judged by `validateSsn` (SSA rules, ITIN
 * awareness) and previewed by `previewSsn` — the rules live in `src/validate/ssn.ts`, not here.
 *
 * Imports `validate/ssn.js` directly, not the validate index: the index pulls `ibantools`, which
 * this page has no use for.
 *
 * @module
 */
import type { FieldConfig } from '../../protocol/messages.js'
import { ErrorCodes, SecureFieldsError } from '../../errors.js'
import { normalizeDigits } from '../../validate/digits.js'
import { previewSsn, validateSsn, type SsnOptions } from '../../validate/ssn.js'
import { createSingleInputView, type SingleInputRules } from '../runtime/single-input-view.js'
import type { FieldView } from '../runtime/view.js'

/** The mask: three, two and four digits; the dashes are display only (never sealed). */
export const SSN_MASK = '000-00-0000'

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
        mask: { mask: SSN_MASK, prepareChar: (ch: string) => normalizeDigits(ch) },
        inputMode: 'numeric',
        // A browser must not offer to save or fill an SSN.
        autocomplete: 'off',
      },
    }
  },
  evaluate({ unmasked }, options) {
    const result = validateSsn(unmasked, options)
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
  plaintext({ unmasked }, options) {
    // The nine digits, without separators (docs/envelope.md).
    return validateSsn(unmasked, options).digits
  },
}

/** Creates the SSN view. */
export function createSsnView(): FieldView {
  return createSingleInputView('sf-ssn', ssnRules)
}

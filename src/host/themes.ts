/**
 * Theme presets: light (the defaults), dark, and two brands. Each is a full set of the
 * allow-listed custom properties (src/protocol/theme.ts, docs/theming.md); set one on the elements
 * with CSS or through their `theme` property. Every text color keeps WCAG AA contrast (4.5:1) on
 * the preset's page background, which the transparent frames show through.
 *
 * @example
 * ```ts
 * import { THEMES } from 'secure-fields'
 * for (const el of document.querySelectorAll('secure-card-input')) el.theme = THEMES.dark.values
 * ```
 *
 * @module
 */
import type { ThemeProperty } from '../protocol/theme.js'

/** A preset: its name, the page background it is meant for, and every property's value. */
export interface ThemePreset {
  /** A name to show (e.g. in a theme picker). */
  name: string
  /** The host page's background behind the elements (frames are transparent). */
  pageBackground: string
  /** Every allow-listed property's value. */
  values: Record<ThemeProperty, string>
}

/** The defaults of the frames' stylesheet (src/frame/styles/field.css). */
const LIGHT: ThemePreset['values'] = {
  '--sf-font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  '--sf-font-size': '16px',
  '--sf-font-weight': '400',
  '--sf-line-height': '1.4',
  '--sf-color-text': '#1a1a1a',
  '--sf-color-placeholder': '#6b6b6b',
  '--sf-color-label': '#333333',
  '--sf-color-background': '#ffffff',
  '--sf-color-border': '#8a8a8a',
  '--sf-color-focus': '#1a5fd0',
  '--sf-color-error': '#b00020',
  '--sf-color-success': '#1e7e34',
  '--sf-color-accent': '#1a5fd0',
  '--sf-color-accent-text': '#ffffff',
  '--sf-border-width': '1px',
  '--sf-border-radius': '6px',
  '--sf-padding': '8px 10px',
  '--sf-gap': '8px',
  '--sf-input-height': '40px',
  '--sf-focus-ring-width': '3px',
  '--sf-label-size': '13px',
  '--sf-error-size': '13px',
  '--sf-color-scheme': 'light',
}

/** The presets, light first. Every color pair keeps WCAG AA contrast (4.5:1) on its background. */
export const THEMES: Readonly<Record<'light' | 'dark' | 'ocean' | 'forest', ThemePreset>> = {
  light: { name: 'Light (default)', pageBackground: '#ffffff', values: LIGHT },
  dark: {
    name: 'Dark',
    pageBackground: '#121417',
    values: {
      ...LIGHT,
      '--sf-color-scheme': 'dark',
      '--sf-color-text': '#f2f3f5',
      '--sf-color-placeholder': '#a4a9b3',
      '--sf-color-label': '#d5d8de',
      '--sf-color-background': '#1d2026',
      '--sf-color-border': '#8b919c',
      '--sf-color-focus': '#8ab4ff',
      '--sf-color-error': '#ff8a8a',
      '--sf-color-success': '#7ee2a0',
      '--sf-color-accent': '#8ab4ff',
      '--sf-color-accent-text': '#0b1220',
    },
  },
  ocean: {
    name: 'Brand: Ocean',
    pageBackground: '#f3f8fb',
    values: {
      ...LIGHT,
      '--sf-font-family': "Georgia, 'Times New Roman', serif",
      '--sf-color-text': '#0b2a3c',
      '--sf-color-placeholder': '#5a6f7c',
      '--sf-color-label': '#0e4a6b',
      '--sf-color-border': '#4f7d96',
      '--sf-color-focus': '#006d9c',
      '--sf-color-error': '#a3122a',
      '--sf-color-success': '#11693a',
      '--sf-color-accent': '#006d9c',
      '--sf-border-radius': '2px',
      '--sf-border-width': '2px',
      '--sf-input-height': '44px',
    },
  },
  forest: {
    name: 'Brand: Forest',
    pageBackground: '#f6f5ef',
    values: {
      ...LIGHT,
      '--sf-font-family': "'Trebuchet MS', Verdana, sans-serif",
      '--sf-font-weight': '500',
      '--sf-color-text': '#1f2a1c',
      '--sf-color-placeholder': '#5f6a58',
      '--sf-color-label': '#2f4a26',
      '--sf-color-background': '#fffef9',
      '--sf-color-border': '#6b7f5e',
      '--sf-color-focus': '#2e6b1f',
      '--sf-color-error': '#9c1c1c',
      '--sf-color-success': '#2e6b1f',
      '--sf-color-accent': '#2e6b1f',
      '--sf-border-radius': '14px',
      '--sf-padding': '8px 14px',
      '--sf-gap': '12px',
      '--sf-focus-ring-width': '2px',
    },
  },
}

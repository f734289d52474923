// `npm run manifest`: custom-elements.json from the TSDoc of the element classes (@fires,
// @csspart, @cssprop, @summary, properties), for Storybook controls, IDEs and `customElements`.
export default {
  globs: ['src/host/**/*.ts'],
  exclude: ['src/host/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
}

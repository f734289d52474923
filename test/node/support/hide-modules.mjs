// A Node module hook (`node --import …/hide-modules.mjs`) that makes the packages named in
// SF_HIDE_MODULES (comma-separated) impossible to resolve, as in an install that does not have
// them: the optional peer dependencies of the stores, for the "which package to install" tests.
import { register } from 'node:module'

register(
  'data:text/javascript,' +
    encodeURIComponent(`
const hidden = new Set((process.env.SF_HIDE_MODULES ?? '').split(',').filter(Boolean))
export async function resolve(specifier, context, next) {
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]
  if (hidden.has(name)) {
    throw Object.assign(new Error(\`Cannot find package '\${name}'\`), { code: 'ERR_MODULE_NOT_FOUND' })
  }
  return next(specifier, context)
}
`),
)

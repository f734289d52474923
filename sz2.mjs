import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
const r = await build({ entryPoints: [process.argv[2]], bundle: true, minify: true, format: 'esm', write: false, metafile: true, loader: { '.css': 'empty' } })
const out = Object.values(r.metafile.outputs)[0]
const groups = {}
for (const [k, v] of Object.entries(out.inputs)) { const g = k.includes('node_modules') ? k.split('node_modules/')[1].split('/').slice(0, k.includes('@')?2:1).join('/') : k.split('/').slice(0, 3).join('/'); groups[g] = (groups[g] || 0) + v.bytesInOutput }
for (const [k, v] of Object.entries(groups).sort((a, b) => b[1] - a[1])) console.log(String(v).padStart(7), k)
console.log('total', r.outputFiles[0].contents.length, 'gz', gzipSync(r.outputFiles[0].contents, { level: 9 }).length)

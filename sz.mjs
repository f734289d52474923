import { build } from 'esbuild'
const r = await build({ stdin: { contents: process.argv[2], resolveDir: process.cwd(), loader: 'ts' }, bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, metafile: true })
const out = Object.values(r.metafile.outputs)[0]
const rows = Object.entries(out.inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput).slice(0,25)
for (const [k,v] of rows) console.log(String(v.bytesInOutput).padStart(7), k)
console.log('total', r.outputFiles[0].contents.length, 'gz', (await import('node:zlib')).gzipSync(r.outputFiles[0].contents,{level:9}).length)

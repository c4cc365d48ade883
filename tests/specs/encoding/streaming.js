// TextDecoder({ stream: true }): pending bytes, BOM across chunks, flush, fatal streaming.
'use strict';

function run(label, encoding, options, chunks) {
  const d = new TextDecoder(encoding, options);
  const out = [];
  try {
    for (const c of chunks) out.push(d.decode(new Uint8Array(c), { stream: true }));
    out.push(d.decode());
  } catch (e) {
    out.push(`${e.name} ${e.code}`);
  }
  console.log(label, JSON.stringify(out));
}

run('euro split', 'utf-8', {}, [[0xe2], [0x82], [0xac]]);
run('emoji split', 'utf-8', {}, [[0xf0, 0x9f, 0x98], [0x80, 0x41]]);
run('bom split', 'utf-8', {}, [[0xef], [0xbb], [0xbf, 0x41], [0xef, 0xbb, 0xbf]]);
run('bom ignored', 'utf-8', { ignoreBOM: true }, [[0xef, 0xbb], [0xbf]]);
run('truncated at end', 'utf-8', {}, [[0x41, 0xe2, 0x82]]);
run('invalid continuation', 'utf-8', {}, [[0xe2], [0x41]]);
run('fatal truncated', 'utf-8', { fatal: true }, [[0xe2, 0x82]]);
run('fatal invalid', 'utf-8', { fatal: true }, [[0x41], [0xff]]);
run('utf-16le split', 'utf-16le', {}, [[0xff], [0xfe, 0x3d], [0xd8], [0x00, 0xde], [0x3d, 0xd8]]);
run('utf-16le odd end', 'utf-16le', {}, [[0x41, 0x00, 0x42]]);
run('utf-16le odd end fatal', 'utf-16le', { fatal: true }, [[0x41, 0x00, 0x42]]);
run('utf-16be split', 'utf-16be', {}, [[0xd8], [0x3d, 0xde], [0x00]]);
run('windows-1252', 'windows-1252', {}, [[0x80], [0x41]]);

const d = new TextDecoder();
console.log(JSON.stringify([
  d.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), { stream: true }),
  d.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x62])),
  d.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x63])),
]));

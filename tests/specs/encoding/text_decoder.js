// TextDecoder: encodings and labels, fatal mode, BOM handling, input types, errors.
'use strict';

function show(label, fn) {
  try {
    console.log(label, JSON.stringify(fn()));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

const bytes = (...b) => new Uint8Array(b);
show('default', () => new TextDecoder().decode(bytes(0x68, 0xc3, 0xa9, 0xe2, 0x82, 0xac)));
show('invalid utf8', () => new TextDecoder().decode(bytes(0x61, 0xff, 0xc3, 0x62, 0xe2, 0x82)));
show('surrogates in utf8', () => new TextDecoder().decode(bytes(0xed, 0xa0, 0x80)));
show('bom stripped', () => new TextDecoder().decode(bytes(0xef, 0xbb, 0xbf, 0x41)));
show('bom kept', () => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes(0xef, 0xbb, 0xbf, 0x41)));
show('fatal', () => new TextDecoder('utf-8', { fatal: true }).decode(bytes(0x61, 0xff)));
show('utf-16le', () => new TextDecoder('utf-16le').decode(bytes(0xff, 0xfe, 0x41, 0x00, 0x3d, 0xd8, 0x00, 0xde)));
show('utf-16le lone', () => new TextDecoder('utf-16le').decode(bytes(0x00, 0xd8, 0x41, 0x00, 0x42)));
show('utf-16le fatal', () => new TextDecoder('utf-16le', { fatal: true }).decode(bytes(0x00, 0xdc)));
show('utf-16be', () => new TextDecoder('utf-16be').decode(bytes(0xfe, 0xff, 0x00, 0x41, 0xd8, 0x3d, 0xde, 0x00)));
show('latin1 is windows-1252', () => new TextDecoder('latin1').decode(bytes(0x80, 0x81, 0x9f, 0xe9, 0xff)));
show('iso-8859-2', () => new TextDecoder('iso-8859-2').decode(bytes(0xa1, 0xb1, 0xff)));
show('koi8-r', () => new TextDecoder('koi8-r').decode(bytes(0xc1, 0xc2, 0xd7)));
show('windows-1251', () => new TextDecoder('windows-1251').decode(bytes(0xc0, 0xff)));
show('iso-8859-3 unmapped', () => new TextDecoder('iso-8859-3').decode(bytes(0xa5, 0x41)));
show('iso-8859-3 unmapped fatal', () => new TextDecoder('iso-8859-3', { fatal: true }).decode(bytes(0xa5)));
for (const label of ['utf8', ' UTF-8\n', 'unicode-1-1-utf-8', 'ascii', 'US-ASCII', 'iso-8859-1', 'utf-16', 'ucs-2',
  'unicodefffe', 'cp1250', 'l2', 'koi', 'mac', 'x-mac-cyrillic', 'tis-620', 'iso-8859-8-i', 'sun_eu_greek']) {
  show(`label ${JSON.stringify(label)}`, () => new TextDecoder(label).encoding);
}
for (const label of ['foo', ' utf-8\u000b', 'replacement', 'iso-2022-kr', 'x-user-defined', 'iso-8859-16', '\u00a0utf-8']) {
  show(`label ${JSON.stringify(label)}`, () => new TextDecoder(label).encoding);
}
show('options', () => {
  const d = new TextDecoder('utf-8', { fatal: 1, ignoreBOM: 'yes' });
  return [d.encoding, d.fatal, d.ignoreBOM];
});
show('null options', () => new TextDecoder('utf-8', null).fatal);
show('bad options', () => new TextDecoder('utf-8', 5));
show('ArrayBuffer', () => new TextDecoder().decode(new Uint8Array([0x68, 0x69]).buffer));
show('DataView', () => new TextDecoder().decode(new DataView(new Uint8Array([0x68, 0x69]).buffer)));
show('Uint16Array', () => new TextDecoder().decode(new Uint16Array([0x6968])));
show('undefined input', () => new TextDecoder().decode());
show('string input', () => new TextDecoder().decode('abc'));
show('string input utf-16', () => new TextDecoder('utf-16le').decode('abc'));
show('bad decode options', () => new TextDecoder('utf-16le').decode(undefined, 5));
show('wrong receiver', () => TextDecoder.prototype.decode.call({}, bytes(1)));
show('wrong receiver getter', () => Object.getOwnPropertyDescriptor(TextDecoder.prototype, 'encoding').get.call({}));

// URLSearchParams: constructors, methods, sorting, iteration, and the live link to URL.
'use strict';

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

show('string', () => [...new URLSearchParams('?a=1&b=x+y&a=%20&c&=d&e=%zz&f=%e2%82')]);
show('pairs', () => new URLSearchParams([['a', 'b'], new Set(['c', 'd'])]).toString());
show('record', () => new URLSearchParams({ a: 1, b: 'two', '\ud800': '\udc00' }).toString());
show('copy', () => new URLSearchParams(new URLSearchParams('x=1')).toString());
show('null', () => new URLSearchParams(null).toString());
show('bad pair', () => new URLSearchParams([['a']]));
show('bad pair type', () => new URLSearchParams(['ab']));
show('not iterable', () => new URLSearchParams({ [Symbol.iterator]: 5 }));
show('serialize', () => new URLSearchParams([['a b', 'c+d&e=f/é'], ['*-._', '~!\'()']]).toString());

const sp = new URLSearchParams('a=1&b=2&a=3');
show('get/getAll/has', () => [sp.get('a'), sp.get('z'), sp.getAll('a'), sp.has('b'), sp.has('a', '3'), sp.has('a', '4'), sp.size]);
sp.append('c', '4');
sp.set('a', 'x');
show('after append/set', () => sp.toString());
sp.delete('c', 'nope');
show('delete value mismatch', () => sp.toString());
sp.delete('b');
show('delete', () => sp.toString());
const unsorted = new URLSearchParams('z=1&a=2&é=3&b=4&a=0&😀=5&ﬀ=6');
unsorted.sort();
show('sort stable', () => unsorted.toString());
show('iterators', () => [[...sp.keys()], [...sp.values()], [...sp.entries()], [...sp]]);
show('forEach', () => {
  const seen = [];
  new URLSearchParams('p=1&q=2').forEach(function(v, k, o) { seen.push([k, v, o instanceof URLSearchParams, String(this)]); }, 'T');
  return seen;
});
show('forEach bad', () => sp.forEach());
show('missing args', () => sp.append('a'));
show('missing name', () => sp.get());
show('wrong receiver', () => URLSearchParams.prototype.get.call({}, 'a'));
show('iterator receiver', () => sp.keys().next.call({}));

const url = new URL('http://host/path?x=1&y=2#h');
const params = url.searchParams;
show('same object', () => url.searchParams === params);
params.append('z', 'a b');
show('url follows params', () => url.href);
params.delete('x');
params.delete('y');
params.delete('z');
show('empty params drop ?', () => url.href);
url.search = '?k=v';
show('params follow url', () => [...params]);
url.href = 'http://other/?n=1';
show('params follow href', () => [...params]);
const opaque = new URL('mailto:x ?y=1');
opaque.searchParams.delete('y');
show('opaque path trailing space', () => opaque.href);

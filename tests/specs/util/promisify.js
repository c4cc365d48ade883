// util.promisify / util.callbackify (ordering of the asynchronous results is fixed by
// awaiting each step).
const util = require('util');

function double(x, cb) {
  setTimeout(() => cb(null, x * 2), 1);
}
function fails(cb) {
  cb(new Error('failed'));
}
function multi(cb) {
  cb(null, 'a', 'b');
}
function falsyError(cb) {
  cb(0, 'value');
}
function withThis(cb) {
  cb(null, this && this.tag);
}
withThis.extra = 'copied';

function custom() {}
custom[util.promisify.custom] = () => Promise.resolve('custom result');

(async () => {
  const pDouble = util.promisify(double);
  console.log(pDouble.name, pDouble.length, typeof pDouble.then);
  console.log(await pDouble(21));
  try {
    await util.promisify(fails)();
  } catch (err) {
    console.log('rejected:', err.message);
  }
  console.log(await util.promisify(multi)());
  console.log(await util.promisify(falsyError)());
  const pThis = util.promisify(withThis);
  console.log(await pThis.call({ tag: 'receiver' }), pThis.extra);
  console.log(util.promisify(custom) === custom[util.promisify.custom]);
  console.log(await util.promisify(custom)());
  console.log(util.promisify(pDouble) === pDouble);
  console.log(util.promisify.custom === Symbol.for('nodejs.util.promisify.custom'));
  for (const bad of [undefined, 1, {}]) {
    try {
      util.promisify(bad);
    } catch (err) {
      console.log(err.code, err.message);
    }
  }
  try {
    const f = () => {};
    f[util.promisify.custom] = 'not a function';
    util.promisify(f);
  } catch (err) {
    console.log(err.code, err.message);
  }

  // callbackify
  async function add(a, b) {
    return a + b;
  }
  const cbAdd = util.callbackify(add);
  console.log(cbAdd.name, cbAdd.length);
  await new Promise((resolve) => cbAdd(1, 2, (err, value) => {
    console.log('callbackify:', err, value);
    resolve();
  }));
  for (const reason of [null, 0, '', undefined, new Error('real')]) {
    const cb = util.callbackify(() => Promise.reject(reason));
    await new Promise((resolve) => cb((err) => {
      console.log('rejection:', err instanceof Error, err.code, err.message, 'reason' in err ? err.reason : '-');
      resolve();
    }));
  }
  const order = [];
  const cbSync = util.callbackify(async () => 'x');
  cbSync(() => order.push('callback'));
  order.push('sync');
  await new Promise((resolve) => setTimeout(resolve, 5));
  console.log(order.join(' then '));
  try {
    cbAdd(1, 2);
  } catch (err) {
    console.log(err.code, err.message);
  }
  try {
    util.callbackify('x');
  } catch (err) {
    console.log(err.code, err.message);
  }
})();

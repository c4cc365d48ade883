// Errors thrown by callbacks scheduled inside a domain (timers, intervals, immediates,
// nextTick, queueMicrotask) reach the domain's 'error' listener with err.domain and
// err.domainThrown; callbacks scheduled outside run with no active domain. Each step starts
// after the previous error was handled, so the order does not depend on tick timing.
'use strict';
const domain = require('domain');

const d = domain.create();
const steps = [];
function next() {
  const step = steps.shift();
  if (step) setTimeout(step, 2);
}
d.on('error', (err) => {
  console.log('caught', err.message, err.domain === d, err.domainThrown,
              'active in handler:', process.domain, domain.active, domain._stack.length,
              'own keys:', Object.keys(err));
  next();
});

steps.push(() => {
  console.log('step timeout, no domain:', process.domain == null);
  d.run(() => {
    const t = setTimeout(() => {
      console.log('timeout in domain:', process.domain === d, domain._stack.length);
      throw new Error('from timeout');
    }, 1);
    console.log('timeout.domain:', t.domain === d,
                Object.getOwnPropertyDescriptor(t, 'domain').enumerable);
  });
  console.log('after run:', process.domain, domain.active);
});

steps.push(() => {
  console.log('step interval, no domain:', process.domain == null);
  d.run(() => {
    let n = 0;
    const iv = setInterval(() => {
      n++;
      console.log('interval tick', n, process.domain === d);
      if (n === 2) {
        clearInterval(iv);
        throw new Error('from interval');
      }
    }, 1);
  });
});

steps.push(() => {
  console.log('step immediate');
  d.run(() => {
    const im = setImmediate(() => {
      console.log('immediate in domain:', process.domain === d);
      throw new Error('from immediate');
    });
    console.log('immediate.domain:', im.domain === d);
  });
});

steps.push(() => {
  console.log('step nextTick');
  d.run(() => {
    process.nextTick((a, b) => {
      console.log('tick in domain:', process.domain === d, a, b);
      throw new Error('from nextTick');
    }, 'a', 'b');
  });
});

steps.push(() => {
  console.log('step queueMicrotask');
  d.run(() => {
    queueMicrotask(() => {
      console.log('microtask in domain:', process.domain === d);
      next();
    });
  });
});

steps.push(() => {
  console.log('step outside');
  setTimeout(() => console.log('outside timer:', process.domain == null), 1);
  process.nextTick(() => console.log('outside tick:', process.domain == null));
});

next();

// Whether output to a stream should use ANSI colors, plus the escape codes used by
// assert's diffs.
'use strict';

const COLORS_2 = 1;
const COLORS_16 = 4;
const COLORS_256 = 8;
const COLORS_16m = 24;

// The color depth implied by the environment alone (FORCE_COLOR, NO_COLOR, TERM, ...);
// used when a stream does not implement getColorDepth().
function getColorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) {
    switch (env.FORCE_COLOR) {
      case '':
      case '1':
      case 'true':
        return COLORS_16;
      case '2':
        return COLORS_256;
      case '3':
        return COLORS_16m;
      default:
        return COLORS_2;
    }
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') {
    return COLORS_2;
  }
  if (env.TMUX) return COLORS_16m;
  if (env.CI) return COLORS_256;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return COLORS_16m;
  if (env.TERM) {
    if (/truecolor/.test(env.TERM)) return COLORS_16m;
    if (/-256(color)?$/i.test(env.TERM)) return COLORS_256;
    if (/^screen|^xterm|^vt100|^vt220|^rxvt|color|ansi|cygwin|linux/i.test(env.TERM)) return COLORS_16;
  }
  if (env.COLORTERM) return COLORS_16;
  return COLORS_2;
}

module.exports = {
  blue: '',
  green: '',
  white: '',
  red: '',
  gray: '',
  clear: '',
  hasColors: false,
  getColorDepth,
  shouldColorize(stream) {
    if (process.env.FORCE_COLOR !== undefined) {
      if (stream && typeof stream.getColorDepth === 'function') {
        return stream.getColorDepth() > 2;
      }
      return getColorDepth() > 2;
    }
    if (!stream || !stream.isTTY) return false;
    if (typeof stream.getColorDepth === 'function') return stream.getColorDepth() > 2;
    if (typeof stream.hasColors === 'function') return stream.hasColors();
    return getColorDepth() > 2;
  },
  refresh() {
    const stderr = process.stderr;
    if (stderr && stderr.isTTY) {
      const hasColors = typeof stderr.hasColors === 'function' ? stderr.hasColors() :
        module.exports.shouldColorize(stderr);
      module.exports.blue = hasColors ? '\u001b[34m' : '';
      module.exports.green = hasColors ? '\u001b[32m' : '';
      module.exports.white = hasColors ? '\u001b[39m' : '';
      module.exports.red = hasColors ? '\u001b[31m' : '';
      module.exports.gray = hasColors ? '\u001b[90m' : '';
      module.exports.clear = hasColors ? '\u001bc' : '';
      module.exports.hasColors = hasColors;
    }
  },
};

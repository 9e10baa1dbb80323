#!/usr/bin/env node
// Makes sure redis-server is on this machine for the tests of several relay processes (npm run present --redis):
// installed with apt-get when we are root on Debian, as scripts/ensure-chromium.mjs does for Chromium. The tests start
// their own server on a free loopback port; nothing here starts one. A laptop presenting alone never needs it.
// Usage: node scripts/ensure-redis.mjs
import { ensurePackages, fail, onPath } from './lib/debian-packages.mjs';

ensurePackages(onPath('redis-server') ? [] : ['redis-server'], { missing: 'The tests of several relay processes sharing one Redis need' });
if (!onPath('redis-server')) fail('redis-server is still missing after installing redis-server.');

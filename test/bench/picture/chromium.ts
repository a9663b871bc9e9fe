// The browser the picture's test and benchmark drive: Debian's chromium, which
// scripts/test-prerequisites.sh installs (playwright-core never downloads one). CHROMIUM overrides.
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

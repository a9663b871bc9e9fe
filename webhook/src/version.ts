// Kept in step with package.json by the release process (lerna version); the image's version label
// comes from the same package.json (scripts/image/build.ts).
export const VERSION = '0.1.0';

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The repo holds Python handlers, benchmarks and test output the app never serves.
  outputFileTracingExcludes: { '*': ['lambda-templates/**', 'bench/**', 'e2e/**', 'test-data/**'] },
  // Function assets are built on the server with esbuild, which runs its own binary: never bundled.
  serverExternalPackages: ['esbuild'],
  // The page's own styles (app/base.css and the loading frame's, ~1 KB) go in the page instead of a
  // link to them, so the first paint waits for no second request. Next writes an inlined stylesheet
  // into the page three times (Next.js issues 98079, 98110), which is why the designer's stylesheet
  // (Tailwind, React Flow: 45 KB) is not one of them: it comes with the designer's code.
  experimental: { inlineCss: true },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
        ],
      },
    ];
  },
};

export default nextConfig;

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The repo holds Python handlers, benchmarks and test output the app never serves.
  outputFileTracingExcludes: { '*': ['lambda-templates/**', 'bench/**', 'e2e/**', 'test-data/**'] },
  // Function assets are built on the server with esbuild, which runs its own binary: never bundled.
  serverExternalPackages: ['esbuild'],
  // The stylesheet goes in the page instead of a link to it: the designer is one page, so there is
  // no second page to share a cached stylesheet with, and the first paint no longer waits for a
  // second request, nor for the page's scripts that arrive meanwhile. What it costs (Next writes
  // the stylesheet into the page three times) is measured in the README's "First load".
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

import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './base.css';

export const metadata: Metadata = {
  title: 'Eventform',
  description: 'Design, generate and deploy event-driven AWS serverless architectures',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}

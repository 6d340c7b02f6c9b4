// Setup for the unit project's tests; only the admin app's component tests (jsdom) need any.
import { TextDecoder, TextEncoder } from 'node:util';

if (typeof window !== 'undefined') {
  // jsdom leaves out what react-router and Apollo Client use from the platform.
  globalThis.TextEncoder ??= TextEncoder;
  globalThis.TextDecoder ??= TextDecoder;
  // Tells React that act() is in use (Testing Library's render and events wrap in it).
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
}

import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { hostPermissions } from './lib/sites/platforms';

// Host permissions are only the supported social sites (least privilege); feeds and intake hosts will be
// optional permissions requested when the user adds them.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Chromium: `offscreen`, for the document the CAI SDK runs in (its service worker cannot start a Worker).
    permissions: ['storage', 'alarms', 'contextMenus', 'activeTab', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // The supported sites' pages, where content scripts run, and their image hosts, whose posters and photos
    // are hashed for footage matching: all from lib/sites/platforms.ts.
    host_permissions: hostPermissions(),
    // A feed's host is asked for when the user adds the feed, never before.
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_extName__' },
    // The media tools read Content Credentials with the CAI SDK, which is WebAssembly: compiling it needs
    // 'wasm-unsafe-eval' (no other script source is added).
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'"
        : { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
    ...(browser === 'firefox'
      ? {
          // MV2 has no optional_host_permissions: origins go in optional_permissions.
          optional_permissions: ['https://*/*'],
          browser_specific_settings: {
            gecko: { id: 'sanad@example.org', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
  vite: () => ({ plugins: [preact()] }),
});

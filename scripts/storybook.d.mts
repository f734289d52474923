/** The demo keys a static Storybook build bakes in (public JWKs only). */
export interface DemoKeys {
  publicJwk: Record<string, unknown> & { kid: string }
  unpinnedPublicJwk: Record<string, unknown> & { kid: string }
}
/** The fixed ports: dev (6006, frames 6007) and the static build (6106, frames 6107). */
export declare const PORTS: { dev: { host: number; frames: number }; static: { host: number; frames: number } }
/** Where the static build goes (storybook-static/). */
export declare const STATIC_DIR: string
/** Builds the frames when they are missing or older than the sources, and the manifest. */
export declare function prepare(): void
/** Builds the static Storybook; resolves with the keys baked in. */
export declare function buildStatic(options?: { outDir?: string; ports?: { host: number; frames: number } }): Promise<DemoKeys>
/** Serves a static build and its demo frame origin. */
export declare function serveBuilt(options?: { dir?: string; log?: (line: string) => void }): Promise<{ url: string; frameBase: string; keys: DemoKeys; close(): Promise<void> }>

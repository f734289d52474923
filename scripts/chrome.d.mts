/** Path of the Chromium executable (CHROME_PATH, else /usr/bin/chromium). */
export declare function chromePath(): string
/** Launch flags for headless Chromium on this kind of machine. */
export declare const chromeArgs: string[]

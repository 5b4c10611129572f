// Types of the two Next internals lib/media/rendition-url.test.ts runs the rendition rewrite through
// (the matcher and destination builder of next.config.js rewrites), which Next ships untyped.
declare module 'next/dist/shared/lib/router/utils/path-match' {
  export function getPathMatch(path: string, options?: { removeUnnamedParams?: boolean; strict?: boolean }): (pathname: string) => false | Record<string, string | string[]>;
}
declare module 'next/dist/shared/lib/router/utils/prepare-destination' {
  export function prepareDestination(args: {
    appendParamsToQuery: boolean;
    destination: string;
    params: Record<string, string | string[]>;
    query: Record<string, string | string[]>;
  }): { newUrl: string; parsedDestination: { pathname: string; query: Record<string, string | string[] | undefined> } };
}

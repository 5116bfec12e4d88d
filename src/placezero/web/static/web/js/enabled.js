// Loaded (not deferred) as the body opens: GOV.UK Frontend's styles for a page with
// JavaScript apply before the first paint. A file, not an inline script: the content
// security policy allows scripts from this site only.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");

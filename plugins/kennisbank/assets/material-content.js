/* Material's inline script from partials/javascripts/content.html (the last), as a file: the site's
   Content-Security-Policy allows no inline script (deploy/nginx/). Change: none.
   tests/test_platform.py compares it with the installed Material; on an upgrade, copy it again. */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))

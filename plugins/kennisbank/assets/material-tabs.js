/* Material's inline script from partials/javascripts/content.html (the first), as a file: the site's
   Content-Security-Policy allows no inline script (deploy/nginx/). Change: none.
   tests/test_platform.py compares it with the installed Material; on an upgrade, copy it again. */
var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}}

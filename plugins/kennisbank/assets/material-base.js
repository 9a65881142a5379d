/* Material's inline script from partials/javascripts/base.html, as a file: the site's
   Content-Security-Policy allows no inline script (deploy/nginx/). Change: the page's scope comes from the script element's
   data-md-scope attribute instead of being written into the code.
   tests/test_platform.py compares it with the installed Material; on an upgrade, copy it again. */
__md_scope=new URL(document.currentScript.dataset.mdScope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}

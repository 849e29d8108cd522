#!/usr/bin/env python3
"""Builds spam.jsonl and legit.jsonl from the base texts: applies the disguises bots use.

Deterministic (no randomness), so the files are stable; run from this directory:  python3 make_corpus.py
Base spam lines 1-30 form the development half, 31-60 the held-out half.
"""
import json
import re
import unicodedata

TONE_SWAP = {'ổ': 'ỗ', 'ũ': 'ủ', 'ủ': 'ũ', 'á': 'à', 'à': 'á', 'í': 'ì', 'ú': 'ù', 'ả': 'ã', 'ã': 'ả', 'ạ': 'ả',
             'ế': 'ề', 'ề': 'ế', 'ố': 'ồ', 'ồ': 'ố', 'ớ': 'ờ', 'ờ': 'ớ', 'ư': 'ừ', 'ỉ': 'ĩ', 'ĩ': 'ỉ', 'ỏ': 'õ'}
CYRILLIC = {'a': 'а', 'o': 'о', 'e': 'е', 'c': 'с', 'p': 'р', 'x': 'х', 'y': 'у', 'i': 'і', 'h': 'һ', 'k': 'к'}
GREEK = {'o': 'ο', 'v': 'ν', 'i': 'ι', 'k': 'κ', 'u': 'υ'}
ZW = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad']
DOMAIN = re.compile(r'\b([a-z0-9]+)\.(vip|club|info|com|net)\b')
BRAND = re.compile(r'\b(go88|fb88|kuwin|789bet|hi88|sunwin|new88|jun88|hitclub|rikvip|kubet|8xbet|w88|sv88|nohu90|'
                   r'vn88|shbet|ee88|f8bet|33win|ok9|mb66|mu88|five88|qh88|79king|tf88|zowin|xo88|go789|12bet|gemwin|'
                   r'j88|okvip|v9bet|abc8|fabet|8live|i9bet|fun88)\b')


def strip_marks(text):
    text = text.replace('đ', 'd').replace('Đ', 'D')
    return ''.join(c for c in unicodedata.normalize('NFD', text) if not unicodedata.combining(c))


def tone_swap(text):
    return unicodedata.normalize('NFC', ''.join(TONE_SWAP.get(c, c) for c in unicodedata.normalize('NFC', text)))


def run_together(text):
    words = text.split(' ')
    out, i = [], 0
    while i < len(words):
        out.append(''.join(words[i:i + 3]) if i % 2 == 0 else ' '.join(words[i:i + 3]))
        i += 3
    return ' '.join(out)


def spaced_domain(text, n):
    seps = [' chấm ', ' . ', ' (.) ', '[.]', ' dot ', ' chấm ']
    sep = seps[n % len(seps)]
    text = DOMAIN.sub(lambda m: m.group(1) + sep + m.group(2), text)
    return BRAND.sub(lambda m: ' '.join(m.group(1)) if n % 2 else m.group(1)[:2] + ' ' + m.group(1)[2:], text)


def lookalike(text, table):
    return ''.join(table.get(c, c) if i % 2 == 0 else c for i, c in enumerate(text))


def fullwidth(text):
    return ''.join(chr(ord(c) + 0xFEE0) if '!' <= c <= '~' and i % 3 != 2 else c for i, c in enumerate(text))


def math_bold(text):
    def conv(c):
        if 'a' <= c <= 'z':
            return chr(0x1D41A + ord(c) - ord('a'))
        if 'A' <= c <= 'Z':
            return chr(0x1D400 + ord(c) - ord('A'))
        if '0' <= c <= '9':
            return chr(0x1D7CE + ord(c) - ord('0'))
        return c
    return ''.join(conv(c) for c in text)


def zero_width(text, n):
    out = []
    for i, c in enumerate(text):
        out.append(c)
        if c.isalpha() and i % 2 == 0:
            out.append(ZW[(i + n) % len(ZW)])
    return ''.join(out)


def nfd(text):
    return unicodedata.normalize('NFD', text)


def hidden_link(text, n):
    covers = ['Cảm ơn thầy cô, bài viết rất hữu ích ạ.', 'Chúc trường mình ngày càng phát triển!',
              'Thông tin rất bổ ích, em xin phép chia sẻ.', 'Bài viết hay quá, cảm ơn admin.']
    styles = ['display:none', 'position:absolute;left:-9999px', 'font-size:0', 'visibility:hidden', 'opacity:0',
              'height:0;overflow:hidden']
    m = DOMAIN.search(text) or BRAND.search(text)
    target = m.group(0) if m else 'nohu-doithuong.vip'
    if '.' not in target:
        target += '.vip'
    style = styles[n % len(styles)]
    hidden = '<div style="%s"><a href="https://%s/">%s</a></div>' % (style, target, text)
    if n % 3 == 0:
        hidden = '<span hidden><a href="https://%s/">%s</a></span>' % (target, text)
    return '<p>%s</p>%s' % (covers[n % len(covers)], hidden)


def visible_links(text, n):
    m = DOMAIN.search(text) or BRAND.search(text)
    target = m.group(0) if m else 'doithuong%d.club' % (n % 90 + 10)
    if '.' not in target:
        target += '.com'
    links = ''.join('<a href="https://%s/?ref=%d">link %d</a> ' % (target, k, k) for k in range(3 + n % 3))
    return '<p>%s</p><p>%s</p>' % (text, links)


DISGUISES = [
    ('plain', lambda t, n: t),
    ('no-diacritics', lambda t, n: strip_marks(t)),
    ('tone-swap', lambda t, n: tone_swap(t)),
    ('run-together', lambda t, n: run_together(t)),
    ('spaced-domain', spaced_domain),
    ('cyrillic', lambda t, n: lookalike(t, CYRILLIC)),
    ('fullwidth', lambda t, n: fullwidth(t)),
    ('math-bold', lambda t, n: math_bold(t)),
    ('zero-width', zero_width),
    ('decomposed', lambda t, n: nfd(t)),
    ('hidden-link', hidden_link),
    ('visible-links', visible_links),
    ('no-diacritics-run-together', lambda t, n: run_together(strip_marks(t))),
    ('greek-spaced', lambda t, n: lookalike(spaced_domain(t, n), GREEK)),
]


def base_lines(name):
    with open(name, encoding='utf-8') as f:
        return [line.rstrip('\n') for line in f if line.strip() and not line.startswith('#')]


def main():
    spam = base_lines('spam-base.txt')
    with open('spam.jsonl', 'w', encoding='utf-8') as out:
        for i, text in enumerate(spam):
            for k, step in enumerate((0, 5, 9)):
                name, fn = DISGUISES[(i + step) % len(DISGUISES)]
                out.write(json.dumps({'id': 's%03d-%d' % (i + 1, k), 'split': 'dev' if i < 30 else 'holdout',
                                      'disguise': name, 'text': fn(text, i + k)}, ensure_ascii=False) + '\n')
    legit = base_lines('legit-base.txt')
    with open('legit.jsonl', 'w', encoding='utf-8') as out:
        for i, line in enumerate(legit):
            hard = line.startswith('!')
            text = line[1:] if hard else line
            out.write(json.dumps({'id': 'l%03d' % (i + 1), 'hard': hard, 'text': text}, ensure_ascii=False) + '\n')
            if i % 4 == 1:
                out.write(json.dumps({'id': 'l%03d-u' % (i + 1), 'hard': True, 'text': strip_marks(text)},
                                     ensure_ascii=False) + '\n')


if __name__ == '__main__':
    main()

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { attributeOf, elementBody, findOpeningTag } from './html-element.ts';

describe('findOpeningTag / attributeOf', () => {
  test('finds an element by id whatever the quotes and attribute order', () => {
    for (const html of [
      '<p id="cs" class="abc"></p>',
      "<p class='abc' id='cs'></p>",
      '<p\nclass=abc id=cs></p>',
    ]) {
      const tag = findOpeningTag(html, 'cs');
      assert.equal(tag === undefined ? undefined : attributeOf(tag.text, 'class'), 'abc', html);
    }
  });

  test('skips look-alikes: data-id, text, other ids, other tag names', () => {
    const html =
      '<p data-id="cs" class="no"></p><span>id="cs"</span><p id="csx" class="no"></p><div id="cs" class="yes"></div>';
    const tag = findOpeningTag(html, 'cs');
    assert.equal(tag === undefined ? undefined : attributeOf(tag.text, 'class'), 'yes');
    assert.equal(findOpeningTag(html, 'cs', 'script'), undefined);
  });

  test('decodes entities in attribute values and reads an element body', () => {
    const html = '<script id="x" data-v="a&amp;b&quot;c">{"a":1}</script>';
    const tag = findOpeningTag(html, 'x', 'script');
    assert.ok(tag !== undefined);
    assert.equal(attributeOf(tag.text, 'data-v'), 'a&b"c');
    assert.equal(elementBody(html, tag, 'script'), '{"a":1}');
    assert.equal(
      elementBody('<script id="x">unclosed', { start: 0, end: 15, text: '' }, 'script'),
      undefined,
    );
  });

  test('hostile input stays bounded: an unclosed or enormous tag gives nothing', () => {
    assert.equal(findOpeningTag(`<p id="cs" class="${'a'.repeat(200_000)}`, 'cs'), undefined);
    assert.equal(findOpeningTag(`<p id="cs" class="${'a'.repeat(200_000)}">`, 'cs'), undefined);
    const started = performance.now();
    attributeOf(`<p "${'a'.repeat(100_000)}`, 'class');
    assert.ok(performance.now() - started < 200);
  });
});
